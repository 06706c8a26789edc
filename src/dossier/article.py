"""The article: cleaned text that every offset in a briefing points into.

A reader produces a :class:`Draft` (raw text plus whatever metadata the source
gave). Cleaning turns a draft into an :class:`Article`, whose ``text`` is final:
from then on everything extracted from the article is a :class:`Span` of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from dossier.records import Record

#: How many hex digits of the content hash an article id keeps.
ID_HEX_DIGITS = 16


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A half-open range ``[start, end)`` of code points in an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Stripped(Record):
    """Text that cleaning removed from a source, and why, so nothing is silently lost."""

    # e.g. "title", "byline", "boilerplate", "syndication-tail", "credit"; page furniture
    # (dossier.furniture, dossier.region, dossier.repeats): "video-widget", "related-links",
    # "caption", "newsletter", "cookie-notice", "share-bar", "share-link", "embed-footer",
    # "live-stamp", "author-bio", "page-furniture", "comments", "repeated-line", "html-furniture"
    kind: str
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Draft(Record):
    """What a reader got out of one source, before cleaning.

    ``published`` is set only when the source states a date (feed item, page
    metadata, JSONL field, sidecar). Dates written at the top of the text are
    read later, by cleaning.
    """

    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    # What the reader itself left out of ``text`` (the page furniture an HTML extractor dropped);
    # cleaning adds it to the article's own record of what was stripped.
    stripped: tuple[Stripped, ...] = ()


@dataclass(frozen=True, slots=True)
class Article(Record):
    """A cleaned article. ``id`` is a hash of ``text``, so equal text means equal id."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    dateline: str | None = None
    duplicate_of: str | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    stripped: tuple[Stripped, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for span in (*self.paragraphs, *self.sentences):
            if span.end > len(self.text):
                raise ValueError(f"span [{span.start}, {span.end}) is past the end of article {self.id}")

    def span_text(self, span: Span) -> str:
        return span.of(self.text)


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its NFC-normalized, whitespace-folded text."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


@dataclass(frozen=True, slots=True)
class Failure(Record):
    """A source that could not be read: it is reported, never silently dropped."""

    source: str
    error: str  # the exception class name, e.g. "BinaryInputError"
    reason: str  # one line, naming what was wrong
