"""The search syntax: words, AND/OR/NOT, phrases, prefixes, groups, and errors that point at the problem."""

from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.store.fts_query import (
    MAX_QUERY_CHARS,
    MAX_QUERY_DEPTH,
    MAX_QUERY_TERMS,
    All,
    Any,
    QuerySyntaxError,
    Term,
    Without,
    match_expression,
    number_forms,
    parse_query,
)


def test_plain_words_must_all_occur() -> None:
    assert parse_query("harbour strike") == All((Term(("harbour",)), Term(("strike",))))
    assert parse_query("harbour AND strike") == parse_query("harbour strike")


def test_or_and_not_are_operators_in_capitals_only() -> None:
    assert parse_query("strike OR walkout") == Any((Term(("strike",)), Term(("walkout",))))
    assert parse_query("strike NOT ferry") == Without(Term(("strike",)), Term(("ferry",)))
    assert parse_query("strike or walkout") == All((Term(("strike",)), Term(("or",)), Term(("walkout",))))


def test_not_binds_tighter_than_and_which_binds_tighter_than_or() -> None:
    assert parse_query("a b OR c NOT d") == Any(
        (All((Term(("a",)), Term(("b",)))), Without(Term(("c",)), Term(("d",))))
    )


def test_parentheses_group() -> None:
    assert parse_query("(strike OR walkout) NOT ferry") == Without(
        Any((Term(("strike",)), Term(("walkout",)))), Term(("ferry",))
    )


def test_quoted_phrases_and_prefixes() -> None:
    assert parse_query('"ferry crews" harb*') == All((Term(("ferry", "crews")), Term(("harb",), prefix=True)))
    assert match_expression("harb*") == '"harb" *'
    assert match_expression('"ferry crews"') == '"ferry crews"'


def test_punctuation_inside_a_word_makes_a_phrase() -> None:
    assert parse_query("e-mail's") == Term(("e", "mail", "s"))


def test_a_single_word_also_matches_its_other_number() -> None:
    assert match_expression("buses").startswith('("buses" OR "bus"')
    assert '"buses"' in match_expression("bus")
    assert number_forms("ferries") == ("ferries", "ferry")
    assert number_forms("ferry") == ("ferry", "ferries")
    assert number_forms("strikes") == ("strikes", "strike")
    assert number_forms("glass") == ("glass", "glasses")
    assert number_forms("days") == ("days", "day")
    assert number_forms("of") == ("of",)


def test_accented_and_non_latin_letters_are_kept() -> None:
    assert match_expression("東京") == '"東京"'
    assert parse_query("Zürich") == Term(("Zürich",))


@pytest.mark.parametrize(
    ("query", "problem", "character"),
    [
        ("strike OR", "OR needs a word or phrase after it", 10),
        ("OR strike", "OR needs a word or phrase before it", 1),
        ("NOT ferry", "NOT needs something before it", 1),
        ("wage (offer OR pay", "parenthesis is never closed", 6),
        ("wage ) offer", "closing parenthesis has no opening one", 6),
        ('strike "ferry crews', "quote is never closed", 8),
        ("wage AND OR pay", "OR cannot follow AND", 10),
        ("wage () pay", "parentheses hold no words", 6),
        (
            "(" * (MAX_QUERY_DEPTH + 1) + "a" + ")" * (MAX_QUERY_DEPTH + 1),
            "nest more than",
            MAX_QUERY_DEPTH + 1,
        ),
    ],
)
def test_a_malformed_query_names_the_problem_and_where(query: str, problem: str, character: int) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    message = str(caught.value)
    assert problem in message
    assert f"at character {character}:" in message
    assert "\n" not in message
    assert isinstance(caught.value, UsageError)


def test_the_error_shows_control_characters_escaped() -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query("wage\x1b[2J OR")
    assert "\x1b" not in str(caught.value)
    assert "\\x1b" in str(caught.value)


@pytest.mark.parametrize("query", ['""', "*", "", "  \t", "--", "\x00", "()", '""""'])
def test_no_words_is_a_usage_error(query: str) -> None:
    with pytest.raises(UsageError, match="no words"):
        parse_query(query)


@pytest.mark.parametrize(
    "query",
    ["x\x00y", 'a"b"c', "col:val", "^start", "NEAR(a b, 3)", "'; DROP TABLE t; --", "\u202e\u200bword"],
)
def test_the_expression_holds_only_words_quotes_stars_parentheses_and_operators(query: str) -> None:
    expression = match_expression(query)
    for operator in ("AND", "OR", "NOT"):
        expression = expression.replace(f" {operator} ", " ")
    assert all(char.isalnum() or char in ' "*()' for char in expression)
    assert expression.count('"') % 2 == 0


def test_a_huge_query_is_refused() -> None:
    with pytest.raises(UsageError, match="too long"):
        parse_query("word " * MAX_QUERY_CHARS)
    with pytest.raises(UsageError, match="words and phrases"):
        parse_query(" ".join(["w"] * (MAX_QUERY_TERMS + 1)))
    assert len(parse_query(" ".join(["w"] * MAX_QUERY_TERMS)).parts) == MAX_QUERY_TERMS  # type: ignore[union-attr]
