"""Logistic regression by Newton's method: the one trainer of the learned decisions.

The story join decision (:mod:`dossier.stories.decision`) and the same-fact decision
(:mod:`dossier.issues.fact_model`) are small logistic models over named features.
Scripts fit them offline and commit the coefficients; the product only evaluates them,
with :func:`probability`, after :func:`check_coefficients` has vetted them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from dossier.errors import UsageError

#: Newton's method converges in a handful of steps on these small, penalised problems.
_MAX_STEPS = 50
_CONVERGED = 1e-8


def check_coefficients(
    model: str, bias: float, coefficients: Mapping[str, float], known: Sequence[str], kind: str
) -> None:
    """Refuse a ``model`` ("join") that weighs a feature not in ``known`` or holds a number that is
    not finite; ``kind`` names its features in the message ("decision")."""
    unknown = sorted(set(coefficients) - set(known))
    if unknown:
        raise UsageError(f"unknown {kind} feature(s) {unknown}; known: {', '.join(known)}")
    if not all(math.isfinite(value) for value in (bias, *coefficients.values())):
        raise UsageError(f"{model} model coefficients must be finite numbers")


def probability(bias: float, coefficients: Mapping[str, float], values: Mapping[str, float]) -> float:
    """``sigmoid(bias + sum(coefficient * value))``, a missing value reading 0."""
    logit = bias + sum(weight * values.get(name, 0.0) for name, weight in coefficients.items())
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))


def fit_logistic(
    rows: Sequence[Mapping[str, float]], labels: Sequence[bool], features: Sequence[str], l2: float = 1.0
) -> tuple[float, dict[str, float]]:
    """The bias and the coefficient of each of ``features`` (a missing value reads 0), rounded to 4 places.

    The L2 penalty ``l2`` weighs on the coefficients, not on the bias.
    """
    if len(rows) != len(labels) or not rows:
        raise UsageError("fit needs as many labels as rows, and at least one row")
    if all(labels) or not any(labels):
        raise UsageError("fit needs examples of both kinds, positive and negative")
    x = np.array([[1.0, *(row.get(name, 0.0) for name in features)] for row in rows])
    y = np.array([1.0 if label else 0.0 for label in labels])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(_MAX_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -60, 60)))
        gradient = x.T @ (p - y) + penalty @ beta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if float(np.abs(step).max()) < _CONVERGED:
            break
    coefficients = {name: round(float(value), 4) for name, value in zip(features, beta[1:], strict=True)}
    return round(float(beta[0]), 4), coefficients
