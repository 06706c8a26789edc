"""Summary quality and speed: ROUGE on MultiLing 2011 (English), throughput on the demo corpus.

Quality: for each of the 10 English topics of ``../shared/data/multiling2011``
(10 source texts each), brief the topic with a 250-word budget and score the
summary against the 3 model summaries with ROUGE-1 and ROUGE-2 recall (Porter
stemmed, ``rouge-score``), averaged over references then topics. The published
English ROUGE averages of the MultiLing 2011 systems are printed beside it,
including the baseline ID9 (centroid document) and topline ID10. (They come
from ROUGE-1.5.5 with jackknifing; ``rouge-score`` is close but not identical.)

Speed: the demo corpus repeated into stories of ten articles, summarised on
one core; prints seconds per story and sentences per second, and the model
load time.

Quality floors: with the default encoder and the 250-word budget, the two
averages are metrics ``multiling2011.rouge1_recall`` and
``multiling2011.rouge2_recall``, pinned in ``benchmarks/floors.json`` to a
digest of the source texts and model summaries; ``--check`` exits 1 below a
floor, ``--update-floors`` raises them (other settings are refused with the
floor flags).

Usage: ``.venv/bin/python benchmarks/bench_summary.py [--encoder auto|minilm|static|tfidf] [--words 250]
[--check] [--update-floors]``
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from rouge_score import rouge_scorer

from dossier.demo import demo_paths
from dossier.embed import Encoder, get_encoder
from dossier.pipeline import Options, read_articles, story_of, story_stages
from dossier.story import Story
from dossier.summarize import summarize_story
from floors import Measured, add_floor_arguments, apply_floor_flags, data_digest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multiling2011"
PUBLISHED = DATA / "PublishedEvaluation" / "AutomaticEvaluation" / "ROUGE" / "Averages"
BENCHMARK = "summary"
DEFAULT_WORDS = 250
#: The stages a summary needs before it: copies merged, duplicates marked, dates inferred, reading order.
PREPARE = ("merge-exact-copies", "mark-near-duplicates", "infer-dates", "order-for-reading")


def prepare(paths: Sequence[str]) -> Story:
    story = story_of(read_articles(paths).articles)
    for stage in story_stages(Options()):
        if stage.name in PREPARE:
            story = stage.run(story)
    return story


def rouge_on_multiling(encoder: Encoder, words: int) -> tuple[float, float]:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1: list[float] = []
    r2: list[float] = []
    for topic in range(10):
        sources = sorted(str(p) for p in (DATA / "SourceTexts").glob(f"M00{topic}?.english"))
        summary = summarize_story(prepare(sources), encoder, words=words)
        text = " ".join(line.text for line in summary)
        references = sorted((DATA / "Model Summaries" / "English").glob(f"M00{topic}.*"))
        scores = [scorer.score(ref.read_text(encoding="utf-8"), text) for ref in references]
        r1.append(sum(s["rouge1"].recall for s in scores) / len(scores))
        r2.append(sum(s["rouge2"].recall for s in scores) / len(scores))
        print(
            f"  topic M00{topic}: ROUGE-1 R {r1[-1]:.4f}  ROUGE-2 R {r2[-1]:.4f}  ({len(text.split())} words)"
        )
    return sum(r1) / len(r1), sum(r2) / len(r2)


def published() -> dict[str, tuple[float, float]]:
    table: dict[str, list[float]] = {}
    for metric in ("ROUGE-1", "ROUGE-2"):
        with (PUBLISHED / f"ENGLISH_{metric}.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                system = row["runid"].split("_")[0]
                table.setdefault(system, []).append(float(row["recall"]))
    return {system: (values[0], values[1]) for system, values in table.items() if len(values) == 2}


def throughput(encoder: Encoder, stories: int = 20) -> None:
    paths = [str(p) for p in demo_paths()]
    base = prepare(paths)
    # Ten-article stories: the demo articles repeated, each copy a distinct article id by a marker line.
    articles = [dataclasses.replace(a, id=f"{a.id}-{n}") for n in range(2) for a in base.articles][:10]
    story = dataclasses.replace(base, articles=tuple(articles))
    sentences = sum(len(a.sentences) for a in story.articles if a.duplicate_of is None)
    summarize_story(story, encoder)  # warm-up: the model loads here
    started = time.perf_counter()
    for _ in range(stories):
        if hasattr(encoder, "_memo"):
            encoder._memo.clear()  # measure encoding, not the memo
        summarize_story(story, encoder)
    elapsed = time.perf_counter() - started
    per_story = elapsed / stories
    print(
        f"  {len(articles)}-article story ({sentences} sentences): {per_story:.3f} s per story, "
        f"{sentences / per_story:.0f} sentences/s on one core"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="summary ROUGE and throughput")
    parser.add_argument("--encoder", default="auto")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS)
    parser.add_argument("--stories", type=int, default=20, help="stories timed for throughput (0: skip)")
    add_floor_arguments(parser)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"bench_summary: {DATA} is absent; nothing to measure", file=sys.stderr)
        return 2
    if (args.encoder, args.words) != ("auto", DEFAULT_WORDS) and (args.check or args.update_floors):
        print("bench_summary: floors are pinned for the default encoder and budget", file=sys.stderr)
        return 2
    os.environ["OMP_NUM_THREADS"] = "1"
    _one_core()
    started = time.perf_counter()
    encoder = get_encoder(args.encoder)
    encoder.encode(["warm up the model"])
    print(f"encoder {encoder.name}: loaded in {time.perf_counter() - started:.2f} s")
    print(f"ROUGE recall of {args.words}-word summaries, MultiLing 2011 English (10 topics, 3 references):")
    r1, r2 = rouge_on_multiling(encoder, args.words)
    print(f"dossier ({encoder.name}): ROUGE-1 R {r1:.4f}  ROUGE-2 R {r2:.4f}")
    print("published MultiLing 2011 English systems (ROUGE-1.5.5 recall):")
    for system, (p1, p2) in sorted(published().items(), key=lambda item: -item[1][0]):
        note = {"ID9": " (baseline: centroid document)", "ID10": " (topline: uses model summaries)"}.get(
            system, ""
        )
        print(f"  {system:>5}: ROUGE-1 R {p1:.4f}  ROUGE-2 R {p2:.4f}{note}")
    if args.stories > 0:
        print("throughput:")
        throughput(encoder, args.stories)
    measured = Measured(
        "multiling2011", data_digest(data_files()), {"rouge1_recall": r1, "rouge2_recall": r2}
    )
    status, lines = apply_floor_flags(args, BENCHMARK, [measured])
    if lines:
        print("\n== quality floors\n" + "\n".join(lines))
    return status


def data_files() -> list[Path]:
    """What the ROUGE figures depend on: the English source texts and model summaries."""
    sources = sorted((DATA / "SourceTexts").glob("M00??.english"))
    models = sorted((DATA / "Model Summaries" / "English").glob("M00?.*"))
    return [*sources, *models]


def _one_core() -> None:
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass


if __name__ == "__main__":
    sys.exit(main())
