"""Entity precision, recall and F1 on exact spans, from BIO tags and from span sets."""

from __future__ import annotations

from collections import Counter

from metrics.ner import count_matches, entity_spans, prf, score, scores_from_counts


def test_entity_spans_of_bio_tags() -> None:
    assert entity_spans(("B-person", "I-person", "O", "B-place")) == {(0, 2, "person"), (3, 4, "place")}
    # A stray I- opens an entity; a change of type closes one.
    assert entity_spans(("I-place", "I-person")) == {(0, 1, "place"), (1, 2, "person")}
    assert entity_spans(()) == set()


def test_scores_of_tag_sequences() -> None:
    gold = [("B-person", "I-person", "O", "B-place")]
    guess = [("B-person", "O", "O", "B-place")]
    scores = score(gold, guess)
    assert scores["place"]["f1"] == 1.0
    assert scores["person"]["recall"] == 0.0
    assert scores["all"]["precision"] == 0.5
    assert scores["all"]["support"] == 2


def test_counts_add_up_over_units_before_dividing() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    count_matches(counts, {(0, 5, "person")}, {(0, 5, "person"), (7, 9, "place")})
    count_matches(counts, {(3, 8, "organization")}, set())
    scores = scores_from_counts(counts)
    assert scores["person"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert scores["organization"]["recall"] == 0.0
    assert scores["place"]["precision"] == 0.0
    assert scores["all"]["precision"] == 0.5
    assert scores["all"]["recall"] == 0.5


def test_prf_of_nothing_is_zero() -> None:
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
