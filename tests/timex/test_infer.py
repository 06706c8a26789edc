"""Tests for infer_dates_stage: dating undated articles from the rest of their story."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dossier.demo import demo_paths
from dossier.pipeline import read_articles
from dossier.timex import infer_dates_stage
from figures.stories import STORY_NAMES, by_source, gold, make_article, story, without_dates
from reading import analyzed_story


@pytest.mark.parametrize("name", STORY_NAMES)
def test_inferred_dates_fall_in_the_annotated_windows(name: str) -> None:
    briefing = infer_dates_stage(story(name))
    for source, (first, last) in gold(name)["inferred"].items():
        article = by_source(briefing, source)
        assert article.published_inferred, source
        assert article.published is not None
        assert dt.date.fromisoformat(first) <= article.published <= dt.date.fromisoformat(last)
        assert article.metadata["published_window"] == [first, last]


@pytest.mark.parametrize("name", STORY_NAMES)
def test_nothing_supports_a_date_then_none_is_invented(name: str) -> None:
    briefing = infer_dates_stage(story(name))
    for source in gold(name).get("not_inferred", []):
        article = by_source(briefing, source)
        assert article.published is None
        assert not article.published_inferred


def test_dated_articles_are_left_alone() -> None:
    original = story("ferry_strike")
    inferred = infer_dates_stage(original)
    for before, after in zip(original.articles, inferred.articles, strict=True):
        if before.published is not None:
            assert after == before


def test_a_story_without_any_date_stays_undated() -> None:
    briefing = infer_dates_stage(without_dates(story("ferry_strike")))
    assert all(article.published is None for article in briefing.articles)


def test_unrelated_weekday_gives_no_date() -> None:
    dated = make_article(
        "The orchestra played in Lunden on Friday to a full hall.", published=dt.date(2026, 1, 10)
    )
    undated = make_article("Farmers blocked the ring road on Friday with tractors.")
    briefing = infer_dates_stage(analyzed_story(articles=(dated, undated)))
    assert briefing.articles[1].published is None


def test_demo_undated_article_is_dated_after_the_signing() -> None:
    articles = read_articles([str(path) for path in demo_paths()]).articles
    briefing = infer_dates_stage(analyzed_story(articles=articles))
    undated = [a for a in briefing.articles if a.published_inferred]
    assert len(undated) == 1
    assert undated[0].published is not None
    assert dt.date(2025, 3, 13) <= undated[0].published <= dt.date(2025, 3, 14)


def test_same_story_same_inference() -> None:
    first = infer_dates_stage(story("ferry_strike"))
    second = infer_dates_stage(dataclasses.replace(story("ferry_strike")))
    assert first == second
