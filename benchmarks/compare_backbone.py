"""Old against new, side by side, on data nobody tuned on: entities, sentences, quote speakers, coreference.

Usage::

    .venv/bin/python benchmarks/compare_backbone.py [--old 7a70bba] [--evals wikiann,gmb,...]
        [--limit N] [--seed S] [--json PATH] [--timeout SECONDS]

"old" is a git worktree of ``--old`` made in a temporary folder (``git worktree
add --detach``) and removed afterwards; "new" is this tree. Each evaluation
runs once per side in a subprocess, ``benchmarks/backbone_side.py`` with
``PYTHONPATH=<tree>/src:benchmarks`` and this Python, so the two sides share
the readers and the scoring and differ only in the dossier they import. The
new side must use the spaCy backbone (``dossier.analyze``); where this tree
does not have it yet, its column says "unavailable" and the old figures are
still printed.

Evaluations (``--limit N`` samples N units of each, with a fixed seed):

- ``wikiann``: NER on WikiANN English test (sentences);
- ``gmb``: NER on the GMB test split the retired GMB tagger was trained with (sentences);
- ``ecb-ner``: proper-name mentions of people, organizations and places in
  ECB+ test topics 36-45 (documents);
- ``ecb-sentences``: sentence boundaries on the same documents;
- ``polnear-quotes``: quote recall and speaker accuracy on PolNeAR dev
  (articles), through ``dossier.brief``;
- ``ecb-coref``: bench_coref.py's entity coreference scores (topics).

Needs ``../shared``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from backbone_side import DEFAULT_SEED, EVALS

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SHARED = ROOT.parent / "shared"
SIDE_SCRIPT = BENCHMARKS / "backbone_side.py"
DEFAULT_OLD = "7a70bba"

TITLES = {
    "wikiann": "NER, WikiANN English test (exact span + type; person, organization, place)",
    "gmb": "NER, GMB test split of the retired tagger (exact span + type; art/eve/nat/tim ignored)",
    "ecb-ner": "NER, ECB+ test topics 36-45: proper-name people, organizations, places (validated sentences)",
    "ecb-sentences": "Sentence boundaries, ECB+ test topics 36-45 (tokens joined by spaces)",
    "polnear-quotes": "Quote speakers, PolNeAR dev (gold attributions holding a direct quotation)",
    "ecb-coref": "Entity coreference, ECB+ test topics 36-45 (as bench_coref.py, aligned mentions)",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--old", default=DEFAULT_OLD, help="commit for the old side (default %(default)s)")
    parser.add_argument("--evals", default=",".join(EVALS), help="comma-separated, from: " + ", ".join(EVALS))
    parser.add_argument("--limit", type=int, default=0, help="sample this many units per evaluation (0: all)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds per evaluation and side")
    args = parser.parse_args(argv)
    evaluations = [e.strip() for e in args.evals.split(",") if e.strip()]
    unknown = sorted(set(evaluations) - set(EVALS))
    if unknown:
        parser.error(f"unknown evaluation(s): {', '.join(unknown)}")
    if not SHARED.is_dir():
        sys.stderr.write(f"{SHARED}: shared data not found; this benchmark needs ../shared\n")
        return 2
    results: dict[str, Any] = {"old": {"commit": args.old}, "new": {"tree": str(ROOT)}, "limit": args.limit}
    results["seed"] = args.seed
    with old_worktree(args.old) as old_tree:
        results["old"]["commit"] = resolve_commit(args.old)
        for evaluation in evaluations:
            old = run_side(old_tree, "auto", evaluation, args)
            new = run_side(ROOT, "analyze", evaluation, args)
            results["old"][evaluation], results["new"][evaluation] = old, new
            print_table(evaluation, old, new)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


@contextmanager
def old_worktree(commit: str) -> Iterator[Path]:
    """A detached worktree of ``commit`` in a temporary folder, removed (with the folder) afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="dossier-old-"))
    tree = folder / "tree"
    git("worktree", "add", "--detach", "--quiet", str(tree), commit)
    try:
        yield tree
    finally:
        git("worktree", "remove", "--force", str(tree))
        shutil.rmtree(folder, ignore_errors=True)


def git(*arguments: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *arguments], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def resolve_commit(commit: str) -> str:
    return git("rev-parse", "--short", f"{commit}^{{commit}}")


def run_side(tree: Path, api: str, evaluation: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one evaluation on one tree; a crash or a timeout is reported as "unavailable" with the reason."""
    command = [sys.executable, str(SIDE_SCRIPT), "--eval", evaluation, "--api", api]
    command += ["--limit", str(args.limit), "--seed", str(args.seed), "--shared", str(SHARED)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree / "src"), str(BENCHMARKS)])}
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"available": False, "reason": f"timed out after {args.timeout} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"available": False, "reason": f"exit code {done.returncode}: {last}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def print_table(evaluation: str, old: dict[str, Any], new: dict[str, Any]) -> None:
    print(f"\n{TITLES[evaluation]}")
    for label, side in (("old", old), ("new", new)):
        if side.get("available"):
            print(f"  {label}: {side['api']} API of {side['dossier']}, {side['seconds']} s")
        else:
            print(f"  {label}: unavailable ({side.get('reason', 'no reason given')})")
    rows = figure_names(old, new)
    print(f"  {'figure':<36} {'old':>10} {'new':>10} {'delta':>10}")
    for name in rows:
        before, after = figure(old, name), figure(new, name)
        delta = after - before if before is not None and after is not None else None
        print(f"  {name:<36} {cell(before):>10} {cell(after):>10} {cell(delta, signed=True):>10}")


def figure_names(*sides: dict[str, Any]) -> list[str]:
    """Every figure either side reports, in the order the first available side gives them."""
    names: list[str] = []
    for side in sides:
        for name in side.get("figures", {}):
            if name not in names:
                names.append(name)
    return names


def figure(side: dict[str, Any], name: str) -> float | int | None:
    """A figure of an available side: an int for a count, a float for a ratio."""
    if not side.get("available"):
        return None
    value = side.get("figures", {}).get(name)
    return value if isinstance(value, int | float) else None


def cell(value: float | int | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:+d}" if signed else str(value)
    return f"{value:+.3f}" if signed else f"{value:.3f}"


if __name__ == "__main__":
    raise SystemExit(main())
