"""Time to brief one story, per sentence encoder: model load, then the whole pipeline.

Usage::

    .venv/bin/python benchmarks/bench_story.py [--encoders static,tfidf,minilm] [--runs 3]

The story is 10 articles: the six demo articles plus four of ``../shared/seeds``
(or, without ../shared, the demo articles and four copies of demo articles with
a line added, so that they are new articles). For each encoder it prints the
load time measured in a fresh Python process (cold imports included, as a user
sees it), and the mean time of ``brief`` over ``--runs`` runs once the encoder
is loaded (reading, cleaning and every story stage; the JSON is not written).
Targets: load < 2 s, story < 2 s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dossier.demo import demo_paths
from dossier.embed import get_encoder
from dossier.pipeline import Options, brief

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
STORY_SIZE = 10

_LOAD_PROBE = """
import time
started = time.perf_counter()
from dossier.embed import get_encoder
encoder = get_encoder({name!r})
encoder.encode(["A first sentence to encode."])
print(time.perf_counter() - started)
"""


def story_sources(folder: Path) -> list[str]:
    demo = [str(path) for path in demo_paths()]
    extra = sorted(SEEDS.glob("*.txt"))[: STORY_SIZE - len(demo)] if SEEDS.is_dir() else []
    if len(extra) < STORY_SIZE - len(demo):
        for number, path in enumerate(demo_paths()[: STORY_SIZE - len(demo)]):
            copy = folder / f"copy-{number}.txt"
            copy.write_text(
                path.read_text(encoding="utf-8") + f"\n\nCopy {number} for timing.\n", encoding="utf-8"
            )
            extra.append(copy)
    return demo + [str(path) for path in extra]


def cold_load_seconds(name: str) -> float:
    probe = subprocess.run(
        [sys.executable, "-c", _LOAD_PROBE.format(name=name)], capture_output=True, text=True, check=True
    )
    return float(probe.stdout.strip().splitlines()[-1])


def story_seconds(sources: list[str], name: str, runs: int) -> float:
    options = Options(encoder=name)
    get_encoder(name)  # loaded (and cached where the encoder caches) before timing
    brief(sources, options=options)  # warm imports and per-process caches
    started = time.perf_counter()
    for _ in range(runs):
        brief(sources, options=options)
    return (time.perf_counter() - started) / runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoders", default="static,tfidf,minilm", help="comma-separated encoder names")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per encoder (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = story_sources(Path(tmp))
        print(f"story: {len(sources)} articles ({'with' if SEEDS.is_dir() else 'without'} ../shared/seeds)")
        for name in args.encoders.split(","):
            load = cold_load_seconds(name)
            per_story = story_seconds(sources, name, args.runs)
            print(f"{name:<8} load {load:6.2f} s (cold process)   brief {per_story:6.2f} s per story")


if __name__ == "__main__":
    main()
