"""Hashed TF-IDF: the encoder that needs no model.

Words are case-folded, stop words dropped and a plural/verb ``s`` trimmed; each
stem is hashed (CRC-32, stable across runs and machines, unlike ``hash()``)
into a fixed number of buckets. IDF is fitted on the texts of each call, so
texts only compare meaningfully with those encoded in the same call.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from dossier.embed import Vectors, normalise_rows
from dossier.words import WORD

#: Buckets of the hashing trick: enough that collisions between the words of one story are rare.
DEFAULT_DIMENSIONS = 4096

_STOP_WORDS_TEXT = (
    "a about after again against all also am an and any are as at be because been before being "
    "between both but by can could did do does doing down during each few for from further had has "
    "have having he her here hers herself him himself his how i if in into is it its itself just me "
    "more most my myself no nor not now of off on once only or other our ours ourselves out over "
    "own same she should so some such than that the their theirs them themselves then there these "
    "they this those through to too under until up very was we were what when where which while who "
    "whom why will with would you your yours yourself said says say told according mr ms mrs"
)
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def stem(word: str) -> str:
    """A deliberately light stemmer: enough to join 'talks' and 'talk', never enough to invent words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tfidf_terms(text: str) -> list[str]:
    """Stems of the words of ``text`` that carry meaning."""
    words = (w.casefold() for w in WORD.findall(text))
    return [stem(w) for w in words if w not in STOP_WORDS and not w.isdigit() and len(w) > 1]


class TfidfEncoder:
    """Sublinear TF times smoothed IDF, hashed into ``dimensions`` buckets, L2-normalised."""

    name = "tfidf"

    def __init__(self, dimensions: int = DEFAULT_DIMENSIONS) -> None:
        if dimensions < 2:
            raise ValueError(f"dimensions must be at least 2, got {dimensions}")
        self.dimensions = dimensions

    def encode(self, texts: Sequence[str]) -> Vectors:
        bags = [Counter(self._bucket(w) for w in tfidf_terms(t)) for t in texts]
        document_frequency: Counter[int] = Counter()
        for bag in bags:
            document_frequency.update(bag.keys())
        count = len(texts)
        matrix = np.zeros((count, self.dimensions), dtype=np.float32)
        for row, bag in enumerate(bags):
            for bucket, tf in bag.items():
                idf = math.log((1 + count) / (1 + document_frequency[bucket])) + 1.0
                matrix[row, bucket] = (1.0 + math.log(tf)) * idf
        return normalise_rows(matrix)

    def _bucket(self, word: str) -> int:
        return zlib.crc32(word.encode("utf-8")) % self.dimensions
