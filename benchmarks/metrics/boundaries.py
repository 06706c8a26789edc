"""Sentence boundary precision, recall and F1 over tokenised gold.

A boundary is the token that starts a sentence, other than a document's first
token. Gold boundaries come from the tokens' sentence numbers; predicted ones
from the character offsets where predicted sentences start. A predicted start
that falls inside a token (a split mid-word) matches no gold boundary and
counts as a false positive.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BoundaryCounts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    inside_token: int = 0

    def __add__(self, other: BoundaryCounts) -> BoundaryCounts:
        return BoundaryCounts(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
            self.inside_token + other.inside_token,
        )


def gold_boundaries(token_sentences: Sequence[int]) -> set[int]:
    """Positions of the tokens whose sentence number differs from the previous token's."""
    return {i for i in range(1, len(token_sentences)) if token_sentences[i] != token_sentences[i - 1]}


def predicted_boundaries(offsets: Sequence[tuple[int, int]], starts: Iterable[int]) -> tuple[set[int], int]:
    """Token positions where predicted sentences start, and how many starts fell inside a token."""
    token_starts = [start for start, _ in offsets]
    found: set[int] = set()
    inside = 0
    for start in starts:
        position = bisect.bisect_left(token_starts, start)
        if position == 0:
            continue  # the document's first sentence is no boundary
        if position < len(token_starts) and token_starts[position] == start:
            found.add(position)
        elif offsets[position - 1][1] > start:
            inside += 1
        elif position < len(token_starts):
            found.add(position)  # started in the space before a token
    return found, inside


def count_boundaries(gold: set[int], predicted: set[int], inside_token: int) -> BoundaryCounts:
    """One document's matches."""
    return BoundaryCounts(
        true_positives=len(gold & predicted),
        false_positives=len(predicted - gold) + inside_token,
        false_negatives=len(gold - predicted),
        inside_token=inside_token,
    )
