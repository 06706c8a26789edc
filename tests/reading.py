"""Test helpers: texts and articles read by the real backbone, as the pipeline reads them.

Every helper runs the shipped spaCy pipeline (loaded once per test session), never a stand-in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dossier.analysis import Analysis, NameMention
from dossier.analyze import analyze_articles
from dossier.article import Article, Span
from dossier.briefing import Briefing, EntityType
from dossier.entities import entities_stage
from dossier.entities.names import with_titles
from dossier.pipeline import story_of
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
    return attribute_quotes(text, analysis.sentences, analysis.names, analysis.tokens)


def speaker_of(text: str, opening: str) -> str | None:
    """The speaker's name of the one quotation of ``text`` that opens with ``opening``."""
    quotes = attributed(text).quotes
    matches = [q for q in quotes if text[q.quote.start : q.quote.end].startswith(opening)]
    assert len(matches) == 1, [text[q.quote.start : q.quote.end] for q in quotes]
    return matches[0].speaker_name


def analyzed_story(articles: Iterable[Article], **fields: Any) -> Story:
    """A story over ``articles`` with their analyses, ready for any story stage."""
    return story_of(tuple(articles), **fields)


def story_naming(texts: Sequence[str], names: Mapping[str, EntityType]) -> Story:
    """A story whose only name mentions are the word-bounded occurrences of ``names`` (longest first).

    For tests of the linking logic that must not depend on what the recognizer finds in made-up text.
    """
    articles = tuple(segmented_article(text, source=f"{index}.txt") for index, text in enumerate(texts))
    read = analyzed_story(articles)
    analyses = {}
    for article in read.articles:
        analysis = read.analyses[article.id]
        named = _named(article.text, analysis.sentences, names)
        analyses[article.id] = dataclasses.replace(analysis, names=named)
    return dataclasses.replace(read, analyses=analyses)


#: The people and bodies of fixtures/quotes/harbour_voices.txt, so that its tests check attribution alone.
HARBOUR_NAMES: dict[str, EntityType] = {
    "Tomas Brell": "person",
    "Brell": "person",
    "Ada Roe": "person",
    "Piet Anker": "person",
    "Orla Vint": "person",
    "Kasimir Dahl": "person",
    "Lena Oster": "person",
    "Teodor Vask": "person",
    "Velmar": "place",
    "Velmish Foreign Ministry": "organization",
    "Harbour Authority": "organization",
}


def attributed_naming(text: str, names: Mapping[str, EntityType]) -> ArticleQuotes:
    """Quotes of ``text`` attributed with exactly the given names as the entity layer's mentions."""
    analysis = analysis_of(text)
    named = _named(text, analysis.sentences, names)
    return attribute_quotes(text, analysis.sentences, named, analysis.tokens)


def _named(text: str, sentences: Sequence[Span], names: Mapping[str, EntityType]) -> tuple[NameMention, ...]:
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    )
    found = [NameMention(m.start(), m.end(), names[m.group()], m.group()) for m in pattern.finditer(text)]
    return with_titles(text, sentences, found)


def linked_naming(texts: Sequence[str], names: Mapping[str, EntityType]) -> Briefing:
    """The story of ``texts`` with ``names`` as the tagger's names, through the story-wide linking."""
    return entities_stage(story_naming(texts, names))


def entity_groups(story: Briefing) -> dict[str, tuple[str, list[str]]]:
    """Entity name -> its type and the sorted texts of its mentions."""
    return {
        entity.name: (
            entity.type,
            sorted(story.article(m.article_id).text[m.start : m.end] for m in entity.mentions),
        )
        for entity in story.entities
    }
