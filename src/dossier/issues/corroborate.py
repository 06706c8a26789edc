"""Corroboration: which sentences of other articles report the same fact as a given one.

Two outlets rarely report a fact in the same words ("The ferry operator
cancelled 14 crossings on Monday" against "Monday saw 14 crossings called
off by Harbour Lines"), so a sentence-vector cosine alone either misses them
or, set low, joins any two sentences on one topic. A pair reports the same
fact when meaning, names and numbers agree together:

* their cosine reaches the encoder's ``same`` threshold (near-identical
  wording), or
* their cosine reaches the lower ``corroborate`` threshold, they share
  :data:`MIN_SHARED_WORDS` content words (stemmed) covering
  :data:`MIN_WORD_OVERLAP` of the shorter sentence, and, when both name
  someone or something, at least one name;

and in every case their numbers do not clash: two sentences that both give
numbers and share none of them report different figures (a disagreement is
the conflicts stage's business, not a citation).

A looser test, :meth:`FactMatcher.mentions`, decides whether another article
*speaks of* the same thing at all (cosine at the ``corroborate`` threshold, or
a shared name with :data:`MIN_MENTION_WORDS` shared content words): a sentence is exclusive to one outlet
only when no other outlet's sentence passes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dossier.embed import Vectors
from dossier.issues.similarity import Thresholds
from dossier.quotes.merge import stemmed_words
from dossier.words import numbers_in, word_list

#: Content words two sentences must share to report the same fact below the ``same`` cosine.
MIN_SHARED_WORDS = 3
#: ... and the share of the shorter sentence's content words those must be.
MIN_WORD_OVERLAP = 0.3
#: Content words that, with a shared name, show another sentence speaks of the same thing.
MIN_MENTION_WORDS = 2

_NAME = re.compile(r"\b[A-Z][\w’'\-]*[\w]")
#: Capitalised words that are not names: a sentence's first word is often one of these.
_NOT_NAMES = word_list(
    """a an the this that these those it its he she they we i you his her their our my your there here
    in on at by for from with of to as and but or if when while after before since until during
    mr mrs ms dr sen rep gov president officials police monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december"""
)

#: Reporting words say who told, not what happened: two sentences sharing "said" share no fact.
_REPORTING = frozenset(stemmed_words("said say says told tells according reported reports added stated"))


@dataclass(frozen=True, slots=True)
class FactKey:
    """What a sentence's fact is made of: its names, its numbers and its content words (stemmed)."""

    names: frozenset[str]
    numbers: frozenset[str]
    words: frozenset[str]
    terms: frozenset[str]  # the content words that are not part of a name: what is said of the names

    @classmethod
    def of(cls, text: str) -> FactKey:
        # A sentence's first word is capitalised whatever it is: it names nothing by that alone.
        names = frozenset(
            match.group().casefold()
            for match in _NAME.finditer(text)
            if match.start() > 0 and match.group().casefold() not in _NOT_NAMES
        )
        numbers = numbers_in(text)
        words = frozenset(word for word in stemmed_words(text) - _REPORTING if len(word) > 1)
        return cls(names, numbers, words, words - stemmed_words(" ".join(names)))

    def clashes(self, other: FactKey) -> bool:
        """Both give numbers and share none: they report different figures."""
        return bool(self.numbers and other.numbers and not self.numbers & other.numbers)

    def shares_words(self, other: FactKey, minimum: int, share: float = 0.0) -> bool:
        shared = len(self.words & other.words)
        if shared < minimum:
            return False
        shorter = min(len(self.words), len(other.words))
        return shorter > 0 and shared / shorter >= share

    def shares_name(self, other: FactKey) -> bool:
        """A name in common, or no names on one side to compare."""
        return not self.names or not other.names or bool(self.names & other.names)


class FactMatcher:
    """Same-fact and same-subject tests over one story's sentences and their similarity matrix."""

    def __init__(self, texts: Sequence[str], similarity: Vectors, limits: Thresholds) -> None:
        self._keys = [FactKey.of(text) for text in texts]
        self._similarity = similarity
        self._limits = limits
        self._term_postings = _postings(key.terms for key in self._keys)
        self._name_postings = _postings(key.names for key in self._keys)
        self._has_names = np.array([bool(key.names) for key in self._keys], dtype=bool)

    def same_fact(self, first: int, second: int) -> bool:
        """Whether sentences ``first`` and ``second`` report the same fact (see the module docstring)."""
        a, b = self._keys[first], self._keys[second]
        if a.clashes(b):
            return False
        cosine = float(self._similarity[first, second])
        if cosine >= self._limits.same:
            return True
        return (
            cosine >= self._limits.corroborate
            and a.shares_words(b, MIN_SHARED_WORDS, MIN_WORD_OVERLAP)
            and a.shares_name(b)
        )

    def mentions(self, first: int, second: int) -> bool:
        """Whether sentence ``second`` speaks of what ``first`` reports: close in meaning, or same words.

        Close in meaning is a cosine at the ``corroborate`` threshold; same words are
        :data:`MIN_MENTION_WORDS` shared content words besides names (a place named is not a
        fact reported), or one such word with a shared name; a name in common when both name someone.
        """
        others = np.zeros(len(self._keys), dtype=bool)
        others[second] = True
        return first != second and self.mentioned_among(first, others)

    def mentioned_among(self, index: int, others: npt.NDArray[np.bool_]) -> bool:
        """Whether any sentence marked in ``others`` passes :meth:`mentions` for sentence ``index``.

        Counted over word and name postings, not pair by pair: a big story's thousands of
        sentences stay cheap.
        """
        near = self._similarity[index] >= self._limits.corroborate
        key = self._keys[index]
        shared_words = self._shared(key.terms, self._term_postings)
        shared_names = self._shared(key.names, self._name_postings)
        names_agree = (shared_names > 0) | ~self._has_names | (not key.names)
        # One word said of the same name is enough: "the bridge reopened" and "Orn bridge, reopened".
        same_words = (shared_words >= MIN_MENTION_WORDS) | ((shared_words >= 1) & (shared_names > 0))
        passing = others & (near | (same_words & names_agree))
        passing[index] = False
        return bool(passing.any())

    def _shared(self, items: frozenset[str], postings: dict[str, list[int]]) -> npt.NDArray[np.int_]:
        counts = np.zeros(len(self._keys), dtype=np.int_)
        for item in items:
            np.add.at(counts, postings.get(item, []), 1)
        return counts

    def reporting(self, index: int) -> list[int]:
        """The other sentences that report the same fact as sentence ``index``, in index order."""
        near = np.flatnonzero(self._similarity[index] >= min(self._limits.corroborate, self._limits.same))
        return [int(other) for other in near if int(other) != index and self.same_fact(index, int(other))]


def _postings(sets: Iterable[frozenset[str]]) -> dict[str, list[int]]:
    """For each item, the indexes of the sets holding it, in order."""
    found: dict[str, list[int]] = {}
    for position, items in enumerate(sets):
        for item in items:
            found.setdefault(item, []).append(position)
    return found
