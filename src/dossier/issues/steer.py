"""A user-supplied list of issues that steers the grouping.

The file is YAML or JSON (JSON is YAML, so one parser reads both) and names
each issue with optional keywords::

    issues:
      - name: Taiwan
        keywords: [Taiwan, Taipei, strait]
      - name: trade
        keywords: [tariffs, export controls, chips]

A bare list of such entries, or of plain names, is accepted too, and so is a
mapping of each name to its keywords::

    Taiwan: [Taiwan, Taipei, strait]
    trade: [tariffs, export controls, chips]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dossier.errors import UsageError

#: A steering file is a short hand-written list; anything bigger is a mistake.
MAX_FILE_BYTES = 1_000_000
MAX_ISSUES = 50
MAX_KEYWORDS = 50


@dataclass(frozen=True, slots=True)
class SteeringIssue:
    """An issue the user expects: its name and the words that signal it (the name counts as one)."""

    name: str
    keywords: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for t in (self.name, *self.keywords) if t.strip()))

    def pattern(self) -> re.Pattern[str]:
        """Any of the terms, as whole words, case-insensitively."""
        alternatives = sorted((re.escape(t.strip()) for t in self.terms), key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def load_steering(path: Path) -> tuple[SteeringIssue, ...]:
    """Read a steering file; raise :class:`UsageError` naming the file and what is wrong with it."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read issues file ({error.strerror})", source=source) from None
    if len(raw) > MAX_FILE_BYTES:
        raise UsageError(f"issues file is over {MAX_FILE_BYTES} bytes", source=source)
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UsageError(f"issues file is not valid YAML or JSON: {reason}", source=source) from None
    except RecursionError:  # the parser recurses once per level of nesting
        raise UsageError("issues file is nested too deeply to be a list of issues", source=source) from None
    return parse_steering(data, source=source)


def parse_steering(data: Any, *, source: str = "issues") -> tuple[SteeringIssue, ...]:
    """Steering issues from already-parsed data (a list, or a mapping with an ``issues`` list)."""
    if isinstance(data, dict):
        data = data["issues"] if "issues" in data else _from_mapping(data)
    if not isinstance(data, list) or not data:
        raise UsageError("issues file must hold a non-empty list of issues", source=source)
    if len(data) > MAX_ISSUES:
        raise UsageError(f"issues file lists {len(data)} issues, at most {MAX_ISSUES} allowed", source=source)
    issues = tuple(_entry(item, index, source) for index, item in enumerate(data))
    names = [issue.name.casefold() for issue in issues]
    if len(set(names)) != len(names):
        raise UsageError("issues file names the same issue twice", source=source)
    return issues


def _from_mapping(data: dict[Any, Any]) -> list[Any]:
    """``name: [keywords]`` (or ``name: keyword``, or ``name:`` alone) as the list form."""
    return [
        {"name": name, "keywords": [] if keywords is None else keywords} for name, keywords in data.items()
    ]


def _entry(item: Any, index: int, source: str) -> SteeringIssue:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        raise UsageError(f"issue #{index + 1} must be a name or a mapping with 'name'", source=source)
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UsageError(f"issue #{index + 1} has no 'name'", source=source)
    keywords = item.get("keywords", [])
    if isinstance(keywords, str):
        keywords = [keywords]
    if not isinstance(keywords, Sequence) or not all(isinstance(k, str) for k in keywords):
        raise UsageError(f"issue {name!r}: 'keywords' must be a list of strings", source=source)
    if len(keywords) > MAX_KEYWORDS:
        raise UsageError(f"issue {name!r} has more than {MAX_KEYWORDS} keywords", source=source)
    return SteeringIssue(name.strip(), tuple(k.strip() for k in keywords if k.strip()))
