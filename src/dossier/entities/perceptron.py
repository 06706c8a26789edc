"""A greedy averaged-perceptron BIO tagger in pure Python.

Tags are read left to right; each decision sees the two tags before it. The
decoder never emits an ``I-`` tag that does not continue an entity of the same
type, so every output is a valid BIO sequence. Training (used by
``scripts/train_ner.py``) averages the weights over all updates, which keeps
the model from over-fitting the last sentences it saw.

The model file is gzipped JSON: the tag list and, per feature that survived
pruning, its sparse ``(tag index, weight)`` pairs, stored as compact columns.
"""

from __future__ import annotations

import array
import gzip
import json
import logging
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dossier.entities.features import static_features, tag_features
from dossier.errors import StageError

logger = logging.getLogger(__name__)

OUTSIDE = "O"
ENTITY_TYPES = ("person", "organization", "place", "other")
TAGS = (OUTSIDE, *(f"{prefix}-{kind}" for kind in ENTITY_TYPES for prefix in ("B", "I")))

Weights = dict[str, tuple[tuple[int, float], ...]]
#: Version of the file layout written by :meth:`TaggerModel.save`.
MODEL_FORMAT = 2


def allowed(tag: str, previous: str) -> bool:
    """BIO constraint: ``I-x`` only continues a ``B-x`` or ``I-x``."""
    return not tag.startswith("I-") or previous[2:] == tag[2:]


@dataclass(frozen=True, slots=True)
class TaggerModel:
    """Trained weights: ``weights[feature]`` holds ``(tag index, weight)`` pairs."""

    tags: tuple[str, ...]
    weights: Weights

    def tag(self, words: Sequence[str]) -> list[str]:
        """The BIO tag of every word, decoded greedily with the BIO constraint."""
        get = self.weights.get
        tags = self.tags
        size = len(tags)
        follow = _allowed_after(tags)
        out: list[str] = []
        prev, prev2 = "<s>", "<s>"
        statics, lowered, shapes = static_features(words)
        # The hot loop of the whole entity layer: locals and two flat loops, no tuple per word.
        for index, features in enumerate(statics):
            scores = [0.0] * size
            for feature in features:
                for tag_index, weight in get(feature, ()):
                    scores[tag_index] += weight
            for feature in tag_features(lowered[index], shapes[index], prev, prev2):
                for tag_index, weight in get(feature, ()):
                    scores[tag_index] += weight
            best = tags[max(follow[prev], key=scores.__getitem__)]
            out.append(best)
            prev2, prev = prev, best
        return out

    def save(self, path: Path) -> None:
        """Write the model as gzipped JSON holding compact columns (see :func:`_columns`)."""
        data = json.dumps(_columns(self), sort_keys=True, separators=(",", ":")).encode("utf-8")
        # mtime=0 keeps the gzip header, and so the file, identical across runs.
        path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))

    @classmethod
    def load(cls, path: Path) -> TaggerModel:
        payload = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
        found = payload.get("format")
        if found != MODEL_FORMAT:
            raise StageError(
                f"{path}: tagger model format {found!r}, expected {MODEL_FORMAT}", stage="entities"
            )
        features = payload["features"].split("\n") if payload["features"] else []
        counts = bytes.fromhex(payload["counts"])
        indices = bytes.fromhex(payload["tag_indices"])
        values = array.array("f")
        values.frombytes(bytes.fromhex(payload["weights"]))
        if sys.byteorder == "big":
            values.byteswap()
        weights: Weights = {}
        at = 0
        for feature, count in zip(features, counts, strict=True):
            weights[feature] = tuple(zip(indices[at : at + count], values[at : at + count], strict=True))
            at += count
        return cls(tuple(payload["tags"]), weights)


def _columns(model: TaggerModel) -> dict[str, object]:
    """The model as columns: one JSON object per weight would take three times longer to load.

    ``features`` joins the feature strings with newlines; ``counts`` (one byte per
    feature), ``tag_indices`` (one byte per weight) and ``weights`` (little-endian
    float32) are hex strings.
    """
    features = sorted(model.weights)
    counts = bytes(len(model.weights[f]) for f in features)
    indices = bytes(index for f in features for index, _ in model.weights[f])
    values = array.array("f", (weight for f in features for _, weight in model.weights[f]))
    if sys.byteorder == "big":
        values.byteswap()
    return {
        "format": MODEL_FORMAT,
        "tags": list(model.tags),
        "features": "\n".join(features),
        "counts": counts.hex(),
        "tag_indices": indices.hex(),
        "weights": values.tobytes().hex(),
    }


@cache
def _allowed_after(tags: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """For each previous tag (and the sentence start), the indices of the tags that may follow it."""
    return {
        previous: tuple(i for i, tag in enumerate(tags) if allowed(tag, previous))
        for previous in (*tags, "<s>")
    }


def _best_allowed(tags: Sequence[str], scores: Sequence[float], previous: str) -> str:
    best_tag = OUTSIDE
    best_score = float("-inf")
    for tag, score in zip(tags, scores, strict=True):
        # Ties go to the earlier tag, so decoding is deterministic.
        if score > best_score and allowed(tag, previous):
            best_tag, best_score = tag, score
    return best_tag


class PerceptronTrainer:
    """Averaged perceptron training with lazy averaging (timestamps per weight)."""

    def __init__(self, tags: Sequence[str] = TAGS) -> None:
        self.tags = tuple(tags)
        self._index = {tag: i for i, tag in enumerate(self.tags)}
        self._weights: defaultdict[str, dict[int, float]] = defaultdict(dict)
        self._totals: defaultdict[tuple[str, int], float] = defaultdict(float)
        self._stamps: defaultdict[tuple[str, int], int] = defaultdict(int)
        self._instances = 0

    def train_sentence(self, words: Sequence[str], gold: Sequence[str]) -> int:
        """One pass over a sentence, updating on each mistake; returns the number of mistakes."""
        prev, prev2 = "<s>", "<s>"
        mistakes = 0
        statics, lowered, shapes = static_features(words)
        for index, static in enumerate(statics):
            features = [*static, *tag_features(lowered[index], shapes[index], prev, prev2)]
            guess = self._predict(features, prev)
            self._instances += 1
            truth = gold[index]
            if guess != truth:
                mistakes += 1
                self._update(self._index[truth], self._index[guess], features)
            # Condition on the predicted history, as at run time, so the model learns to recover.
            prev2, prev = prev, guess
        return mistakes

    def _predict(self, features: Sequence[str], previous: str) -> str:
        scores = [0.0] * len(self.tags)
        for feature in features:
            for tag_index, weight in self._weights.get(feature, {}).items():
                scores[tag_index] += weight
        return _best_allowed(self.tags, scores, previous)

    def _update(self, truth: int, guess: int, features: Sequence[str]) -> None:
        for feature in features:
            row = self._weights[feature]
            for tag_index, delta in ((truth, 1.0), (guess, -1.0)):
                key = (feature, tag_index)
                current = row.get(tag_index, 0.0)
                self._totals[key] += (self._instances - self._stamps[key]) * current
                self._stamps[key] = self._instances
                row[tag_index] = current + delta

    def averaged(self, min_weight: float = 0.0, digits: int = 3) -> TaggerModel:
        """The averaged model, dropping weights whose magnitude is below ``min_weight``."""
        weights: Weights = {}
        for feature in sorted(self._weights):
            pairs: list[tuple[int, float]] = []
            for tag_index, current in sorted(self._weights[feature].items()):
                key = (feature, tag_index)
                total = self._totals[key] + (self._instances - self._stamps[key]) * current
                average = round(total / max(self._instances, 1), digits)
                if abs(average) > min_weight:
                    pairs.append((tag_index, average))
            if pairs:
                weights[feature] = tuple(pairs)
        logger.info("averaged model keeps %d features", len(weights))
        return TaggerModel(self.tags, weights)
