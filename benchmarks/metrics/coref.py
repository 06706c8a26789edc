"""Coreference scores: MUC, B³, CEAF-e and their CoNLL average.

A clustering is a sequence of clusters, each a set of mention keys (any
hashable: "doc:start:end", a tuple). The key is the gold clustering, the
response the system's. A mention missing from one side counts as a singleton
there, so the scores are defined when the two sides cover different mentions.
CEAF-e needs the best one-to-one alignment of key and response clusters:
:func:`scipy.optimize.linear_sum_assignment` finds it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence, Set
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = Set[Hashable]


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall kept as sums, so the scores of many topics add up before dividing."""

    precision_found: float = 0.0
    precision_total: float = 0.0
    recall_found: float = 0.0
    recall_total: float = 0.0

    @property
    def precision(self) -> float:
        return _ratio(self.precision_found, self.precision_total)

    @property
    def recall(self) -> float:
        return _ratio(self.recall_found, self.recall_total)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total

    def __add__(self, other: Score) -> Score:
        return Score(
            self.precision_found + other.precision_found,
            self.precision_total + other.precision_total,
            self.recall_found + other.recall_found,
            self.recall_total + other.recall_total,
        )


def _ratio(numerator: float, denominator: float) -> float:
    return 0.0 if denominator == 0 else numerator / denominator


def _owner(clusters: Sequence[Cluster]) -> dict[Hashable, int]:
    return {mention: index for index, cluster in enumerate(clusters) for mention in cluster}


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Link-based: how many links of one side the other side keeps (Vilain et al., 1995)."""
    return Score(*_muc_recall(response, key), *_muc_recall(key, response))


def _muc_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float]:
    owner = _owner(response)
    found = needed = 0
    for cluster in key:
        # Mentions the response lacks each form a partition of their own.
        parts = {owner.get(mention, ("alone", mention)) for mention in cluster}
        found += len(cluster) - len(parts)
        needed += len(cluster) - 1
    return found, needed


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Mention-based: the overlap of each mention's key and response clusters (Bagga & Baldwin, 1998)."""
    return Score(*_b_cubed_recall(response, key), *_b_cubed_recall(key, response))


def _b_cubed_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float]:
    owner = _owner(response)
    total = 0.0
    mentions = 0
    for cluster in key:
        for mention in cluster:
            mentions += 1
            at = owner.get(mention)
            shared = 1 if at is None else len(cluster & response[at])
            total += shared / len(cluster)
    return total, mentions


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Entity-based: the best one-to-one alignment of clusters by Dice similarity (Luo, 2005)."""
    if not key or not response:
        return Score(0.0, len(response), 0.0, len(key))
    similarity = [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key]
    best = sum(similarity[row][column] for row, column in best_assignment(similarity))
    return Score(best, len(response), best, len(key))


def all_scores(key: Sequence[Cluster], response: Sequence[Cluster]) -> dict[str, Score]:
    """MUC, B³ and CEAF-e of one clustering, by name."""
    return {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}


def conll_f1(scores: dict[str, Score]) -> float:
    """The CoNLL-2012 score: the mean F1 of MUC, B³ and CEAF-e (as returned by :func:`all_scores`)."""
    return (scores["muc"].f1 + scores["b3"].f1 + scores["ceafe"].f1) / 3


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row-column pairs, each row and column at most once, with the largest total weight (sorted)."""
    if not weights or not weights[0]:
        return []
    rows, columns = linear_sum_assignment(np.asarray(weights, dtype=float), maximize=True)
    return sorted((int(row), int(column)) for row, column in zip(rows, columns, strict=True))
