"""Reading a batch of sources: every good item becomes a draft, every bad one a failure.

This is where sources meet readers: a source string is expanded into
files, URLs or stdin, the bytes are fetched or read under the size cap, the
format is chosen, and the matching reader runs. Nothing here raises for a bad
source; the batch always goes on, and the result says what could not be read
and why.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dossier.article import Draft, Failure
from dossier.errors import FetchError, MalformedInputError, SourceNotFoundError
from dossier.ingest.decode import check_size, decode_text, read_file
from dossier.ingest.failures import CONVERTIBLE_ERRORS, failure_from
from dossier.ingest.feed import read_feed
from dossier.ingest.fetch import Fetched, Fetcher
from dossier.ingest.fields import repair_draft, repair_failure
from dossier.ingest.html import read_html
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.limits import DEFAULT_LIMITS, Limits
from dossier.ingest.sidecar import find_sidecar
from dossier.ingest.sources import (
    STDIN,
    Format,
    expand,
    format_for_media_type,
    format_for_path,
    is_url,
    sniff_format,
)
from dossier.ingest.text import read_markdown, read_plain

logger = logging.getLogger(__name__)

#: Called once per item read (a draft or a failure), with the item's source name.
ItemCallback = Callable[[str], None]

_SINGLE_DOCUMENT_FORMATS = frozenset({Format.TEXT, Format.MARKDOWN, Format.HTML})


@dataclass(frozen=True, slots=True)
class IngestResult:
    """Everything a batch read: drafts in source order, and what failed, with why."""

    drafts: tuple[Draft, ...]
    failures: tuple[Failure, ...]


def read_sources(
    sources: Sequence[str],
    *,
    fetcher: Fetcher | None = None,
    limits: Limits = DEFAULT_LIMITS,
    stdin: BinaryIO | None = None,
    on_item: ItemCallback | None = None,
    on_source: ItemCallback | None = None,
) -> IngestResult:
    """Read every source into drafts. Never raises for a bad source: it becomes a :class:`Failure`.

    ``fetcher`` serves URLs and feed item pages (one is made, and closed,
    when needed and not given); ``stdin`` is read for the source ``-``
    (default: the process's standard input). ``on_item`` hears of every draft or
    failure, ``on_source`` of every file, URL or stream once it is read (as many as
    :func:`~dossier.ingest.sources.count_sources` counts).
    """
    batch = _Batch(fetcher=fetcher, limits=limits, stdin=stdin, on_item=on_item, on_source=on_source)
    try:
        for source in sources:
            batch.read_source(source)
    finally:
        batch.close()
    return IngestResult(drafts=tuple(batch.drafts), failures=tuple(batch.failures))


class _Batch:
    """The state of one read_sources call: results so far and the (lazily made) fetcher."""

    def __init__(
        self,
        *,
        fetcher: Fetcher | None,
        limits: Limits,
        stdin: BinaryIO | None,
        on_item: ItemCallback | None,
        on_source: ItemCallback | None = None,
    ) -> None:
        self.limits = limits
        self.drafts: list[Draft] = []
        self.failures: list[Failure] = []
        self._given_fetcher = fetcher
        self._own_fetcher: Fetcher | None = None
        self._stdin = stdin
        self._on_item = on_item
        self._on_source = on_source
        # When the source being read runs out of time (Limits.source_budget_s).
        self._deadline = time.monotonic() + limits.source_budget_s

    def close(self) -> None:
        if self._own_fetcher is not None:
            self._own_fetcher.close()
            self._own_fetcher = None

    def read_source(self, source: str) -> None:
        try:
            expansion = expand(source, follow_links=self.limits.follow_links)
        except CONVERTIBLE_ERRORS as error:
            self._emit(failure_from(error, source=source))
            self._source_done(source)
            return
        for refused in expansion.refused:
            self._emit(failure_from(refused, source=refused.source or source))
        for name in expansion.names:
            self._deadline = time.monotonic() + self.limits.source_budget_s
            try:
                for item in self._items(name):
                    self._emit(item)
            except CONVERTIBLE_ERRORS as error:
                self._emit(failure_from(error, source=name))
            self._source_done(name)

    def _source_done(self, name: str) -> None:
        if self._on_source is not None:
            self._on_source(name)

    def _emit(self, item: Draft | Failure) -> None:
        # Every reader repairs its own fields; this catches what a file name or a page brought in.
        item = repair_failure(item) if isinstance(item, Failure) else repair_draft(item)
        if isinstance(item, Failure):
            logger.info("not read: %s: %s (%s)", item.source, item.reason, item.error)
            self.failures.append(item)
        else:
            self.drafts.append(item)
        if self._on_item is not None:
            self._on_item(item.source)

    def _items(self, name: str) -> Iterator[Draft | Failure]:
        if name == STDIN:
            data = self._read_stdin()
            yield from self._parse(data, sniff_format(data), source=name)
        elif is_url(name):
            fetched = self._fetcher().fetch(name, deadline=self._deadline)
            yield from self._parse(fetched.body, _format_of_response(fetched), source=name, fetched=fetched)
        else:
            yield from self._read_path(name)

    def _read_path(self, name: str) -> Iterator[Draft | Failure]:
        path = Path(name)
        data = read_file(path, self.limits, source=name)
        # The sidecar is read first: when it is broken the source fails before any item is emitted.
        sidecar = find_sidecar(path, source=name, limits=self.limits)
        for item in self._parse(data, format_for_path(path) or sniff_format(data), source=name):
            yield sidecar.apply(item) if sidecar is not None and isinstance(item, Draft) else item

    def _read_stdin(self) -> bytes:
        stream = self._stdin
        if stream is None:
            if sys.stdin is None:  # e.g. a GUI launcher or a daemon: there is no stdin at all
                raise SourceNotFoundError("there is no standard input to read", source=STDIN)
            stream = sys.stdin.buffer
        data = stream.read(self.limits.max_bytes + 1)
        check_size(len(data), self.limits, source=STDIN, what="stdin")
        return data

    def _parse(
        self, data: bytes, form: Format, *, source: str, fetched: Fetched | None = None
    ) -> Iterator[Draft | Failure]:
        if form is Format.JSONL:
            yield from read_jsonl(data, source=source)
        elif form is Format.FEED:
            yield from read_feed(data, source=source, limits=self.limits, read_page=self._read_item_page)
        else:
            yield _read_document(data, form, source=source, fetched=fetched)

    def _read_item_page(self, url: str) -> Draft:
        """The article on a feed item's page (for items whose feed entry is only a teaser)."""
        if time.monotonic() >= self._deadline:
            budget = self.limits.source_budget_s
            raise FetchError(
                f"page not fetched: the time budget of {budget:g} s for its feed is spent", source=url
            )
        fetched = self._fetcher().fetch(url, deadline=self._deadline)
        form = _format_of_response(fetched)
        if form not in _SINGLE_DOCUMENT_FORMATS:
            raise MalformedInputError(f"the item's page is {form.value}, not an article page", source=url)
        return _read_document(fetched.body, form, source=url, fetched=fetched)

    def _fetcher(self) -> Fetcher:
        if self._given_fetcher is not None:
            return self._given_fetcher
        if self._own_fetcher is None:
            self._own_fetcher = Fetcher(limits=self.limits)
        return self._own_fetcher


def _format_of_response(fetched: Fetched) -> Format:
    return format_for_media_type(fetched.content_type) or sniff_format(fetched.body)


def _read_document(data: bytes, form: Format, *, source: str, fetched: Fetched | None) -> Draft:
    """A single-article source: plain text, Markdown or HTML."""
    url = fetched.url if fetched is not None else None
    if form is Format.HTML:
        return read_html(
            data, source=source, url=url, charset=fetched.charset if fetched is not None else None
        )
    text = decode_text(data, source=source)
    draft = read_markdown(text, source=source) if form is Format.MARKDOWN else read_plain(text, source=source)
    return dataclasses.replace(draft, url=url) if url is not None else draft
