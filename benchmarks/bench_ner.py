"""Named entities: tagger quality on held-out GMB, people in the seed articles, speed and memory.

Usage::

    .venv/bin/python benchmarks/bench_ner.py [--copies 40]

Prints:

- model load time;
- per-type precision/recall/F1 of the shipped tagger on the held-out GMB test
  split (the split seed is read from the model's sidecar, so it is the split the
  model never saw), for the tagger alone and with the gazetteer and name rules
  that :func:`dossier.entities.recognize` adds (GMB tags laws and treaties as
  organizations, we call them other names, so the rules cost a little there);
- the same on the demo corpus against its ``gold.json`` people, plus the
  person entities that are not people;
- on ``../shared/seeds``: how many of the hand-listed people in
  ``benchmarks/gold/seeds_people.json`` the briefing names exactly, how many of
  them carry a fitting role, and whether any two were merged into one entity;
- recognition + canonicalization throughput on one core (words/s and
  sentences/s) over the demo story repeated ``--copies`` times, each copy
  linked as its own story;
- peak resident memory.

It needs ``../shared`` (GMB data and seeds) and says so when it is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from corpora import gmb
from dossier.briefing import Briefing, Entity
from dossier.demo import demo_paths
from dossier.entities import entities_stage, link_entities
from dossier.entities.perceptron import TaggerModel
from dossier.entities.recognize import MODEL_PATH, default_model, with_gazetteer
from dossier.entities.rules import with_name_rules
from dossier.entities.tokenize import Token
from dossier.pipeline import brief
from metrics.ner import score

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GMB_CSV = SHARED / "data" / "gmb-ner" / "ner_dataset.csv"
SEEDS = SHARED / "seeds"
GOLD = Path(__file__).parent / "gold" / "seeds_people.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args(argv)
    if not GMB_CSV.is_file() or not SEEDS.is_dir():
        sys.stderr.write(f"{SHARED}: shared data (gmb-ner, seeds) not found; this benchmark needs it\n")
        return 2
    started = time.perf_counter()
    TaggerModel.load(MODEL_PATH)
    print(
        f"model load: {time.perf_counter() - started:.2f} s ({MODEL_PATH.stat().st_size / 1e6:.1f} MB file)"
    )
    held_out()
    seeds()
    demo_people()
    throughput(args.copies)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")
    return 0


def held_out() -> None:
    meta = json.loads((MODEL_PATH.parent / "ner.meta.json").read_text(encoding="utf-8"))
    if gmb.sha256_of(GMB_CSV) != meta["data_sha256"]:
        print("warning: GMB data differs from the data the model was trained on")
    test = gmb.split(gmb.read_sentences(GMB_CSV), seed=meta["split"]["seed"]).test
    model = default_model()
    started = time.perf_counter()
    predicted = [model.tag(s.words) for s in test]
    elapsed = time.perf_counter() - started
    words = sum(len(s.words) for s in test)
    print(f"GMB held-out test: {len(test)} sentences, tagger alone {words / elapsed:,.0f} words/s")
    print_scores(score((s.tags for s in test), predicted))
    # The same tags after the gazetteer and the name rules that recognize() adds at run time.
    ruled = [with_rules(s.words, tags) for s, tags in zip(test, predicted, strict=True)]
    print("GMB held-out test, tagger + gazetteer + name rules:")
    print_scores(score((s.tags for s in test), ruled))


def with_rules(words: tuple[str, ...], tags: list[str]) -> list[str]:
    tokens: list[Token] = []
    at = 0
    for word in words:
        tokens.append(Token(word, at, at + len(word)))
        at += len(word) + 1
    return with_name_rules(tokens, with_gazetteer(tokens, list(tags)))


def print_scores(scores: dict[str, dict[str, float]]) -> None:
    for kind, row in scores.items():
        print(
            f"  {kind:<13} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
            f"  (n={int(row['support'])})"
        )


def seeds() -> None:
    story = entities_stage(brief([str(p) for p in sorted(SEEDS.glob("*.txt"))]))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["people"]
    people = [e for e in story.entities if e.type == "person"]
    named = with_role = 0
    missing: list[str] = []
    for person in gold:
        entity = next((e for e in people if e.name == person["name"]), None)
        if entity is None:
            missing.append(person["name"])
            continue
        named += 1
        keywords = person["role_keywords"]
        if not keywords or any(k in role.title.casefold() for role in entity.roles for k in keywords):
            with_role += 1
    merged = merged_people(people, [p["name"] for p in gold])
    print(f"seeds: {named}/{len(gold)} people named exactly, {with_role}/{len(gold)} with a fitting role")
    print(f"  missing: {', '.join(missing) or 'none'}")
    print(f"  merged (two gold people in one entity): {'; '.join(merged) or 'none'}")
    print(f"  person entities in the briefing: {len(people)} ({len(story.entities)} entities in all)")


def demo_people() -> None:
    """The demo corpus's hand-made gold people (with a role each), as a second, fictional check."""
    story = entities_stage(brief([str(p) for p in demo_paths()]))
    gold = json.loads((demo_paths()[0].parent / "gold.json").read_text(encoding="utf-8"))["people"]
    people = [e for e in story.entities if e.type == "person"]
    names = {p["name"] for p in gold}
    named = [e for e in people if e.name in names]
    roles = sum(
        1
        for e in named
        for p in gold
        if p["name"] == e.name and any(p["role"] in r.title.casefold() for r in e.roles)
    )
    spurious = sorted(e.name for e in people if e.name not in names)
    print(f"demo: {len(named)}/{len(gold)} people named exactly, {roles}/{len(gold)} with the gold role")
    print(f"  merged: {'; '.join(merged_people(people, sorted(names))) or 'none'}")
    print(f"  person entities that are not gold people: {', '.join(spurious) or 'none'}")


def merged_people(people: list[Entity], names: list[str]) -> list[str]:
    merged: list[str] = []
    for entity in people:
        forms = {entity.name, *entity.aliases}
        inside = sorted(n for n in names if n in forms)
        if len(inside) > 1:
            merged.append(" + ".join(inside))
    return merged


def throughput(copies: int) -> None:
    story = brief([str(p) for p in demo_paths()])
    words = sum(len(a.text.split()) for a in story.articles) * copies
    sentences = sum(len(a.sentences) for a in story.articles) * copies
    started = time.perf_counter()
    for _ in range(copies):
        link_entities(Briefing(articles=story.articles).articles)
    elapsed = time.perf_counter() - started
    print(
        f"recognition + canonicalization: {words / elapsed:,.0f} words/s,"
        f" {sentences / elapsed:,.0f} sentences/s ({copies} copies of the demo story, one core)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
