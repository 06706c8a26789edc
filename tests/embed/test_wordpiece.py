"""The WordPiece tokenizer the static encoder uses instead of the Hugging Face stack."""

from __future__ import annotations

from dossier.embed.wordpiece import MAX_WORD_CHARS, basic_words, tokenize, vocabulary_index

VOCABULARY = vocabulary_index(["[UNK]", "ferry", "crew", "##s", "un", "##rest", ",", ".", "cafe"])


def test_basic_words_fold_case_strip_accents_and_split_punctuation() -> None:
    assert basic_words("Ferry crews, Café.") == ["ferry", "crews", ",", "cafe", "."]


def test_longest_pieces_from_the_left() -> None:
    assert tokenize("Ferry crews unrest.", VOCABULARY) == [1, 2, 3, 4, 5, 7]


def test_words_without_segmentation_are_dropped_not_unknown() -> None:
    assert tokenize("zebra ferry", VOCABULARY) == [1]
    assert tokenize("f" * (MAX_WORD_CHARS + 1), VOCABULARY) == []


def test_control_characters_and_empty_text() -> None:
    assert tokenize("", VOCABULARY) == []
    assert tokenize("\x00ferry\x07", VOCABULARY) == [1]
