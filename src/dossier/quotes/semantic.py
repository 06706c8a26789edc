"""Meaning-based statement similarity, for translations and heavy rewording.

Outlets that translate a speaker (or paraphrase inside quotation marks) share
few words with each other, so the lexical measure of
:mod:`dossier.quotes.merge` keeps their quotes apart. :class:`CombinedSimilarity`
adds the cosine of sentence vectors (any :class:`dossier.embed.Encoder`), but
only as a conservative second chance, because a false merge misleads more
than a missed one. The semantic score may lift a pair over the threshold only
when

* the lexical score is below the threshold but shows some shared content
  (:data:`LEXICAL_SUPPORT`): a translation keeps names and key nouns;
* the cosine reaches the encoder's floor (:data:`ENCODER_FLOORS`), which
  lies above every same-speaker pair of *different* statements measured on
  the demo corpus, the seed articles and the test fixtures;
* the quotes do not contradict each other
  (:func:`dossier.quotes.merge.contradicts`: other numbers, or one negated
  and one not), since encoders place "will" and "will not" close together.

The cosine is then mapped linearly from [floor, 1] onto [threshold, 1], so the
combined score stays comparable with the lexical one.
"""

from __future__ import annotations

import numpy as np

from dossier.embed import Encoder
from dossier.errors import UsageError
from dossier.quotes.merge import DEFAULT_THRESHOLD, LexicalSimilarity, Similarity, contradicts

#: Cosine at or above which two quotes may mean the same, for an encoder not in :data:`ENCODER_FLOORS`.
SEMANTIC_FLOOR = 0.9
#: Measured floors per encoder: above the highest cosine of two different statements by one speaker on
#: the demo corpus, the seeds and the test fixtures (static 0.88 vs 0.876 seen; MiniLM 0.87 vs 0.85 seen).
ENCODER_FLOORS: dict[str, float] = {"static": 0.88, "minilm": 0.87}
#: Lexical score a pair needs before its meaning is even considered.
LEXICAL_SUPPORT = 0.25


class EncodedSimilarity:
    """Cosine of the sentence vectors of two texts, each text encoded once."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder
        self._vectors: dict[str, np.ndarray] = {}

    def __call__(self, first: str, second: str) -> float:
        return float(np.clip(self._vector(first) @ self._vector(second), -1.0, 1.0))

    def _vector(self, text: str) -> np.ndarray:
        vector = self._vectors.get(text)
        if vector is None:
            vector = np.asarray(self._encoder.encode([text])[0], dtype=np.float32)
            self._vectors[text] = vector
        return vector


class CombinedSimilarity:
    """The lexical score, lifted by meaning when the guards of the module docstring all hold."""

    def __init__(
        self,
        semantic: Similarity,
        lexical: Similarity | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        semantic_floor: float = SEMANTIC_FLOOR,
        lexical_support: float = LEXICAL_SUPPORT,
    ) -> None:
        if not 0.0 < threshold <= 1.0 or not 0.0 < semantic_floor < 1.0 or not lexical_support >= 0.0:
            raise UsageError(
                f"combined similarity needs threshold in (0, 1], floor in (0, 1), support >= 0; got "
                f"{threshold}, {semantic_floor}, {lexical_support}",
                stage="quotes",
            )
        self._semantic = semantic
        self._lexical: Similarity = lexical if lexical is not None else LexicalSimilarity()
        self._threshold = threshold
        self._floor = semantic_floor
        self._support = lexical_support

    def __call__(self, first: str, second: str) -> float:
        lexical = self._lexical(first, second)
        if lexical >= self._threshold or lexical < self._support or contradicts(first, second):
            return lexical
        cosine = self._semantic(first, second)
        if cosine < self._floor:
            return lexical
        lifted = self._threshold + (cosine - self._floor) * (1.0 - self._threshold) / (1.0 - self._floor)
        return max(lexical, min(1.0, lifted))


def semantic_similarity(encoder: Encoder) -> Similarity:
    """The combined similarity over ``encoder``, with a fresh vector cache (one per story)."""
    floor = ENCODER_FLOORS.get(encoder.name, SEMANTIC_FLOOR)
    return CombinedSimilarity(EncodedSimilarity(encoder), semantic_floor=floor)
