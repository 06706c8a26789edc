"""Figures: amounts of money, percentages, durations, ages and counts, as spans of article text.

:func:`figures_stage` is the story stage; :func:`extract_measures` works on one
text. A figure's qualifier ("more than", "about") is the start of its text and
can be read back with :func:`qualifier_of`. :func:`measured_thing` says what a
figure measures, so that two figures can be compared only when they measure the
same thing (the conflicts stage, and corroboration's number check).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossier.article import Article
from dossier.briefing import Figure
from dossier.figures.extract import Measure, extract_measures, qualifier_of
from dossier.ids import stable_id
from dossier.timex.words import fold

if TYPE_CHECKING:
    from dossier.story import Story

__all__ = [
    "Measure",
    "extract_measures",
    "figure_id",
    "figures_of",
    "figures_stage",
    "measured_thing",
    "qualifier_of",
]

logger = logging.getLogger(__name__)

#: Units that are one measure under two names: "a 40-year-old" gives an age.
_UNIT_ALIASES = {"year-old": "age"}
#: Head nouns that name one thing measured: "a three-day visit" and "a two-day trip" disagree.
_SYNONYMS = {"visit": "trip", "tour": "trip", "journey": "trip", "negotiation": "talk"}


def measured_thing(unit: str, about: str | None) -> tuple[str, str | None]:
    """What a figure measures: its unit, and the head noun of what it is about ("seats" in "House seats")."""
    head = None
    if about:
        word = fold(about.split()[-1])
        head = _SYNONYMS.get(word, word)
    return _UNIT_ALIASES.get(unit, unit), head


def figure_id(article_id: str, start: int, end: int) -> str:
    """A stable id from where the figure is, never from the order it was found in."""
    return stable_id("f", f"{article_id}:{start}:{end}")


def figures_of(article: Article, measures: Sequence[Measure]) -> tuple[Figure, ...]:
    """The figures of one article (its analysis's ``measures``), each a span of its text."""
    return tuple(
        Figure(
            id=figure_id(article.id, measure.start, measure.end),
            article_id=article.id,
            start=measure.start,
            end=measure.end,
            text=article.text[measure.start : measure.end],
            value=measure.value,
            unit=measure.unit,
            about=measure.about,
            kind=measure.kind,
            qualifier=measure.qualifier,
            value_max=measure.high,
        )
        for measure in measures
    )


def figures_stage(story: Story) -> Story:
    """Add the figures of every article (duplicates included, so each copy can be highlighted)."""
    figures: list[Figure] = []
    for article in story.articles:
        found = figures_of(article, story.analysis(article.id).figures)
        logger.debug("article %s: %d figures", article.id, len(found))
        figures.extend(found)
    return dataclasses.replace(story, figures=tuple(figures))
