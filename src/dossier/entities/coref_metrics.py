"""Coreference scores: MUC, B³, CEAF-e and their CoNLL average.

A clustering is a sequence of clusters, each a set of mention keys (any
hashable: "doc:start:end", a tuple). The key is the gold clustering, the
response the system's. A mention missing from one side counts as a singleton
there, so the scores are defined when the two sides cover different mentions.
CEAF-e needs the best one-to-one alignment of key and response clusters; it
is found with the Hungarian algorithm (cubic in the number of clusters, which
is small per topic), so no numerical library is needed.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence, Set
from dataclasses import dataclass

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
    """Row-column pairs, each row and column at most once, with the largest total weight.

    The Hungarian algorithm with potentials on a square cost matrix (the
    rectangular input is padded with zeros), O(n³).
    """
    rows = len(weights)
    columns = len(weights[0]) if rows else 0
    size = max(rows, columns)
    if size == 0:
        return []
    top = max((value for row in weights for value in row), default=0.0)

    def cost(row: int, column: int) -> float:
        # Maximizing weight is minimizing (top - weight); padding costs top.
        inside = row < rows and column < columns
        return top - weights[row][column] if inside else top

    infinity = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)  # match[column] = row (1-based; 0 = free)
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        match[0] = row
        column0 = 0
        least = [infinity] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column0] = True
            row0 = match[column0]
            delta = infinity
            column1 = 0
            for column in range(1, size + 1):
                if used[column]:
                    continue
                reduced = cost(row0 - 1, column - 1) - u[row0] - v[column]
                if reduced < least[column]:
                    least[column] = reduced
                    way[column] = column0
                if least[column] < delta:
                    delta = least[column]
                    column1 = column
            for column in range(size + 1):
                if used[column]:
                    u[match[column]] += delta
                    v[column] -= delta
                else:
                    least[column] -= delta
            column0 = column1
            if match[column0] == 0:
                break
        while column0:
            previous = way[column0]
            match[column0] = match[previous]
            column0 = previous
    pairs = [(match[column] - 1, column - 1) for column in range(1, size + 1)]
    return sorted((row, column) for row, column in pairs if row < rows and column < columns)
