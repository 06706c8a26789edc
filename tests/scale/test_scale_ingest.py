"""The map half on Dask workers stores what the plain loop stores: ids, stories, failures, analyses."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from dossier.analyze import analyzer_key
from dossier.errors import NothingReadError, SourceError, UsageError
from dossier.pipeline import Options, ingest
from dossier.scale import connect, reading
from dossier.scale.ingest import ingest_on, model_name
from dossier.store import Store, open_store
from scale.desk import OUTLETS, SIGN_OFF, write_desk


def snapshot(store: Store) -> tuple[Any, ...]:
    """Everything an ingest decides: each article as stored, and the stories with their ids and members."""
    articles = [article.to_dict() for article in store.select()]
    return (articles, store.stories().to_dict())


def test_two_workers_store_what_the_plain_loop_stores(
    client: Any, store_location: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    write_desk(tmp_path / "desk")
    sources = [str(tmp_path / "desk")]
    postgres = store_location.startswith("postgresql")
    other = request.getfixturevalue("pg_cluster").fresh_url() if postgres else str(tmp_path / "other.db")
    with open_store(store_location) as serial, open_store(other) as spread:
        one = ingest(sources, serial)
        many = ingest_on(client, sources, spread)
        assert many == one  # the same AddResult (ids, assignments) and the same failures, in order
        assert snapshot(spread) == snapshot(serial)
    assert len(one[0].added) == 18
    assert [failure.source for failure in one[1]] == [str(tmp_path / "desk" / "zz-broken.txt")]
    assert len({assignment.story_id for assignment in one[0].assignments}) >= 3


def test_an_outlets_repeated_line_is_found_across_partitions(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "PARTITION_NAMES", 1)  # every file a task of its own
    write_desk(tmp_path / "desk")
    sources = [str(tmp_path / "desk")]
    with open_store(str(tmp_path / "a.db")) as serial, open_store(str(tmp_path / "b.db")) as spread:
        ingest(sources, serial)
        ingest_on(client, sources, spread)
        assert snapshot(spread) == snapshot(serial)
        texts = [article.text for article in spread.select()]
    for outlet in OUTLETS:
        assert not any(SIGN_OFF.format(outlet=outlet) in text for text in texts)
    assert any("Kelvorn ferry" in text for text in texts)


def test_analyze_keeps_the_analyses_the_plain_loop_keeps(client: Any, tmp_path: Path) -> None:
    write_desk(tmp_path / "desk", per_story=1)
    sources = [str(tmp_path / "desk")]
    key = analyzer_key(Options().model)
    with open_store(str(tmp_path / "a.db")) as serial, open_store(str(tmp_path / "b.db")) as spread:
        added, _ = ingest(sources, serial, analyze=True)
        ingest_on(client, sources, spread, analyze=True)
        ids = list(added.added)
        one, many = serial.analyses(ids, key), spread.analyses(ids, key)
    assert set(many) == set(ids)
    assert {k: v.to_dict() for k, v in many.items()} == {k: v.to_dict() for k, v in one.items()}


def test_articles_a_store_has_analyzed_are_not_analyzed_again(client: Any, tmp_path: Path) -> None:
    write_desk(tmp_path / "desk", per_story=1)
    sources = [str(tmp_path / "desk")]
    model = model_name(Options())
    asked: list[str] = []

    def everything_analyzed(ids: Sequence[str]) -> set[str]:
        asked.extend(ids)
        return set(ids)

    limits = Options().limits
    fresh = reading.map_read(client, sources, limits=limits, analyze_with=model, analyzed=lambda ids: set())
    again = reading.map_read(client, sources, limits=limits, analyze_with=model, analyzed=everything_analyzed)
    ids = [article.id for article in fresh.articles]
    assert {analysis.article_id for analysis in fresh.analyses} == set(ids)
    assert sorted(asked) == sorted(ids)
    assert again.articles == fresh.articles
    assert again.analyses == ()


def test_a_second_ingest_keeps_the_analyses_of_the_first(client: Any, tmp_path: Path) -> None:
    write_desk(tmp_path / "desk", per_story=1)
    sources = [str(tmp_path / "desk")]
    key = analyzer_key(Options().model)
    with open_store(str(tmp_path / "a.db")) as store:
        added, _ = ingest_on(client, sources, store, analyze=True)
        first = store.analyses(list(added.added), key)
        ingest_on(client, sources, store, analyze=True)
        assert store.analyses(list(added.added), key) == first
        assert store.analyzed([*added.added, "not-stored"], key) == frozenset(added.added)


def test_standard_input_is_read_here_and_placed_in_order(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_desk(tmp_path / "desk", per_story=1)
    piped = "Kelvorn ferry resumes crossings\n\nThe Kelvorn ferry line ran its first crossing in ten days.\n"
    sources = [str(tmp_path / "desk" / "ferry-00.txt"), "-", str(tmp_path / "desk" / "orchard-00.txt")]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped.encode())))
    with open_store(str(tmp_path / "b.db")) as spread:
        added, failures = ingest_on(client, sources, spread)
        sources_stored = [spread.get(article_id).source for article_id in added.added]  # type: ignore[union-attr]
    assert failures == ()
    assert [Path(s).name for s in sources_stored] == ["ferry-00.txt", "-", "orchard-00.txt"]


def test_nothing_readable_and_strict_fail_as_the_plain_loop_does(client: Any, tmp_path: Path) -> None:
    write_desk(tmp_path / "desk", per_story=1)
    with open_store(str(tmp_path / "b.db")) as spread:
        with pytest.raises(NothingReadError) as nothing:
            ingest_on(client, [str(tmp_path / "desk" / "zz-broken.txt"), str(tmp_path / "absent")], spread)
        assert [Path(f.source).name for f in nothing.value.failures] == ["zz-broken.txt", "absent"]
        with pytest.raises(SourceError):
            ingest_on(client, [str(tmp_path / "desk")], spread, options=Options(strict=True))
        assert spread.count() == 0


def test_connect_wants_workers_or_a_scheduler() -> None:
    with pytest.raises(UsageError), connect():
        pass
    with pytest.raises(UsageError), connect(workers=0):
        pass
