"""Metadata written at the top of an article: headline, byline, date line and dateline.

News text often starts with lines that are not prose: the headline, a byline
("By Jane Doe, Staff Writer"), a publication date line ("Updated:
2025-03-03"). The first body paragraph may open with a dateline ("BEIJING
(Reuters) – ..."), which says where the story was filed and by which agency.

:func:`read_header` looks at the first few paragraphs only. Headline and
byline/date lines are reported as leading paragraphs to remove (each with a
:class:`~dossier.article.Stripped` record); the dateline stays in the body,
because later stages may treat the place as a mention.

Every rule here is about the *shape* of a line (length, capitalisation,
punctuation, a date in it), never about particular outlets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.article import Stripped
from dossier.dates import find_date
from dossier.words import word_list

#: A headline is at most this many words.
MAX_HEADLINE_WORDS = 30
#: A byline or date line is at most this many words.
MAX_BYLINE_WORDS = 25
#: How many byline/date lines may follow the headline.
MAX_BYLINE_LINES = 3
#: How many characters at the start of the first body paragraph may hold a dateline.
DATELINE_REACH = 100


_SENTENCE_FINAL = tuple(".!?…:;,")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«"

_WEEKDAYS = word_list(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)
_MONTH_WORDS = word_list("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)
# Words that may surround a date on a date line ("Published on", "Last updated at").
_DATE_LINE_WORDS = word_list("published updated posted modified first last on at date time and a.m p.m am pm")
# Lower-case words that may appear in a list of author names and roles.
_BYLINE_CONNECTORS = word_list("""
    and & of the de del della der den van von da di du la le y bin al staff writer writers reporter
    reporters correspondent correspondents editor editors contributor columnist special to for with in
    at from senior chief political business news desk team
    """)
# Lower-case particles inside place names ("Rio de Janeiro", "Stratford-upon-Avon").
_PLACE_CONNECTORS = word_list("de del da do dos das di du la le les el al of on upon am an sur sul")
# Capitalised words that open ordinary sentences, never a place name.
_NOT_PLACES = word_list("""
    the a an in on at by to of for from with and but or so yet if when while as after before this that
    these those there here he she it they we i you his her its their our my your some many most all
    both each every no not one two mr mrs ms dr
    update updated breaking exclusive analysis opinion editorial watch live note factbox explainer
    review photos video correction commentary interview sponsored advertisement summary
    """)

_BYLINE_START = re.compile(r"by\s+", re.IGNORECASE)
_DATE_LABEL = re.compile(r"\b(?:published|updated|posted|modified)\b", re.IGNORECASE)
_AUTHOR_END = re.compile(
    r"\||\b(?:published|updated|posted|modified)\b|\d|\b(?:"
    + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
    + r")\.?\s+\d",
    re.IGNORECASE,
)
_CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?(?!\d)")
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_DATELINE_SEPARATOR = re.compile(r"[^\S\n]*[–—][^\S\n]*|[^\S\n]+--?[^\S\n]+|:[^\S\n]+")
_AGENCY = re.compile(r"\(([^()]{1,40})\)\Z")
_DATE_FRAGMENT = re.compile(
    r"(?:(?P<month>[^\W\d_]{3,9})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s+\d{4})?|\d{1,2}\s+(?P<month2>[^\W\d_]{3,9})|\d{4})",
)


@dataclass(frozen=True, slots=True)
class Header:
    """What the top of a text says about the article.

    ``lead`` is how many leading paragraphs are header lines (headline, byline,
    date line) and leave the body; ``stripped`` records each of them.
    """

    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    lead: int = 0
    stripped: tuple[Stripped, ...] = ()


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place (as written) and optional agency that open a body paragraph."""

    place: str
    agency: str | None = None


def read_header(paragraphs: Sequence[str], *, known_title: str | None = None) -> Header:
    """Headline, byline, dates and dateline found at the top of ``paragraphs``.

    ``known_title`` is a title the source gave; a first paragraph equal to it is
    removed from the body even when it does not look like a headline. Header
    lines are only removed while a body paragraph remains after them.
    """
    stripped: list[Stripped] = []
    at = 0
    title: str | None = None
    if len(paragraphs) > 1 and not is_header_line(paragraphs[0]):
        reason = _title_reason(paragraphs[0], known_title)
        if reason is not None:
            title = paragraphs[0]
            stripped.append(Stripped("title", title, reason))
            at = 1
    byline: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    limit = min(len(paragraphs) - 1, at + MAX_BYLINE_LINES)
    while at < limit and is_header_line(paragraphs[at]):
        line = paragraphs[at]
        byline = byline or parse_byline(line)
        date = find_date(line)
        if date is not None:
            if _is_update_only(line):
                updated = updated or date[0]
            else:
                published = published or date[0]
        stripped.append(Stripped("byline", line, "byline or date line at the top of the text"))
        at += 1
    dateline = find_dateline(paragraphs[at]) if at < len(paragraphs) else None
    return Header(
        title=title,
        byline=byline,
        published=published or updated,
        updated=updated,
        dateline=dateline.place if dateline else None,
        agency=dateline.agency if dateline else None,
        lead=at,
        stripped=tuple(stripped),
    )


def is_header_line(line: str) -> bool:
    """Whether ``line`` is a byline or a publication date line."""
    return parse_byline(line) is not None or is_date_line(line)


def looks_like_headline(paragraph: str) -> bool:
    """One short line of words that does not end like a sentence."""
    if "\n" in paragraph or len(paragraph) > 300:
        return False
    words = paragraph.split()
    if not 1 <= len(words) <= MAX_HEADLINE_WORDS or not any(c.isalpha() for c in paragraph):
        return False
    return not paragraph.rstrip(_CLOSERS).endswith(_SENTENCE_FINAL)


def parse_byline(line: str) -> str | None:
    """The author part of a byline ("By Jane Doe, Staff Writer" -> "Jane Doe, Staff Writer"), or None."""
    start = _BYLINE_START.match(line)
    if start is None or len(line) > 300 or len(line.split()) > MAX_BYLINE_WORDS:
        return None
    rest = line[start.end() :]
    # The names end where a separator, a date label, a date or any number begins;
    # cutting there also drops impossible dates ("Feb 30, 2024") that find_date skips.
    end = _AUTHOR_END.search(rest)
    author = rest[: end.start() if end else len(rest)].strip(" ,;|-–—·•/")
    return author if author and _looks_like_names(author) else None


def is_date_line(line: str) -> bool:
    """A line that holds a date and nothing else but labels, weekdays, times and zones.

    E.g. "Saturday, January 8, 2005", "Updated: 2025-03-03", "Published March 3,
    2025 at 9:00 a.m. ET".
    """
    if len(line) > 160 or len(line.split()) > MAX_BYLINE_WORDS:
        return False
    date = find_date(line)
    if date is None:
        return False
    rest = _CLOCK_TIME.sub(" ", line[: date[1]] + " " + line[date[2] :])
    return all(_is_date_line_word(token) for token in _TOKEN.findall(rest))


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens ``paragraph`` ("NEW YORK, March 3 (AP) — ..."), or None.

    The place must be upper case, or Title Case with an agency, a date or a
    region after a comma: a lone Title Case word before a dash is too often a
    name in an aside ("Biden — Xi's rival — said").
    """
    separator = _DATELINE_SEPARATOR.search(paragraph, 0, DATELINE_REACH)
    if separator is None or separator.start() == 0:
        return None
    after = paragraph[separator.end() : separator.end() + 1]
    if not after or not (after.isupper() or after.isdigit() or after in _OPENERS):
        return None
    head = paragraph[: separator.start()].strip()
    agency: str | None = None
    agency_match = _AGENCY.search(head)
    if agency_match is not None:
        agency = agency_match.group(1).strip()
        if not _looks_like_agency(agency):
            return None
        head = head[: agency_match.start()].rstrip()
    return _parse_place(head, agency)


def _parse_place(head: str, agency: str | None) -> Dateline | None:
    parts = [part.strip() for part in head.split(",")]
    places: list[str] = []
    dated = False
    for index, part in enumerate(parts):
        if index > 0 and _is_date_fragment(part):
            dated = True
        elif not dated and _looks_like_place(part):
            places.append(part)
        else:
            return None
    if not places:
        return None
    first_words = places[0].split()
    upper_case = all(_is_upper_word(word) for word in first_words)
    if not upper_case and agency is None and not dated and len(places) < 2:
        return None
    return Dateline(", ".join(places), agency)


def _looks_like_place(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5 or words[0].lower().strip(".") in _NOT_PLACES:
        return False
    if not words[0][0].isupper():
        return False
    return all(word[0].isupper() or word in _PLACE_CONNECTORS for word in words) and all(
        all(c.isalpha() or c in ".'’-" for c in word) for word in words
    )


def _is_upper_word(word: str) -> bool:
    return word.isupper() or word in _PLACE_CONNECTORS


def _is_date_fragment(part: str) -> bool:
    match = _DATE_FRAGMENT.fullmatch(part)
    if match is None:
        return False
    month = match.group("month") or match.group("month2")
    return month is None or month.lower() in _MONTH_WORDS


def _looks_like_agency(agency: str) -> bool:
    words = agency.split()
    return 1 <= len(words) <= 4 and agency[0].isupper() and all(c.isalpha() or c in " &.-'’" for c in agency)


def _title_reason(paragraph: str, known_title: str | None) -> str | None:
    if known_title is not None and _fold(paragraph) == _fold(known_title):
        return "repeats the title given by the source"
    if looks_like_headline(paragraph):
        return "headline line at the top of the text"
    return None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .")


def _is_update_only(line: str) -> bool:
    label = _DATE_LABEL.search(line)
    return label is not None and label.group().lower() in ("updated", "modified")


def _is_date_line_word(token: str) -> bool:
    lowered = token.lower()
    if lowered in _DATE_LINE_WORDS or lowered in _WEEKDAYS or lowered in _MONTH_WORDS:
        return True
    # Time zones and their like: "ET", "GMT", "UTC", "T" of an ISO time.
    return token.isalpha() and token.isupper() and len(token) <= 4


def _looks_like_names(author: str) -> bool:
    """Capitalised names with a few lower-case connectors and roles ("Jane Doe and John Roe")."""
    words = [word.strip(",.;:()'\"’") for word in author.split()]
    words = [word for word in words if word]
    if not 1 <= len(words) <= 14:
        return False
    if words[0].lower() in _WEEKDAYS:  # "By Monday ..." (month names are also first names: May, June)
        return False
    return all(word[0].isupper() or word.lower() in _BYLINE_CONNECTORS or "@" in word for word in words)
