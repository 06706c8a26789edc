"""Unsupervised grouping of sentence vectors into issues.

Ward-linkage agglomerative clustering over the unit vectors (on unit vectors,
Euclidean distance is a monotone function of cosine similarity), cut at the
number of groups with the best silhouette. Hierarchical clustering has no
random start, so the same vectors always give the same groups. Very large
pools are clustered on their first ``MAX_CLUSTERED`` rows; the rest join the
nearest group centre.
"""

from __future__ import annotations

import logging

import numpy as np
import numpy.typing as npt

from dossier.embed import Vectors

logger = logging.getLogger(__name__)

#: Above this many sentences, linkage (quadratic memory) runs on a prefix only.
MAX_CLUSTERED = 1500
#: Fewer sentences than this form one group: there is nothing to split.
MIN_TO_SPLIT = 6
#: Silhouette favours a few broad groups; a story gets at least one group per this many sentences.
SENTENCES_PER_GROUP = 15


def group_vectors(vectors: Vectors, max_groups: int) -> list[list[int]]:
    """Row indexes grouped by issue; rows of zeros (no usable words) are left out. Groups are sorted."""
    usable = np.flatnonzero(np.linalg.norm(vectors, axis=1) > 0)
    if usable.size == 0:
        return []
    if usable.size < MIN_TO_SPLIT or max_groups < 2:
        return [usable.tolist()]
    head = usable[:MAX_CLUSTERED]
    labels = _best_cut(vectors[head].astype(np.float64), max_groups)
    groups: dict[int, list[int]] = {}
    for row, label in zip(head.tolist(), labels.tolist(), strict=True):
        groups.setdefault(int(label), []).append(row)
    if usable.size > head.size:
        _assign_rest(vectors, usable[head.size :], groups)
    return sorted((sorted(rows) for rows in groups.values()), key=lambda rows: rows[0])


def _best_cut(points: npt.NDArray[np.float64], max_groups: int) -> npt.NDArray[np.int64]:
    distinct = np.unique(np.round(points, 6), axis=0).shape[0]
    if distinct < 3:
        return np.ones(points.shape[0], dtype=np.int64)
    # scipy only here, when a story has enough sentences to group: importing it costs a cold start.
    from scipy.cluster.hierarchy import fcluster, linkage

    tree = linkage(points, method="ward")
    distances = _cosine_distances(points)
    upper = min(max_groups, distinct - 1, points.shape[0] // 2)
    lower = max(2, min(upper, points.shape[0] // SENTENCES_PER_GROUP))
    best_labels = np.ones(points.shape[0], dtype=np.int64)
    best_score = -np.inf
    for count in range(lower, upper + 1):
        labels = np.asarray(fcluster(tree, count, criterion="maxclust"), dtype=np.int64)
        if len(set(labels.tolist())) < 2:
            continue
        score = silhouette(distances, labels)
        # Strictly better only: among equals the smaller count wins.
        if score > best_score + 1e-9:
            best_score, best_labels = score, labels
    logger.debug("issue groups: %d (silhouette %.3f)", len(set(best_labels.tolist())), best_score)
    return best_labels


def _cosine_distances(points: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    norms = np.linalg.norm(points, axis=1, keepdims=True)
    unit = points / np.where(norms > 0, norms, 1.0)
    return np.clip(1.0 - unit @ unit.T, 0.0, 2.0)


def silhouette(distances: npt.NDArray[np.float64], labels: npt.NDArray[np.int64]) -> float:
    """The mean silhouette of a clustering, from the matrix of pairwise distances.

    For each point: ``a``, its mean distance to the rest of its group; ``b``, its mean distance to the
    nearest other group; its score ``(b - a) / max(a, b)``, and 0 when it is alone in its group.
    """
    groups = np.unique(labels)
    member = labels[:, None] == groups[None, :]  # points x groups
    sizes = member.sum(axis=0).astype(np.float64)
    sums = distances @ member  # each point's total distance to each group
    own = member.argmax(axis=1)
    rows = np.arange(labels.shape[0])
    own_size = sizes[own]
    a = np.divide(sums[rows, own], own_size - 1, out=np.zeros_like(own_size), where=own_size > 1)
    means = sums / sizes[None, :]
    means[rows, own] = np.inf
    b = means.min(axis=1)
    scores = np.where(own_size > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(scores.mean())


def _assign_rest(vectors: Vectors, rows: npt.NDArray[np.intp], groups: dict[int, list[int]]) -> None:
    labels = sorted(groups)
    centres = np.stack([vectors[groups[label]].mean(axis=0) for label in labels])
    nearest = np.argmax(vectors[rows] @ centres.T, axis=1)
    for row, index in zip(rows.tolist(), nearest.tolist(), strict=True):
        groups[labels[index]].append(row)
