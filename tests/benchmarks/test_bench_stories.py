"""bench_stories: B-cubed precision and recall, and the kinds of joins ``--errors`` counts."""

from __future__ import annotations

import pytest

from bench_stories import bcubed, bcubed_f1, join_kinds
from dossier.stories import Assignment
from dossier.stories.model import Merge


def test_bcubed_splits_into_precision_and_recall() -> None:
    # One story holds both events: every item's cluster is half right, every gold group is whole.
    assert bcubed(["s", "s", "s", "s"], ["a", "a", "b", "b"]) == pytest.approx((0.5, 1.0))
    # Event "a" split in two: every story is pure, each "a" item finds half of its group.
    assert bcubed(["s", "t", "u", "u"], ["a", "a", "b", "b"]) == pytest.approx((1.0, 0.75))
    assert bcubed_f1(["s", "s", "s", "s"], ["a", "a", "b", "b"]) == pytest.approx(2 * 0.5 / 1.5)


def placed(article: str, story: str, *, started: bool = False, score: float = 0.9) -> Assignment:
    return Assignment(article, story, started=started, score=score)


def test_a_stray_and_its_followers_are_told_from_right_joins() -> None:
    placements = [
        ("quake-one", placed("1", "s1", started=True)),
        ("quake-one", placed("2", "s1")),
        ("quake-two", placed("3", "s1", score=0.4)),  # the other quake joins: a stray
        ("quake-two", placed("4", "s1")),  # it follows the stray: quake-one still leads
        ("quake-two", placed("5", "s1")),  # two against two: no longer led by another group
    ]
    joins = join_kinds(placements)
    assert joins.kinds == {"started": 1, "right": 2, "stray": 1, "follower": 1}
    assert joins.stray_probabilities == (0.4,)


def test_a_merge_counts_the_absorbed_story_for_the_survivor() -> None:
    merged = Assignment("3", "s1", started=False, score=0.8, merges=(Merge("s1", "s2", "3"),))
    placements = [
        ("fire", placed("1", "s1", started=True)),
        ("fire", placed("2", "s2", started=True)),
        ("fire", merged),
    ]
    assert join_kinds(placements).kinds == {"started": 2, "right": 1}
