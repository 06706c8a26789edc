"""Tests for dossier.timeline: dated, merged, extractive timeline entries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from dossier.demo import demo_paths
from dossier.pipeline import mark_near_duplicates, read_articles
from dossier.timeline import timeline_stage
from dossier.timex import infer_dates_stage
from figures.stories import STORY_NAMES, by_source, gold, make_article, story
from reading import analyzed_story

DATE_FORM = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@pytest.mark.parametrize("name", STORY_NAMES)
def test_entries_are_extractive_dated_and_in_order(name: str) -> None:
    result = timeline_stage(story(name))
    for entry in result.timeline:
        assert DATE_FORM.match(entry.date)
        first = entry.evidence[0]
        assert result.article(first.article_id).text[first.start : first.end] == entry.text
    starts = [entry.date.ljust(10, "0") for entry in result.timeline]
    assert starts == sorted(starts)


@pytest.mark.parametrize("name", STORY_NAMES)
def test_annotated_events_are_merged_across_articles(name: str) -> None:
    briefing = story(name)
    result = timeline_stage(briefing)
    for expected in gold(name)["timeline"]:
        wanted = {by_source(briefing, source).id for source in expected["articles"]}
        assert any(
            entry.date == expected["date"] and wanted <= {c.article_id for c in entry.evidence}
            for entry in result.timeline
        ), expected


def test_unrelated_sentences_on_one_day_stay_apart() -> None:
    first = make_article("The museum reopened on Monday after a flood.", published=dt.date(2026, 3, 10))
    second = make_article(
        "A cycling race crossed the pass on Monday in snow.", published=dt.date(2026, 3, 10)
    )
    result = timeline_stage(analyzed_story(articles=(first, second)))
    assert [len(entry.evidence) for entry in result.timeline] == [1, 1]


def test_duplicates_and_vague_spans_add_nothing() -> None:
    text = "The bridge will open in coming weeks. Inspectors approved it on Monday at the river."
    first = make_article(text, published=dt.date(2026, 3, 10))
    copy = dataclasses.replace(
        make_article(text + " More.", published=dt.date(2026, 3, 10)), duplicate_of=first.id
    )
    result = timeline_stage(analyzed_story(articles=(first, copy)))
    assert [entry.date for entry in result.timeline] == ["2026-03-09"]
    assert {c.article_id for c in result.timeline[0].evidence} == {first.id}


def test_undated_article_without_inference_gives_only_absolute_dates() -> None:
    article = make_article("Voting ended on Sunday. The law dates from March 2019.")
    assert [entry.date for entry in timeline_stage(analyzed_story(articles=(article,))).timeline] == [
        "2019-03"
    ]


def test_demo_timeline_holds_the_gold_events() -> None:
    briefing = infer_dates_stage(
        mark_near_duplicates(analyzed_story(articles=read_articles([str(p) for p in demo_paths()]).articles))
    )
    dates = {entry.date for entry in timeline_stage(briefing).timeline}
    assert {"2024-11", "2025-03-04", "2025-03-11", "2025-03-12", "2025-03-13", "2025-04-01"} <= dates
    assert timeline_stage(briefing) == timeline_stage(briefing)


def test_a_sentence_giving_two_dates_is_listed_once_with_the_other_date_beside_it() -> None:
    text = (
        "The ferry union said on Monday, March 10, 2025, that crews would strike in April. "
        "Harbour talks collapsed on Friday."
    )
    result = timeline_stage(analyzed_story([make_article(text, published=dt.date(2025, 3, 11))]))
    texts = [entry.text for entry in result.timeline]
    assert len(texts) == len(set(texts))
    first = next(entry for entry in result.timeline if entry.text.startswith("The ferry union"))
    assert first.date == "2025-03-10"
    assert first.also == ("2025-04",)
