"""Corroboration: the same fact in other words is cited; a different fact on the same topic is not."""

from __future__ import annotations

import numpy as np

from dossier.briefing import Citation
from dossier.issues.corroborate import FactKey, FactMatcher
from dossier.issues.pool import Candidate
from dossier.issues.select import Budget, mmr
from dossier.issues.similarity import Thresholds

LIMITS = Thresholds(same=0.88, related=0.63, corroborate=0.55)


def matcher(texts: list[str], cosine: float) -> FactMatcher:
    """A matcher whose every pair of sentences has the given cosine (1 on the diagonal)."""
    similarity = np.full((len(texts), len(texts)), cosine, dtype=np.float32)
    np.fill_diagonal(similarity, 1.0)
    return FactMatcher(texts, similarity, LIMITS)


def test_fact_keys_hold_names_numbers_and_content_words() -> None:
    key = FactKey.of("Harbour Lines cancelled 14 crossings to Orn on Monday, the operator said.")
    assert key.names == frozenset({"lines", "orn"})  # the first word names nothing by itself
    assert key.numbers == frozenset({"14"})
    assert "crossing" in key.words and "said" not in key.words
    assert "orn" not in key.terms


def test_a_rewording_with_the_same_names_and_numbers_reports_the_same_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "On Monday 14 crossings to Orn were cancelled by Harbour Lines, stranding islanders.",
    ]
    assert matcher(texts, 0.6).reporting(0) == [1]


def test_the_same_topic_with_other_numbers_is_another_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "The ferry operator Harbour Lines cancelled 9 crossings to Orn on Monday.",
    ]
    assert matcher(texts, 0.95).reporting(0) == []


def test_other_names_or_too_few_shared_words_are_another_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "Tarn Shipping cancelled crossings to Brell after the storm.",
        "Islanders waited on the quay for news.",
    ]
    found = matcher(texts, 0.6)
    assert found.reporting(0) == []
    assert not found.same_fact(0, 2)


def test_a_low_cosine_never_corroborates_whatever_the_words() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "Harbour Lines cancelled 14 crossings to Orn on Monday.",
    ]
    assert matcher(texts, 0.3).reporting(0) == []
    assert matcher(texts, 0.9).reporting(0) == [1]


def test_mentions_are_looser_than_the_same_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "Harbour Lines says the cancelled crossings will resume once the swell drops.",
        "The bakery on Orn closed early because its flour never came.",
    ]
    found = matcher(texts, 0.2)
    assert found.mentions(0, 1)  # the same name, and words said of it
    assert not found.mentions(2, 0)  # a place in common is not a fact in common
    others = np.array([False, True, True])
    assert found.mentioned_among(0, others)
    assert not found.mentioned_among(2, np.array([True, True, False]))


def test_mmr_refuses_a_candidate_that_repeats_a_picked_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "On Monday 14 crossings to Orn were cancelled by Harbour Lines.",
        "The bakery on Orn closed early because its flour never came.",
    ]
    candidates = [
        Candidate(text, (Citation(f"a{n}", 0, len(text)),), n, 0, 10, True) for n, text in enumerate(texts)
    ]
    similarity = np.array([[1.0, 0.6, 0.1], [0.6, 1.0, 0.1], [0.1, 0.1, 1.0]], dtype=np.float32)
    found = FactMatcher(texts, similarity, LIMITS)
    scores = np.array([1.0, 0.9, 0.2])
    assert mmr(candidates, scores, similarity, Budget(sentences=2)) == [0, 1]
    assert mmr(candidates, scores, similarity, Budget(sentences=2), repeats=found.same_fact) == [0, 2]
