"""RSS and Atom reader: one draft per feed item.

An item whose feed entry carries the article (``content:encoded``, Atom
``content``, or a long description) is read from the feed itself, HTML turned
into paragraphs. An item that carries only a teaser has its page fetched and
read like any other page, through the ``read_page`` callable the caller
provides (so this module never touches the network itself). A failed item is
a failure for that item only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import re
import xml.sax
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from dossier.article import Draft, Failure
from dossier.dates import parse_published
from dossier.errors import EmptyInputError, FetchError, MalformedInputError, TooLargeError
from dossier.ingest.decode import check_bytes
from dossier.ingest.failures import CONVERTIBLE_ERRORS, failure_from, one_line
from dossier.ingest.fields import repair_draft
from dossier.ingest.limits import Limits
from dossier.ingest.markup import html_to_text

logger = logging.getLogger(__name__)

#: A feed text shorter than this is a teaser: the article itself is on the item's page.
FULL_TEXT_MIN_CHARS = 500
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_DATE_KEYS = ("published", "updated", "created")
#: A numeric character reference (bounded digits: the pattern stays linear).
_CHARACTER_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]{1,12}|[0-9]{1,15});")

#: Reads the page of a feed item (fetch + the right reader); raises SourceError.
PageReader = Callable[[str], Draft]


@dataclasses.dataclass(frozen=True, slots=True)
class _ItemText:
    text: str
    origin: str  # which part of the entry it came from: "content" or "summary"


class _FetchBudget:
    """Counts the item pages fetched for one feed against ``Limits.max_page_fetches``."""

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed
        self.used = 0

    def take(self, *, source: str) -> None:
        if self.used >= self.allowed:
            raise FetchError(
                f"page not fetched: the limit of {self.allowed} page fetches per feed is reached",
                source=source,
            )
        self.used += 1


def read_feed(
    data: bytes,
    *,
    source: str,
    limits: Limits,
    read_page: PageReader | None = None,
) -> Iterator[Draft | Failure]:
    """Drafts of the items of an RSS or Atom feed (and failures of single items), in feed order."""
    check_bytes(data, source=source)
    parsed = _parse(data, source=source)
    entries = list(parsed.entries)
    broken = _parse_error(parsed)
    _refuse_unusable(parsed, entries, broken, source=source)
    if broken is not None:
        yield Failure(
            source=source,
            error=MalformedInputError.__name__,
            reason=f"malformed feed ({broken}); read the {len(entries)} items before the error",
        )
    outlet = _text_field(parsed.feed, "title")
    budget = _FetchBudget(limits.max_page_fetches)
    for index, entry in enumerate(entries[: limits.max_feed_items], start=1):
        name = _clean(entry.get("link")) or f"{source}#{index}"
        try:
            yield repair_draft(
                _entry_draft(entry, name=name, feed=source, outlet=outlet, read_page=read_page, budget=budget)
            )
        except CONVERTIBLE_ERRORS as error:
            yield failure_from(error, source=name)
    if len(entries) > limits.max_feed_items:
        yield Failure(
            source=source,
            error=TooLargeError.__name__,
            reason=f"feed has {len(entries)} items; only the first {limits.max_feed_items} were read",
        )


def _parse(data: bytes, *, source: str) -> Any:
    try:
        # A stream: feedparser must not treat bytes as a path or URL.
        return feedparser.parse(io.BytesIO(_CHARACTER_REFERENCE.sub(_safe_reference, data)))
    except (UnicodeError, ValueError, RecursionError) as error:
        raise MalformedInputError(f"unparseable feed ({one_line(str(error))})", source=source) from error


def _safe_reference(match: re.Match[bytes]) -> bytes:
    """A character reference feedparser can turn into text: surrogates and non-characters become U+FFFD.

    feedparser's fallback parser calls ``chr(n).encode()`` on every reference,
    so ``&#xD800;`` in one title would otherwise make the whole feed fail.
    """
    digits = match.group(1)
    number = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    if 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        return b"&#xFFFD;"
    return match.group(0)


def _parse_error(parsed: Any) -> str | None:
    """Why the feed is not well-formed XML; ``None`` also for mere encoding notes."""
    error = parsed.get("bozo_exception")
    if not parsed.get("bozo") or not isinstance(error, xml.sax.SAXException):
        return None
    message = one_line(error.getMessage())
    if isinstance(error, xml.sax.SAXParseException):
        message += f" at line {error.getLineNumber()}"
    return message


def _refuse_unusable(parsed: Any, entries: list[Any], broken: str | None, *, source: str) -> None:
    if entries:
        return
    if broken is not None:
        raise MalformedInputError(f"malformed feed ({broken}), no items could be read", source=source)
    if not parsed.get("version"):
        raise MalformedInputError("not an RSS or Atom feed", source=source)
    raise EmptyInputError("feed has no items", source=source)


def _entry_draft(
    entry: Any,
    *,
    name: str,
    feed: str,
    outlet: str | None,
    read_page: PageReader | None,
    budget: _FetchBudget,
) -> Draft:
    link = _clean(entry.get("link"))
    item_text = _item_text(entry, source=name)
    draft = Draft(
        source=name,
        text=item_text.text,
        title=_text_field(entry, "title"),
        outlet=outlet,
        url=link,
        published=_entry_date(entry),
        metadata=_entry_metadata(entry, feed=feed, origin=item_text.origin),
    )
    if len(item_text.text) >= FULL_TEXT_MIN_CHARS:
        return draft
    if link is None or not link.lower().startswith(("http://", "https://")):
        if item_text.text.strip():
            return draft  # a short text and nothing to fetch: the text is all there is
        raise EmptyInputError("feed item has no text and no link to its page", source=name)
    if read_page is None:
        raise FetchError("feed item has only a summary and page fetching is off", source=name)
    budget.take(source=name)
    return _merge_page(draft, read_page(link))


def _merge_page(item: Draft, page: Draft) -> Draft:
    """The page's text, with the feed item's own fields winning over the page's."""
    metadata = {**page.metadata, **item.metadata, "text_from": "page"}
    if page.url and page.url != item.url:
        metadata["page_url"] = page.url
    return dataclasses.replace(
        page,
        source=item.source,
        title=item.title or page.title,
        outlet=item.outlet or page.outlet,
        url=item.url or page.url,
        published=item.published or page.published,
        metadata=metadata,
    )


def _item_text(entry: Any, *, source: str) -> _ItemText:
    """The longest text the entry carries: its full content, else its summary."""
    candidates: list[_ItemText] = []
    for content in entry.get("content") or []:
        candidates.append(
            _ItemText(_as_text(content.get("value"), content.get("type"), source=source), "content")
        )
    summary_type = (entry.get("summary_detail") or {}).get("type")
    candidates.append(_ItemText(_as_text(entry.get("summary"), summary_type, source=source), "summary"))
    return max(candidates, key=lambda candidate: len(candidate.text))


def _as_text(value: object, media_type: object, *, source: str) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    if media_type in _HTML_TYPES or (media_type is None and "<" in value):
        return html_to_text(value, source=source)
    return value.strip()


def _text_field(node: Any, key: str) -> str | None:
    """A title-like field as plain text (feeds may put markup in titles)."""
    value = node.get(key)
    if not isinstance(value, str):
        return None
    media_type = (node.get(f"{key}_detail") or {}).get("type")
    if media_type in _HTML_TYPES and "<" in value:
        value = html_to_text(value, source=key)
    return _clean(value)


def _entry_date(entry: Any) -> dt.date | None:
    for key in _DATE_KEYS:
        # "in" first: reading a missing "updated" makes feedparser warn and hand back "published".
        date = parse_published(entry.get(key)) if key in entry else None
        if date is not None:
            return date
    return None


def _entry_metadata(entry: Any, *, feed: str, origin: str) -> dict[str, Any]:
    metadata: dict[str, Any] = {"feed": feed, "text_from": origin}
    author = _clean(entry.get("author"))
    if author is not None:
        metadata["author"] = author
    entry_id = _clean(entry.get("id"))
    if entry_id is not None:
        metadata["feed_item_id"] = entry_id
    return metadata


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    folded = " ".join(value.split())
    return folded or None
