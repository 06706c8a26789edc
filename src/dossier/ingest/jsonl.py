"""JSON Lines reader: one article per line, as a JSON object with a ``text`` field.

Known fields fill the draft (``text`` required; ``title``, ``url``,
``outlet``, ``published``, ``dateline`` optional); every other field is kept
in ``Draft.metadata``. A bad line (invalid JSON or UTF-8, no text, a field of
the wrong type) is a failure named ``FILE:LINE`` and the other lines are still
read. Lines are decoded one by one for that reason. JSONL is usually made by
programs, so a date that cannot be read is kept aside (``published_raw``)
rather than costing the article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from dossier.article import Draft, Failure
from dossier.dates import parse_published
from dossier.errors import EmptyInputError, EncodingError, MalformedInputError, SourceError
from dossier.ingest.decode import bom_codec, check_bytes, decode_text
from dossier.ingest.failures import failure_from
from dossier.ingest.fields import repair_draft
from dossier.ingest.jsonobject import JsonObjectError, optional_string, parse_json_object

logger = logging.getLogger(__name__)

_KNOWN_FIELDS = ("text", "title", "url", "outlet", "published", "dateline")
#: Past this many bad lines in one file, the rest are counted, not listed one by one.
MAX_LINE_FAILURES = 100


def read_jsonl(data: bytes, *, source: str) -> Iterator[Draft | Failure]:
    """Drafts (and per-line failures) of a JSONL file, in line order.

    Raises a :class:`SourceError` only for problems of the whole file: empty,
    binary, or no line with any content.
    """
    lines = _numbered_lines(data, source=source)
    seen_content = False
    bad_lines = 0
    for number, line in lines:
        name = f"{source}:{number}"
        try:
            text = _decode_line(line, number=number, source=name)
            if not text.strip():
                continue
            seen_content = True
            yield draft_from_object(_parse_line(text, source=name), source=name)
        except SourceError as error:
            seen_content = True
            bad_lines += 1
            if bad_lines <= MAX_LINE_FAILURES:
                yield failure_from(error, source=name)
    if bad_lines > MAX_LINE_FAILURES:
        unlisted = bad_lines - MAX_LINE_FAILURES
        yield Failure(
            source=source,
            error=MalformedInputError.__name__,
            reason=f"{unlisted} more malformed lines not listed ({bad_lines} in all)",
        )
    if not seen_content:
        raise EmptyInputError("no JSON lines, only blank ones", source=source)


def draft_from_object(data: dict[str, Any], *, source: str) -> Draft:
    """A draft from one JSON object; raises :class:`MalformedInputError` when it has no usable text."""
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = (
            "has no 'text' field" if text is None else "has a 'text' field that is not a non-empty string"
        )
        raise MalformedInputError(f"the JSON object {problem}", source=source)
    try:
        title = optional_string(data, "title")
        url = optional_string(data, "url")
        outlet = optional_string(data, "outlet")
        dateline = optional_string(data, "dateline")
    except JsonObjectError as error:
        raise MalformedInputError(str(error), source=source) from error
    metadata = {key: value for key, value in data.items() if key not in _KNOWN_FIELDS}
    published = parse_published(data.get("published"))
    if published is None and data.get("published") not in (None, ""):
        logger.info("%s: cannot read published date %r; kept as published_raw", source, data["published"])
        metadata["published_raw"] = data["published"]
    draft = Draft(
        source=source,
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        dateline=dateline,
        metadata=metadata,
    )
    # Lone surrogates and absurd metadata are repaired here, field by field, not left to sink the batch.
    return repair_draft(draft)


def _parse_line(text: str, *, source: str) -> dict[str, Any]:
    try:
        return parse_json_object(text)
    except JsonObjectError as error:
        raise MalformedInputError(str(error), source=source) from error


def _numbered_lines(data: bytes, *, source: str) -> Iterator[tuple[int, bytes | str]]:
    """``(line number, line)`` pairs; lines stay bytes unless the file has a UTF-16/32 BOM."""
    check_bytes(data, source=source)
    bom = bom_codec(data)
    if bom is not None and bom[0] != "utf-8":
        # A wide encoding cannot be split on b"\n": decode the whole file first.
        yield from enumerate(decode_text(data, source=source).split("\n"), start=1)
        return
    body = data[bom[2] :] if bom is not None else data
    yield from enumerate(body.split(b"\n"), start=1)


def _decode_line(line: bytes | str, *, number: int, source: str) -> str:
    if isinstance(line, str):
        return line
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = line[error.start : error.start + 1].hex().upper()
        raise EncodingError(
            f"invalid UTF-8 at byte {error.start} of line {number} (0x{bad})", source=source
        ) from error
