"""What a source string names, and which reader reads it.

A source is a file, a folder (read recursively), a glob pattern (``**``
allowed), an ``http(s)://`` URL, or ``-`` for standard input. Expansion
gives the names of the things to read, in a deterministic order; the names
are what ``Draft.source`` will say. The format of each comes from the file
extension or the HTTP media type, and from the first bytes when those do not
say.
"""

from __future__ import annotations

import enum
import glob
import logging
import os
import re
from pathlib import Path

from dossier.errors import SourceNotFoundError
from dossier.ingest.decode import bom_codec
from dossier.ingest.sidecar import sidecars_among

logger = logging.getLogger(__name__)

STDIN = "-"


class Format(enum.Enum):
    """The reader a source needs."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    FEED = "feed"
    JSONL = "jsonl"


#: Extensions a folder is searched for, and what each one is.
EXTENSION_FORMATS: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}

#: Media types that say unambiguously what a response is. Others (text/plain,
#: application/xml, application/octet-stream, none) are sniffed.
MEDIA_TYPE_FORMATS: dict[str, Format] = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "text/markdown": Format.MARKDOWN,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "application/jsonlines": Format.JSONL,
}

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}://")
_GLOB_MAGIC = re.compile(r"[*?\[]")
_SNIFF_BYTES = 4096
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>/]")
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|main|section|h[1-6]|title|meta)[\s>/]"
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+\S")


def is_url(source: str) -> bool:
    """Whether ``source`` is written as a URL (``scheme://...``); only http(s) can be fetched."""
    return _URL.match(source) is not None


def expand_source(source: str) -> tuple[str, ...]:
    """The names of everything ``source`` names; raises :class:`SourceNotFoundError` when that is nothing."""
    if not source.strip():
        raise SourceNotFoundError("empty source name", source=repr(source))
    if source == STDIN or is_url(source):
        return (source,)
    path = Path(source)
    if path.is_dir():
        return _expand_folder(path, source=source)
    if path.exists() or path.is_symlink():
        return (source,)
    if _GLOB_MAGIC.search(source):
        return _expand_glob(source)
    raise SourceNotFoundError("no such file or folder", source=source)


def _expand_folder(folder: Path, *, source: str) -> tuple[str, ...]:
    found: list[Path] = []

    def report(error: OSError) -> None:
        logger.warning("%s: cannot list %s (%s)", source, error.filename, error.strerror)

    for directory, subdirectories, files in os.walk(folder, onerror=report):
        # Pruned in place so that os.walk does not descend into hidden folders.
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
        base = Path(directory)
        found.extend(
            base / name
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSION_FORMATS
        )
    if not found:
        known = " ".join(EXTENSION_FORMATS)
        raise SourceNotFoundError(f"folder has no readable files (looked for {known})", source=source)
    return tuple(str(path) for path in sorted(found))


def _expand_glob(pattern: str) -> tuple[str, ...]:
    # glob.glob, not Path.glob: it takes absolute patterns as typed, and its
    # wildcards skip hidden files, as a shell's do.
    matches = [Path(match) for match in glob.glob(pattern, recursive=True)]  # noqa: PTH207
    files = [path for path in matches if path.is_file() and not path.name.startswith(".")]
    sidecars = sidecars_among(files)
    chosen = sorted(path for path in files if path not in sidecars)
    if not chosen:
        why = "matches only folders or sidecars" if matches else "matches no file"
        raise SourceNotFoundError(f"the pattern {why}", source=pattern)
    return tuple(str(path) for path in chosen)


def format_for_path(path: Path) -> Format | None:
    """The format a file extension says, or ``None`` when the content must be sniffed."""
    return EXTENSION_FORMATS.get(path.suffix.lower())


def format_for_media_type(media_type: str | None) -> Format | None:
    """The format an HTTP media type says, or ``None`` when the content must be sniffed."""
    return MEDIA_TYPE_FORMATS.get(media_type or "")


def sniff_format(data: bytes) -> Format:
    """The format of ``data`` judged by its first bytes: markup, feed XML, JSON lines, Markdown, or text."""
    head = _head_text(data).lstrip().lower()
    if head.startswith("<?xml"):
        return Format.HTML if _HTML_TAG.search(head) and not _FEED_ROOT.search(head) else Format.FEED
    if head.startswith("<"):
        return Format.FEED if _FEED_ROOT.match(head) else Format.HTML
    if head.startswith("{"):
        return Format.JSONL
    first_line = head.partition("\n")[0]
    if _MARKDOWN_HEADING.match(first_line):
        return Format.MARKDOWN
    return Format.TEXT


def _head_text(data: bytes) -> str:
    head = data[:_SNIFF_BYTES]
    bom = bom_codec(head)
    if bom is None:
        return head.decode("utf-8", errors="replace")
    codec, _, length = bom
    return head[length:].decode(codec, errors="replace")
