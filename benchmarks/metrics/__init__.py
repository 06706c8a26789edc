"""Scores the benchmarks compute: entity spans, coreference, sentence boundaries, quote speakers.

Evaluation-only code: nothing in ``src/`` imports it. The benchmark scripts run
with ``benchmarks/`` on ``sys.path``, so this is the top-level package ``metrics``.
"""
