"""Readers of the public data sets in ``../shared/data`` that the benchmarks score against.

Evaluation-only code: nothing in ``src/`` imports it. The benchmark scripts run
with ``benchmarks/`` on ``sys.path``, so this is the top-level package ``corpora``.
"""
