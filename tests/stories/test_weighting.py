from __future__ import annotations

import math

import pytest

from dossier.stories.weighting import DocumentFrequencies, cosine, norm


def test_weigh_is_sublinear_tf_times_the_smoothed_idf() -> None:
    frequencies = DocumentFrequencies()
    frequencies.add({"stems_body": {"quake": 1, "port": 1}})
    frequencies.add({"stems_body": {"quake": 2}})
    vector = frequencies.weigh("stems_body", {"quake": 3, "port": 1, "new": 1})
    assert vector["quake"] == pytest.approx((1 + math.log(3)) * frequencies.idf("stems_body", "quake"))
    assert frequencies.idf("stems_body", "quake") == pytest.approx(1.0)  # in every article
    assert vector["new"] > vector["port"] > 0  # never seen is rarer than seen once


def test_cosine_of_sparse_vectors() -> None:
    left, right = {"a": 1.0, "b": 1.0}, {"a": 1.0}
    assert cosine(left, norm(left), right, norm(right)) == pytest.approx(1 / math.sqrt(2))
    assert cosine({}, 0.0, right, norm(right)) == 0.0
