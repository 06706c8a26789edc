"""Stories in the store (SQLite and PostgreSQL): assigned with the article in one transaction, stable,
one per article, also with 4 ingest processes writing at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import sqlite3
from typing import Any

import psycopg
import pytest

from dossier.article import Article
from dossier.errors import StoreError
from dossier.store import open_store, story_keeper
from dossier.stories import OnlineClusterer, Settings, find_stories, story_id_for
from dossier.stories.state import fingerprint
from stories.newsroom import (
    BUS_FARES,
    QUAKE_TOLMIR,
    QUAKE_VARNA,
    articles,
    related_stream,
    stream,
    varied_stream,
)


def query(location: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` read straight from the database, past the store."""
    if location.startswith("postgresql://"):
        with psycopg.connect(location) as connection:
            return connection.execute(sql.encode()).fetchall()
    with sqlite3.connect(location) as connection:
        return connection.execute(sql).fetchall()


def change(location: str, sql: str) -> None:
    """Run one statement straight on the database, past the store, and commit it."""
    if location.startswith("postgresql://"):
        with psycopg.connect(location) as connection:
            connection.execute(sql.encode())
    else:
        with sqlite3.connect(location) as connection:
            connection.execute(sql)


def story_rows(location: str) -> dict[str, str]:
    return dict(query(location, "SELECT article_id, story_id FROM story_articles"))


def test_every_added_article_gets_a_story_in_the_same_add(store_location: str) -> None:
    with open_store(store_location) as store:
        result = store.add(stream(), assign_stories=True)
        assert len(result.assignments) == len(result.added) == 7
        rows = story_rows(store_location)
        assert set(rows) == set(result.added)
        assert len(set(rows.values())) == 3


def test_story_ids_do_not_change_on_later_ingests_or_a_reopened_store(store_location: str) -> None:
    path = store_location
    items = stream()
    with open_store(path) as store:
        store.add(items[:4], assign_stories=True)
    before = story_rows(path)
    with open_store(path) as store:  # a new process: the clusterer is replayed from the store
        store.add(items[4:], assign_stories=True)
        store.add(items, assign_stories=True)  # re-ingesting is a no-op
    after = story_rows(path)
    assert {article: after[article] for article in before} == before
    assert after[items[-1].id] == after[items[0].id]  # the third Varna article joined the first one's story


def test_stories_are_listed_newest_first_and_filtered(store_location: str) -> None:
    with open_store(store_location) as store:
        store.add(stream(), assign_stories=True)
        listed = store.stories()
        assert len(listed.stories) == 3
        assert sum(story.size for story in listed.stories) == 7
        fares = store.stories(query="fare")
        assert [story.id for story in fares.stories] == [story_id_for(articles(BUS_FARES, "fares")[0].id)]
        assert store.stories(since=dt.date(2030, 1, 1)).stories == ()


def test_matching_ids_are_the_ids_select_gives_sorted_by_id(store_location: str) -> None:
    with open_store(store_location) as store:
        store.add(stream(), assign_stories=True)
        assert store.matching_ids("fare") == sorted(article.id for article in store.select(query="fare"))
        assert store.matching_ids("fare")


def test_one_story_and_its_articles_can_be_read_back(store_location: str) -> None:
    varna = articles(QUAKE_VARNA, "varna")
    with open_store(store_location) as store:
        store.add(stream(), assign_stories=True)
        found = store.story(story_id_for(varna[0].id))
        assert found is not None
        story, members = found
        assert [article.id for article in members] == [article.id for article in varna]
        assert story.size == 3
        assert store.story("s-unknown") is None


def test_a_failed_batch_leaves_no_article_and_no_story(store_location: str) -> None:
    path = store_location
    good = articles(QUAKE_TOLMIR, "tolmir")
    broken = dataclasses.replace(good[1], metadata={"bad": {1, 2}})  # a set cannot be stored as JSON
    with open_store(path) as store:
        store.add(articles(BUS_FARES, "fares"), assign_stories=True)
        with pytest.raises(StoreError):
            store.add([good[0], broken], assign_stories=True)
        assert good[0].id not in story_rows(path)
        assert store.get(good[0].id) is None
        # The store goes on: the rolled-back article is assigned once it is really added.
        store.add(good, assign_stories=True)
    rows = story_rows(path)
    assert rows[good[0].id] == rows[good[1].id] == story_id_for(good[0].id)


def test_articles_stored_without_stories_are_placed_by_the_next_assigning_add(store_location: str) -> None:
    path = store_location
    with open_store(path) as store:
        store.add(articles(QUAKE_VARNA, "varna"))
        assert story_rows(path) == {}
        store.add(articles(BUS_FARES, "fares"), assign_stories=True)
    assert len(story_rows(path)) == 5


def _ingest(location: str, items: list[Article]) -> None:
    with open_store(location) as store:
        for article in items:
            store.add([article], assign_stories=True)


def _rotated(items: list[Article], by: int) -> list[Article]:
    return items[by:] + items[:by]


def test_four_ingests_at_once_never_store_twice_lose_or_give_one_article_two_stories(
    store_location: str,
) -> None:
    location = store_location
    open_store(location).close()  # made and migrated before the race, as a deployment would
    items = stream()
    context = multiprocessing.get_context("spawn")
    orders = [items, list(reversed(items)), _rotated(items, 3), _rotated(list(reversed(items)), 2)]
    workers = [context.Process(target=_ingest, args=(location, order)) for order in orders]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    stored = query(location, "SELECT count(*), count(DISTINCT id) FROM articles")
    assert stored == [(len(items), len(items))]
    counts = query(location, "SELECT article_id, count(*) FROM story_articles GROUP BY article_id")
    assert len(counts) == len(items) and all(count == 1 for _, count in counts)
    # Integrity: every story row points at a stored article and a known story.
    orphans = query(
        location,
        "SELECT count(*) FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles) "
        "OR story_id NOT IN (SELECT id FROM stories)",
    )
    assert orphans == [(0,)]
    with open_store(location) as store:
        listed = store.stories().stories
        assert sum(story.size for story in listed) == len(items)
        assert {story.id for story in listed} == set(story_rows(location).values())
    # The same grouping as one ingest in one process finds (which article opened a story may differ).
    assert _grouping(story_rows(location)) == _grouping(_one_process_rows(items))


def _grouping(rows: dict[str, str]) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article, story in rows.items():
        members.setdefault(story, set()).add(article)
    return {frozenset(group) for group in members.values()}


def _one_process_rows(items: list[Article]) -> dict[str, str]:
    with open_store(":memory:") as store:
        result = store.add(items, assign_stories=True)
    placed = {assignment.article_id: assignment.story_id for assignment in result.assignments}
    merged = {merge.absorbed: merge.survivor for a in result.assignments for merge in a.merges}
    return {article: _followed(story, merged) for article, story in placed.items()}


def _followed(story: str, merged: dict[str, str]) -> str:
    while story in merged:
        story = merged[story]
    return story


def test_ingest_in_chunks_across_connections_gives_what_one_ingest_gives(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(story_keeper, "SAVE_EVERY_ARTICLES", 10)
    monkeypatch.setattr(story_keeper, "SAVE_GROWTH", 0.0)
    items = varied_stream(60, seed=11)
    for start in range(0, len(items), 7):  # a new connection (a new process) per chunk
        with open_store(store_location) as store:
            store.add(items[start : start + 7], assign_stories=True)
    with open_store(":memory:") as store:
        store.add(items, assign_stories=True)
        expected = store.stories()
    assert story_rows(store_location) == _one_process_rows(items)
    with open_store(store_location) as store:
        assert store.stories() == expected
    assert query(store_location, "SELECT count(*) FROM story_state") == [(1,)]


def test_a_closing_writer_saves_its_state_and_the_next_connection_resumes_without_replaying(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = varied_stream(24, seed=2)
    with open_store(store_location) as store:
        store.add(items[:12], assign_stories=True)
        store.add(items[12:20], assign_stories=True)
        assert query(store_location, "SELECT count(*) FROM story_state") == [(0,)]  # too few to save
    assert query(store_location, "SELECT article_seq FROM story_state") == [(20,)]  # saved on close

    def replay(*_: object) -> None:
        raise AssertionError("a stored article was replayed")

    monkeypatch.setattr(OnlineClusterer, "place", replay)
    with open_store(store_location) as store:
        result = store.add(items[20:], assign_stories=True)
    assert len(result.assignments) == 4


def test_listing_stories_reads_rows_and_runs_no_clusterer(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_location) as store:
        store.add(stream(), assign_stories=True)
        expected = store.stories()

    def clustering(*_: object, **__: object) -> None:
        raise AssertionError("listing ran the clusterer")

    monkeypatch.setattr(story_keeper.StoryKeeper, "sync", clustering)
    with open_store(store_location) as store:
        listed = store.stories()
        assert listed == expected
        assert [story.size for story in listed.stories] == [3, 2, 2]
        assert all(story.label for story in listed.stories)
        found = store.story(listed.stories[0].id)
        assert found is not None and found[0] == listed.stories[0]


def test_a_saved_state_made_under_other_settings_is_not_used(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(story_keeper, "SAVE_EVERY_ARTICLES", 1)
    items = stream()
    with open_store(store_location) as store:
        store.add(items[:4], assign_stories=True)
    other = fingerprint(Settings(join_threshold=0.3))
    if store_location.startswith("postgresql://"):
        with psycopg.connect(store_location) as connection:
            connection.execute("UPDATE story_state SET fingerprint = %s", (other,))
    else:
        with sqlite3.connect(store_location) as connection:
            connection.execute("UPDATE story_state SET fingerprint = ?", (other,))
    with open_store(store_location) as store:  # replays the store, as before states were saved
        store.add(items[4:], assign_stories=True)
    assert story_rows(store_location)[items[-1].id] == story_rows(store_location)[items[0].id]


def test_a_store_kept_before_listing_rows_is_listed_by_replay_and_filled_in_by_the_next_write(
    store_location: str,
) -> None:
    items = stream()
    with open_store(store_location) as store:
        store.add(items[:5], assign_stories=True)
        expected = store.stories()
    for sql in ("UPDATE story_articles SET member = NULL", "UPDATE stories SET label = NULL"):
        change(store_location, sql)
    with open_store(store_location) as store:
        assert store.stories() == expected
        store.add(items[5:], assign_stories=True)
    assert query(store_location, "SELECT count(*) FROM story_articles WHERE member IS NULL") == [(0,)]
    live_unlabelled = "SELECT count(*) FROM stories WHERE label IS NULL AND merged_into IS NULL"
    assert query(store_location, live_unlabelled) == [(0,)]


@pytest.mark.parametrize("resume", [True, False], ids=["saved-state", "replay"])
def test_a_store_lists_the_topics_its_ingests_found_however_a_writer_resumes(
    store_location: str, monkeypatch: pytest.MonkeyPatch, resume: bool
) -> None:
    if resume:
        monkeypatch.setattr(story_keeper, "SAVE_EVERY_ARTICLES", 1)
    items = related_stream()
    expected, _ = find_stories(items)
    with open_store(store_location) as store:
        store.add(items[:3], assign_stories=True)
    if not resume:
        change(store_location, "DELETE FROM story_state")
    with open_store(store_location) as store:  # a new writer: resumed or replayed, then it goes on
        store.add(items[3:], assign_stories=True)
        listed = store.stories()
    topics = {story.id: story.topic for story in listed.stories}
    assert topics == {story.id: story.topic for story in expected.stories}
    assert len(set(topics.values())) == 2  # the two arrests share one topic; the fares have their own
    rows = query(store_location, "SELECT count(*) FROM story_relations")
    assert rows[0][0] >= 1
