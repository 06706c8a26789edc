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
precision and recall of the held-out folds' pairs, to judge a change, and the
held-out topics' briefings scored as the benchmark scores them (each summary and
issue line cited again by the fold's model; the hand-set rules' citations
beside them). The threshold to paste is the lowest at which the cited
sentences' precision (``sentence_precision``) stays :data:`PRECISION_MARGIN`
above the rules' on those folds: the script prints it.
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
from corpora.ecbplus_events import EventDocument, read_event_document, subtopics  # noqa: E402
from dossier.briefing import Briefing, CitedText  # noqa: E402
from dossier.embed import get_encoder  # noqa: E402
from dossier.issues.corroborate import FactMatcher  # noqa: E402
from dossier.issues.fact_model import DEFAULT_FACT_MODEL, FactModel, fit  # noqa: E402
from dossier.issues.pool import Candidate, pool_for  # noqa: E402
from dossier.issues.select import cite_with_echoes  # noqa: E402
from dossier.issues.similarity import similarity_matrix, thresholds_for  # noqa: E402
from dossier.pipeline import Options  # noqa: E402

logger = logging.getLogger(__name__)

THRESHOLDS = (0.7, 0.72, 0.73, 0.74, 0.75, 0.76, 0.77, 0.78, 0.8, 0.85, 0.9)
#: How far above the hand-set rules' the cited sentences' precision must stay at the chosen threshold.
PRECISION_MARGIN = 0.01


@dataclass(frozen=True, slots=True)
class Pair:
    topic: int
    values: dict[str, float]
    same_event: bool


@dataclass(frozen=True, slots=True)
class Briefed:
    """One subtopic's briefing, kept to cite its lines again with other models."""

    topic: int
    briefing: Briefing
    documents: list[EventDocument]
    origin: dict[str, int]
    candidates: list[Candidate]
    matcher: FactMatcher
    lines: list[int | CitedText]  # the candidate a line quotes; the line itself when it quotes none of them

    def cited_lines(self, model: FactModel | None) -> list[CitedText]:
        """The briefing's lines, cited by ``model`` (by the hand-set rules when ``None``)."""
        matcher = self.matcher.with_model(model)
        return [
            line if isinstance(line, CitedText) else cite_with_echoes(self.candidates, line, matcher)
            for line in self.lines
        ]


def training_pairs(encoder_name: str, min_cosine: float) -> tuple[list[Pair], list[Briefed]]:
    options = Options(encoder=encoder_name)
    encoder = get_encoder(encoder_name)
    limits = thresholds_for(encoder.name)
    pairs: list[Pair] = []
    briefed: list[Briefed] = []
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
        quoted = {c.citations[0]: i for i, c in enumerate(candidates)}
        lines = [quoted.get(line.citations[0], line) for line in bench.briefing_lines(briefing)]
        briefed.append(Briefed(topic, briefing, documents, origin, candidates, matcher, lines))
        logger.info("%s: %d pairs so far", name, len(pairs))
    return pairs, briefed


def cross_validate(
    pairs: Sequence[Pair], briefed: Sequence[Briefed], folds: int, l2: float, min_cosine: float
) -> None:
    topics = sorted({pair.topic for pair in pairs})
    scored: list[tuple[float, bool]] = []
    rules = bench.Tally()
    by_threshold = {threshold: bench.Tally() for threshold in THRESHOLDS}
    for fold in range(folds):
        held = set(topics[fold::folds])
        train = [pair for pair in pairs if pair.topic not in held]
        bias, coefficients = fit([p.values for p in train], [p.same_event for p in train], l2)
        model = FactModel("any", bias, coefficients, threshold=0.5, min_cosine=min_cosine)
        scored.extend((model.probability(p.values), p.same_event) for p in pairs if p.topic in held)
        # Cited as the pipeline cites: under the model's min_cosine a pair is never one fact.
        cuts = {t: FactModel("any", bias, coefficients, t, DEFAULT_FACT_MODEL.min_cosine) for t in THRESHOLDS}
        for story in (story for story in briefed if story.topic in held):
            score = (story.briefing, story.documents, story.origin)
            bench.score_lines(story.cited_lines(None), *score, rules)
            for threshold, tally in by_threshold.items():
                bench.score_lines(story.cited_lines(cuts[threshold]), *score, tally)
    positives = sum(label for _, label in scored)
    for threshold in THRESHOLDS:
        taken = [label for probability, label in scored if probability >= threshold]
        precision = sum(taken) / len(taken) if taken else float("nan")
        print(
            f"cv threshold {threshold}: {len(taken)} pairs taken, precision {precision:.4f}, "
            f"recall {sum(taken) / positives:.4f}"
        )
    print(f"cv briefings, hand-set rules: {_measures(rules)}")
    bar = rules.metrics()["sentence_precision"] + PRECISION_MARGIN
    for threshold, tally in by_threshold.items():
        print(f"cv briefings, threshold {threshold}: {_measures(tally)}")
    passing = [t for t, tally in by_threshold.items() if tally.metrics()["sentence_precision"] >= bar]
    print(f"lowest threshold with sentence_precision >= {bar:.4f}: {min(passing) if passing else None}")


def _measures(tally: bench.Tally) -> str:
    shown = {name: value for name, value in tally.metrics().items() if name != "shared_not_exclusive"}
    return ", ".join(f"{name} {value:.4f}" for name, value in shown.items())


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
    pairs, briefed = training_pairs(args.encoder, args.min_cosine)
    share = sum(p.same_event for p in pairs) / len(pairs)
    print(f"{len(pairs)} pairs from ECB+ topics 1-35, {share:.4f} of them one event")
    if args.cv:
        cross_validate(pairs, briefed, args.cv, args.l2, args.min_cosine)
    bias, coefficients = fit([p.values for p in pairs], [p.same_event for p in pairs], args.l2)
    print(f"DEFAULT_FACT_MODEL = FactModel(\n    encoder={args.encoder!r},\n    bias={bias},")
    print("    coefficients={")
    for name, value in coefficients.items():
        print(f"        {name!r}: {value},")
    print("    },\n    threshold=...,\n    min_cosine=...,\n)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
