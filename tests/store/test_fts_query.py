"""Reading what a person types as words and phrases, never as FTS5 syntax."""

from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.store.fts_query import MAX_QUERY_CHARS, MAX_QUERY_TERMS, Term, match_expression, parse_query


def test_words_become_quoted_terms() -> None:
    assert match_expression("harbour strike") == '"harbour" "strike"'


def test_a_quoted_phrase_stays_together() -> None:
    assert parse_query('strike "ferry crews" vote') == (
        Term(("strike",)),
        Term(("ferry", "crews")),
        Term(("vote",)),
    )


def test_an_unbalanced_quote_makes_the_rest_a_phrase() -> None:
    assert parse_query('vote "ferry crews') == (Term(("vote",)), Term(("ferry", "crews")))


def test_punctuation_splits_words_as_the_index_does() -> None:
    assert parse_query("e-mail's") == (Term(("e", "mail", "s")),)


def test_a_trailing_star_asks_for_a_prefix_outside_quotes_only() -> None:
    assert match_expression("harb*") == '"harb" *'
    assert match_expression('"harb*"') == '"harb"'


def test_operators_are_plain_words() -> None:
    assert match_expression("wage AND (offer OR NEAR") == '"wage" "AND" "offer" "OR" "NEAR"'


def test_accented_and_non_latin_letters_are_kept() -> None:
    assert match_expression("Zürich 東京") == '"Zürich" "東京"'


@pytest.mark.parametrize("query", ['"', "*", "", "  \t", "--", "\x00", "()", '""""'])
def test_no_words_is_a_usage_error(query: str) -> None:
    with pytest.raises(UsageError, match="no words"):
        parse_query(query)


@pytest.mark.parametrize(
    "query",
    ["x\x00y", 'a"b"c"', "col:val", "^start", "NEAR(a b, 3)", "'; DROP TABLE t; --", "\u202e\u200bword"],
)
def test_the_expression_holds_only_letters_digits_spaces_quotes_and_stars(query: str) -> None:
    expression = match_expression(query)
    assert all(char.isalnum() or char in ' "*' for char in expression)
    assert expression.count('"') % 2 == 0


def test_a_huge_query_is_refused() -> None:
    with pytest.raises(UsageError, match="too long"):
        parse_query("word " * MAX_QUERY_CHARS)
    with pytest.raises(UsageError, match="the most is"):
        parse_query(" ".join(["w"] * (MAX_QUERY_TERMS + 1)))
    assert len(parse_query(" ".join(["w"] * MAX_QUERY_TERMS))) == MAX_QUERY_TERMS
