"""Learn corroboration's same-fact model (``dossier.issues.fact_model``) from ECB+ topics 1-35.

Data: ``../shared/data/ecbplus`` (ECB+, Cybulska and Vossen 2014), topics 1-35
only; topics 36-45 stay unseen for ``benchmarks/bench_corroboration.py``.
Each subtopic is briefed as one story with the default pipeline and the
``--encoder``, as that benchmark does. Every pair of readable pool sentences
from different documents that ECB+ annotates with a cross-document event, whose
cosine reaches ``--min-cosine`` and whose figures and times do not clash, is a training
pair: positive when the two sentences mention one event. A logistic model is
fitted on :data:`~dossier.issues.fact_model.FACT_FEATURES` and printed as
Python to paste into ``DEFAULT_FACT_MODEL``.

    PYTHONPATH=src python scripts/train_fact_match.py [--l2 1.0] [--cv 5]

``--cv`` also fits on folds of topics and prints, at a few thresholds, the
precision and recall of the held-out folds' pairs, to judge a change.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_corroboration as bench  # noqa: E402
from corpora.ecbplus_events import read_event_document, subtopics  # noqa: E402
from dossier.embed import get_encoder  # noqa: E402
from dossier.issues.corroborate import FactMatcher  # noqa: E402
from dossier.issues.fact_model import FactModel, fit  # noqa: E402
from dossier.issues.pool import pool_for  # noqa: E402
from dossier.issues.similarity import similarity_matrix, thresholds_for  # noqa: E402
from dossier.pipeline import Options  # noqa: E402

logger = logging.getLogger(__name__)

THRESHOLDS = (0.7, 0.75, 0.78, 0.8, 0.85, 0.9)


@dataclass(frozen=True, slots=True)
class Pair:
    topic: int
    values: dict[str, float]
    same_event: bool


def training_pairs(encoder_name: str, min_cosine: float) -> list[Pair]:
    options = Options(encoder=encoder_name)
    encoder = get_encoder(encoder_name)
    limits = thresholds_for(encoder.name)
    pairs: list[Pair] = []
    for name, paths in sorted(subtopics(bench.DATA, bench.TOPICS["dev"]).items()):
        if len(paths) < 2:
            continue
        documents = [read_event_document(path) for path in paths]
        story, origin = bench.brief_subtopic(documents, options)
        candidates, vectors = pool_for(story, encoder).readable()
        similarity = similarity_matrix(vectors)
        matcher = FactMatcher.over(candidates, story, similarity, limits)
        briefing = story.briefing()
        events = [bench._sentence_events(c.citations[0], briefing, documents, origin) for c in candidates]
        topic = int("".join(ch for ch in name if ch.isdigit()))
        annotated = [i for i, found in enumerate(events) if found is not None and found[1]]
        for n, first in enumerate(annotated):
            for second in annotated[n + 1 :]:
                a, b = events[first], events[second]
                assert a is not None and b is not None
                if a[0] == b[0] or similarity[first, second] < min_cosine:
                    continue
                if matcher.clash(first, second):
                    continue
                pairs.append(Pair(topic, matcher.features(first, second), bool(a[1] & b[1])))
        logger.info("%s: %d pairs so far", name, len(pairs))
    return pairs


def cross_validate(pairs: Sequence[Pair], folds: int, l2: float, min_cosine: float) -> None:
    topics = sorted({pair.topic for pair in pairs})
    scored: list[tuple[float, bool]] = []
    for fold in range(folds):
        held = set(topics[fold::folds])
        train = [pair for pair in pairs if pair.topic not in held]
        bias, coefficients = fit([p.values for p in train], [p.same_event for p in train], l2)
        model = FactModel("any", bias, coefficients, threshold=0.5, min_cosine=min_cosine)
        scored.extend((model.probability(p.values), p.same_event) for p in pairs if p.topic in held)
    positives = sum(label for _, label in scored)
    for threshold in THRESHOLDS:
        taken = [label for probability, label in scored if probability >= threshold]
        precision = sum(taken) / len(taken) if taken else float("nan")
        print(
            f"cv threshold {threshold}: {len(taken)} pairs taken, precision {precision:.4f}, "
            f"recall {sum(taken) / positives:.4f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", default="static")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-cosine", type=float, default=0.25)
    parser.add_argument("--cv", type=int, default=0, help="folds of topics to cross-validate on (0: none)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not bench.DATA.is_dir():
        print(f"train_fact_match: {bench.DATA} is absent", file=sys.stderr)
        return 2
    pairs = training_pairs(args.encoder, args.min_cosine)
    share = sum(p.same_event for p in pairs) / len(pairs)
    print(f"{len(pairs)} pairs from ECB+ topics 1-35, {share:.4f} of them one event")
    if args.cv:
        cross_validate(pairs, args.cv, args.l2, args.min_cosine)
    bias, coefficients = fit([p.values for p in pairs], [p.same_event for p in pairs], args.l2)
    print(f"DEFAULT_FACT_MODEL = FactModel(\n    encoder={args.encoder!r},\n    bias={bias},")
    print("    coefficients={")
    for name, value in coefficients.items():
        print(f"        {name!r}: {value},")
    print("    },\n    threshold=...,\n    min_cosine=...,\n)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
