"""words: the word patterns and helpers the stages share."""

from __future__ import annotations

from dossier.words import JOINED_WORD, LETTERS, folded_words, numbers_in, word_list


def test_folded_words_drop_punctuation_and_case() -> None:
    assert folded_words("“Red lines,” he said . Don’t_panic 40%") == [
        "red",
        "lines",
        "he",
        "said",
        "don",
        "t",
        "panic",
        "40",
    ]


def test_joined_words_keep_their_apostrophes_and_hyphens() -> None:
    assert JOINED_WORD.findall("The harbour's well-known ferry — 'late' again") == [
        "The",
        "harbour's",
        "well-known",
        "ferry",
        "late",
        "again",
    ]


def test_letters_leave_digits_out() -> None:
    assert LETTERS.findall("Route 66 reopened in 2024") == ["Route", "reopened", "in"]


def test_a_word_list_written_in_the_code() -> None:
    assert word_list("""
        pier  ferry
        harbour""") == frozenset({"pier", "ferry", "harbour"})


def test_numbers_in_drop_thousands_separators() -> None:
    assert numbers_in("14 crossings, 1,200 riders and 3.5 hours") == frozenset({"14", "1200", "3.5"})
