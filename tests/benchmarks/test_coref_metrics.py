"""MUC, B³ and CEAF-e on small clusterings worked out by hand, and the assignment they rely on."""

from __future__ import annotations

import itertools
import random

import pytest

from metrics.coref import all_scores, b_cubed, best_assignment, ceaf_e, conll_f1, muc

KEY = [frozenset("abc"), frozenset("de")]


def test_a_perfect_response_scores_one_everywhere() -> None:
    scores = all_scores(KEY, list(KEY))
    assert all(s.precision == s.recall == s.f1 == 1.0 for s in scores.values())
    assert conll_f1(scores) == 1.0


def test_merging_everything() -> None:
    response = [frozenset("abcde")]
    assert muc(KEY, response).recall == 1.0
    assert muc(KEY, response).precision == pytest.approx(3 / 4)
    # B³ precision: a, b, c see 3/5 of their cluster right; d, e 2/5.
    assert b_cubed(KEY, response).precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    assert b_cubed(KEY, response).recall == 1.0
    # CEAF-e: only one pair aligns, {a,b,c} with everything: 2*3/(3+5).
    assert ceaf_e(KEY, response).precision == pytest.approx(0.75)
    assert ceaf_e(KEY, response).recall == pytest.approx(0.375)


def test_all_singletons() -> None:
    response = [frozenset(m) for m in "abcde"]
    assert muc(KEY, response).recall == 0.0
    assert b_cubed(KEY, response).precision == 1.0
    assert b_cubed(KEY, response).recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)


def test_scores_of_topics_add_up_before_dividing() -> None:
    one = b_cubed([frozenset("ab")], [frozenset("a"), frozenset("b")])
    two = b_cubed([frozenset("xyz")], [frozenset("xyz")])
    both = one + two
    assert both.recall == pytest.approx((1 / 2 + 1 / 2 + 3) / 5)
    assert both.precision == 1.0


def test_mentions_missing_from_the_response_count_as_singletons() -> None:
    response = [frozenset("ab")]
    assert muc(KEY, response).recall == pytest.approx(1 / 3)
    assert b_cubed(KEY, response).recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 / 2 + 1 / 2) / 5)
    assert ceaf_e(KEY, []).f1 == 0.0


def test_assignment_is_optimal_against_brute_force() -> None:
    chooser = random.Random(7)
    for rows, columns in [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3)]:
        weights = [[chooser.random() for _ in range(columns)] for _ in range(rows)]
        pairs = best_assignment(weights)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs}) == min(rows, columns)
        best = max(
            sum(weights[r][c] for r, c in zip(order, chosen, strict=False))
            for chosen in itertools.permutations(range(columns), min(rows, columns))
            for order in itertools.permutations(range(rows), min(rows, columns))
        )
        assert sum(weights[r][c] for r, c in pairs) == pytest.approx(best)
    assert best_assignment([]) == []
