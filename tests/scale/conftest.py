"""One small local Dask cluster for the Dask tests that do not kill workers (starting one costs seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dossier.scale import connect


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    with connect(workers=2) as started:
        yield started
