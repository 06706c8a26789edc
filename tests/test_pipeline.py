"""End-to-end behaviour of the stages in pipeline.py, on a small hand-written story."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

import dossier
from dossier import nlp
from dossier.article import Article, article_id
from dossier.briefing import Briefing
from dossier.embed import Vectors
from dossier.embed.tfidf import TfidfEncoder
from dossier.errors import SourceError, StageError
from dossier.pipeline import Options, brief, ingest, merge_exact_copies, read_articles, run_story, story_of
from dossier.render import to_json
from dossier.render.schema import check_offsets, validate
from dossier.store import open_store

STORY = Path(__file__).parent / "fixtures" / "story"


def story_sources() -> list[str]:
    return [str(path) for path in sorted(STORY.glob("*.txt"))]


def test_brief_reads_cleans_and_orders_the_story() -> None:
    briefing = brief(story_sources())
    # The undated syndicated copy reports the same Wednesday as the dated report, so its date is inferred.
    assert [(a.published, a.published_inferred) for a in briefing.articles] == [
        (dt.date(2025, 6, 2), False),
        (dt.date(2025, 6, 12), False),
        (dt.date(2025, 6, 12), True),
    ]
    assert briefing.stages[:4] == (
        "merge-exact-copies",
        "mark-near-duplicates",
        "infer-dates",
        "order-for-reading",
    )
    assert briefing.stages[-1] == "summarize"
    for article in briefing.articles:
        assert "originally appeared" not in article.text
        assert "Reporting by" not in article.text
        assert article.id == article_id(article.text)


def test_syndicated_copy_points_at_the_original() -> None:
    briefing = brief(story_sources())
    report, copy = briefing.articles[1], briefing.articles[2]
    assert copy.duplicate_of == report.id
    assert report.duplicate_of is None


def test_summary_is_verbatim_and_led_by_original_articles() -> None:
    briefing = brief(story_sources())
    assert briefing.summary
    duplicates = {a.id for a in briefing.articles if a.duplicate_of}
    for line in briefing.summary:
        first = line.citations[0]
        assert briefing.article(first.article_id).text[first.start : first.end] == line.text
        # A syndicated copy may add a citation to a line, never supply one of its own.
        assert first.article_id not in duplicates


def test_output_validates_against_the_schema() -> None:
    data = json.loads(to_json(brief(story_sources())))
    validate(data)
    check_offsets(data)
    assert data["schema"] == "dossier/briefing@1"


def test_same_input_gives_the_same_briefing_byte_for_byte() -> None:
    assert to_json(brief(story_sources())) == to_json(brief(list(reversed(story_sources()))))


def test_bad_sources_are_reported_and_the_rest_is_briefed(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    briefing = brief([*story_sources(), str(binary), str(tmp_path / "missing.txt")])
    assert len(briefing.articles) == 3
    assert {f.source for f in briefing.failures} == {str(binary), str(tmp_path / "missing.txt")}


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(SourceError, match="no article could be read"):
        brief([str(empty)])


def test_strict_makes_any_failure_fatal(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    with pytest.raises(SourceError) as caught:
        read_articles([*story_sources(), str(empty)], options=Options(strict=True))
    assert caught.value.source == str(empty)


def test_exact_copies_merge_into_one_article(tmp_path: Path) -> None:
    first = STORY / "02_harbor_report.txt"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(first.read_bytes())
    briefing = brief([str(first), str(copy)])
    assert len(briefing.articles) == 1
    kept, other = sorted([str(first), str(copy)])  # the copy first by source name is kept, whatever the order
    assert briefing.articles[0].source == kept
    assert briefing.articles[0].metadata["also_from"] == [other]
    assert brief([str(copy), str(first)]).articles[0].source == kept


def test_a_broken_stage_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(story: Briefing) -> Briefing:
        raise RuntimeError("boom")

    monkeypatch.setattr("dossier.pipeline.order_for_reading", explode)
    article = Article(id=article_id("x y z"), source="s", text="x y z")
    with pytest.raises(StageError, match="boom") as caught:
        run_story(story_of((article,)))
    assert caught.value.stage == "order-for-reading"


def test_merge_exact_copies_keeps_first_seen_order() -> None:
    a = Article(id="a", source="one", text="alpha")
    b = Article(id="b", source="two", text="beta")
    merged = merge_exact_copies(Briefing(articles=(a, b, dataclasses.replace(a, source="three"))))
    assert [x.source for x in merged.articles] == ["one", "two"]


def test_ingest_then_brief_a_selection_from_the_store() -> None:
    with open_store(":memory:") as store:
        added, failures = ingest(story_sources(), store)
        assert len(added.added) == 3 and not failures
        again, _ = ingest(story_sources(), store)
        assert again.added == () and len(again.unchanged) == 3
        briefing = brief(store=store, query="quota", since=dt.date(2025, 6, 10))
    assert [a.published for a in briefing.articles] == [dt.date(2025, 6, 12)]


def test_a_story_read_before_is_briefed_without_loading_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(":memory:") as store:
        ingest(story_sources(), store)
        first = brief(store=store, options=Options(encoder="tfidf"))

        def refuse(name: str) -> None:
            raise AssertionError(f"pipeline {name} loaded although every analysis is kept")

        monkeypatch.setattr(nlp, "_LOADED", {})
        monkeypatch.setattr(nlp, "_load", refuse)
        again = brief(store=store, options=Options(encoder="tfidf"))
    assert to_json(again) == to_json(first)


def test_the_package_api_mirrors_the_cli(tmp_path: Path) -> None:
    briefing = dossier.brief(story_sources())
    paths = dossier.write_briefing(briefing, tmp_path / "out")
    assert sorted(p.name for p in paths) == ["briefing.html", "briefing.json", "briefing.md"]


def test_on_stage_hears_every_stage_in_order() -> None:
    heard: list[str] = []
    briefing = brief(story_sources(), on_stage=heard.append)
    assert tuple(heard) == ("analyze", *briefing.stages)  # the per-article reading is heard first


@dataclasses.dataclass
class CountingEncoder:
    """The real TF-IDF encoder, counting the texts it is asked to encode."""

    inner: TfidfEncoder = dataclasses.field(default_factory=TfidfEncoder)
    name: str = "tfidf"
    encoded: list[str] = dataclasses.field(default_factory=list)

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.encoded.extend(texts)
        return self.inner.encode(texts)


def test_the_sentence_pool_is_encoded_once_for_issues_coverage_and_summary() -> None:
    encoder = CountingEncoder()
    briefing = brief(story_sources(), options=Options(encoder=encoder))
    assert {"issues", "coverage", "summarize"} <= set(briefing.stages)
    pool_texts = {line.text for line in briefing.summary}
    assert pool_texts
    assert all(encoder.encoded.count(text) == 1 for text in pool_texts)
