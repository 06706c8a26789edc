"""Finding figures in one article's text: money, percentages, durations, ages and counts.

A single scan finds every number (digits, or spelled-out words); small anchored
patterns then read what stands just before it (a currency sign, a qualifier such
as "more than", "aged") and just after it (a scale word, a unit, the counted
noun). A number that none of these rules explains is not reported: a bare "12"
says nothing a reader can check. Every look-around is bounded to a short window,
so the scan stays linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dossier.figures.numbers import (
    MULTIPLIERS,
    SCALE_SUFFIXES,
    TENS_WORDS,
    UNITS_WORDS,
    parse_digits,
    parse_words,
    split_number_words,
)
from dossier.records import Record
from dossier.words import word_list

FigureKind = Literal["money", "percent", "duration", "age", "count"]

#: How far before and after a number the rules look.
_WINDOW = 80

_WORD_ALTERNATION = "|".join(sorted((*UNITS_WORDS, *TENS_WORDS), key=len, reverse=True))
_MULTIPLIER_ALTERNATION = "|".join(MULTIPLIERS)
_UNIT_ALTERNATION = "second|minute|hour|day|week|month|year|decade"
_NUMBER = re.compile(
    # The look-ahead holds every first letter of a number word (and digits): the
    # engine skips other characters without trying the alternation.
    r"(?=[\dAaEeFfNnOoSsTtZz])"
    # A thousands group written after a comma and a space ("20, 000", as tokenized text joins it) is one
    # number: read alone, "000 people" would be a count of none. Only a group with a leading zero is
    # joined, since "2, 300" may be two numbers of a list.
    r"(?P<spaced>(?<![\w.,/\-])\d{1,3}(?:,[ ]0\d\d)++(?![\d,.]\d))"
    r"|(?P<digits>(?<![\w.,/\-])\d[\d,.]*+)"
    r"|(?P<words>\b(?:(?:"
    + _WORD_ALTERNATION
    + r")|an?(?=[ ](?:"
    + _MULTIPLIER_ALTERNATION
    + r"|"
    + _UNIT_ALTERNATION
    + r")\b))"
    r"(?:[ \-](?:" + _WORD_ALTERNATION + "|" + _MULTIPLIER_ALTERNATION + r"|and|a|half)\b)*+)",
    re.IGNORECASE,
)
_SCALE = re.compile(r"[ ]?(?P<scale>trillion|billion|million|thousand|bn|mn|tn|m|b|k)\b", re.IGNORECASE)
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_SIGN_BEFORE = re.compile(r"(?P<sign>US\$|[$€£¥])[ ]?$")
_CURRENCY_AFTER = re.compile(
    r"[ ](?P<word>dollars|dollar|euros|euro|pounds|pound|yuan|yen|rupees)\b", re.IGNORECASE
)
_CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yuan": "CNY",
    "yen": "JPY",
    "rupee": "INR",
}
_PERCENT_AFTER = re.compile(r"[ ]?(?:%|percent\b|per[ ]cent\b|percentage[ ]points?\b)", re.IGNORECASE)
_AGE_ADJECTIVE = re.compile(r"[ \-](?:year|yr)s?[ \-]old\b", re.IGNORECASE)
_DURATION_AFTER = re.compile(
    r"(?P<joint>[ \-])(?P<unit>second|minute|hour|day|week|month|year|decade)(?P<plural>s)?\b",
    re.IGNORECASE,
)
_OF_PHRASE = re.compile(r"[ ]of[ ](?:the[ ]|their[ ]|its[ ])?(?P<noun>[a-z][a-z\-]+)\b")
_COUNT_RANGE = re.compile(r"[ ](?:and|to|-|–)[ ](?P<high>\d[\d,]*\d|\d)\b")
_RANGE_END = re.compile(r"[ ]?(?:to|and|-|–)[ ]?(?P<high>\d{1,3})\b")
_AGED_BEFORE = re.compile(r"\b(?P<lead>aged|ages|age)[ ](?:of[ ])?(?:between[ ])?$", re.IGNORECASE)
_BETWEEN_AGES = re.compile(r"\bbetween[ ]the[ ]ages[ ]of[ ]$", re.IGNORECASE)
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][\w’'\-]+,[ ]$")
_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>more[ ]than|fewer[ ]than|less[ ]than|at[ ]least|at[ ]most|up[ ]to|as[ ]many[ ]as"
    r"|as[ ]much[ ]as|close[ ]to|about|around|roughly|nearly|almost|approximately|some|over|under"
    r"|just[ ]over|just[ ]under|an[ ]estimated)[ ]$",
    re.IGNORECASE,
)
_MONTH_NEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ ]$", re.IGNORECASE
)
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?[ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)
_TIME_AFTER = re.compile(r"(?::\d|[ ]?(?:a\.m\.|p\.m\.|am\b|pm\b))", re.IGNORECASE)
#: A time zone after a clock time: GMT, UTC, ET, EDT, HKT...
_ZONE_AFTER = re.compile(r"[ ]?(?:GMT|UTC|Z|[A-Z]{1,3}T)\b")
#: Words that open a time stamp: "Updated 2224", "posted at 0915".
_STAMP_BEFORE = re.compile(r"\b(?:updated|posted|published|modified)(?:[ ]at)?[ ]$", re.IGNORECASE)
_NOUN_WORD = re.compile(r"[ ](?P<word>[A-Za-z][A-Za-z’'\-]*)")
_RATE = re.compile(r"[ ](?:a|per|each)[ ](?P<per>day|week|month|year|hour)\b", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:cut|cuts|reduced?|reduces|raised?|raises|increased?|increases|lowered|lowers|boosted|boosts"
    r"|slashed|slashes)[ ](?:the[ ]|its[ ]|their[ ]|a[ ]|an[ ])?(?:[\w\-]+[’']s[ ])?(?P<noun>[a-z]+)\b"
)
_LEADING_ZERO = re.compile(r"0\d")
_SUBJECT_CHANGE = re.compile(
    r"\b(?P<noun>[a-z]+)[ ](?:fell|rose|dropped|grew|declined|jumped|climbed|increased|decreased)"
    r"[ ](?:by[ ])?$"
)

#: Words that end a noun phrase: function words, verbs of being, prepositions.
STOP_WORDS = word_list(
    """a an the and or but nor to for of in on at by with from into onto as than that which who whom
    whose was were is are be been being has have had will would could should may might can do does did
    not no this these those it its their his her our your my said says per each every about after before
    during over under since until while when where if so yet also more less fewer most very"""
)
#: Plural nouns that do not end in "s".
IRREGULAR_PLURALS = word_list("people children men women police staff personnel cattle livestock")
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s")
#: The largest noun phrase a count may measure ("more than 3,000 farming families").
_MAX_NOUN_WORDS = 3
#: Years written as bare digits are dates, not counts.
_YEAR_RANGE = range(1800, 2101)

_QUALIFIER_CANON = {
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "under": "fewer than",
    "just under": "fewer than",
    "at least": "at least",
    "at most": "up to",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "close to": "nearly",
    "nearly": "nearly",
    "almost": "nearly",
}


@dataclass(frozen=True, slots=True)
class Measure(Record):
    """One figure found in a text: ``text[start:end]`` states ``value`` (up to ``high``) in ``unit``."""

    start: int
    end: int
    kind: FigureKind
    value: float
    unit: str
    qualifier: str | None = None
    about: str | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    value: float
    spelled: bool


def qualifier_of(text: str) -> str | None:
    """The canonical qualifier a figure's text opens with ("Nearly 40%" → "nearly"), if any."""
    lowered = text.lower()
    for phrase in sorted(_QUALIFIER_CANON, key=len, reverse=True):
        if lowered.startswith(phrase + " "):
            return _QUALIFIER_CANON[phrase]
    return None


def extract_measures(text: str) -> tuple[Measure, ...]:
    """Every figure in ``text``, in order of position; overlapping finds keep the first."""
    found: list[Measure] = []
    last_end = -1
    for match in _NUMBER.finditer(text):
        number = _read_number(match)
        if number is None or number.start < last_end:
            continue
        measure = _classify(text, number)
        if measure is not None and measure.start >= last_end:
            found.append(measure)
            last_end = measure.end
    return tuple(found)


def _read_number(match: re.Match[str]) -> _Number | None:
    if match.group("spaced") is not None:
        value = parse_digits(match.group("spaced").replace(" ", ""))
        return None if value is None else _Number(match.start(), match.end(), value, False)
    if match.group("digits") is not None:
        token = match.group("digits").rstrip(".,")
        if _LEADING_ZERO.match(token):
            # "007", "0800", the "000" of a group split off its number: a code, a clock or a part, no amount.
            return None
        value = parse_digits(token)
        return None if value is None else _Number(match.start(), match.start() + len(token), value, False)
    words = split_number_words(match.group("words"))
    if words in (["a"], ["an"]):
        # "less than a year": an article before a unit is one; the duration
        # reader keeps it only after a qualifier.
        return _Number(match.start(), match.end(), 1.0, True)
    # A run may end on a connective that belongs to the sentence ("five and").
    while words and words[-1] in ("and", "a", "an"):
        words.pop()
    value = parse_words(words)
    if value is None:
        return None
    end = _end_of_words(match.group("words"), len(words)) + match.start()
    return _Number(match.start(), end, value, True)


def _end_of_words(run: str, count: int) -> int:
    """Offset in ``run`` just after its ``count``-th word (words split on spaces and hyphens)."""
    seen = 0
    for index, char in enumerate(run):
        if char in " -" and index > 0 and run[index - 1] not in " -":
            seen += 1
            if seen == count:
                return index
    return len(run)


def _classify(text: str, number: _Number) -> Measure | None:
    before = text[max(0, number.start - _WINDOW) : number.start]
    after = text[number.end : number.end + _WINDOW]
    if _looks_like_date_or_time(before, after, number):
        return None
    value, after_scale, scaled = _apply_scale(after, number)
    for reader in (_read_money, _read_percent, _read_age, _read_duration, _read_count):
        measure = reader(text, number, value, before, after, after_scale, scaled)
        if measure is not None:
            return measure
    return None


def _looks_like_date_or_time(before: str, after: str, number: _Number) -> bool:
    if number.spelled:
        return False
    if after[:1] == "/":
        return True  # a piece of a path or a date written 4/16: no count
    if _is_clock(number) and (_ZONE_AFTER.match(after) or _STAMP_BEFORE.search(before)):
        return True  # "Updated 2224 GMT": a time stamp, not 2,224 of anything
    return bool(_MONTH_NEAR.search(before) or _MONTH_AFTER.match(after) or _TIME_AFTER.match(after))


def _is_clock(number: _Number) -> bool:
    """Four digits that read as a 24-hour clock time (0000 to 2359)."""
    value = number.value
    return number.end - number.start == 4 and value == int(value) and value % 100 < 60 and value < 2400


def _apply_scale(after: str, number: _Number) -> tuple[float, int, bool]:
    """The value times a following scale word, and how many characters of ``after`` that used."""
    scale = _SCALE.match(after)
    if scale is None:
        return number.value, 0, False
    word = scale.group("scale").lower()
    if word in ("m", "b", "k", "bn", "mn", "tn") and (number.spelled or scale.group().startswith(" ")):
        # "5 m" is five metres, "two m" is nothing; suffixes count only glued to digits.
        return number.value, 0, False
    return number.value * SCALE_SUFFIXES[word], scale.end(), True


def _qualified_start(text: str, start: int) -> tuple[int, str | None]:
    """Where a figure starts once a qualifier before it is included, and that qualifier."""
    qualifier = _QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
    if qualifier is None:
        return start, None
    return qualifier.start(), _QUALIFIER_CANON[qualifier.group("q").lower()]


def _read_money(
    text: str, number: _Number, value: float, before: str, after: str, used: int, scaled: bool
) -> Measure | None:
    sign = _SIGN_BEFORE.search(before)
    start = number.start
    unit: str | None = None
    end = number.end + used
    if sign is not None and not number.spelled:
        unit = _CURRENCY_SIGNS[sign.group("sign")]
        start = number.start - len(sign.group())
    else:
        word = _CURRENCY_AFTER.match(after, used)
        if word is None:
            return None
        unit = _CURRENCY_WORDS[word.group("word").lower().rstrip("s")]
        end = number.end + word.end()
    start, qualifier = _qualified_start(text, start)
    about = _noun_phrase_after(text, end) or _noun_before_of(text, start)
    return Measure(start, end, "money", value, unit, qualifier, about)


def _read_percent(
    text: str, number: _Number, value: float, before: str, after: str, used: int, scaled: bool
) -> Measure | None:
    match = _PERCENT_AFTER.match(after)
    if match is None or scaled:
        return None
    end = number.end + match.end()
    start, qualifier = _qualified_start(text, number.start)
    of = _OF_PHRASE.match(text, end, end + _WINDOW)
    noun = of.group("noun") if of is not None else None
    about = noun if noun is not None and noun not in STOP_WORDS else _changed_noun(text, start)
    return Measure(start, end, "percent", value, "percent", qualifier, about)


def _changed_noun(text: str, start: int) -> str | None:
    """What a "by N percent" change applies to: "cut the flow ... by 40 percent" → "flow"."""
    window = text[max(0, start - _WINDOW) : start]
    subject = _SUBJECT_CHANGE.search(window)
    if subject is not None:
        return subject.group("noun")
    if not window.rstrip().endswith(" by"):
        return None
    verbs = list(_CHANGE_VERB.finditer(window))
    return verbs[-1].group("noun") if verbs else None


def _read_age(
    text: str, number: _Number, value: float, before: str, after: str, used: int, scaled: bool
) -> Measure | None:
    if scaled or not 0 < value < 130:
        return None
    adjective = _AGE_ADJECTIVE.match(after)
    if adjective is not None:
        end = number.end + adjective.end()
        start = number.start
        return Measure(start, end, "age", value, "year-old", None, _noun_phrase_after(text, end))
    between = _BETWEEN_AGES.search(before)
    aged = _AGED_BEFORE.search(before)
    if between is not None or aged is not None:
        lead = between if between is not None else aged
        assert lead is not None
        start = number.start - (len(before) - lead.start())
        high_match = _RANGE_END.match(after)
        high = float(high_match.group("high")) if high_match is not None else None
        if high is not None and high < value:
            high = None
        end = number.end + (high_match.end() if high_match is not None and high is not None else 0)
        return Measure(start, end, "age", value, "age", None, None, high)
    if not number.spelled and value == int(value) and _NAME_COMMA_BEFORE.search(before) and after[:1] == ",":
        return Measure(number.start, number.end, "age", value, "age")
    return None


def _read_duration(
    text: str, number: _Number, value: float, before: str, after: str, used: int, scaled: bool
) -> Measure | None:
    match = _DURATION_AFTER.match(after)
    if match is None or scaled:
        return None
    end = number.end + match.end()
    start, qualifier = _qualified_start(text, number.start)
    if qualifier is None and text[number.start : number.end].lower() in ("a", "an"):
        return None  # "twice a day", "a year ago": no figure without "less than", "about"...
    unit = match.group("unit").lower()
    if match.group("joint") == "-" and match.group("plural") is None:
        # "a four-day trip": the noun after the adjective is what lasted four days.
        noun = _NOUN_WORD.match(text, end, end + _WINDOW)
        if noun is not None and noun.group("word").lower() not in STOP_WORDS:
            end = noun.end()
            return Measure(start, end, "duration", value, unit, qualifier, noun.group("word").lower())
        return Measure(start, end, "duration", value, unit, qualifier)
    of = _OF_PHRASE.match(text, end, end + _WINDOW)
    if of is not None and of.group("noun") not in STOP_WORDS:
        return Measure(start, of.end(), "duration", value, unit, qualifier, of.group("noun"))
    return Measure(start, end, "duration", value, unit, qualifier)


def _read_count(
    text: str, number: _Number, value: float, before: str, after: str, used: int, scaled: bool
) -> Measure | None:
    start, qualifier = _qualified_start(text, number.start)
    if (
        not number.spelled
        and not scaled
        and int(value) in _YEAR_RANGE
        and "," not in text[start : number.end]
    ):
        return None
    if number.spelled and qualifier is None and value < 12:
        # "two sides", "one of the aims": small spelled numbers are prose, not figures.
        return None
    end = number.end + used
    high: float | None = None
    span_range = _COUNT_RANGE.match(text, end, end + _WINDOW)
    if (
        span_range is not None
        and (upper := parse_digits(span_range.group("high"))) is not None
        and upper > value
    ):
        # "between 200 and 300 inspectors": one figure, a range, not a count of 300.
        high, end = upper, span_range.end()
        if start == number.start and text[max(0, start - 8) : start].lower().endswith("between "):
            start -= len("between ")
    words = _plural_phrase(text, end)
    if words is None:
        return None
    phrase_end, phrase = words
    head = phrase.split()[-1].lower()
    rate = _RATE.match(text, phrase_end, phrase_end + _WINDOW)
    unit = head if rate is None else f"{head} per {rate.group('per').lower()}"
    final = phrase_end if rate is None else rate.end()
    return Measure(start, final, "count", value, unit, qualifier, phrase, high)


def _plural_phrase(text: str, position: int) -> tuple[int, str] | None:
    """Up to three words after ``position`` that end in a plural noun: "farming families"."""
    cursor = position
    words: list[str] = []
    for _ in range(_MAX_NOUN_WORDS):
        match = _NOUN_WORD.match(text, cursor, cursor + _WINDOW)
        if match is None:
            return None
        word = match.group("word")
        if word.lower() in STOP_WORDS:
            return None
        words.append(word)
        cursor = match.end()
        if _is_plural(word):
            return cursor, " ".join(words)
    return None


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in IRREGULAR_PLURALS:
        return True
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(_NOT_PLURAL_ENDINGS)


def _noun_phrase_after(text: str, position: int) -> str | None:
    """The noun phrase right after a figure ("$95 billion foreign aid package" → "foreign aid package")."""
    cursor = position
    words: list[str] = []
    for _ in range(4):
        match = _NOUN_WORD.match(text, cursor, cursor + _WINDOW)
        if match is None or match.group("word").lower() in STOP_WORDS:
            break
        words.append(match.group("word"))
        cursor = match.end()
    return " ".join(words) if words else None


def _noun_before_of(text: str, start: int) -> str | None:
    """The noun a figure measures when written "a fund of $240 million" → "fund"."""
    window = text[max(0, start - 40) : start]
    match = re.search(r"\b(?P<noun>[a-z]+)[ ]of[ ]$", window)
    if match is None or match.group("noun") in STOP_WORDS:
        return None
    return match.group("noun")
