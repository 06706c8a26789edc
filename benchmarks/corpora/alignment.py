"""Offsets in a cleaned copy of a text mapped back onto the raw text it came from.

Cleaning changes whitespace, drops lines, reads a first line as a title. The
two texts are aligned word by word (runs of non-space characters, with
:class:`difflib.SequenceMatcher`: aligning characters directly takes seconds
per article); inside two equal words each character maps onto its twin. A span
maps when its first and last characters both sit in aligned words. A span that
does not is looked up by its text, when that text occurs exactly once in the
raw text; otherwise it fails to align, and the caller counts it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

CharSpan = tuple[int, int]

_WORD = re.compile(r"\S+")


class Alignment:
    """Maps character spans of ``cleaned`` onto ``raw``."""

    def __init__(self, cleaned: str, raw: str) -> None:
        self._cleaned = cleaned
        self._raw = raw
        self._to_raw = [-1] * len(cleaned)
        ours = list(_WORD.finditer(cleaned))
        theirs = list(_WORD.finditer(raw))
        matcher = SequenceMatcher(
            None, [m.group() for m in ours], [m.group() for m in theirs], autojunk=False
        )
        for block in matcher.get_matching_blocks():
            for step in range(block.size):
                word, twin = ours[block.a + step], theirs[block.b + step]
                for offset in range(len(word.group())):
                    self._to_raw[word.start() + offset] = twin.start() + offset

    def span(self, start: int, end: int) -> CharSpan | None:
        """Where ``cleaned[start:end]`` lies in the raw text, None when it cannot be placed."""
        if not 0 <= start < end <= len(self._cleaned):
            return None
        first, last = self._to_raw[start], self._to_raw[end - 1]
        if first >= 0 and last >= first:
            return first, last + 1
        return self._by_text(self._cleaned[start:end])

    def _by_text(self, piece: str) -> CharSpan | None:
        at = self._raw.find(piece)
        if at < 0 or self._raw.find(piece, at + 1) >= 0:
            return None
        return at, at + len(piece)
