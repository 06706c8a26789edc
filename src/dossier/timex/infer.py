"""Inferring the publication date of an undated article from the dated articles of its story.

An undated article that says "after talks on Wednesday" cannot be placed on
its own. But when a dated article tells of the same event ("talks on
Wednesday", resolved to 2025-03-12), only some publication dates make the
undated article's "Wednesday" land on that day. For every relative
expression of the undated article that matches a resolved expression of a
dated article (similar sentences, at least :data:`MIN_SHARED_WORDS` shared
content words), the feasible publication dates are found by trying each day
of a window and keeping those whose resolution overlaps the dated one. Each
day then scores the shared words of its supporting matches, summed over the
undated article's expressions, and the best-scoring days are the feasible
window (so one stray match cannot veto the rest).

From a feasible set no wider than :data:`MAX_WINDOW_DAYS`, the estimate is
the median publication date of the story's dated articles that fall inside it
(the conservative choice: when the coverage clusters, the undated piece most
likely belongs to the cluster); when none falls inside, its earliest day.
Nothing matched, a window wider than that or split in two all leave the date
unknown: a date nothing supports is never invented.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.article import Article
from dossier.dates import EARLIEST_YEAR, LATEST_YEAR
from dossier.timex.extract import TimeMention
from dossier.timex.resolve import TimeExpression, resolve
from dossier.timex.value import TimeValue
from dossier.timex.words import content_words

if TYPE_CHECKING:
    from dossier.story import Story

logger = logging.getLogger(__name__)

#: Content words two sentences must share before their time expressions are taken as the same event.
MIN_SHARED_WORDS = 2
#: A feasible set wider than this (in days) says too little to publish as a date.
MAX_WINDOW_DAYS = 14
#: How far beyond the story's dated articles a publication date is searched for.
SEARCH_MARGIN_DAYS = 45
#: Dated values wider than this (days) are too vague to anchor an inference.
MAX_EVIDENCE_DAYS = 14
#: At most this many distinct expressions of the undated article, and dated values, are weighed.
MAX_EXPRESSIONS = 64
MAX_EVIDENCE_VALUES = 512
#: Dated coverage longer than this (days) is searched only in its last year.
MAX_STORY_DAYS = 366
_DAY = dt.timedelta(days=1)


@dataclasses.dataclass(frozen=True, slots=True)
class Inference:
    """An estimated publication date and the window of dates consistent with the evidence."""

    date: dt.date
    first: dt.date
    last: dt.date


def infer_dates_stage(story: Story) -> Story:
    """Give undated articles an inferred publication date where the story supports one.

    Later stages resolve its time expressions against the new date (:meth:`Story.times_of`).
    """
    dated = [article for article in story.articles if article.published is not None]
    if not dated or len(dated) == len(story.articles):
        return story
    evidence = [(article, _sentence_words(article, story.times_of(article))) for article in dated]
    articles: list[Article] = []
    for article in story.articles:
        if article.published is None:
            inference = infer_publication(article, evidence, story.times_of(article))
            if inference is not None:
                article = _with_inference(article, inference)
        articles.append(article)
    return dataclasses.replace(story, articles=tuple(articles))


def _with_inference(article: Article, inference: Inference) -> Article:
    logger.info(
        "article %s: publication date inferred as %s (window %s to %s)",
        article.id,
        inference.date,
        inference.first,
        inference.last,
    )
    window = [inference.first.isoformat(), inference.last.isoformat()]
    return dataclasses.replace(
        article,
        published=inference.date,
        published_inferred=True,
        metadata={**article.metadata, "published_window": window},
    )


_Evidence = Sequence[tuple[Article, list[tuple[TimeExpression, frozenset[str]]]]]


def _sentence_words(
    article: Article, expressions: Sequence[TimeExpression]
) -> list[tuple[TimeExpression, frozenset[str]]]:
    """Each expression with the content words of its sentence, the expression's own words left out."""
    by_sentence: dict[tuple[int, int], frozenset[str]] = {}
    paired: list[tuple[TimeExpression, frozenset[str]]] = []
    text = article.text
    for expression in expressions:
        sentence = expression.sentence
        if sentence is None:
            continue
        key = (sentence.start, sentence.end)
        if key not in by_sentence:
            # A sentence is read once, however many expressions it holds.
            by_sentence[key] = content_words(text[sentence.start : sentence.end])
        own = content_words(text[expression.start : expression.end])
        paired.append((expression, by_sentence[key] - own))
    return paired


def infer_publication(
    article: Article, evidence: _Evidence, expressions: Sequence[TimeExpression]
) -> Inference | None:
    """The publication date of undated ``article`` that the dated ``evidence`` supports, if any.

    ``expressions`` are the article's own time expressions, resolved without a date.
    """
    published = sorted(
        dated.published
        for dated, _ in evidence
        if dated.published is not None and EARLIEST_YEAR < dated.published.year < LATEST_YEAR
    )
    if not published:
        return None
    candidates = _candidate_days(published[0], published[-1])
    own = _distinct(
        (expression, words)
        for expression, words in _sentence_words(article, expressions)
        if expression.value is None and expression.mention.kind != "hours_near"
    )
    dated = _dated_values(evidence)
    score: dict[dt.date, int] = defaultdict(int)
    for mention, words in own[:MAX_EXPRESSIONS]:
        for day, weight in _support(mention, words, dated, candidates).items():
            score[day] += weight
    if not score:
        return None
    best = max(score.values())
    feasible = {day for day, points in score.items() if points == best}
    first, last = min(feasible), max(feasible)
    if (last - first).days + 1 > MAX_WINDOW_DAYS or len(feasible) != (last - first).days + 1:
        logger.info("article %s: evidence too loose or split, publication date left unknown", article.id)
        return None
    inside = [date for date in published if date in feasible]
    estimate = inside[(len(inside) - 1) // 2] if inside else first
    return Inference(estimate, first, last)


def _distinct(
    pairs: Iterable[tuple[TimeExpression, frozenset[str]]],
) -> list[tuple[TimeMention, frozenset[str]]]:
    """Each (mention as written, sentence words) once, in order: repeated text adds no evidence."""
    seen: dict[tuple[TimeMention, frozenset[str]], None] = {}
    for expression, words in pairs:
        seen.setdefault((dataclasses.replace(expression.mention, start=0, end=0), words), None)
    return list(seen)


def _dated_values(evidence: _Evidence) -> list[tuple[TimeValue, frozenset[str]]]:
    """Resolved values precise enough to anchor an inference, each with its sentence words, once."""
    seen: dict[tuple[TimeValue, frozenset[str]], None] = {}
    for _, expressions in evidence:
        for expression, words in expressions:
            value = expression.value
            if value is not None and (value.last - value.first).days + 1 <= MAX_EVIDENCE_DAYS:
                seen.setdefault((value, words), None)
    return list(seen)[:MAX_EVIDENCE_VALUES]


def _candidate_days(earliest: dt.date, latest: dt.date) -> list[dt.date]:
    """Days a publication date is looked for on; at most a year of coverage plus the margins."""
    latest_start = latest - (MAX_STORY_DAYS + SEARCH_MARGIN_DAYS) * _DAY
    start = max(earliest - SEARCH_MARGIN_DAYS * _DAY, latest_start)
    count = (latest - start).days + SEARCH_MARGIN_DAYS + 1
    return [start + offset * _DAY for offset in range(count)]


#: The same mention as written ("on Tuesday") recurs across a story's undated articles, each tried on
#: every candidate day: resolving each pair once keeps a big story's inference linear.
_resolved_on = lru_cache(maxsize=1 << 16)(resolve)


def _support(
    mention: TimeMention,
    words: frozenset[str],
    dated: list[tuple[TimeValue, frozenset[str]]],
    candidates: list[dt.date],
) -> dict[dt.date, int]:
    """Publication dates under which ``mention`` lands on a matching dated value.

    Each date is weighted by the number of content words shared with the best
    matching sentence, so a close paraphrase of the same event outvotes a
    sentence that merely names the same people.
    """
    weights: dict[TimeValue, int] = {}
    for value, other_words in dated:
        shared = len(words & other_words)
        if shared >= MIN_SHARED_WORDS and weights.get(value, 0) < shared:
            weights[value] = shared
    support: dict[dt.date, int] = {}
    if not weights:
        return support
    for day in candidates:
        resolved = _resolved_on(mention, day)
        if resolved is None:
            continue
        weight = max((shared for value, shared in weights.items() if resolved.overlaps(value)), default=0)
        if weight:
            support[day] = weight
    return support
