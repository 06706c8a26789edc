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
_NEXT_WORD = re.compile(r"\s*\S+")
_LAST_WORD = re.compile(r"(\S+)\s*$")


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
        return self._by_text(self._cleaned[start:end]) or self._by_inner_words(start, end)

    def _by_inner_words(self, start: int, end: int) -> CharSpan | None:
        """The span's outermost aligned characters, when only its first or last word changed.

        Cleaning may drop an invisible character inside a word (mojibake at a quotation's end): that
        word no longer aligns, though the span around it is the same text.
        """
        inner_start, inner_end = start, end
        while inner_start < inner_end and self._to_raw[inner_start] < 0:
            inner_start += 1
        while inner_end > inner_start and self._to_raw[inner_end - 1] < 0:
            inner_end -= 1
        if inner_start >= inner_end:
            return None
        edges = (self._cleaned[start:inner_start], self._cleaned[inner_end:end])
        if any(len(edge.split()) > 1 for edge in edges):
            return None
        first, last = self._to_raw[inner_start], self._to_raw[inner_end - 1]
        if last < first:
            return None
        # Out over the raw twin of each changed edge word: it is still the span's.
        if edges[0].strip():
            before = _LAST_WORD.search(self._raw, 0, first)
            first = before.start(1) if before else first
        if edges[1].strip():
            after = _NEXT_WORD.match(self._raw, last + 1)
            last = after.end() - 1 if after else last
        return first, last + 1

    def _by_text(self, piece: str) -> CharSpan | None:
        at = self._raw.find(piece)
        if at < 0 or self._raw.find(piece, at + 1) >= 0:
            return None
        return at, at + len(piece)
