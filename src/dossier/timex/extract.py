"""Finding time expressions in text, before they are resolved against a date.

One combined pattern finds every candidate; each becomes a :class:`TimeMention`
that records what was written (a weekday, a month, "next week", "hours
before"...) and the tense of the clause it sits in, which decides the
direction of words like "on Tuesday" or "in May". Resolution against a
publication date happens in :mod:`dossier.timex.resolve`.

Tense is read from the nearest marker to the left of the expression in its
sentence ("told lawmakers on Tuesday that she would..." is past because "told"
is nearer than "would"), then from the rest of the sentence; reports default
to the past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dossier.dates import MONTHS, make_date
from dossier.records import Record
from dossier.words import word_list

TimeKind = Literal[
    "date", "month_day", "month_year", "month", "year", "relative_year", "weekday", "week",
    "relative_month", "relative_day", "coming", "hours_near",
]  # fmt: skip
Tense = Literal["past", "future"]

WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

# Month names are matched capitalised only: "may" and "march" are also ordinary words.
_MONTH = r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December" \
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"  # fmt: skip
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PATTERNS = {
    "date": _MONTH.format("m1") + r"[ ](?P<d1>\d{1,2})(?:st|nd|rd|th)?,?[ ](?P<y1>\d{4})(?![\d])"
    r"|(?<!\d)(?P<d2>\d{1,2})(?:st|nd|rd|th)?[ ]" + _MONTH.format("m2") + r",?[ ](?P<y2>\d{4})(?!\d)"
    r"|(?<![\d\-])(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?![\d\-])",
    "month_day": r"(?:(?P<md_by>by|until|before|on|from)[ ])?(?:"
    + _MONTH.format("m4")
    + r"[ ](?P<d4>\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?!,?[ ]?\d)|(?<!\d)(?P<d5>\d{1,2})(?:st|nd|rd|th)?[ ]"
    + _MONTH.format("m5")
    + r"(?!,?[ ]?\d))",
    "month_year": _MONTH.format("m6") + r",?[ ](?P<y6>\d{4})(?!\d)",
    "month": r"(?:(?P<mod_m>[Ll]ast|[Nn]ext|[Tt]his|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate)[ ])"
    + _MONTH.format("m7")
    + r"\b(?![ ]\d)",
    "year": r"\b(?P<yr_lead>[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Bb]efore|[Aa]fter|[Tt]he|[Ee]arly"
    r"|[Ll]ate)[ ]"
    r"(?P<y8>\d{4})(?![\d,])",
    "relative_year": r"\b(?P<mod_y>[Ll]ast|[Nn]ext|[Tt]his)[ ]year\b",
    "relative_month": r"\b(?P<mod_rm>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier[ ]this|[Ll]ater[ ]this)[ ]month\b",
    "week": r"\b(?P<mod_w>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier[ ]this|[Ll]ater[ ]this"
    r"|[Ll]ater[ ]in[ ]the)[ ]week\b",
    "weekday": r"(?:\b(?P<mod_d>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)[ ])?"
    + _WEEKDAY
    + r"(?:['’]s)?\b",
    "relative_day": r"\b(?P<rel_day>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b",
    "coming": r"\b(?:[Ii]n|[Oo]ver)[ ](?:the[ ])?(?:coming|next[ ]few)[ ](?P<coming>days|weeks|months)\b",
    "hours_near": r"\b(?P<hours>[Hh]ours|[Mm]inutes)[ ](?:before|after|later|earlier)\b",
}
#: Every expression contains one of these: a number, a month or weekday name, or a unit word.
_TRIGGER = re.compile(
    # The leading look-ahead lets the engine skip every other character cheaply.
    r"(?=[\dJFMASONDTWmwyYhH])(?:\d+|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|week|month|year|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Hh]ours|[Mm]inutes)"
)
#: How far before and after a trigger an expression may reach ("over the next few weeks").
_TRIGGER_BEFORE = 24
_TRIGGER_AFTER = 24
_COMBINED = re.compile("|".join(f"(?P<k_{kind}>{pattern})" for kind, pattern in _PATTERNS.items()))

_FUTURE_WORDS = frozenset(("will", "would", "shall", "’ll", "'ll", "won't", "won’t", "wo"))
_FUTURE_BEFORE_TO = frozenset(
    ("expected", "due", "set", "plans", "plan", "planned", "planning", "going", "scheduled", "poised", "aims")
)
_PAST_WORDS = word_list(
    """said told met was were had did made took came went left held gave began saw spoke won lost sent
    shut struck brought bought sold led ran arrived agreed signed announced"""
)
# A present-tense schedule right before a date ("is Saturday", "are set for Monday", "resume on
# Tuesday"): the event is planned, so it lies ahead. Past forms are past markers already.
_PLANNED = re.compile(
    r"\b(?:is|are|(?:is|are)[ ](?:set|scheduled|slated|planned|due|expected)(?:[ ]to[ ]\w+)?(?:[ ]for)?"
    r"|(?:begins?|starts?|opens?|resumes?|ends?|closes?|meets?|convenes?|takes[ ]place|kicks[ ]off"
    r"|goes[ ]on[ ]sale|heads?[ ]to[ ]the[ ]polls)(?:[ ]again)?)[ ]+(?:(?:on|this|next)[ ]+)?\Z",
    re.IGNORECASE,
)
_PREPOSITIONS = word_list(
    "in of after before since following from over during at about for to by on despite amid with without"
)
_NOT_PAST = frozenset(("need", "needed", "speed", "seed", "feed", "red", "bed", "hundred", "united", "based"))
_TOKEN = re.compile(r"[\w’']+")
#: Words of the sentence before an expression that are searched for a tense marker.
_TENSE_LOOKBACK = 14


@dataclass(frozen=True, slots=True)
class TimeMention(Record):
    """A time expression as written: ``text[start:end]``, not yet tied to a calendar."""

    start: int
    end: int
    kind: TimeKind
    tense: Tense
    modifier: str | None = None  # "last", "next", "this", "earlier this", "in", "since", "by", ...
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # "days"/"weeks"/"months" for "in coming weeks"
    # A possessive inside a phrase ("a suspect in Monday's bombings"): it dates that other
    # event, not what the sentence reports.
    reference: bool = False


def find_mentions(
    text: str, sentence_start: int = 0, sentence_end: int | None = None
) -> tuple[TimeMention, ...]:
    """Time expressions in ``text[sentence_start:sentence_end]`` (one sentence gives the best tense)."""
    stop = len(text) if sentence_end is None else sentence_end
    found: list[TimeMention] = []
    searched_to = sentence_start
    for trigger in _TRIGGER.finditer(text, sentence_start, stop):
        # The full pattern is costly to try at every character; it only runs in a
        # small window around a word that every expression must contain.
        low = max(searched_to, trigger.start() - _TRIGGER_BEFORE)
        high = min(stop, trigger.end() + _TRIGGER_AFTER)
        if low >= high:
            continue
        for match in _COMBINED.finditer(text, low, high):
            if match.start() > trigger.start():
                break
            mention = _mention(match, text, sentence_start, stop)
            if mention is not None:
                found.append(mention)
            searched_to = max(searched_to, match.end())
    return tuple(found)


def _mention(match: re.Match[str], text: str, floor: int, stop: int) -> TimeMention | None:
    kind = next(name[2:] for name, value in match.groupdict().items() if name.startswith("k_") and value)
    group = match.groupdict()
    tense = clause_tense(text, match.start(), match.end(), floor, stop)
    start, end = match.start(), match.end()
    if kind == "date":
        return _full_date(group, start, end, tense)
    if kind == "month_day":
        month = _month_number(group["m4"] or group["m5"])
        day = int(group["d4"] or group["d5"])
        if make_date(2000, month, day) is None:  # 2000 is a leap year: only impossible days fail
            return None
        return TimeMention(start, end, "month_day", tense, _lower(group["md_by"]), month=month, day=day)
    if kind == "month_year":
        year = int(group["y6"])
        if make_date(year, 1, 1) is None:
            return None
        return TimeMention(start, end, "month_year", tense, year=year, month=_month_number(group["m6"]))
    if kind == "month":
        return TimeMention(
            start, end, "month", tense, _lower(group["mod_m"]), month=_month_number(group["m7"])
        )
    if kind == "year":
        year = int(group["y8"])
        if make_date(year, 1, 1) is None:
            return None
        lead = group["yr_lead"].lower()
        # "the 2024 elections" is a year; "the 2024" alone at a sentence end is more likely a count.
        if lead == "the" and not text[end : end + 2].strip(" ").isalpha():
            return None
        shift = 0 if lead == "the" else len(group["yr_lead"]) + 1
        return TimeMention(start + shift, end, "year", tense, lead, year=year)
    if kind == "relative_year":
        return TimeMention(start, end, "relative_year", tense, _lower(group["mod_y"]))
    if kind == "relative_month":
        return TimeMention(start, end, "relative_month", tense, _lower(group["mod_rm"]))
    if kind == "week":
        return TimeMention(start, end, "week", tense, _lower(group["mod_w"]))
    if kind == "weekday":
        modifier = _lower(group["mod_d"])
        weekday = WEEKDAYS[group["weekday"].lower()]
        reference = match.group().endswith(("'s", "’s")) and _after_preposition(text, start, floor)
        return TimeMention(start, end, "weekday", tense, modifier, weekday=weekday, reference=reference)
    if kind == "relative_day":
        return TimeMention(start, end, "relative_day", tense, group["rel_day"].lower())
    if kind == "coming":
        return TimeMention(start, end, "coming", "future", unit=group["coming"])
    return TimeMention(start, end, "hours_near", tense)


def _full_date(group: dict[str, str | None], start: int, end: int, tense: Tense) -> TimeMention | None:
    year_text = group["y1"] or group["y2"] or group["y3"]
    day_text = group["d1"] or group["d2"] or group["d3"]
    month_text = group["m1"] or group["m2"] or group["m3"]
    assert year_text is not None and day_text is not None and month_text is not None
    month = int(month_text) if month_text.isdigit() else _month_number(month_text)
    date = make_date(int(year_text), month, int(day_text))
    if date is None:
        return None  # "February 30, 2025" names no day: report nothing rather than a wrong one
    return TimeMention(start, end, "date", tense, year=date.year, month=date.month, day=date.day)


def _month_number(name: str | None) -> int:
    assert name is not None
    return MONTHS[name.lower().rstrip(".")]


def _lower(value: str | None) -> str | None:
    return value.lower() if value else None


def _after_preposition(text: str, start: int, floor: int) -> bool:
    """The word before ``start`` is a preposition (or "the"), so a possessive there names another event."""
    before = _TOKEN.findall(text, max(floor, start - 30), start)
    return bool(before) and before[-1].lower() in _PREPOSITIONS


def clause_tense(text: str, start: int, end: int, floor: int, stop: int) -> Tense:
    """Past or future for ``[start, end)``: a plan stated right before it ("the vote is
    Saturday", "talks resume on Monday") is future; else the nearest marker on its left,
    else one in the rest of the sentence."""
    if _PLANNED.search(text, max(floor, start - 60), start):
        return "future"
    left = _TOKEN.findall(text, max(floor, start - 120), start)[-_TENSE_LOOKBACK:]
    for index in range(len(left) - 1, -1, -1):
        tense = _marker(left, index)
        if tense is not None:
            return tense
    right = _TOKEN.findall(text, end, min(stop, end + 160))
    for index in range(len(right)):
        tense = _marker(right, index)
        if tense is not None:
            return tense
    return "past"


def _marker(tokens: list[str], index: int) -> Tense | None:
    """The tense that ``tokens[index]`` marks, if it is a tense marker at all."""
    word = tokens[index].lower()
    following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
    if word in _FUTURE_WORDS or (word in _FUTURE_BEFORE_TO and following == "to"):
        return "future"
    if word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST):
        return "past"
    return None
