"""The static encoder: MiniLM distilled into a token→vector table.

``scripts/distill_encoder.py`` runs MiniLM over every piece of its WordPiece
vocabulary, reduces the vectors with PCA and stores them, int8-quantised with
one scale per row, in ``model/static.npz`` beside a provenance sidecar
``model/static.meta.json``. Encoding a sentence is then tokenize, look up,
average, normalise: no torch, loads in milliseconds, thousands of sentences a
second.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dossier.embed import Vectors, has_words, normalise_rows
from dossier.embed.wordpiece import tokenize, vocabulary_index
from dossier.errors import UsageError

logger = logging.getLogger(__name__)

TABLE_FILE = "static.npz"
META_FILE = "static.meta.json"
#: Only the start of a very long text is read: a sentence vector is an average, and it settles early.
MAX_CHARS = 4000


def _model_folder() -> Path:
    return Path(str(resources.files("dossier.embed").joinpath("model")))


def static_available() -> bool:
    return (_model_folder() / TABLE_FILE).is_file()


def static_metadata() -> dict[str, Any]:
    """The sidecar written by the distillation script (provenance and quality check)."""
    path = _model_folder() / META_FILE
    if not path.is_file():
        return {}
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@cache
def _load_table(path: Path) -> tuple[npt.NDArray[np.float32], dict[str, int]]:
    with np.load(path, allow_pickle=False) as data:
        codes = data["codes"].astype(np.float32)
        scales = data["scales"].astype(np.float32)
        weights = data["weights"].astype(np.float32)
        vocabulary = bytes(data["vocabulary"]).decode("utf-8").split("\n")
    # The per-token weight is folded into the table once, so encoding is a plain sum.
    table = codes * scales[:, None] * weights[:, None]
    return table.astype(np.float32), vocabulary_index(vocabulary)


class StaticEncoder:
    """Weighted mean of distilled token vectors, unit length."""

    name = "static"

    def __init__(self, table: npt.NDArray[np.float32], vocabulary: dict[str, int]) -> None:
        if table.ndim != 2 or table.shape[0] != len(vocabulary):
            raise ValueError(f"table shape {table.shape} does not match a vocabulary of {len(vocabulary)}")
        self.table = table
        self.vocabulary = vocabulary

    @classmethod
    def load(cls, path: Path | None = None) -> StaticEncoder:
        path = path if path is not None else _model_folder() / TABLE_FILE
        if not path.is_file():
            raise UsageError(f"encoder 'static' needs {path}; build it with scripts/distill_encoder.py")
        table, vocabulary = _load_table(path)
        return cls(table, vocabulary)

    @property
    def dimensions(self) -> int:
        return int(self.table.shape[1])

    def encode(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = tokenize(text[:MAX_CHARS], self.vocabulary) if has_words(text) else []
            if ids:
                out[row] = self.table[np.asarray(ids, dtype=np.int64)].mean(axis=0)
        return normalise_rows(out)
