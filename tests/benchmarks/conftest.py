"""The benchmarks' readers and metrics live in ``benchmarks/`` (not a package): put it on ``sys.path``."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
FIXTURES = ROOT / "tests" / "fixtures" / "benchmarks"
SHARED_DATA = ROOT.parent / "shared" / "data"

if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))
