"""Time and peak memory of ``dossier brief`` on one big text file: 0.2, 1, 5 and 20 MB by default.

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_big_file.py [--sizes 0.2,1,5,20] [--timeout 600]

The file is generated at run time, never committed: the sentences of the demo
corpus shipped with dossier (fictional, written for the project) are shuffled
with a fixed seed into paragraphs, and the numbers in them are varied, so the
text has figures, quotes, names and dates throughout, as a long article would.
Each size runs ``dossier brief FILE -q`` in a fresh process; the wall time and
the peak resident memory of that process (``wait4``'s ``ru_maxrss``) are printed.
The goal (issue 14) is 20 MB in at most 2 minutes and 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 120.0
GOAL_MB = 1024.0
SEED = 14
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_NUMBER = re.compile(r"\d+")


def demo_sentences() -> list[str]:
    from dossier.demo import demo_paths

    sentences: list[str] = []
    for path in demo_paths():
        if path.suffix != ".txt":
            continue
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")[1:]:
            sentences.extend(s.strip() for s in _SENTENCE_END.split(" ".join(paragraph.split())) if s.strip())
    return sentences


def big_text(size_bytes: int, sentences: list[str], rng: random.Random) -> str:
    parts = ["Harbour talks: a long record\n\nBy Bench Desk | March 3, 2025\n"]
    total = sum(len(part) for part in parts)
    while total < size_bytes:
        paragraph = " ".join(
            _NUMBER.sub(lambda m: str(int(m.group()) + rng.randrange(0, 9)), rng.choice(sentences))
            for _ in range(rng.randrange(2, 6))
        )
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts)[:size_bytes]


def run_one(path: Path, out: Path, timeout_s: float, max_mb: float) -> tuple[float, float, int]:
    """Wall seconds, peak MB and exit code of one brief (exit -9 when it ran past the timeout)."""
    command = [sys.executable, "-c", "import sys; from dossier.cli import main; sys.exit(main(sys.argv[1:]))"]
    command += ["brief", str(path), "-q", "-o", str(out), "--max-mb", f"{max_mb:g}"]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = started + timeout_s
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, -9) and child.stderr is not None:
        print(child.stderr.read().decode("utf-8", "replace")[-2000:], file=sys.stderr)
    return wall, usage.ru_maxrss / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.2,1,5,20", help="file sizes in MB, comma-separated")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per size before it is stopped")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    sentences = demo_sentences()
    print(f"{'MB':>6} {'seconds':>9} {'peak MB':>9}  result")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"big-{size:g}mb.txt"
            path.write_text(
                big_text(int(size * 1024 * 1024), sentences, random.Random(SEED)), encoding="utf-8"
            )
            wall, peak, code = run_one(path, Path(folder) / "out", args.timeout, max(20.0, size * 1.5))
            result = "ok" if code == 0 else ("timed out" if code == -9 else f"exit {code}")
            goal = " (goal met)" if code == 0 and wall <= GOAL_S and peak <= GOAL_MB else ""
            print(f"{size:>6g} {wall:>9.1f} {peak:>9.0f}  {result}{goal}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
