"""Candidate sentences: merged across outlets, duplicates cite but never lead, readability rules."""

from __future__ import annotations

import pytest

from dossier.briefing import Briefing
from dossier.issues.pool import comparison_key, is_readable, sentence_pool
from dossier.segment import segmented_article

from .stories import by_source, story


def test_identical_sentences_become_one_candidate_citing_every_article() -> None:
    briefing = story()
    island = by_source(briefing, "02_island_times")
    copy = by_source(briefing, "03_harbour_wire_copy")
    pool = sentence_pool(briefing)
    walkout = [c for c in pool if c.text.startswith("Ferry crews in Varrow stopped work")]
    assert len(walkout) == 1
    assert [c.article_id for c in walkout[0].citations] == [island.id, copy.id]


def test_duplicate_articles_open_no_candidate_of_their_own() -> None:
    briefing = story()
    copy = by_source(briefing, "03_harbour_wire_copy")
    assert all(c.citations[0].article_id != copy.id for c in sentence_pool(briefing))


def test_every_candidate_text_is_the_text_of_its_first_citation() -> None:
    briefing = story()
    for candidate in sentence_pool(briefing):
        first = candidate.citations[0]
        assert briefing.article(first.article_id).text[first.start : first.end] == candidate.text


def test_readability_rules() -> None:
    assert is_readable("The harbour board offered the ferry crews a small pay rise.")
    assert not is_readable("Will the harbour board offer the crews a better deal?")
    assert not is_readable("Ferry Crews Walk Out Over Pay In Varrow")
    assert not is_readable('"We cannot feed our families on promises and hope."')
    assert is_readable('"We cannot feed our families on promises," the secretary said.')
    assert not is_readable("Too short.")


def test_comparison_key_ignores_case_punctuation_and_spacing() -> None:
    assert comparison_key("Crews  stopped, work!") == comparison_key("crews stopped work")


def test_empty_story_has_no_candidates() -> None:
    assert sentence_pool(Briefing(articles=())) == ()


def test_a_story_bigger_than_the_pool_is_sampled_across_all_its_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("dossier.issues.pool.MAX_CANDIDATES", 12)
    articles = tuple(
        segmented_article(
            " ".join(f"Report {number} gives detail {line} about the harbour strike." for line in range(10)),
            source=f"{number}.txt",
        )
        for number in range(6)
    )
    pool = sentence_pool(Briefing(articles=articles))
    assert len(pool) == 12
    # Every article gives its first two sentences before any gives a third.
    assert {c.article_order for c in pool} == set(range(6))
    assert {c.position for c in pool} == {0, 1}
