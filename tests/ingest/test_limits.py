"""limits: the caps validate themselves and print sizes the way people read them."""

from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.ingest.limits import Limits, describe_size


def test_defaults() -> None:
    limits = Limits()
    assert limits.max_bytes == 20 * 1024 * 1024
    assert limits.timeout_s == 15.0
    assert limits.max_feed_items == 500
    assert limits.max_page_fetches == 100


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_bytes": 0},
        {"timeout_s": 0.0},
        {"timeout_s": float("nan")},
        {"max_feed_items": 0},
        {"max_page_fetches": -1},
    ],
)
def test_impossible_limits_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(UsageError):
        Limits(**kwargs)  # type: ignore[arg-type]


def test_describe_size() -> None:
    assert describe_size(512) == "512 bytes"
    assert describe_size(3 * 1024 + 300) == "3.3 KiB"
    assert describe_size(50 * 1024 * 1024) == "50.0 MiB"
