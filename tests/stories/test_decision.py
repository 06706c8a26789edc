from __future__ import annotations

import math

import pytest

from dossier.errors import UsageError
from dossier.stories.decision import RELATION_FEATURES, JoinModel, fit


def test_fit_learns_that_a_higher_similarity_means_joining() -> None:
    rows = [{"stems_body": value / 10} for value in range(11)] * 3
    labels = [value >= 5 for value in range(11)] * 3
    model = fit(rows, labels, l2=0.1)
    assert model.coefficients["stems_body"] > 0
    assert model.probability({"stems_body": 0.9}) > 0.5 > model.probability({"stems_body": 0.1})


def test_fit_needs_both_kinds_of_pairs() -> None:
    with pytest.raises(UsageError):
        fit([{"figures": 1.0}], [True])


def test_a_model_refuses_unknown_features_and_non_numbers() -> None:
    with pytest.raises(UsageError):
        JoinModel(bias=0.0, coefficients={"colour": 1.0})
    with pytest.raises(UsageError):
        JoinModel(bias=math.nan, coefficients={})


def test_probability_stays_finite_for_huge_values() -> None:
    model = JoinModel(bias=0.0, coefficients={"stems_body": 1.0})
    assert model.probability({"stems_body": 1e9}) == pytest.approx(1.0)
    assert model.probability({"stems_body": -1e9}) == pytest.approx(0.0)


def test_fit_gives_coefficients_only_to_the_features_asked_for() -> None:
    rows = [{"stems_body": value / 10, "names_missing": 1 - value / 10} for value in range(11)] * 3
    labels = [value >= 5 for value in range(11)] * 3
    model = fit(rows, labels, l2=0.1, features=("stems_body", "figures"))
    assert sorted(model.coefficients) == ["figures", "stems_body"]
    assert model.coefficients["figures"] == 0.0  # never non-zero in the rows: only the penalty speaks
    with pytest.raises(UsageError):
        fit(rows, labels, features=("colour",))


def test_the_relation_features_are_known_to_a_model_and_to_a_fit() -> None:
    rows = [{"centroid_stems_body": value / 10} for value in range(11)] * 3
    labels = [value >= 5 for value in range(11)] * 3
    model = fit(rows, labels, l2=0.1, features=RELATION_FEATURES)
    assert set(model.coefficients) == set(RELATION_FEATURES)
    close, far = {"centroid_stems_body": 0.9}, {"centroid_stems_body": 0.1}
    assert model.probability(close) > 0.5 > model.probability(far)
    with pytest.raises(UsageError):
        fit(rows, labels, features=("centroid_figures",))  # figures tell events apart: no such value
