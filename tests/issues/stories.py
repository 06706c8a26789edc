"""The hand-written fictional stories of tests/fixtures/issues, loaded as briefings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from dossier.article import Article, article_id
from dossier.briefing import Briefing
from dossier.segment import segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "issues"


def make_article(
    text: str, *, source: str = "test", outlet: str | None = None, published: dt.date | None = None
) -> Article:
    paragraphs, sentences = segment(text)
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        outlet=outlet,
        published=published,
        paragraphs=paragraphs,
        sentences=sentences,
    )


@cache
def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def story(name: str = "ferry_strike") -> Briefing:
    """The fixture story as a briefing: articles in reading order, duplicates marked."""
    entries = _fixture(name)["articles"]
    articles = {
        entry["name"]: make_article(
            entry["text"],
            source=entry["name"],
            outlet=entry["outlet"],
            published=dt.date.fromisoformat(entry["published"]) if entry["published"] else None,
        )
        for entry in entries
    }
    for entry in entries:
        original = entry.get("duplicate_of")
        if original:
            copy = articles[entry["name"]]
            articles[entry["name"]] = dataclasses.replace(copy, duplicate_of=articles[original].id)
    ordered = sorted(articles.values(), key=lambda a: (a.published or dt.date.max, a.source))
    return Briefing(articles=tuple(ordered))


def by_source(briefing: Briefing, source: str) -> Article:
    return next(article for article in briefing.articles if article.source == source)
