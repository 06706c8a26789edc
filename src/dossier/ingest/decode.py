"""Bytes to text: the guard every source passes before any parser sees it.

The rules are strict on purpose. A source is refused, with a reason that
names the problem, when it is over the size cap, empty, binary, or not valid
text in the one encoding it may be in. Plain text must be UTF-8, or UTF-16/32
with a byte-order mark; there is no silent guessing, because a wrongly guessed
encoding turns quotes and names into garbage that later looks like evidence.
"""

from __future__ import annotations

import codecs
import logging
import stat
from pathlib import Path

from dossier.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    SourceNotFoundError,
    TooLargeError,
)
from dossier.ingest.limits import Limits, describe_size

logger = logging.getLogger(__name__)

#: Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

#: Leading bytes of common binary formats, so the reason can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)

#: Bytes that do not occur in text. Tab, newlines, form feed and escape (used by
#: coloured terminal output) are allowed.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_SAMPLE_BYTES = 64 * 1024
_MAX_CONTROL_SHARE = 0.10

#: Labels that documents declare but that mean another codec (WHATWG Encoding
#: standard): "latin-1" pages are in practice windows-1252, and a meta tag
#: cannot truthfully declare UTF-16 in a document the parser could read.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
}
_UTF8_ADVICE = "; text must be UTF-8, or UTF-16 with a byte-order mark"
_WIDE_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def check_size(size: int, limits: Limits, *, source: str, what: str = "file") -> None:
    """Refuse a source whose size (known before reading it) is over the cap."""
    if size > limits.max_bytes:
        raise TooLargeError(
            f"{what} is {describe_size(size)}, over the {describe_size(limits.max_bytes)} limit",
            source=source,
        )


def read_file(path: Path, limits: Limits, *, source: str, what: str = "file") -> bytes:
    """The bytes of ``path``, refused by size before anything is read.

    Reads at most one byte past the cap, so a file that grows after the size
    check cannot make the read unbounded.
    """
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        # Opening a FIFO or a device would block or never end.
        raise SourceNotFoundError(f"not a regular {what} (a directory, pipe or device)", source=source)
    check_size(status.st_size, limits, source=source, what=what)
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    check_size(len(data), limits, source=source, what=what)
    return data


def codec_for_label(label: str | None) -> str | None:
    """The Python codec for a charset label from HTTP or markup, or ``None`` if unknown."""
    if not label:
        return None
    cleaned = label.strip().strip("\"'").strip().lower()
    cleaned = _LABEL_ALIASES.get(cleaned, cleaned)
    try:
        return codecs.lookup(cleaned).name
    except LookupError:
        logger.info("ignoring unknown charset label %r", label)
        return None


def bom_codec(data: bytes) -> tuple[str, str, int] | None:
    """``(codec, display name, BOM length)`` when ``data`` starts with a byte-order mark."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, name, len(bom)
    return None


def check_bytes(data: bytes, *, source: str, what: str = "file", wide: bool = False) -> None:
    """Refuse empty and binary input. ``wide``: the bytes are UTF-16/32, so NULs are expected."""
    if not data:
        raise EmptyInputError(f"empty {what} (0 bytes)", source=source)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"binary {what} ({kind}), not text", source=source)
    bom = bom_codec(data)
    if wide or (bom is not None and bom[0] in _WIDE_CODECS):
        return
    if b"\x00" in data:
        raise BinaryInputError(f"binary {what} (NUL bytes), not text", source=source)
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        share = round(100 * controls / len(sample))
        raise BinaryInputError(f"binary {what} ({share}% control characters), not text", source=source)


def decode_text(data: bytes, *, source: str, declared: str | None = None, what: str = "file") -> str:
    """Decode ``data`` strictly: byte-order mark first, then a declared charset, else UTF-8.

    ``declared`` is a charset label the source itself states (HTTP header,
    ``<meta charset>``); plain files have none. Raises a :class:`SourceError`
    subclass that names the problem and where it is.
    """
    bom = bom_codec(data)
    declared_codec = codec_for_label(declared) if bom is None else None
    check_bytes(data, source=source, what=what, wide=declared_codec in _WIDE_CODECS)
    if bom is not None:
        codec, name, offset = bom
        text = _strict_decode(data[offset:], codec, name, source=source, offset=offset)
    elif declared_codec is not None:
        text = _strict_decode(
            data, declared_codec, declared_codec, source=source, suffix=", its declared charset"
        )
    else:
        text = _strict_decode(data, "utf-8", "UTF-8", source=source, suffix=_UTF8_ADVICE)
    if "\x00" in text:
        raise BinaryInputError(f"binary {what} (NUL characters), not text", source=source)
    if not text.strip():
        raise EmptyInputError(f"{what} holds only whitespace, no text", source=source)
    return text


def _strict_decode(
    data: bytes, codec: str, name: str, *, source: str, offset: int = 0, suffix: str = ""
) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex().upper()
        raise EncodingError(
            f"invalid {name} at byte {offset + error.start} (0x{bad}){suffix}", source=source
        ) from error
