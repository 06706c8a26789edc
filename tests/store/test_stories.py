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
from dossier.store import open_store
from dossier.stories import story_id_for
from stories.newsroom import BUS_FARES, QUAKE_TOLMIR, QUAKE_VARNA, articles, stream


def query(location: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` read straight from the database, past the store."""
    if location.startswith("postgresql://"):
        with psycopg.connect(location) as connection:
            return connection.execute(sql.encode()).fetchall()
    with sqlite3.connect(location) as connection:
        return connection.execute(sql).fetchall()


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


def test_matching_ids_are_the_ids_select_gives_without_reading_articles(store_location: str) -> None:
    with open_store(store_location) as store:
        store.add(stream(), assign_stories=True)
        assert store.matching_ids("fare") == [article.id for article in store.select(query="fare")]
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
