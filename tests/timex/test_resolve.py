"""Tests for finding and resolving time expressions (dossier.timex.extract and .resolve)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from dossier.demo import demo_paths, gold_path
from dossier.pipeline import read_articles
from dossier.timex import find_mentions, resolve, resolve_article, time_expressions
from figures.stories import STORY_NAMES, by_source, gold, story

# A Thursday.
ANCHOR = dt.date(2025, 3, 6)


def resolved(text: str, anchor: dt.date | None = ANCHOR) -> dict[str, str | None]:
    """Each expression's text mapped to its resolved ISO value."""
    result: dict[str, str | None] = {}
    for expression in resolve_article(text, (), anchor):
        value = expression.value
        result[text[expression.start : expression.end]] = value.iso() if value else None
    return result


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("She told lawmakers on Tuesday that she would not resign.", "on Tuesday", "2025-03-04"),
        ("Her office said the talks would open on Tuesday.", "on Tuesday", "2025-03-11"),
        ("The minister will speak on Thursday.", "on Thursday", "2025-03-06"),
        ("They met on Thursday.", "on Thursday", "2025-03-06"),
        ("The deal was signed last Thursday.", "last Thursday", "2025-02-27"),
        ("Friday's meetings were cancelled.", "Friday's", "2025-02-28"),
        ("The plant closed last November.", "last November", "2024-11"),
        ("He said he would visit in May.", "in May", "2025-05"),
        ("Sales fell in May.", "in May", "2024-05"),
        ("Mediation was offered in January.", "in January", "2025-01"),
        ("Gates must reopen by April 1.", "by April 1", "2025-04-01"),
        ("Leaders will travel next week.", "next week", "2025-W11"),
        ("A call took place last week.", "last week", "2025-W09"),
        ("Delegates arrived earlier this week.", "earlier this week", "2025-03-03/2025-03-05"),
        ("Results were worse last year.", "last year", "2024"),
        ("Votes were cast in 2024.", "2024", "2024"),
        ("They agreed to meet in coming weeks.", "in coming weeks", "2025-03-07/2025-04-17"),
        ("Rain fell yesterday.", "yesterday", "2025-03-05"),
        ("It was signed on March 13, 2025.", "March 13, 2025", "2025-03-13"),
        ("Elections were held in March 2023.", "March 2023", "2023-03"),
    ],
)
def test_expressions_resolve_against_the_publication_date(sentence: str, expression: str, value: str) -> None:
    assert resolved(sentence).get(expression) == value


def test_hours_before_takes_the_day_of_its_sentence_or_the_last_one_before() -> None:
    text = "Talks ended on Wednesday. Hours before the session, farmers gathered."
    assert resolved(text)["Hours before"] == "2025-03-05"
    same = "Hours before he landed on Tuesday, the bill was signed."
    assert resolved(same)["Hours before"] == "2025-03-04"


def test_without_a_publication_date_only_absolute_expressions_resolve() -> None:
    values = resolved("On Tuesday, in 2024 and on March 13, 2025, next week.", anchor=None)
    assert values == {"On Tuesday": None, "2024": "2024", "March 13, 2025": "2025-03-13", "next week": None}


@pytest.mark.parametrize(
    "text",
    [
        "It opens on February 30, 2025.",
        "It opens on March 1, 99999.",
        "It opens on 2025-13-45.",
        "The year 99999 will come.",
        "In 0000 nothing happened.",
    ],
)
def test_impossible_dates_are_not_resolved_to_anything(text: str) -> None:
    assert [value for value in resolved(text).values() if value is not None] == []


@pytest.mark.parametrize(
    "text",
    ["", "on " * 10_000, "Monday" * 5_000, "\x00\x01 last last last week" * 500, "March " * 3000 + "1"],
)
def test_hostile_text_never_crashes(text: str) -> None:
    for expression in resolve_article(text, (), ANCHOR):
        assert 0 <= expression.start < expression.end <= len(text)


def test_resolution_is_deterministic() -> None:
    text = "On Tuesday she left; next week she returns, last November she spoke."
    assert resolve_article(text, (), ANCHOR) == resolve_article(text, (), ANCHOR)
    mention = find_mentions(text)[0]
    assert resolve(mention, ANCHOR) == resolve(mention, ANCHOR)


@pytest.mark.parametrize("name", STORY_NAMES)
def test_fixture_time_expressions(name: str) -> None:
    briefing = story(name)
    for expected in gold(name)["time"]:
        article = by_source(briefing, expected["article"])
        start = article.text.find(expected["text"])
        found = [e for e in time_expressions(article) if e.start <= start < e.end]
        assert found, expected
        assert found[0].value is not None and found[0].value.iso() == expected["value"], expected


def test_demo_gold_relative_dates_fall_in_their_ranges() -> None:
    data: dict[str, Any] = json.loads(gold_path().read_text(encoding="utf-8"))
    articles = {
        a.source.rsplit("/", 1)[-1]: a for a in read_articles([str(p) for p in demo_paths()]).articles
    }
    hits = 0
    for entry in data["relative_dates"]:
        article = articles[entry["article"]]
        if article.published is None:
            continue  # anchored on an inferred date: see test_infer
        context = article.text.find(entry["context"])
        start = article.text.find(entry["text"], context)
        found = [e for e in time_expressions(article) if e.start <= start < e.end and e.value is not None]
        first, last = (dt.date.fromisoformat(day) for day in entry["resolves_to"])
        if found and first <= found[0].value.first and found[0].value.last <= last:  # type: ignore[union-attr]
            hits += 1
    # All but "later in the week" in the preview, which means the week of the visit, not of the article.
    assert hits >= 24
