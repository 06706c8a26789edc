"""Loading the hand-written fictional stories of tests/fixtures/figures as briefings, with their gold."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from dossier.article import Article
from dossier.briefing import Briefing
from dossier.segment import segmented_article
from dossier.story import Story
from reading import analyzed_story

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "figures"
STORY_NAMES = ("ferry_strike", "mine_rescue", "quiet_council")


def make_article(text: str, *, source: str = "test", published: dt.date | None = None) -> Article:
    return segmented_article(text, source=source, published=published)


@cache
def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def story(name: str) -> Story:
    """The fixture story ``name`` as a briefing, articles ordered as a pipeline orders them."""
    articles = [
        make_article(
            entry["text"],
            source=entry["name"],
            published=dt.date.fromisoformat(entry["published"]) if entry["published"] else None,
        )
        for entry in gold(name)["articles"]
    ]
    articles.sort(key=lambda a: (a.published is None, a.published or dt.date.min, a.source))
    return analyzed_story(articles=tuple(articles))


def by_source(briefing: Briefing, source: str) -> Article:
    return next(article for article in briefing.articles if article.source == source)


def locate(briefing: Briefing, source: str, text: str) -> tuple[str, int, int]:
    """(article id, start, end) of the first occurrence of ``text`` in article ``source``."""
    article = by_source(briefing, source)
    start = article.text.find(text)
    assert start >= 0, f"{text!r} is not in {source}"
    return article.id, start, start + len(text)


def without_dates(briefing: Story) -> Story:
    """The story with every publication date removed (nothing left to infer from)."""
    return dataclasses.replace(
        briefing, articles=tuple(dataclasses.replace(a, published=None) for a in briefing.articles)
    )
