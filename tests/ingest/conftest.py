"""Fixtures for the ingest tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from dossier.ingest import Fetcher, Limits

from .helpers import FIXTURES, GOOD_TEXT


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def make_fetcher() -> Iterator[Callable[..., Fetcher]]:
    """Builds fetchers on fake transports and closes them after the test."""
    made: list[Fetcher] = []

    def build(transport: httpx.BaseTransport, limits: Limits | None = None) -> Fetcher:
        fetcher = Fetcher(limits=limits or Limits(), transport=transport)
        made.append(fetcher)
        return fetcher

    yield build
    for fetcher in made:
        fetcher.close()
