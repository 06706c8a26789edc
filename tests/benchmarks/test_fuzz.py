"""The standing fuzz suite, bounded: every target of benchmarks/fuzz.py with a few dozen cases, in CI.

The readers, the cleaner, quotes, numbers and dates: no exception escapes, every span's
offsets hold and the output is deterministic (the checks are fuzz.py's own). The long run
is ``benchmarks/fuzz.py --examples N``.
"""

from __future__ import annotations

import pytest

import fuzz

EXAMPLES = 40


@pytest.mark.parametrize("target", sorted(fuzz.TARGETS))
def test_a_bounded_fuzz_run_finds_no_failure(target: str) -> None:
    cases, _, failure = fuzz.run_target(target, EXAMPLES, seed_value=0)
    assert failure is None, failure
    assert cases > 0
