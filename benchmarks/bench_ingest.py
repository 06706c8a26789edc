"""Throughput of the foundation: read + clean + segment, store ingest, and a whole brief.

Usage::

    .venv/bin/python benchmarks/bench_ingest.py [--copies 200]

It writes ``--copies`` variants of each demo article (a serial number in each
paragraph so every copy has its own id) to a temporary folder, then times:

- reading and cleaning them all (articles/s, words/s);
- adding them to a fresh SQLite file store in one transaction (articles/s);
- a full ``brief`` of the demo corpus (seconds per story);
- peak resident memory of the process.

The machine is noisy: compare figures from one run with each other, not across runs.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from dossier.demo import demo_paths
from dossier.pipeline import brief, read_articles
from dossier.store import open_store


def write_variants(folder: Path, copies: int) -> int:
    """Write ``copies`` distinct variants of every demo article; return the word count."""
    words = 0
    for path in demo_paths():
        text = path.read_text(encoding="utf-8")
        for copy in range(copies):
            variant = text.replace("\n\n", f" (copy {copy}).\n\n", 3)
            (folder / f"{path.stem}-{copy:05d}.txt").write_text(variant, encoding="utf-8")
            words += len(variant.split())
    return words


def timed(label: str, count: int, unit: str, seconds: float) -> None:
    print(f"{label:<28} {count:>8} {unit:<9} {seconds:8.3f} s  {count / seconds:12,.0f} {unit}/s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=200, help="variants of each demo article (default 200)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        words = write_variants(folder, args.copies)

        started = time.perf_counter()
        read = read_articles([str(folder)])
        read_seconds = time.perf_counter() - started
        count = len(read.articles)
        timed("read+clean+segment", count, "articles", read_seconds)
        timed("read+clean+segment", words, "words", read_seconds)

        started = time.perf_counter()
        with open_store(Path(tmp) / "bench.db") as store:
            added = store.add(read.articles)
        timed("sqlite ingest (1 txn)", len(added.added), "articles", time.perf_counter() - started)

    demo = [str(path) for path in demo_paths()]
    brief(demo)  # warm caches and imports before timing
    runs = 5
    started = time.perf_counter()
    for _ in range(runs):
        brief(demo)
    per_story = (time.perf_counter() - started) / runs
    print(f"{'brief demo story':<28} {len(demo):>8} articles  {per_story:8.3f} s per story")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory':<28} {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
