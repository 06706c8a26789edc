"""Quotes: who said what, in which article, and which reports repeat the same statement.

``quotes_stage`` is the story stage. For every article it finds the quotations
and their speakers (:mod:`dossier.quotes.attribute`), then it gathers the full
quotes that report the same words by the same speaker into statements
(:mod:`dossier.quotes.merge`). Partial quotes (scare quotes and fragments in a
reporter's sentence) keep their speaker but never form a statement.
``make_quotes_stage("static")`` builds the same stage with meaning-aware
merging (:mod:`dossier.quotes.semantic`) for translated or reworded quotes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from dossier.article import Article
from dossier.briefing import Quote, Speaker, Statement
from dossier.embed import Encoder, get_encoder
from dossier.ids import stable_id
from dossier.quotes.merge import DEFAULT_THRESHOLD, Similarity, Utterance, group_statements
from dossier.quotes.semantic import semantic_similarity
from dossier.quotes.speakers import NameIndex

if TYPE_CHECKING:
    from dossier.analysis import Analysis, QuoteFinding
    from dossier.story import Story

__all__ = ["extract_quotes", "make_quotes_stage", "quote_id", "quotes_stage"]

logger = logging.getLogger(__name__)


def quotes_stage(story: Story) -> Story:
    """Fill ``quotes`` and ``statements`` of a story (the pipeline stage; lexical merging)."""
    quotes, statements = extract_quotes(story.articles, story.analyses)
    logger.debug("quotes: %d quotes, %d statements", len(quotes), len(statements))
    return dataclasses.replace(story, quotes=quotes, statements=statements)


def make_quotes_stage(encoder: Encoder | str | None = None) -> Callable[[Story], Story]:
    """A quotes stage whose statement merging also weighs meaning with a sentence encoder.

    ``encoder`` is an encoder or its name; ``None`` gives the lexical
    :func:`quotes_stage`. Its vectors are cached per stage run.
    """
    if encoder is None:
        return quotes_stage
    # Loaded now, so that a missing model fails naming the encoder rather than inside a story.
    loaded = get_encoder(encoder) if isinstance(encoder, str) else encoder

    def stage(story: Story) -> Story:
        quotes, statements = extract_quotes(story.articles, story.analyses, semantic_similarity(loaded))
        logger.debug("quotes (%s): %d quotes, %d statements", loaded.name, len(quotes), len(statements))
        return dataclasses.replace(story, quotes=quotes, statements=statements)

    return stage


def extract_quotes(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    similarity: Similarity | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[tuple[Quote, ...], tuple[Statement, ...]]:
    """The quotes of every article (read by its analysis), in article order, and the statements they form."""
    found = [analyses[article.id] for article in articles]
    story_names = NameIndex(names=sorted({name for analysis in found for name in analysis.person_names}))
    quotes = [
        _quote(article, item, story_names)
        for article, analysis in zip(articles, found, strict=True)
        for item in analysis.quotes
    ]
    ranks = _reading_ranks(articles)
    duplicates = {article.id for article in articles if article.duplicate_of is not None}
    utterances = [
        Utterance(
            quote.id,
            quote.article_id,
            ranks[quote.article_id],
            _merging_name(quote.speaker),
            quote.text,
            quote.article_id in duplicates,
        )
        for quote in quotes
        if quote.kind == "full"
    ]
    groups = group_statements(utterances, similarity, threshold)
    statement_of = {quote_id: group.id for group in groups for quote_id in group.quote_ids}
    linked = tuple(dataclasses.replace(quote, statement_id=statement_of.get(quote.id)) for quote in quotes)
    statements = tuple(
        Statement(group.id, group.speaker, None, group.quote_ids, group.article_ids, group.first_article_id)
        for group in groups
    )
    return linked, statements


def _merging_name(speaker: Speaker | None) -> str | None:
    """The speaker name statements are merged by; an unnamed source ("one ally") names no one to match."""
    if speaker is None or speaker.resolution == "unnamed":
        return None
    return speaker.name


def quote_id(article_id: str, start: int, end: int) -> str:
    """A stable quote id, derived from where the quote is."""
    return stable_id("q", f"{article_id}:{start}:{end}")


def _quote(article: Article, item: QuoteFinding, story_names: NameIndex) -> Quote:
    speaker = None
    if item.speaker is not None:
        name = item.speaker.name
        if item.speaker.kind == "name":
            # A surname used alone in this article may be completed from another article.
            name = story_names.full_name(name, item.speaker.start)
        speaker = Speaker(
            name,
            None,
            article.id,
            item.speaker.start,
            item.speaker.end,
            resolution=item.resolution,
            cue_start=item.speaker.cue_start,
            cue_end=item.speaker.cue_end,
        )
    return Quote(
        id=quote_id(article.id, item.start, item.end),
        article_id=article.id,
        start=item.start,
        end=item.end,
        text=article.text[item.start : item.end],
        kind=item.kind,
        speaker=speaker,
        cue=item.cue,
        statement_id=None,
    )


def _reading_ranks(articles: Sequence[Article]) -> dict[str, int]:
    """Earliest published first, undated last, then the story's own order."""
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published is None, articles[i].published or dt.date.min, i),
    )
    return {articles[index].id: rank for rank, index in enumerate(order)}
