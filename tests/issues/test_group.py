"""The silhouette that picks how many issue groups a story has."""

from __future__ import annotations

import numpy as np
import pytest

from dossier.issues.group import silhouette


def test_silhouette_by_hand() -> None:
    # Two tight pairs far apart: a = 1, b = 9 for every point, so each scores (9 - 1) / 9.
    distances = np.array(
        [[0.0, 1.0, 9.0, 9.0], [1.0, 0.0, 9.0, 9.0], [9.0, 9.0, 0.0, 1.0], [9.0, 9.0, 1.0, 0.0]]
    )
    assert silhouette(distances, np.array([1, 1, 2, 2])) == pytest.approx(8 / 9)


def test_a_point_alone_in_its_group_scores_zero() -> None:
    distances = np.array([[0.0, 1.0, 5.0], [1.0, 0.0, 5.0], [5.0, 5.0, 0.0]])
    # Points 0 and 1: a = 1, b = 5 -> 0.8 each; point 2 is alone -> 0.
    assert silhouette(distances, np.array([1, 1, 2])) == pytest.approx(1.6 / 3)
