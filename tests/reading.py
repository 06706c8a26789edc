"""Test helpers: texts and articles read by the real backbone, as the pipeline reads them.

Every helper runs the shipped spaCy pipeline (loaded once per test session), never a stand-in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dossier.analysis import Analysis, NameMention
from dossier.analyze import analyze_articles
from dossier.article import Article
from dossier.pipeline import analyses, new_story
from dossier.quotes.attribute import ArticleQuotes, attribute_quotes
from dossier.segment import segmented_article
from dossier.story import Story


def analysis_of(text: str) -> Analysis:
    """The analysis of ``text`` taken as an undated article as it is."""
    return next(analyze_articles([segmented_article(text)]))


def names_of(text: str) -> tuple[NameMention, ...]:
    return analysis_of(text).names


def attributed(text: str) -> ArticleQuotes:
    """Quotes of ``text`` attributed as the analysis does it (its sentences and names)."""
    analysis = analysis_of(text)
    return attribute_quotes(text, analysis.sentences, analysis.names)


def analyzed_story(articles: Iterable[Article], **fields: Any) -> Story:
    """A story over ``articles`` with their analyses, ready for any story stage."""
    given = tuple(articles)
    return new_story(given, analyses(given), **fields)
