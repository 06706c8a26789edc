"""Statements: variants of the same words by the same speaker merge; nothing else does."""

from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.quotes.merge import (
    LexicalSimilarity,
    Utterance,
    group_statements,
    stemmed_words,
    trigram_dice,
    word_containment,
)


def utterance(
    quote_id: str, article: str, rank: int, speaker: str | None, text: str, dup: bool = False
) -> Utterance:
    return Utterance(quote_id, article, rank, speaker, text, dup)


def test_content_words_drop_function_words_and_stem_lightly() -> None:
    assert stemmed_words("We were sustaining the attacks!") == frozenset({"sustain", "attack"})


def test_reworded_variants_are_similar() -> None:
    similarity = LexicalSimilarity()
    first = "The rail yards will follow if Velm stays shut."
    second = "If Velm stays shut, the rail yards will follow"
    assert similarity(first, second) >= 0.9
    assert (
        word_containment("We did not come to win an argument", "We came here to win an argument today") == 0.0
    )
    assert trigram_dice("abc", "abc") == 1.0


def test_trimmed_and_reworded_quotes_by_one_speaker_form_one_statement() -> None:
    groups = group_statements(
        [
            utterance(
                "q1",
                "a1",
                0,
                "Anna Pell",
                "The harbour will be reopened by Friday, whatever the union decides",
            ),
            utterance(
                "q2", "a2", 1, "Anna Pell", "The port will reopen by Friday, whatever the union decides."
            ),
            utterance("q3", "a2", 1, "Anna Pell", "There are no red lines here, only deadlines."),
        ]
    )
    merged = [g for g in groups if len(g.quote_ids) > 1]
    assert [g.quote_ids for g in merged] == [("q1", "q2")]
    assert merged[0].article_ids == ("a1", "a2") and merged[0].first_article_id == "a1"
    assert len(groups) == 2


def test_the_same_words_from_different_or_unknown_speakers_never_merge() -> None:
    words = "The fund will need to grow before the channels are rebuilt"
    groups = group_statements(
        [
            utterance("q1", "a1", 0, "Anna Pell", words),
            utterance("q2", "a2", 1, "Otto Roe", words),
            utterance("q3", "a3", 2, None, words),
            utterance("q4", "a4", 3, None, words),
        ]
    )
    assert len(groups) == 4


def test_speaker_names_match_case_insensitively() -> None:
    words = "The numbers on the table are a floor, not a ceiling"
    groups = group_statements(
        [
            utterance("q1", "a1", 0, "a senior official", words),
            utterance("q2", "a2", 1, "A senior official", words),
        ]
    )
    assert len(groups) == 1


def test_a_duplicate_article_never_makes_a_statement_multi_sourced() -> None:
    words = "Nobody wants this strike to last another week"
    groups = group_statements(
        [
            utterance("q1", "orig", 0, "Teodor Vask", words),
            utterance("q2", "copy", 1, "Teodor Vask", words, dup=True),
        ]
    )
    assert len(groups) == 1
    assert groups[0].quote_ids == ("q1", "q2")
    assert groups[0].article_ids == ("orig",)


def test_first_article_is_the_earliest_in_reading_order() -> None:
    words = "We have waited four years for a fair contract"
    groups = group_statements(
        [utterance("q9", "late", 5, "Teodor Vask", words), utterance("q1", "early", 2, "Teodor Vask", words)]
    )
    assert groups[0].first_article_id == "early"
    assert groups[0].quote_ids == ("q1", "q9")


def test_ids_do_not_depend_on_input_order() -> None:
    items = [
        utterance("q1", "a1", 0, "Anna Pell", "We will sit down with anyone who wants to talk"),
        utterance("q2", "a2", 1, "Anna Pell", "We'll sit down with anyone who wants to talk"),
    ]
    assert group_statements(items)[0].id == group_statements(items[::-1])[0].id


def test_a_custom_similarity_is_used() -> None:
    items = [utterance("q1", "a1", 0, "X", "alpha"), utterance("q2", "a2", 1, "X", "omega")]
    assert len(group_statements(items, similarity=lambda a, b: 1.0)) == 1


def test_threshold_is_validated() -> None:
    with pytest.raises(UsageError, match="threshold"):
        group_statements([], threshold=0.0)


def test_many_word_for_word_repeats_form_one_statement() -> None:
    items = [
        utterance(f"q{i:05d}", f"a{i}", i, "Anna Pell", "The bridge is safe, and it stays open.")
        for i in range(5000)
    ]
    groups = group_statements(items)
    assert len(groups) == 1 and len(groups[0].quote_ids) == 5000
