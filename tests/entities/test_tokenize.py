"""Tokens must look like GMB tokens and keep exact offsets."""

from __future__ import annotations

from dossier.entities.tokenize import tokenize


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def test_acronyms_titles_and_clitics_are_cut_like_gmb() -> None:
    got = words("Mr. Roe met U.S. envoys in Lisk's port; they don't agree.")
    assert got == [
        "Mr.",
        "Roe",
        "met",
        "U.S.",
        "envoys",
        "in",
        "Lisk",
        "'s",
        "port",
        ";",
        "they",
        "do",
        "n't",
        "agree",
        ".",
    ]


def test_hyphenated_words_and_numbers_stay_whole() -> None:
    got = words("A co-chair said 1,000 people paid 3.5 dollars.")
    assert "co-chair" in got
    assert "1,000" in got
    assert "3.5" in got


def test_offsets_point_at_the_token_text() -> None:
    text = "  “Quoted” words — and  a curly’s apostrophe… "
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip() == token.text


def test_range_limits_the_tokens() -> None:
    text = "Alpha Beta Gamma"
    assert [t.text for t in tokenize(text, 6, 10)] == ["Beta"]
    assert tokenize(text, 6, 10)[0].start == 6


def test_empty_and_blank_text_give_no_tokens() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\t ") == []
