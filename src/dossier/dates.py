"""Parsing publication dates given by sources (metadata fields, bylines, sidecars).

Only explicit calendar dates are accepted here. Relative expressions ("on
Wednesday") belong to the time stage, which resolves them against a date this
module found. Anything ambiguous or impossible gives ``None`` rather than a
guess: a wrong date shown as fact is worse than no date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

#: Publication dates outside this range are treated as garbage, not as news.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2200

#: Month names and abbreviations, lower case, to month numbers.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAME = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?![\d])")
# "Apr 26, 2024" and "April 26 2024"
_MONTH_DAY_YEAR = re.compile(
    _MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)", re.IGNORECASE
)
# "26 April 2024"
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r",?\s+(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)
_PATTERNS = (_ISO, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` when it does not exist (Feb 30) or is out of range."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first explicit calendar date written in ``text``, with its span.

    Recognizes ISO dates (2024-04-26, 2024/04/26) and written ones
    ("Apr 26, 2024", "26 April 2024"). Impossible dates are skipped.
    """
    best: tuple[dt.date, int, int] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[1]:
                break
            month = match.group("month")
            month_number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            date = make_date(int(match.group("year")), month_number, int(match.group("day")))
            if date is not None:
                best = (date, match.start(), match.end())
                break
    return best


def parse_published(value: object) -> dt.date | None:
    """A publication date from a metadata value, or ``None`` when there is none.

    Accepts ``date``/``datetime`` objects, ISO 8601 strings (date or
    date-time), RFC 2822 strings as used by feeds, and written dates.
    """
    if isinstance(value, dt.datetime):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return make_date(value.year, value.month, value.day)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return make_date(parsed.year, parsed.month, parsed.day)
    found = find_date(text)
    return found[0] if found else None
