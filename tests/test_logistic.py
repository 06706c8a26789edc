"""logistic: the one trainer of the learned decisions fits the sign and size of what separates the labels."""

from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.logistic import fit_logistic


def test_a_feature_that_separates_the_labels_gets_a_positive_weight_and_an_ignored_one_none() -> None:
    rows = [{"near": value / 10, "noise": (value * 7) % 3} for value in range(20)]
    labels = [row["near"] >= 1.0 for row in rows]
    bias, coefficients = fit_logistic(rows, labels, ["near"])
    assert set(coefficients) == {"near"}
    assert coefficients["near"] > 0 > bias
    # The same rows give the same model to the last digit: committed coefficients can be rebuilt.
    assert fit_logistic(rows, labels, ["near"]) == (bias, coefficients)


def test_a_stronger_penalty_shrinks_the_weights() -> None:
    rows = [{"near": value / 10} for value in range(20)]
    labels = [row["near"] >= 1.0 for row in rows]
    loose = fit_logistic(rows, labels, ["near"], l2=0.1)[1]["near"]
    tight = fit_logistic(rows, labels, ["near"], l2=10.0)[1]["near"]
    assert loose > tight > 0


@pytest.mark.parametrize(
    ("rows", "labels", "message"),
    [
        ([], [], "at least one row"),
        ([{"near": 1.0}], [True, False], "as many labels"),
        ([{"near": 1.0}, {"near": 2.0}], [True, True], "both kinds"),
    ],
)
def test_unfit_data_is_a_usage_error(rows: list[dict[str, float]], labels: list[bool], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        fit_logistic(rows, labels, ["near"])
