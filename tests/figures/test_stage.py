"""Tests for figures_stage on the hand-written fixture stories and on the demo corpus gold."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dossier.briefing import Briefing, Figure
from dossier.demo import demo_paths, gold_path
from dossier.figures import figure_id, figures_stage, qualifier_of
from dossier.pipeline import read_articles
from reading import analyzed_story

from .stories import STORY_NAMES, gold, locate, story


def matching(briefing: Briefing, source: str, text: str) -> list[Figure]:
    article_id, start, end = locate(briefing, source, text)
    return [
        figure
        for figure in briefing.figures
        if figure.article_id == article_id and figure.start <= start and end <= figure.end
    ]


@pytest.mark.parametrize("name", STORY_NAMES)
def test_every_annotated_figure_is_found_with_its_value_and_unit(name: str) -> None:
    briefing = figures_stage(story(name))
    for expected in gold(name)["figures"]:
        found = matching(briefing, expected["article"], expected["text"])
        assert len(found) == 1, expected
        figure = found[0]
        assert (figure.value, figure.unit) == (expected["value"], expected["unit"]), expected
        if "about" in expected:
            assert figure.about is not None and figure.about.endswith(expected["about"])
        if "qualifier" in expected:
            assert qualifier_of(figure.text) == expected["qualifier"]


@pytest.mark.parametrize("name", STORY_NAMES)
def test_no_figure_beyond_the_annotations(name: str) -> None:
    briefing = figures_stage(story(name))
    annotated = len(gold(name)["figures"])
    assert len(briefing.figures) == annotated


@pytest.mark.parametrize("name", STORY_NAMES)
def test_figure_text_is_the_text_at_its_span_and_ids_are_stable(name: str) -> None:
    briefing = figures_stage(story(name))
    for figure in briefing.figures:
        article = briefing.article(figure.article_id)
        assert article.text[figure.start : figure.end] == figure.text
        assert figure.id == figure_id(figure.article_id, figure.start, figure.end)
    assert figures_stage(story(name)) == briefing


def test_bad_numbers_are_never_shown_as_values() -> None:
    briefing = figures_stage(story("quiet_council"))
    values = {figure.value for figure in briefing.figures}
    assert values.isdisjoint({1.0005, 1000.5, 1.0, 1000.0, 5.0})
    assert all(figure.value is None or figure.value < 1e15 for figure in briefing.figures)


def demo_gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gold_path().read_text(encoding="utf-8"))
    return data


def test_demo_gold_figures_are_found() -> None:
    articles = read_articles([str(path) for path in demo_paths()]).articles
    briefing = figures_stage(analyzed_story(articles=articles))
    by_name = {article.source.rsplit("/", 1)[-1]: article for article in articles}
    figures = demo_gold()["figures"]
    mentions: list[tuple[str, str, float]] = []
    for agreement in figures["agreements"]:
        mentions += [(m["article"], m["text"], agreement["value"]) for m in agreement["mentions"]]
    for conflict in figures["conflicts"]:
        for claim in conflict["claims"]:
            mentions += [(name, claim["text"], claim["value"]) for name in claim["articles"]]
    mentions += [(entry["article"], entry["text"], entry["value"]) for entry in figures["other"]]
    missed = []
    for name, text, value in mentions:
        article = by_name[name]
        start = article.text.find(text)
        assert start >= 0
        hits = [
            f
            for f in briefing.figures
            if f.article_id == article.id
            and f.start < start + len(text)
            and start < f.end
            and f.value == value
        ]
        if not hits:
            missed.append((name, text))
    # "Dunmir $70 million" is annotated with the country name; the figure is the amount within it.
    assert missed == []
