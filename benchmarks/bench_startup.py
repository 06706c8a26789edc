"""Start-up time of the command line: ``dossier --version``, ``--help`` and ``brief --help``.

Usage::

    .venv/bin/python benchmarks/bench_startup.py [--runs 9] [--dossier .venv/bin/dossier]

Each command runs ``--runs`` times, each time in a fresh process, and the median
wall time and the median CPU time (user + system of the child) are printed, next
to those of an empty ``python -c pass`` for scale. The goal is a wall time of at
most 0.3 s. By default it runs the ``dossier`` script beside this interpreter
(the installed entry point), else ``python -m dossier.cli``.

The machine is shared: wall times move with the load, CPU times much less.
Compare figures from one run with each other, not across runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (("--version",), ("--help",), ("brief", "--help"), ("ingest", "--help"))
GOAL_S = 0.3


def default_dossier() -> list[str]:
    script = Path(sys.executable).parent / "dossier"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "dossier.cli"]


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` fresh runs of ``command`` (its output is discarded)."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        cpu_before = children_cpu_s()
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu_s() - cpu_before)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9, help="fresh processes per command (default 9)")
    parser.add_argument("--dossier", help="the dossier executable (default: the one beside this python)")
    args = parser.parse_args()
    dossier = [args.dossier] if args.dossier else default_dossier()
    print(f"command: {' '.join(dossier)}   runs: {args.runs}   load average: {os.getloadavg()[0]:.2f}")
    print(f"{'':28}{'wall (median)':>15}{'cpu (median)':>15}")
    wall, cpu = time_command([sys.executable, "-c", "pass"], args.runs)
    print(f"{'python -c pass':28}{wall:>13.3f} s{cpu:>13.3f} s")
    worst = 0.0
    for extra in COMMANDS:
        wall, cpu = time_command([*dossier, *extra], args.runs)
        worst = max(worst, wall)
        print(f"{'dossier ' + ' '.join(extra):28}{wall:>13.3f} s{cpu:>13.3f} s")
    verdict = "within" if worst <= GOAL_S else "OVER"
    print(f"slowest median wall {worst:.3f} s: {verdict} the {GOAL_S} s goal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
