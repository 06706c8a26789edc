"""Sidecar files: ``NAME.json`` next to ``NAME.txt`` (or any source file) gives its metadata.

A plain text file cannot say who published it or when; a sidecar can. Its
fields override what the reader found: ``title``, ``outlet``, ``url``,
``published`` and ``dateline``; any other key lands in ``Draft.metadata``. A
missing or null field changes nothing. Next to a JSONL file or a feed, the
sidecar applies to every item read from it. A sidecar that cannot be read or
parsed makes its source fail, with a reason naming the sidecar, because
silently dropping metadata somebody wrote down would be worse.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.article import Draft
from dossier.errors import LinkRefusedError, MalformedInputError, SourceError
from dossier.ingest.decode import decode_text, read_file
from dossier.ingest.failures import one_line
from dossier.ingest.fields import repair_draft
from dossier.ingest.jsonobject import JsonObjectError, optional_date, optional_string, parse_json_object
from dossier.ingest.limits import Limits

SIDECAR_SUFFIX = ".json"
_TEXT_FIELDS = ("title", "outlet", "url", "dateline")
_DATE_FIELD = "published"


@dataclass(frozen=True, slots=True)
class Sidecar:
    """Metadata from a sidecar file; ``None`` fields leave the draft as it was."""

    path: Path
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def apply(self, draft: Draft) -> Draft:
        """``draft`` with this sidecar's fields laid over it (repaired: see :mod:`~dossier.ingest.fields`)."""
        merged = dataclasses.replace(
            draft,
            title=self.title or draft.title,
            outlet=self.outlet or draft.outlet,
            url=self.url or draft.url,
            published=self.published or draft.published,
            dateline=self.dateline or draft.dateline,
            metadata={**draft.metadata, **self.metadata},
        )
        return repair_draft(merged)


def sidecar_path(path: Path) -> Path | None:
    """Where the sidecar of ``path`` would be; ``None`` for a ``.json`` file, which has none."""
    if path.suffix.lower() == SIDECAR_SUFFIX:
        return None
    return path.with_suffix(SIDECAR_SUFFIX)


def find_sidecar(path: Path, *, source: str, limits: Limits) -> Sidecar | None:
    """The sidecar of the source file ``path``, or ``None`` when it has none.

    Raises :class:`MalformedInputError` (with ``source`` as the failing source)
    when the sidecar exists but is unreadable, too large, or malformed.
    """
    candidate = sidecar_path(path)
    if candidate is None or not candidate.is_file():
        return None
    if candidate.is_symlink() and not limits.follow_links:
        real = candidate.resolve()
        if not real.is_relative_to(path.parent.resolve()):
            raise LinkRefusedError(
                f"sidecar {candidate} is a link out of its folder ({real}); not followed without "
                "--follow-links (Limits.follow_links)",
                source=source,
            )
    try:
        return _read_sidecar(candidate, source=source, limits=limits)
    except (SourceError, OSError, JsonObjectError) as error:
        message = error.message if isinstance(error, SourceError) else one_line(str(error))
        raise MalformedInputError(f"malformed sidecar {candidate}: {message}", source=source) from error


def _read_sidecar(path: Path, *, source: str, limits: Limits) -> Sidecar:
    raw = read_file(path, limits, source=source, what="sidecar")
    data = parse_json_object(decode_text(raw, source=source, what="sidecar"))
    fields = {name: optional_string(data, name) for name in _TEXT_FIELDS}
    extra = {key: value for key, value in data.items() if key not in (*_TEXT_FIELDS, _DATE_FIELD)}
    return Sidecar(
        path=path,
        title=fields["title"],
        outlet=fields["outlet"],
        url=fields["url"],
        published=optional_date(data, _DATE_FIELD),
        dateline=fields["dateline"],
        metadata=extra,
    )


def sidecars_among(paths: list[Path]) -> set[Path]:
    """The ``.json`` files in ``paths`` that are the sidecar of a sibling file (not sources themselves)."""
    owners_by_folder: dict[Path, set[str]] = {}
    sidecars: set[Path] = set()
    for path in paths:
        if path.suffix.lower() != SIDECAR_SUFFIX:
            continue
        folder = path.parent
        if folder not in owners_by_folder:
            owners_by_folder[folder] = _stems_of_non_json_files(folder)
        if path.stem in owners_by_folder[folder]:
            sidecars.add(path)
    return sidecars


def _stems_of_non_json_files(folder: Path) -> set[str]:
    try:
        return {
            entry.stem
            for entry in folder.iterdir()
            if entry.suffix.lower() != SIDECAR_SUFFIX and entry.is_file()
        }
    except OSError:
        return set()
