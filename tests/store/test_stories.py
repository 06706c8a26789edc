"""Stories in the store: assigned with the article in one transaction, stable, one per article."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from dossier.article import Article
from dossier.errors import StoreError
from dossier.store import SqliteStore
from dossier.stories import story_id_for
from stories.newsroom import BUS_FARES, QUAKE_TOLMIR, QUAKE_VARNA, articles, stream


def story_rows(path: Path | str, store: SqliteStore | None = None) -> dict[str, str]:
    if store is not None:
        connection = store._live()  # the in-memory store cannot be opened twice
        return dict(connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    with sqlite3.connect(path) as connection:
        return dict(connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())


def test_every_added_article_gets_a_story_in_the_same_add() -> None:
    with SqliteStore(":memory:") as store:
        result = store.add(stream(), assign_stories=True)
        assert len(result.assignments) == len(result.added) == 7
        rows = story_rows(":memory:", store)
        assert set(rows) == set(result.added)
        assert len(set(rows.values())) == 3


def test_story_ids_do_not_change_on_later_ingests_or_a_reopened_store(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    items = stream()
    with SqliteStore(path) as store:
        store.add(items[:4], assign_stories=True)
    before = story_rows(path)
    with SqliteStore(path) as store:  # a new process: the clusterer is replayed from the store
        store.add(items[4:], assign_stories=True)
        store.add(items, assign_stories=True)  # re-ingesting is a no-op
    after = story_rows(path)
    assert {article: after[article] for article in before} == before
    assert after[items[-1].id] == after[items[0].id]  # the third Varna article joined the first one's story


def test_stories_are_listed_newest_first_and_filtered(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "news.db") as store:
        store.add(stream(), assign_stories=True)
        listed = store.stories()
        assert len(listed.stories) == 3
        assert sum(story.size for story in listed.stories) == 7
        fares = store.stories(query="fare")
        assert [story.id for story in fares.stories] == [story_id_for(articles(BUS_FARES, "fares")[0].id)]
        assert store.stories(since=dt.date(2030, 1, 1)).stories == ()


def test_one_story_and_its_articles_can_be_read_back(tmp_path: Path) -> None:
    varna = articles(QUAKE_VARNA, "varna")
    with SqliteStore(tmp_path / "news.db") as store:
        store.add(stream(), assign_stories=True)
        found = store.story(story_id_for(varna[0].id))
        assert found is not None
        story, members = found
        assert [article.id for article in members] == [article.id for article in varna]
        assert story.size == 3
        assert store.story("s-unknown") is None


def test_a_failed_batch_leaves_no_article_and_no_story(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    good = articles(QUAKE_TOLMIR, "tolmir")
    broken = dataclasses.replace(good[1], metadata={"bad": {1, 2}})  # a set cannot be stored as JSON
    with SqliteStore(path) as store:
        store.add(articles(BUS_FARES, "fares"), assign_stories=True)
        with pytest.raises(StoreError):
            store.add([good[0], broken], assign_stories=True)
        assert good[0].id not in story_rows(path)
        assert store.get(good[0].id) is None
        # The store goes on: the rolled-back article is assigned once it is really added.
        store.add(good, assign_stories=True)
    rows = story_rows(path)
    assert rows[good[0].id] == rows[good[1].id] == story_id_for(good[0].id)


def test_articles_stored_without_stories_are_placed_by_the_next_assigning_add(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with SqliteStore(path) as store:
        store.add(articles(QUAKE_VARNA, "varna"))
        assert story_rows(path) == {}
        store.add(articles(BUS_FARES, "fares"), assign_stories=True)
    assert len(story_rows(path)) == 5


def _ingest(path: str, items: list[Article]) -> None:
    with SqliteStore(path) as store:
        for article in items:
            store.add([article], assign_stories=True)


def test_two_ingests_at_once_never_give_one_article_two_stories(tmp_path: Path) -> None:
    path = str(tmp_path / "news.db")
    SqliteStore(path).close()
    items = stream()
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_ingest, args=(path, items)),
        context.Process(target=_ingest, args=(path, list(reversed(items)))),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with sqlite3.connect(path) as connection:
        counts = connection.execute(
            "SELECT article_id, count(*) FROM story_articles GROUP BY article_id"
        ).fetchall()
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == len(items)
    assert len(counts) == len(items) and all(count == 1 for _, count in counts)
    with SqliteStore(path) as store:
        assert sum(story.size for story in store.stories().stories) == len(items)
