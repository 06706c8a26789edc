"""Running text rebuilt from a tokenised corpus, with a map from tokens to character offsets.

Token corpora (WikiANN, GMB, ECB+) give words, not text; the systems under
test read text. The words are joined with one space each, so every token's
offsets are known and a predicted character span can be compared with a gold
token span exactly. No spacing rules are applied: both sides of a comparison
read the same text, which is what matters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    """A tokenised sentence and its BIO tags in our types (``B-person``, ``I-place``, ``O``...)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TokenText:
    """Text made of tokens: ``text[offsets[i][0]:offsets[i][1]]`` is token ``i``."""

    text: str
    offsets: tuple[tuple[int, int], ...]

    def char_span(self, first: int, end: int) -> tuple[int, int]:
        """The character range of tokens ``first`` .. ``end - 1``."""
        return self.offsets[first][0], self.offsets[end - 1][1]

    def char_spans(self, token_spans: Iterable[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
        """``(start, end, type)`` token ranges as character ranges."""
        return {(*self.char_span(first, end), kind) for first, end, kind in token_spans}


def join_tokens(words: Sequence[str]) -> TokenText:
    """The words joined by single spaces, with each word's offsets."""
    offsets: list[tuple[int, int]] = []
    at = 0
    for word in words:
        offsets.append((at, at + len(word)))
        at += len(word) + 1
    return TokenText(" ".join(words), tuple(offsets))
