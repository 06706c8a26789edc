"""Reading ECB+ files: text from tokens, gold entity mentions and their chains (a hand-written file)."""

from __future__ import annotations

from pathlib import Path

from corpora.ecbplus import read_document, read_validated

from .conftest import FIXTURES

FILE = FIXTURES / "9_1ecbplus.xml"


def test_tokens_become_text_with_ordinary_spacing() -> None:
    document = read_document(FILE)
    assert document.name == "9_1ecbplus"
    assert "http" not in document.text  # sentence 0 of an ECB+ file is its URL
    assert document.text.splitlines() == [
        'Mayor Ilse Marrow of Quillon (T-Port) said "no".',
        "Marrow's council agreed.",
    ]
    for word, span in zip(document.words, document.offsets, strict=True):
        assert document.text[span.start : span.end] == word
    assert [document.text[s.start : s.end] for s in document.sentences] == document.text.splitlines()


def test_entity_mentions_carry_their_chain_and_head() -> None:
    document = read_document(FILE)
    by_id = {m.mention_id: m for m in document.mentions}
    assert set(by_id) == {"1", "2", "3", "4"}  # the action and the token-less instance are not mentions
    assert by_id["1"].chain == by_id["3"].chain == "HUM1"
    assert by_id["4"].chain.startswith("intra:") and by_id["2"].chain == by_id["4"].chain
    assert document.words[by_id["1"].head(document.words)] == "Marrow"  # not "Quillon" after "of"
    assert document.words[by_id["3"].head(document.words)] == "Marrow"  # not the possessive


def test_kept_sentences_and_character_ranges() -> None:
    document = read_document(FILE, keep=frozenset({2}))
    assert document.text == "Marrow's council agreed."
    assert {m.mention_id for m in document.mentions} == {"3", "4"}  # mentions outside are dropped
    council = document.text.index("council")
    assert [document.words[i] for i in document.tokens_in(council, council + 7)] == ["council"]
    assert document.tokens_in(0, 0) == ()


def test_the_sentence_index(tmp_path: Path) -> None:
    index = tmp_path / "index.csv"
    index.write_text("Topic,File,Sentence Number\n9,1ecbplus,1\n9,1ecbplus,2\n9,2ecb,0\n", encoding="utf-8")
    assert read_validated(index) == {"9_1ecbplus": frozenset({1, 2}), "9_2ecb": frozenset({0})}
