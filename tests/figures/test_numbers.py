"""Tests for dossier.figures.numbers: digits, ambiguous formats and spelled-out numbers."""

from __future__ import annotations

import pytest

from dossier.figures.numbers import MAX_DIGITS, parse_digits, parse_words, split_number_words


@pytest.mark.parametrize(
    ("token", "value"),
    [("12", 12.0), ("290,000", 290_000.0), ("1.5", 1.5), ("1,234,567.25", 1_234_567.25), ("0", 0.0)],
)
def test_unambiguous_digit_tokens_are_read(token: str, value: float) -> None:
    assert parse_digits(token) == value


@pytest.mark.parametrize("token", ["1.000,5", "1,00", "12,34,567", "1.2.3", "1,000.000,5"])
def test_ambiguous_or_malformed_digit_tokens_give_none(token: str) -> None:
    assert parse_digits(token) is None


def test_absurdly_long_digit_runs_are_refused() -> None:
    assert parse_digits("9" * 500) is None
    assert parse_digits("9" * (MAX_DIGITS + 1)) is None
    assert parse_digits("9" * MAX_DIGITS) == float("9" * MAX_DIGITS)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a hundred", 100.0),
        ("three-day", None),  # "day" is not a number word: the caller strips units first
        ("three", 3.0),
        ("five and a half", 5.5),
        ("two dozen", 24.0),
        ("three hundred", 300.0),
        ("twenty-one", 21.0),
        ("two hundred thousand", 200_000.0),
        ("one and a half million", 1_500_000.0),
        ("fourteen", 14.0),
    ],
)
def test_spelled_out_numbers(text: str, value: float | None) -> None:
    assert parse_words(split_number_words(text)) == value


@pytest.mark.parametrize("text", ["a", "and", "a day", ""])
def test_word_runs_without_a_number_give_none(text: str) -> None:
    assert parse_words(split_number_words(text)) is None
