"""The catalog: the story index replayed once, in the background at startup and after an ingest."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.article import Article, article_id
from dossier.pipeline import Options
from dossier.stories.model import FoundStory
from dossier.web import ServeSettings, create_app
from dossier.web.catalog import Catalog, StoryIndex


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
        catalog.invalidate()  # as after an ingest: the next caller that needs it replays once more
        catalog.fresh_index()
        assert replays(caplog) == 2
    finally:
        catalog.close()


def test_after_an_ingest_pages_show_the_previous_stories_until_the_new_ones_are_replayed(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = Catalog(demo_db, Options())
    try:
        before = catalog.index()
        held = threading.Event()
        replay = StoryIndex.of

        def held_replay(count: int, stories: list[FoundStory]) -> StoryIndex:
            assert held.wait(60), "the test never let the replay go"
            return replay(count, stories)

        monkeypatch.setattr(StoryIndex, "of", held_replay)
        text = (
            "Ferry strike ends at Gullhaven\n\nFerry crews at Gullhaven ended their four-day strike on "
            "Thursday after the port authority agreed to hire six more deckhands, a union official said."
        )
        added = Article(id=article_id(text), source="test", text=text, outlet="Test Post")
        catalog.store().add([added], assign_stories=True)
        catalog.invalidate()
        assert catalog.index() is before  # answered at once, from the stories shown so far
        assert catalog.stories() == list(before.stories)
        # A page that asks for the new article waits for the replay rather than saying it is unknown.
        found: list[str | None] = []
        asking = threading.Thread(target=lambda: found.append(catalog.story_of_article(added.id)))
        asking.start()
        asking.join(0.2)
        assert asking.is_alive() and not found
        held.set()
        asking.join(60)
        assert found and found[0] is not None
        after = catalog.index()
        assert after.count == before.count + 1 and after.story_of_article[added.id] == found[0]
    finally:
        catalog.close()
