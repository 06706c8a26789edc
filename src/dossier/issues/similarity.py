"""Similarity thresholds per encoder, and the sentence-level helpers built on them.

Cosine similarities are not on one scale across encoders: two paraphrases
score about 0.8 under MiniLM but often under 0.5 under TF-IDF. Each encoder
therefore gets its own cut-offs for "says the same thing" and "is about the
same point".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dossier.embed import Vectors


@dataclass(frozen=True, slots=True)
class Thresholds:
    same: float  # two sentences say the same thing, whatever else they hold (their citations merge)
    related: float  # a later sentence follows up a previewed point
    corroborate: float  # the same fact in other words, when names and words agree too (dossier.corroborate)


_THRESHOLDS = {
    "minilm": Thresholds(same=0.86, related=0.62, corroborate=0.55),
    "static": Thresholds(same=0.88, related=0.63, corroborate=0.55),
    "tfidf": Thresholds(same=0.75, related=0.35, corroborate=0.25),
}
_DEFAULT = Thresholds(same=0.88, related=0.6, corroborate=0.55)


def thresholds_for(encoder_name: str) -> Thresholds:
    return _THRESHOLDS.get(encoder_name, _DEFAULT)


def similarity_matrix(vectors: Vectors) -> Vectors:
    """Pairwise cosine of unit rows, clipped to [-1, 1] against rounding."""
    if vectors.shape[0] == 0:
        return np.zeros((0, 0), dtype=np.float32)
    # In place: a big story's matrix is tens of megabytes, and each copy would be another.
    cosine: Vectors = (vectors @ vectors.T).astype(np.float32, copy=False)
    np.clip(cosine, -1.0, 1.0, out=cosine)
    return cosine
