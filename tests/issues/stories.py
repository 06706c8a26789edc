"""The hand-written fictional stories of tests/fixtures/issues, loaded as briefings."""

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

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "issues"


def make_article(
    text: str, *, source: str = "test", outlet: str | None = None, published: dt.date | None = None
) -> Article:
    return segmented_article(text, source=source, outlet=outlet, published=published)


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


#: A fictional three-outlet story: pay and a lifeboat inspection are shared; only the Gull Post
#: dwells on the night ferry to Orrin, in three sentences of its own.
_OWN_ISSUE = {
    "Quay Daily": (
        "Dockers in Kelport rejected the wage offer from the port authority on Monday. "
        "The union said the pay rise did not keep pace with rents in the town.\n\n"
        "Inspectors found corroded winches on the Tarn lifeboat after the storm. "
        "The wage offer and the Tarn lifeboat repairs go before the town council on Friday."
    ),
    "Harbour Wire": (
        "The port authority said its wage offer to the Kelport dockers was final. "
        "A union steward called the pay rise an insult to night shift workers.\n\n"
        "Volunteers said the lifeboat crew had warned about the corroded winches for a year. "
        "The yard expects to refit the Tarn lifeboat within three weeks."
    ),
    "Gull Post": (
        "Kelport dockers voted to strike after the port authority refused to raise its pay offer. "
        "The lifeboat remains out of service while its corroded winches are replaced.\n\n"
        "The night ferry to Orrin will stop running while the dockers strike. "
        "Families on Orrin rely on the night ferry for hospital visits on the mainland. "
        "Ferry crews said the night ferry timetable could return within a month."
    ),
}


def own_issue_story() -> Briefing:
    """Three outlets, two shared issues and one that a single outlet dwells on."""
    day = dt.date(2031, 6, 2)
    articles = tuple(
        make_article(text, source=outlet.lower().replace(" ", "_"), outlet=outlet, published=day)
        for outlet, text in _OWN_ISSUE.items()
    )
    return Briefing(articles=articles)


#: A fictional three-outlet story: each outlet reports the cancelled crossings and the union meeting in its
#: own words, and adds one fact no other outlet has.
_REWORDED = {
    "Quay Daily": (
        "Harbour Lines cancelled 14 crossings to Orn on Monday as the swell rose. "
        "The union for the deck crews met in Kelport to discuss the pay offer. "
        "A council spokesperson said the quay would be repaired next spring."
    ),
    "Gull Post": (
        "On Monday 14 crossings to Orn were called off by Harbour Lines because of the swell. "
        "Deck crews at Kelport weighed the pay offer at a union meeting. "
        "Islanders queued at the Orn bakery, which ran out of bread by noon."
    ),
    "Tarn Courier": (
        "Harbour Lines said it had cancelled 14 Orn crossings on Monday, blaming a heavy swell. "
        "The Kelport deck crews' union discussed the offer on pay. "
        "The harbour master praised the lifeboat volunteers for their night work."
    ),
}


def reworded_story() -> Briefing:
    """Three outlets, two shared facts worded three ways, one fact of each outlet's own."""
    articles = tuple(make_article(text, source=outlet, outlet=outlet) for outlet, text in _REWORDED.items())
    return Briefing(articles=articles)
