"""Field-by-field repair of what a reader produced, so that one bad field never sinks a batch.

Two things in untrusted input break later stages far from where they came in:

* a lone surrogate (JSON ``"\\ud800"``, or a file name that is not UTF-8) is a
  valid Python ``str`` but cannot be encoded, so storing or rendering the
  article fails, and with it the whole batch. Each one becomes U+FFFD.
* metadata nested hundreds of levels deep, or megabytes large, exhausts the
  stack or the memory of every stage that walks it. It is cut at
  :data:`MAX_METADATA_DEPTH` levels and :data:`MAX_METADATA_ITEMS` values or
  :data:`MAX_METADATA_CHARS` characters, and the cut is recorded in the
  metadata itself under :data:`NOTES_KEY`.

Everything here is deterministic and idempotent: repairing twice changes
nothing more.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dossier.article import Draft, Failure
from dossier.untrusted import redact_credentials, visible_label, without_credentials

logger = logging.getLogger(__name__)

REPLACEMENT = "\ufffd"
#: Containers (objects, arrays) nested deeper than this inside the metadata are cut.
MAX_METADATA_DEPTH = 16
#: Values (of any kind, containers included) kept in one draft's metadata.
MAX_METADATA_ITEMS = 5_000
#: Characters of keys and strings kept in one draft's metadata.
MAX_METADATA_CHARS = 1_000_000
#: Metadata key that lists what was repaired or cut, one line each.
NOTES_KEY = "ingest_notes"

# In a Python str, a surrogate code point can only be a lone one: pairs are decoded to one code point.
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("title", "outlet", "url", "dateline")
_MAX_NOTES = 20
_MAX_NOTE_CHARS = 300


def clean_text(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, value) if _SURROGATE.search(value) else value


def clean_optional(value: str | None) -> str | None:
    return None if value is None else clean_text(value)


def repair_draft(draft: Draft) -> Draft:
    """``draft`` with its text fields and metadata made safe to store and render."""
    notes: list[str] = []
    text = clean_text(draft.text)
    if text != draft.text:
        notes.append("lone surrogates in the text were replaced with U+FFFD")
    fields: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value: str | None = getattr(draft, name)
        cleaned = clean_optional(value)
        if cleaned != value:
            notes.append(f"lone surrogates in the {name} were replaced with U+FFFD")
        fields[name] = _shown_field(name, cleaned, notes)
    # Notes of an earlier repair are set aside, so that repairing again adds nothing.
    body = {key: value for key, value in draft.metadata.items() if key != NOTES_KEY}
    metadata, metadata_notes = bounded_metadata(body)
    notes.extend(metadata_notes)
    source = without_credentials(clean_text(draft.source))
    if not notes and NOTES_KEY not in draft.metadata and metadata is body and source == draft.source:
        return draft
    for note in notes:
        logger.info("%s: %s", source, note)
    all_notes = [*_earlier_notes(draft.metadata), *notes]
    if all_notes:
        metadata = {**metadata, NOTES_KEY: all_notes}
    return dataclasses.replace(draft, source=source, text=text, metadata=metadata, **fields)


def repair_failure(failure: Failure) -> Failure:
    """A failure whose source name and reason can be printed and stored (file names may not be UTF-8)."""
    source = without_credentials(clean_text(failure.source))
    reason = redact_credentials(clean_text(failure.reason))
    if source == failure.source and reason == failure.reason:
        return failure
    return dataclasses.replace(failure, source=source, reason=reason)


def _shown_field(name: str, value: str | None, notes: list[str]) -> str | None:
    """A one-line field as it may be stored and shown: no invisible formatting, no URL credentials."""
    if value is None:
        return None
    shown = visible_label(value)
    if shown != value:
        notes.append(f"invisible formatting or control characters were removed from the {name}")
    if name == "url":
        bare = without_credentials(shown)
        if bare != shown:
            notes.append("a user name and password were removed from the url")
        shown = bare
    return shown or None


def bounded_metadata(metadata: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy of ``metadata`` within the caps, and notes on what was repaired or cut.

    Returns ``metadata`` itself (when it is a dict) if nothing had to change,
    so that the common case costs one walk and no copy.
    """
    walk = _Walk()
    copied = walk.mapping(metadata, depth=1, path="metadata")
    if not walk.notes.changed and isinstance(metadata, dict):
        return metadata, []
    return copied, walk.notes.lines()


@dataclass(slots=True)
class _Notes:
    """What a walk changed: surrogates replaced, and the first few places where it cut."""

    changed: bool = False
    surrogates: bool = False
    too_deep: list[str] = field(default_factory=list)
    over_size: str | None = None

    def lines(self) -> list[str]:
        lines: list[str] = []
        if self.surrogates:
            lines.append("lone surrogates in the metadata were replaced with U+FFFD")
        if self.too_deep:
            shown = ", ".join(self.too_deep[:3]) + (" ..." if len(self.too_deep) > 3 else "")
            lines.append(
                f"metadata nested deeper than {MAX_METADATA_DEPTH} levels was cut "
                f"({len(self.too_deep)} place(s): {shown})"
            )
        if self.over_size is not None:
            lines.append(self.over_size)
        return lines


class _Walk:
    """One bounded copy of a metadata tree. Recursion is at most MAX_METADATA_DEPTH deep."""

    def __init__(self) -> None:
        self.notes = _Notes()
        self._items = 0
        self._chars = 0

    def mapping(self, value: Mapping[Any, Any], *, depth: int, path: str) -> dict[str, Any]:
        copied: dict[str, Any] = {}
        for key, item in value.items():
            name = self._string(key if isinstance(key, str) else str(key))
            if not self._take(len(name)):
                break
            copied[name] = self._value(item, depth=depth, path=f"{path}.{name[:40]}")
        return copied

    def sequence(self, value: list[Any] | tuple[Any, ...], *, depth: int, path: str) -> list[Any]:
        copied: list[Any] = []
        for index, item in enumerate(value):
            if not self._take(0):
                break
            copied.append(self._value(item, depth=depth, path=f"{path}[{index}]"))
        return copied

    def _value(self, value: Any, *, depth: int, path: str) -> Any:
        if isinstance(value, str):
            return self._string(self._within_chars(value))
        if not isinstance(value, Mapping | list | tuple):
            return value
        if depth >= MAX_METADATA_DEPTH:
            self.notes.changed = True
            self.notes.too_deep.append(path)
            return None
        if isinstance(value, Mapping):
            return self.mapping(value, depth=depth + 1, path=path)
        if isinstance(value, tuple):
            self.notes.changed = True  # stored as JSON anyway, where it is an array
        return self.sequence(value, depth=depth + 1, path=path)

    def _string(self, value: str) -> str:
        cleaned = clean_text(value)
        if cleaned is not value:
            self.notes.changed = self.notes.surrogates = True
        return cleaned

    def _within_chars(self, value: str) -> str:
        """``value``, cut where the metadata reaches its character cap."""
        room = max(MAX_METADATA_CHARS - self._chars, 0)
        self._chars += min(len(value), room)
        if len(value) <= room:
            return value
        self._note_over_size()
        return value[:room]

    def _note_over_size(self) -> None:
        self.notes.changed = True
        if self.notes.over_size is None:
            self.notes.over_size = (
                f"metadata over {MAX_METADATA_ITEMS} values or {MAX_METADATA_CHARS} characters; "
                "the rest was dropped"
            )

    def _take(self, key_chars: int) -> bool:
        """Count one more value; ``False`` (and a note) once the metadata is over a cap."""
        self._items += 1
        self._chars += key_chars
        if self._items <= MAX_METADATA_ITEMS and self._chars <= MAX_METADATA_CHARS:
            return True
        self._note_over_size()
        return False


def _earlier_notes(metadata: Mapping[str, Any]) -> list[str]:
    """Notes already in the metadata (from an earlier repair, or from the source itself), bounded."""
    earlier = metadata.get(NOTES_KEY)
    if not isinstance(earlier, list):
        return []
    kept = (clean_text(note[:_MAX_NOTE_CHARS]) for note in earlier if isinstance(note, str))
    return list(kept)[:_MAX_NOTES]
