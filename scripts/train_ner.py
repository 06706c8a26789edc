"""Train the shipped named-entity tagger from the GMB-derived NER corpus.

Data: ``../shared/data/gmb-ner/ner_dataset.csv`` (Kaggle "Annotated Corpus for
NER", derived from the Groningen Meaning Bank). The sentences are shuffled
with a fixed seed and split 80/10/10; the model is an averaged perceptron
(:mod:`dossier.entities.perceptron`) trained on the first part for a fixed
number of epochs, and scored on the held-out test part. Writes
``src/dossier/entities/model/ner.json.gz`` and its sidecar ``ner.meta.json``
(data SHA-256, seed, parameters, held-out scores). Same data, same output.

Usage: ``.venv/bin/python scripts/train_ner.py [--epochs N] [--seed S]``
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

from dossier.entities import gmb
from dossier.entities.perceptron import PerceptronTrainer, TaggerModel

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "gmb-ner" / "ner_dataset.csv"
MODEL_DIR = ROOT / "src" / "dossier" / "entities" / "model"

logger = logging.getLogger("train_ner")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--min-weight", type=float, default=0.05)
    parser.add_argument("--limit", type=int, default=0, help="train on at most this many sentences (0: all)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.data.is_file():
        sys.stderr.write(f"{args.data}: GMB NER data not found; it lives in ../shared/data/gmb-ner/\n")
        return 2
    started = time.perf_counter()
    sentences = gmb.read_sentences(args.data)
    parts = gmb.split(sentences, seed=args.seed)
    train = list(parts.train[: args.limit] if args.limit else parts.train)
    logger.info(
        "%d sentences: %d train, %d dev, %d test", len(sentences), len(train), len(parts.dev), len(parts.test)
    )
    trainer = PerceptronTrainer()
    shuffler = random.Random(args.seed)
    for epoch in range(args.epochs):
        mistakes = sum(trainer.train_sentence(s.words, s.tags) for s in train)
        logger.info("epoch %d: %d mistakes (%.0f s)", epoch + 1, mistakes, time.perf_counter() - started)
        shuffler.shuffle(train)
    model = trainer.averaged(min_weight=args.min_weight)
    dev_scores = evaluate(model, parts.dev)
    test_scores = evaluate(model, parts.test)
    logger.info("dev F1 %.4f, test F1 %.4f", dev_scores["all"]["f1"], test_scores["all"]["f1"])
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / "ner.json.gz")
    meta = {
        "data": "gmb-ner/ner_dataset.csv",
        "data_sha256": gmb.sha256_of(args.data),
        "split": {"seed": args.seed, "train": 0.8, "dev": 0.1, "test": 0.1, "unit": "sentence"},
        "params": {
            "epochs": args.epochs,
            "min_weight": args.min_weight,
            "train_sentences": len(train),
            "decoder": "greedy, BIO-constrained",
        },
        "features": len(model.weights),
        "dev": dev_scores,
        "test": test_scores,
    }
    (args.out / "ner.meta.json").write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    logger.info("wrote %s in %.0f s", args.out, time.perf_counter() - started)
    return 0


def evaluate(model: TaggerModel, sentences: tuple[gmb.Sentence, ...]) -> dict[str, dict[str, float]]:
    return gmb.score((s.tags for s in sentences), (model.tag(s.words) for s in sentences))


if __name__ == "__main__":
    raise SystemExit(main())
