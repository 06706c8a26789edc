"""Statements: variants of the same words by the same speaker merge; nothing else does."""

from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.quotes.merge import (
    LexicalSimilarity,
    Utterance,
    contradicts,
    group_statements,
    speaker_key,
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


# --- one statement across outlets, whatever the punctuation, cuts and lead-in -----------------------

_PORT = "We will not sign anything that leaves the night crews without a lifeboat, and we have said so twice."


def test_one_quote_run_by_five_outlets_with_five_credits_is_one_statement() -> None:
    groups = group_statements(
        [
            utterance("q1", "a1", 0, "Mayor Dana Quill", _PORT),
            utterance("q2", "a2", 1, "Quill", _PORT.replace(",", "")),
            utterance("q3", "a3", 2, "Dana Quill", _PORT.rstrip(".")),
            utterance(
                "q4",
                "a4",
                3,
                None,
                "we will not sign anything that leaves the night crews without a lifeboat",
            ),
            utterance("q5", "a5", 4, "DANA QUILL", _PORT.replace("'", "’")),
        ]
    )
    assert len(groups) == 1
    assert groups[0].article_ids == ("a1", "a2", "a3", "a4", "a5")
    assert groups[0].speaker == "Mayor Dana Quill"


def test_an_ellipsis_that_cuts_a_negation_is_still_the_same_statement() -> None:
    cut = "We will … sign anything that leaves the night crews without a lifeboat"
    groups = group_statements(
        [utterance("q1", "a1", 0, "Dana Quill", _PORT), utterance("q2", "a2", 1, "Quill", cut)]
    )
    assert len(groups) == 1
    dotted = "We will not sign anything ... and we have said so twice."
    assert not contradicts(_PORT, dotted)


def test_a_truncated_quote_joins_the_full_one() -> None:
    head = "We will not sign anything that leaves the night crews"
    groups = group_statements(
        [utterance("q1", "a1", 0, "Dana Quill", _PORT), utterance("q2", "a2", 1, "Dana Quill", head)]
    )
    assert len(groups) == 1


def test_different_words_by_one_speaker_stay_two_statements() -> None:
    groups = group_statements(
        [
            utterance("q1", "a1", 0, "Dana Quill", _PORT),
            utterance(
                "q2",
                "a2",
                1,
                "Quill",
                "The harbour board has until Friday to make a fair offer to the crews.",
            ),
        ]
    )
    assert len(groups) == 2


def test_an_uncredited_quote_joins_only_on_near_identical_long_words() -> None:
    short = "That is the plan."
    groups = group_statements(
        [
            utterance("q1", "a1", 0, "Dana Quill", short),
            utterance("q2", "a2", 1, None, short),
            utterance("q3", "a3", 2, None, "We will sign anything the board puts on the table this week."),
            utterance("q4", "a4", 3, "Dana Quill", _PORT),
        ]
    )
    assert len(groups) == 4


def test_speaker_keys_are_last_names() -> None:
    assert speaker_key("Mayor Dana Quill") == speaker_key("QUILL") == "quill"
    assert speaker_key("Otto Roe Jr.") == "roe"
    assert (
        speaker_key("Joel Pell of the harbour board") == speaker_key("Joel Pell, a ferry captain") == "pell"
    )
    assert speaker_key(None) is None
