"""A sentence's words with their offsets, to look phrases up in without compiling a regex per phrase.

A big story has thousands of candidate phrases; compiling a case-insensitive
pattern for each cost seconds. Each sentence is split into words once here, and
a phrase is found by comparing case-folded words, with the same rules the
patterns had: the words of a phrase are separated by white space only, and a
phrase neither starts nor ends inside a longer word ("war" is not in "warm" nor
in "post-war").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dossier.words import JOINED_WORD

#: Characters that continue a word: a phrase may not start right after nor end right before one.
_JOINERS = "_'’-"


@dataclass(frozen=True, slots=True)
class SentenceWords:
    text: str
    folded: tuple[str, ...]  # each word, case-folded
    spans: tuple[tuple[int, int], ...]  # each word's offsets in ``text``
    positions: dict[str, tuple[int, ...]]  # case-folded word -> indexes where it stands

    @classmethod
    def of(cls, text: str) -> SentenceWords:
        matches = list(JOINED_WORD.finditer(text))
        folded = tuple(m.group().casefold() for m in matches)
        positions: dict[str, list[int]] = {}
        for index, word in enumerate(folded):
            positions.setdefault(word, []).append(index)
        return cls(
            text,
            folded,
            tuple(m.span() for m in matches),
            {word: tuple(found) for word, found in positions.items()},
        )

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.folded)

    def uses(self, key: str) -> Iterator[tuple[int, int]]:
        """Word indexes (first, last) of each use of ``key`` (case-folded words joined by one space)."""
        words = key.split(" ")
        for first in self.positions.get(words[0], ()):
            last = first + len(words) - 1
            if self.folded[first : last + 1] == tuple(words) and self._whole(first, last):
                yield first, last

    def surface(self, first: int, last: int) -> str:
        return self.text[self.spans[first][0] : self.spans[last][1]]

    def after_word_in(self, first: int, words: frozenset[str]) -> bool:
        """Whether the word before index ``first`` is one of ``words``, with only white space between."""
        if first == 0 or self.folded[first - 1] not in words:
            return False
        start, end = self.spans[first - 1]
        if start > 0 and (self.text[start - 1].isalnum() or self.text[start - 1] == "_"):
            return False  # not at a word boundary
        return self.text[end : self.spans[first][0]].isspace()

    def _whole(self, first: int, last: int) -> bool:
        start, end = self.spans[first][0], self.spans[last][1]
        if start > 0 and _continues(self.text[start - 1]):
            return False
        if end < len(self.text) and _continues(self.text[end]):
            return False
        gaps = (self.text[self.spans[index][1] : self.spans[index + 1][0]] for index in range(first, last))
        return all(gap.isspace() for gap in gaps)


def _continues(character: str) -> bool:
    return character.isalnum() or character in _JOINERS
