"""A hand-built briefing over three fictional articles, with every kind of record filled.

Offsets are never written by hand: each span is found in the fixture text by
the words it should cover, so the fixtures can be edited without recounting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.article import Article, Failure, Span, Stripped, article_id
from dossier.briefing import (
    Briefing,
    Citation,
    CitedText,
    Claim,
    Conflict,
    Entity,
    Figure,
    Issue,
    Quote,
    Role,
    Speaker,
    Statement,
    TimelineEntry,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "render"


def load_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8").rstrip("\n")


def paragraphs(text: str) -> tuple[Span, ...]:
    spans = []
    start = 0
    for block in text.split("\n\n"):
        spans.append(Span(start, start + len(block)))
        start += len(block) + 2
    return tuple(spans)


def make_article(name: str) -> Article:
    text = load_text(name)
    return Article(id=article_id(text), source=name, text=text, paragraphs=paragraphs(text))


def cite(article: Article, words: str, occurrence: int = 1) -> Citation:
    """The span of the ``occurrence``-th appearance of ``words`` in the article."""
    start = -1
    for _ in range(occurrence):
        start = article.text.index(words, start + 1)
    return Citation(article.id, start, start + len(words))


def quote(
    quote_id: str,
    article: Article,
    words: str,
    speaker: Speaker | None,
    cue: str | None,
    statement: str | None,
) -> Quote:
    at = cite(article, words)
    return Quote(quote_id, article.id, at.start, at.end, words, "full", speaker, cue, statement)


def speaker(article: Article, name: str, entity_id: str | None, occurrence: int = 1) -> Speaker:
    at = cite(article, name, occurrence)
    return Speaker(name, entity_id, article.id, at.start, at.end)


def claim(article: Article, words: str, value: float | None, unit: str | None) -> Claim:
    at = cite(article, words)
    return Claim(article.id, at.start, at.end, words, value, unit)


def figure(figure_id: str, article: Article, words: str, value: float, unit: str, about: str) -> Figure:
    at = cite(article, words)
    return Figure(figure_id, article.id, at.start, at.end, words, value, unit, about)


def cited(article: Article, words: str, *more: Citation) -> CitedText:
    return CitedText(words, (cite(article, words), *more))


@pytest.fixture
def gazette() -> Article:
    return replace(
        make_article("gazette.txt"),
        title="Ferry runs aground off Port Avelin",
        outlet="The Avelin Gazette",
        url="https://gazette.example/ferry-aground",
        published=dt.date(2025, 3, 11),
        dateline="PORT AVELIN",
        stripped=(Stripped("byline", "By a staff reporter", "byline above the story"),),
    )


@pytest.fixture
def wire() -> Article:
    return replace(
        make_article("wire.txt"),
        title="Ferry evacuated after striking sandbar",
        outlet="Coastline Wire",
        published=dt.date(2025, 3, 12),
        published_inferred=True,
    )


@pytest.fixture
def daily(wire: Article) -> Article:
    return replace(
        make_article("daily.txt"),
        title="Ferry evacuated after striking sandbar",
        outlet="Harbor Daily",
        duplicate_of=wire.id,
        stripped=(Stripped("syndication-tail", "Distributed by Coastline Wire.", "syndication notice"),),
    )


@pytest.fixture
def briefing(gazette: Article, wire: Article, daily: Article) -> Briefing:
    crew = "The crew did exactly what they were trained to do,"
    g, w, d = gazette, wire, daily
    quotes = (
        quote("q1", g, crew, speaker(g, "Verhoeven", "e1", occurrence=2), "said", "s1"),
        quote(
            "q2",
            g,
            "Nobody panicked, and the boats were in the water within minutes.",
            speaker(g, "Verhoeven", "e1", occurrence=2),
            "said",
            "s2",
        ),
        quote("q3", w, crew, speaker(w, "Ilse Verhoeven", "e1"), "told", "s1"),
        quote("q4", d, crew, speaker(d, "Ilse Verhoeven", "e1"), "told", "s1"),
    )
    entities = (
        Entity(
            "e1",
            "Ilse Verhoeven",
            "person",
            aliases=("Verhoeven",),
            roles=(Role("harbor master", (g.id, w.id)),),
            mentions=(cite(g, "Ilse Verhoeven"), cite(g, "Verhoeven", 2), cite(w, "Ilse Verhoeven")),
        ),
        Entity(
            "e2",
            "Saltmarsh Lines",
            "organization",
            mentions=(cite(g, "Saltmarsh Lines"), cite(w, "Saltmarsh Lines")),
        ),
        Entity(
            "e3",
            "Port Avelin",
            "place",
            mentions=(cite(g, "Port Avelin"), cite(w, "Port Avelin"), cite(d, "Port Avelin")),
        ),
        Entity(
            "e4",
            "Tomas Reyl",
            "person",
            roles=(Role("coast guard spokesman", (w.id,)),),
            mentions=(cite(w, "Tomas Reyl"),),
        ),
    )
    first_sentence = (
        "The passenger ferry Morning Heron ran aground on a sandbar outside Port Avelin on Tuesday evening"
    )
    return Briefing(
        articles=(g, w, d),
        entities=entities,
        quotes=quotes,
        statements=(
            Statement("s1", "Ilse Verhoeven", "e1", ("q1", "q3", "q4"), (g.id, w.id, d.id), g.id),
            Statement("s2", "Ilse Verhoeven", "e1", ("q2",), (g.id,), g.id),
        ),
        figures=(
            figure("f1", g, "212 passengers", 212, "passengers", "passengers evacuated"),
            figure("f2", w, "230 passengers", 230, "passengers", "passengers evacuated"),
            figure("f3", g, "1.8 million euros", 1_800_000, "EUR", "cost of repairs"),
        ),
        conflicts=(
            Conflict(
                "c1",
                "passengers evacuated",
                "conflict",
                (
                    claim(g, "212 passengers", 212, "passengers"),
                    claim(w, "230 passengers", 230, "passengers"),
                ),
            ),
            Conflict(
                "c2",
                "operator of the ferry",
                "agreement",
                (claim(g, "Saltmarsh Lines", None, None), claim(w, "Saltmarsh Lines", None, None)),
            ),
        ),
        timeline=(
            TimelineEntry("2009", "ship in service since 2009", (cite(w, "in service since 2009"),)),
            TimelineEntry(
                "2025-03-14", "ferry towed to dry dock", (cite(g, "towed to dry dock on March 14, 2025"),)
            ),
        ),
        issues=(
            Issue(
                "i1",
                "Evacuation",
                summary=(cited(g, "All 212 passengers were taken ashore by lifeboat crews"),),
                quote_ids=("q1",),
                article_ids=(g.id, w.id),
            ),
        ),
        summary=(
            cited(g, first_sentence, cite(w, "The ferry Morning Heron struck a sandbar near Port Avelin")),
            cited(
                w, "Coast guard spokesman Tomas Reyl said investigators would check", cite(d, "Tomas Reyl")
            ),
        ),
        failures=(Failure("missing/ferry.html", "SourceNotFoundError", "no such file"),),
        stages=("ingest", "clean", "extract", "findings"),
        metadata={"generator": "dossier 0.1.0", "summary_method": "lead"},
    )
