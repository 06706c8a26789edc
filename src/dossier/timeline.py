"""The story's timeline: dated events in calendar order, each backed by the sentences that report it.

Every resolved time expression of a non-duplicate article proposes an event:
its date (the narrowest of YYYY-MM-DD, YYYY-MM or YYYY that holds the resolved
value) and the sentence it sits in. Proposals with the same date and similar
sentences (see :data:`MERGE_SIMILARITY`) are one event reported by several
articles: they merge into one entry whose evidence lists every sentence. The
entry's ``text`` is its first evidence sentence, copied verbatim, so the
timeline says nothing the articles do not.

Left out on purpose: vague spans ("in coming weeks", a week that straddles two
years), a publication-date line that is only the byline, and a possessive that
names another event inside a phrase ("a suspect in Monday's bombings was
caught": Monday is when the bombings happened, not the capture). The footers of
embedded posts ("— Name (@handle) July 16, 2018") never reach the timeline:
cleaning strips them.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.article import Article, Span
from dossier.briefing import Citation, TimelineEntry
from dossier.timex import TimeExpression, TimeValue
from dossier.timex.words import content_words, similarity

if TYPE_CHECKING:
    from dossier.story import Story

logger = logging.getLogger(__name__)

#: Two sentences with the same date and at least this word overlap (Jaccard) tell of one event.
MERGE_SIMILARITY = 0.25
#: Or, failing that, at least this many shared content words.
MERGE_SHARED_WORDS = 4
#: A range of days wider than this (days) is too vague to stand as a timeline date.
MAX_RANGE_DAYS = 6


@dataclass(slots=True)
class _Event:
    """An entry being built: its date, sort key, evidence and the union of its sentences' words."""

    label: str
    value: TimeValue
    evidence: list[tuple[Article, Span]]
    words: set[str]


def timeline_stage(story: Story) -> Story:
    """Fill ``story.timeline`` from the time expressions of its non-duplicate articles."""
    events: list[_Event] = []
    for article in story.articles:
        if article.duplicate_of is not None:
            continue
        words_of: dict[Span, frozenset[str]] = {}
        for expression in story.times_of(article):
            sentence = expression.sentence
            if sentence is not None and sentence not in words_of:
                words_of[sentence] = content_words(article.text[sentence.start : sentence.end])
            _propose(
                events, article, expression, words_of.get(sentence, frozenset()) if sentence else frozenset()
            )
    events.sort(key=lambda event: (event.value.first, event.value.last, event.label))
    timeline = _once_each(events)
    logger.debug("timeline: %d entries", len(timeline))
    return dataclasses.replace(story, timeline=timeline)


def _propose(
    events: list[_Event], article: Article, expression: TimeExpression, words: frozenset[str]
) -> None:
    value = expression.value
    sentence = expression.sentence
    if value is None or sentence is None:
        return
    if value.grain == "range" and (value.last - value.first).days > MAX_RANGE_DAYS:
        return  # "in coming weeks" names no date a reader could put on a calendar
    label = value.calendar_label()
    if not label:
        return
    if _is_dateline(article, sentence, expression):
        return
    if expression.mention.reference:
        return  # "a suspect in Monday's bombings was caught": Monday dates the bombings, not the catch
    for event in events:
        if event.label != label:
            continue
        if any(cited is article and span == sentence for cited, span in event.evidence):
            return  # one sentence, two expressions of the same date: one piece of evidence
        if _same_event(event.words, words):
            event.evidence.append((article, sentence))
            event.words |= words
            return
    events.append(_Event(label, value, [(article, sentence)], set(words)))


def _same_event(known: set[str], words: frozenset[str]) -> bool:
    shared = len(known & words)
    return shared >= MERGE_SHARED_WORDS or similarity(frozenset(known), words) >= MERGE_SIMILARITY


def _is_dateline(article: Article, sentence: Span, expression: TimeExpression) -> bool:
    """A sentence that is nothing but the publication date (a byline left in the text) is no event."""
    if expression.value is None or article.published is None:
        return False
    rest = article.text[sentence.start : expression.start] + article.text[expression.end : sentence.end]
    return expression.mention.kind == "date" and len(content_words(rest)) <= 3


def _once_each(events: list[_Event]) -> tuple[TimelineEntry, ...]:
    """One entry per shown sentence: a sentence giving two dates is shown at its most precise one.

    The events are taken most precise first; each shows the first of its sentences
    that no better event shows. An event with none left becomes an alternative date
    (``also``) of the entry showing its first sentence.
    """
    shown: dict[tuple[str, Span], int] = {}  # sentence -> index of the event showing it
    showing: dict[int, tuple[Article, Span]] = {}
    also: dict[int, list[str]] = {}
    for index in sorted(range(len(events)), key=lambda i: (_width(events[i]), i)):
        free = next(((a, s) for a, s in events[index].evidence if (a.id, s) not in shown), None)
        if free is None:
            article, span = events[index].evidence[0]
            also.setdefault(shown[(article.id, span)], []).append(events[index].label)
            continue
        shown[(free[0].id, free[1])] = index
        showing[index] = free
    return tuple(_entry(events[index], showing[index], also.get(index, [])) for index in sorted(showing))


def _width(event: _Event) -> int:
    return (event.value.last - event.value.first).days


def _entry(event: _Event, shown: tuple[Article, Span], also: list[str]) -> TimelineEntry:
    article, span = shown
    # The shown sentence is cited first, as every entry's text is its first citation's.
    ordered = [shown, *(item for item in event.evidence if item != shown)]
    return TimelineEntry(
        date=event.label,
        text=article.text[span.start : span.end],
        evidence=tuple(Citation(a.id, s.start, s.end) for a, s in ordered),
        also=tuple(sorted(set(also) - {event.label})),
    )
