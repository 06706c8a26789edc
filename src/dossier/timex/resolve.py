"""Tying time expressions to the calendar, given the date the article was written.

Rules (``anchor`` is the publication date):

* weekday: past tense → the latest such day on or before the anchor; future
  tense or "next" → the first on or after it; "last Tuesday" → strictly before.
  A plan stated in the present ("the vote is Saturday", "talks resume on
  Monday") is future tense (see :func:`dossier.timex.extract.clause_tense`).
* month without a year: "last November" → the latest November before the
  anchor's month; "next May" → the first after it; otherwise past tense gives
  the latest on or before the anchor's month and future the first on or after.
* month and day without a year ("April 1"): the nearest such day to the anchor.
* weeks run Monday to Sunday; "earlier this week" is Monday to the day before
  the anchor, "later this week" the day after the anchor to Sunday.
* "in coming days/weeks/months": a range starting the day after the anchor.
* "hours before/after": the day of another expression in the same sentence,
  else of the nearest earlier day-level expression in the article.

Without an anchor only absolute expressions (a full date, a month and year,
a year) resolve; the rest stay unresolved rather than guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.article import Span
from dossier.dates import EARLIEST_YEAR, LATEST_YEAR, make_date
from dossier.records import Record
from dossier.timex.extract import TimeMention, find_mentions
from dossier.timex.value import TimeValue

_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)
#: How far "in coming days/weeks/months" reaches, in days.
_COMING_DAYS = {"days": 10, "weeks": 42, "months": 120}


@dataclass(frozen=True, slots=True)
class TimeExpression(Record):
    """A time expression of an article: its span, what it was, what it resolved to, and its sentence."""

    start: int
    end: int
    mention: TimeMention
    value: TimeValue | None
    sentence: Span | None


def resolve(mention: TimeMention, anchor: dt.date | None) -> TimeValue | None:
    """The calendar value of ``mention`` seen from ``anchor``, or ``None`` when it cannot be known."""
    try:
        if mention.kind == "date":
            assert mention.year and mention.month and mention.day
            return TimeValue.day(dt.date(mention.year, mention.month, mention.day))
        if mention.kind == "month_year":
            assert mention.year and mention.month
            return TimeValue.month(mention.year, mention.month)
        if mention.kind == "year":
            assert mention.year
            return TimeValue.year(mention.year)
        if anchor is None or not EARLIEST_YEAR < anchor.year < LATEST_YEAR:
            return None
        return _relative(mention, anchor)
    except (ValueError, OverflowError):
        return None


def _relative(mention: TimeMention, anchor: dt.date) -> TimeValue | None:
    if mention.kind == "weekday":
        return _weekday(mention, anchor)
    if mention.kind == "month":
        return _month(mention, anchor)
    if mention.kind == "month_day":
        return _month_day(mention, anchor)
    if mention.kind == "week":
        return _week(mention.modifier or "this", anchor)
    if mention.kind == "relative_month":
        return _relative_month(mention.modifier or "this", anchor)
    if mention.kind == "relative_year":
        shift = {"last": -1, "next": 1}.get(mention.modifier or "this", 0)
        return TimeValue.year(anchor.year + shift)
    if mention.kind == "relative_day":
        shift = {"yesterday": -1, "tomorrow": 1}.get(mention.modifier or "today", 0)
        return TimeValue.day(anchor + shift * _DAY)
    if mention.kind == "coming":
        reach = _COMING_DAYS.get(mention.unit or "weeks", 42)
        return TimeValue(anchor + _DAY, anchor + reach * _DAY, "range")
    return None  # "hours before" needs its neighbours: see resolve_article


def _weekday(mention: TimeMention, anchor: dt.date) -> TimeValue:
    assert mention.weekday is not None
    back = (anchor.weekday() - mention.weekday) % 7
    ahead = (mention.weekday - anchor.weekday()) % 7
    if mention.modifier == "last":
        return TimeValue.day(anchor - (back or 7) * _DAY)
    if mention.modifier == "next":
        return TimeValue.day(anchor + (ahead or 7) * _DAY)
    if mention.tense == "future" or mention.modifier in ("by", "until"):
        return TimeValue.day(anchor + ahead * _DAY)
    return TimeValue.day(anchor - back * _DAY)


def _month(mention: TimeMention, anchor: dt.date) -> TimeValue:
    assert mention.month is not None
    index = anchor.year * 12 + anchor.month - 1
    modifier = mention.modifier or ""
    if modifier == "this":
        return TimeValue.month(anchor.year, mention.month)
    if modifier == "last" or (modifier != "next" and mention.tense == "past") or modifier == "since":
        strict = modifier == "last"
        back = (anchor.month - mention.month) % 12 or (12 if strict else 0)
        index -= back
    else:
        strict = modifier == "next"
        ahead = (mention.month - anchor.month) % 12 or (12 if strict else 0)
        index += ahead
    return TimeValue.month(index // 12, index % 12 + 1)


def _month_day(mention: TimeMention, anchor: dt.date) -> TimeValue | None:
    assert mention.month is not None and mention.day is not None
    candidates = [
        date
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (date := make_date(year, mention.month, mention.day)) is not None
    ]
    if not candidates:
        return None
    return TimeValue.day(min(candidates, key=lambda date: (abs((date - anchor).days), date)))


def _week(modifier: str, anchor: dt.date) -> TimeValue:
    week = TimeValue.week_of(anchor)
    if modifier == "last":
        return TimeValue.week_of(anchor - _WEEK)
    if modifier == "next":
        return TimeValue.week_of(anchor + _WEEK)
    if modifier == "earlier this":
        return TimeValue(week.first, max(week.first, anchor - _DAY), "range")
    if modifier in ("later this", "later in the"):
        return TimeValue(min(week.last, anchor + _DAY), week.last, "range")
    return week


def _relative_month(modifier: str, anchor: dt.date) -> TimeValue:
    month = TimeValue.month(anchor.year, anchor.month)
    if modifier == "last":
        previous = month.first - _DAY
        return TimeValue.month(previous.year, previous.month)
    if modifier == "next":
        following = month.last + _DAY
        return TimeValue.month(following.year, following.month)
    if modifier == "earlier this":
        return TimeValue(month.first, max(month.first, anchor - _DAY), "range")
    if modifier == "later this":
        return TimeValue(min(month.last, anchor + _DAY), month.last, "range")
    return month


def resolve_article(
    text: str, sentences: tuple[Span, ...], anchor: dt.date | None
) -> tuple[TimeExpression, ...]:
    """Every time expression of an article, resolved against ``anchor`` (its publication date)."""
    ranges = sentences or (Span(0, len(text)),)
    unresolved = [
        TimeExpression(mention.start, mention.end, mention, None, sentence)
        for sentence in ranges
        for mention in find_mentions(text, sentence.start, sentence.end)
    ]
    return resolve_again(unresolved, anchor)


def resolve_again(
    expressions: Sequence[TimeExpression], anchor: dt.date | None
) -> tuple[TimeExpression, ...]:
    """The same expressions resolved against ``anchor``, without reading the text again.

    Used when a story infers an article's publication date after its analysis was made.
    """
    found: list[TimeExpression] = []
    days_so_far: list[TimeValue] = []
    for _, group in itertools.groupby(expressions, key=lambda expression: expression.sentence):
        here = list(group)
        values = [resolve(expression.mention, anchor) for expression in here]
        days_here = [value for value in values if value is not None and value.grain == "day"]
        for expression, value in zip(here, values, strict=True):
            if expression.mention.kind == "hours_near":
                value = _neighbour_day(expression.mention, anchor, days_here, days_so_far)
            found.append(dataclasses.replace(expression, value=value))
        days_so_far.extend(days_here)
    return tuple(found)


def _neighbour_day(
    mention: TimeMention, anchor: dt.date | None, same_sentence: list[TimeValue], earlier: list[TimeValue]
) -> TimeValue | None:
    """The day "hours before" refers to: a day in its sentence, else the nearest earlier one.

    A day on the wrong side of the anchor for the clause's tense (a deadline
    named before a past event) is passed over.
    """

    def fits(value: TimeValue) -> bool:
        if anchor is None:
            return True
        return value.first <= anchor if mention.tense == "past" else value.first >= anchor

    if same_sentence:
        return same_sentence[0]
    return next((value for value in reversed(earlier) if fits(value)), None)
