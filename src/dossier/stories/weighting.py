"""Online TF-IDF: document frequencies that grow as articles arrive, and sparse cosine.

A stream has no corpus to fit an IDF on beforehand, so the counts are kept per
space and updated with every article (as in Miranda et al. 2018). Vectors are
plain ``dict[str, float]``: an article holds a few hundred terms at most.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from dossier.stories.lazy_json import LazyObject

SparseVector = dict[str, float]


class DocumentFrequencies:
    """How many articles so far hold each term, per space."""

    __slots__ = ("_counts", "documents")

    def __init__(self) -> None:
        self.documents = 0
        self._counts: dict[str, dict[str, int]] = {}

    def add(self, spaces: Mapping[str, Mapping[str, int]]) -> None:
        """Count one more article holding these terms."""
        self.documents += 1
        for space, terms in spaces.items():
            counts = self._counts.setdefault(space, {})
            for term in terms:
                counts[term] = counts.get(term, 0) + 1

    def to_state(self) -> dict[str, Any]:
        """Everything it holds, as plain JSON values (see :mod:`dossier.stories.state`)."""
        return {"documents": self.documents, "counts": self._counts}

    def state_tree(self) -> LazyObject:
        """:meth:`to_state` written a batch of terms at a time (see :mod:`dossier.stories.lazy_json`)."""
        counts = ((space, LazyObject(terms.items())) for space, terms in self._counts.items())
        return LazyObject([("documents", self.documents), ("counts", LazyObject(counts))])

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> DocumentFrequencies:
        frequencies = cls()
        frequencies.documents = int(state["documents"])
        frequencies._counts = {space: dict(counts) for space, counts in state["counts"].items()}
        return frequencies

    def idf(self, space: str, term: str) -> float:
        """Smoothed inverse document frequency: 1 for a term every article holds, more for rarer ones."""
        frequency = self._counts.get(space, {}).get(term, 0)
        return math.log((self.documents + 1) / (frequency + 1)) + 1.0

    def weigh(self, space: str, counts: Mapping[str, int]) -> SparseVector:
        """Sub-linear TF times IDF of one bag of terms."""
        frequencies = self._counts.get(space, {}).get
        base = math.log(self.documents + 1) + 1.0
        log = math.log
        # idf(term) = log((N + 1) / (df + 1)) + 1, inlined: this runs for every term of every centroid.
        return {
            term: (1.0 + log(count)) * (base - log(frequencies(term, 0) + 1))
            for term, count in counts.items()
            if count > 0
        }


def norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(value * value for value in vector.values()))


def cosine(
    left: Mapping[str, float], left_norm: float, right: Mapping[str, float], right_norm: float
) -> float:
    """Cosine of two sparse vectors whose norms are known; 0 when either is empty."""
    if left_norm == 0.0 or right_norm == 0.0:
        return 0.0
    if len(left) > len(right):
        left, right = right, left
    # The shared terms are found in C (a key-view intersection); fsum rounds the dot product exactly,
    # so the set's order (which varies with the string hash seed) cannot change a single bit.
    dot = math.fsum([left[term] * right[term] for term in left.keys() & right.keys()])
    return dot / (left_norm * right_norm)
