"""The catalog: the story index replayed once, in the background at startup, and stores per thread."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.pipeline import Options
from dossier.web import ServeSettings, create_app
from dossier.web.catalog import Catalog


def replays(caplog: pytest.LogCaptureFixture) -> int:
    return sum("replayed" in record.getMessage() for record in caplog.records)


def test_the_thread_that_made_the_catalog_can_read_through_it(demo_db: Path) -> None:
    catalog = Catalog(demo_db, Options())
    try:
        assert catalog.index().count == catalog.store().count() > 0
    finally:
        catalog.close()


def test_the_app_replays_the_stories_at_startup_and_the_first_request_reuses_them(
    demo_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="dossier.web.catalog")
    app = create_app(ServeSettings(db=demo_db))
    with TestClient(app) as client:
        warming: threading.Thread = app.state.warming
        warming.join(60)
        assert not warming.is_alive()
        assert replays(caplog) == 1
        assert client.get("/").status_code == 200
        assert client.get("/?q=river").status_code == 200
        assert replays(caplog) == 1  # the requests used the index the startup made


def test_requests_during_a_replay_wait_for_it_instead_of_replaying_again(
    demo_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="dossier.web.catalog")
    catalog = Catalog(demo_db, Options())
    try:
        readers = [threading.Thread(target=catalog.index) for _ in range(4)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(60)
        assert replays(caplog) == 1
        catalog.invalidate()  # as after an ingest: the next reader replays once more
        catalog.index()
        assert replays(caplog) == 2
    finally:
        catalog.close()
