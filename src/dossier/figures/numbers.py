"""Reading numbers as news copy writes them: digits, scale words and spelled-out words.

Digits are accepted only in one unambiguous convention, comma thousands and a
point for decimals ("290,000", "1.5"). A token like "1.000,5" could be either
convention, so it gives ``None``: a figure shown with the wrong value is worse
than a figure not shown. Absurdly long digit runs are refused as well, so a
500-digit token never becomes a float.
"""

from __future__ import annotations

import re

#: Digit runs longer than this are not news figures (and would lose precision as floats).
MAX_DIGITS = 15

_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: Words that multiply what came before them ("three hundred", "two dozen").
MULTIPLIERS = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: Scale suffixes written after digits ("$1.5m", "$95bn", "20k").
SCALE_SUFFIXES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trillion": 1_000_000_000_000,
    "billion": 1_000_000_000,
    "million": 1_000_000,
    "thousand": 1_000,
}
#: Every word a spelled-out number may be made of.
NUMBER_WORDS = frozenset((*UNITS_WORDS, *TENS_WORDS, *MULTIPLIERS, "a", "an", "and", "half"))


def parse_digits(token: str) -> float | None:
    """The value of a digit token, or ``None`` when it is ambiguous or absurd."""
    if sum(ch.isdigit() for ch in token) > MAX_DIGITS:
        return None
    if _PLAIN.fullmatch(token) or _GROUPED.fullmatch(token):
        return float(token.replace(",", ""))
    return None


def parse_words(words: list[str]) -> float | None:
    """The value of spelled-out number words ("three hundred", "five and a half", "two dozen").

    ``words`` are lower case, hyphenated compounds already split ("twenty-one"
    → ["twenty", "one"]). Returns ``None`` for word runs that are not one number.
    """
    total = 0.0
    current = 0.0
    seen_number = False
    for index, word in enumerate(words):
        if word in UNITS_WORDS or word in TENS_WORDS:
            current += UNITS_WORDS.get(word, 0) + TENS_WORDS.get(word, 0)
            seen_number = True
        elif word in ("a", "an"):
            # "a hundred", "a dozen", "and a half": an article stands for one
            # only when a multiplier or "half" follows it.
            following = words[index + 1] if index + 1 < len(words) else ""
            if following not in MULTIPLIERS and following != "half":
                return None
        elif word == "half":
            current += 0.5
            seen_number = True
        elif word == "and":
            continue
        elif word in MULTIPLIERS:
            current = max(current, 1.0) * MULTIPLIERS[word]
            seen_number = True
            if MULTIPLIERS[word] >= 1_000:
                total += current
                current = 0.0
        else:
            return None
    return total + current if seen_number else None


def split_number_words(text: str) -> list[str]:
    """Lower-case words of a spelled-out number, hyphens treated as spaces."""
    return text.lower().replace("-", " ").split()
