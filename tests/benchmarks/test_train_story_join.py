"""The training pairs of the story models (``scripts/train_story_join.py``), on invented articles."""

from __future__ import annotations

import sys
from pathlib import Path

from bench_stories import Doc, by_event, by_topic
from dossier.article import Article
from dossier.stories import features_of
from dossier.stories.decision import DECISION_FEATURES
from stories.newsroom import ARREST_OKAFOR, ARREST_VOSS, BUS_FARES, articles

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import train_story_join  # noqa: E402


def _docs() -> list[Doc]:
    """Two arrests of one club (one topic, two events) and a fare rise (a topic of its own)."""
    groups: list[tuple[list[Article], str, str]] = [
        (articles(ARREST_VOSS, "voss", None), "1", "1"),
        (articles(ARREST_OKAFOR, "okafor", None), "1", "1+"),
        (articles(BUS_FARES, "fares", None), "2", "2"),
    ]
    return [
        Doc(article, topic, event, Path(article.source), features_of(article))
        for group, topic, event in groups
        for article in group
    ]


def test_both_models_learn_from_the_same_event_stories() -> None:
    events = train_story_join.training_pairs(_docs(), 2, by_event)
    topics = train_story_join.training_pairs(_docs(), 2, by_topic)
    assert events[0] == topics[0]  # the same pairs: the oracle places articles by event for both


def test_a_story_of_the_other_event_of_a_kind_is_a_positive_topic_pair_only() -> None:
    event_rows, event_labels = train_story_join.training_pairs(_docs(), 2, by_event)
    _, topic_labels = train_story_join.training_pairs(_docs(), 2, by_topic)
    assert sum(topic_labels) > sum(event_labels)
    assert all(topic for event, topic in zip(event_labels, topic_labels, strict=True) if event)
    assert len(event_rows) == len(topic_labels)


def test_the_topic_model_weighs_what_stories_share_not_their_years() -> None:
    assert "years_missing" not in train_story_join.TOPIC_FEATURES
    assert "figures" not in train_story_join.TOPIC_FEATURES
    assert set(train_story_join.TOPIC_FEATURES) <= set(DECISION_FEATURES)
