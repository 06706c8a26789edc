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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import DossierError, LinkRefusedError, SourceNotFoundError
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


@dataclass(frozen=True, slots=True)
class Expansion:
    """What a source names: the things to read, and the links in a folder that were not followed."""

    names: tuple[str, ...]
    refused: tuple[LinkRefusedError, ...] = ()


def expand_source(source: str, *, follow_links: bool = False) -> tuple[str, ...]:
    """The names of everything ``source`` names; raises :class:`SourceNotFoundError` when that is nothing."""
    return expand(source, follow_links=follow_links).names


def count_sources(sources: Sequence[str], *, follow_links: bool = False) -> int:
    """How many files, URLs and streams ``sources`` name: the total a progress bar counts up to.

    A source that names nothing counts once, as its failure is reported once.
    """
    total = 0
    for source in sources:
        try:
            total += len(expand(source, follow_links=follow_links).names)
        except DossierError:
            total += 1
    return total


def expand(source: str, *, follow_links: bool = False) -> Expansion:
    """Like :func:`expand_source`, with the refused links of a folder (see :func:`_expand_folder`)."""
    if not source.strip():
        raise SourceNotFoundError("empty source name", source=repr(source))
    if source == STDIN or is_url(source):
        return Expansion((source,))
    path = Path(source)
    if path.is_dir():
        return _expand_folder(path, source=source, follow_links=follow_links)
    if path.exists() or path.is_symlink():
        return Expansion((source,))
    if _GLOB_MAGIC.search(source):
        return Expansion(_expand_glob(source))
    raise SourceNotFoundError("no such file or folder", source=source)


def _expand_folder(folder: Path, *, source: str, follow_links: bool) -> Expansion:
    """Every readable file under ``folder``, each read once.

    A folder is untrusted like its files: a link in it may point anywhere
    (``/etc/shadow``, a key file). Links that lead out of the folder are
    refused unless ``follow_links``; links within it are kept, but a file
    reached both directly and through links is read once, under its own name.
    """
    root = folder.resolve()
    candidates: list[Path] = []
    refused: list[LinkRefusedError] = []
    visited = {root}

    def report(error: OSError) -> None:
        logger.warning("%s: cannot list %s (%s)", source, error.filename, error.strerror)

    for directory, subdirectories, files in os.walk(folder, onerror=report, followlinks=follow_links):
        base = Path(directory)
        # Pruned in place so that os.walk does not descend into hidden folders, or into a folder twice.
        kept_subdirectories = []
        for name in sorted(subdirectories):
            if name.startswith("."):
                continue
            path = base / name
            if path.is_symlink():
                real = path.resolve()
                if not follow_links:
                    if not real.is_relative_to(root):
                        refused.append(_refusal(path, real, what="folder"))
                    continue  # one within the folder is read where it really is
                if real in visited:
                    continue  # a loop, or a second way to the same folder
                visited.add(real)
            kept_subdirectories.append(name)
        subdirectories[:] = kept_subdirectories
        candidates.extend(
            base / name
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSION_FORMATS
        )
    found = _read_once(sorted(candidates), root=root, follow_links=follow_links, refused=refused)
    if not found and not refused:
        known = " ".join(EXTENSION_FORMATS)
        raise SourceNotFoundError(f"folder has no readable files (looked for {known})", source=source)
    return Expansion(tuple(str(path) for path in found), tuple(refused))


def _read_once(
    candidates: list[Path], *, root: Path, follow_links: bool, refused: list[LinkRefusedError]
) -> list[Path]:
    """``candidates`` without links out of the folder (unless allowed) and without second names of a file."""
    real_paths = {path: path.resolve() for path in candidates}
    # A file's own name wins over the links to it; among links, the first by name.
    direct = {real_paths[path] for path in candidates if not path.is_symlink()}
    chosen: list[Path] = []
    taken: set[Path] = set()
    for path in candidates:
        real = real_paths[path]
        if path.is_symlink():
            if not follow_links and not real.is_relative_to(root):
                refused.append(_refusal(path, real, what="file"))
                continue
            if real in direct:
                continue
        if real in taken:
            continue
        taken.add(real)
        chosen.append(path)
    return chosen


def _refusal(path: Path, real: Path, *, what: str) -> LinkRefusedError:
    logger.warning("%s: link to a %s outside the folder (%s), not followed", path, what, real)
    return LinkRefusedError(
        f"symbolic link to a {what} outside the folder ({real}); not followed without --follow-links "
        "(Limits.follow_links)",
        source=str(path),
    )


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
