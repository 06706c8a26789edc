"""Issue grouping on the seed articles, scored against a hand-made list of their issues.

Gold: ``benchmarks/gold/seeds_issues.json`` (issue names and keywords, no
article text). A sentence belongs to a gold issue when it names one of its
keywords. For each found issue, its keyword-bearing sentences vote for a gold
issue; the figures are

- purity: the share of keyword-bearing grouped sentences that sit in an issue
  whose majority gold issue is their own (weighted over issues);
- gold recall: the share of gold issues (present in at least two sentences)
  that are the majority of at least one found issue;
- label hits: found issues whose label names a keyword of their majority issue.

Also prints each label, and the time per story once the encoder is loaded.

Quality floors: with the default encoder, the three figures are metrics
``seeds.purity``, ``seeds.gold_recall`` and ``seeds.label_hits`` (a share of
the issues found), pinned in ``benchmarks/floors.json`` to the digest of the
seeds and the gold file; ``--check`` exits 1 below a floor, ``--update-floors``
raises them. Floors hold for the default encoder only: another one is refused
with the floor flags.

Usage: ``.venv/bin/python benchmarks/bench_issues.py [--encoder auto|minilm|static|tfidf] [--check]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from dossier.briefing import Briefing, Issue
from dossier.embed import get_encoder
from dossier.issues import find_issues
from dossier.pipeline import Options, read_articles, story_of, story_stages
from floors import Measured, add_floor_arguments, apply_floor_flags, data_digest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT / "benchmarks" / "gold" / "seeds_issues.json"
BENCHMARK = "issues"


def gold_patterns() -> dict[str, re.Pattern[str]]:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    patterns = {}
    for issue in data["issues"]:
        words = sorted((re.escape(k) for k in issue["keywords"]), key=len, reverse=True)
        patterns[issue["name"]] = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)
    return patterns


def gold_of(text: str, patterns: dict[str, re.Pattern[str]]) -> list[str]:
    return [name for name, pattern in patterns.items() if pattern.search(text)]


def issue_sentences(story: Briefing, issue: Issue) -> list[str]:
    return [story.article(c.article_id).text[c.start : c.end] for c in issue.evidence]


def score(
    story: Briefing, issues: tuple[Issue, ...], patterns: dict[str, re.Pattern[str]]
) -> dict[str, float]:
    pure = total = label_hits = 0
    majorities: set[str] = set()
    for issue in issues:
        votes: Counter[str] = Counter()
        for sentence in issue_sentences(story, issue):
            votes.update(gold_of(sentence, patterns))
        keyword_sentences = sum(1 for s in issue_sentences(story, issue) if gold_of(s, patterns))
        majority = votes.most_common(1)[0][0] if votes else None
        in_majority = sum(1 for s in issue_sentences(story, issue) if majority in gold_of(s, patterns))
        pure += in_majority
        total += keyword_sentences
        if majority:
            majorities.add(majority)
            if patterns[majority].search(issue.label):
                label_hits += 1
        print(
            f"  {issue.label!r}: {len(issue.evidence)} sentences, {len(issue.article_ids)} articles, "
            f"majority gold issue {majority!r}"
        )
    present = Counter(
        g for a in story.articles for s in a.sentences for g in gold_of(a.span_text(s), patterns)
    )
    expected = {name for name, n in present.items() if n >= 2}
    print(
        f"purity {pure / max(total, 1):.3f}  gold recall {len(majorities & expected)}/{len(expected)} "
        f"= {len(majorities & expected) / max(len(expected), 1):.3f}  label hits {label_hits}/{len(issues)}"
    )
    nan = float("nan")
    return {
        "purity": pure / total if total else nan,
        "gold_recall": len(majorities & expected) / len(expected) if expected else nan,
        "label_hits": label_hits / len(issues) if issues else nan,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="issue grouping on the seeds")
    parser.add_argument("--encoder", default="auto")
    add_floor_arguments(parser)
    args = parser.parse_args(argv)
    if not SEEDS.is_dir():
        print(f"bench_issues: {SEEDS} is absent; nothing to measure", file=sys.stderr)
        return 2
    if args.encoder != "auto" and (args.check or args.update_floors):
        print("bench_issues: floors are pinned for the default encoder; drop --encoder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    encoder = get_encoder(args.encoder)
    encoder.encode(["warm up the model"])
    print(f"encoder {encoder.name}: loaded in {time.perf_counter() - started:.2f} s")
    story = story_of(read_articles(sorted(str(p) for p in SEEDS.glob("*.txt"))).articles)
    # Every stage before ``issues``, so the issues see the entities and quotes they see in a real run.
    for stage in story_stages(Options(encoder="tfidf")):
        if stage.name == "issues":
            break
        story = stage.run(story)
    started = time.perf_counter()
    issues = find_issues(story, encoder)
    print(f"{len(story.articles)} articles, {len(issues)} issues in {time.perf_counter() - started:.2f} s")
    metrics = score(story, issues, gold_patterns())
    measured = Measured("seeds", data_digest([*sorted(SEEDS.glob("*.txt")), GOLD]), metrics)
    status, lines = apply_floor_flags(args, BENCHMARK, [measured])
    if lines:
        print("\n== quality floors\n" + "\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
