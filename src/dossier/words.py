"""Words in short strings: the patterns and helpers every stage that splits text into words shares.

An article's own words come from its spaCy reading (:mod:`dossier.analyze`).
These serve the short strings stages compare beside it: sentences as keys,
key phrases and labels, names, copies, cue windows and word lists written in
the code, so that no two stages disagree on what a word is.
"""

from __future__ import annotations

import re

#: Letters and digits; every other character (punctuation, quotation marks of any style, dashes) only
#: separates words. ``\w`` is Unicode-aware, so accented and non-Latin words survive.
WORD = re.compile(r"[^\W_]+")
#: A word with the apostrophes and hyphens inside it ("harbour's", "well-known").
JOINED_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: Letters only.
LETTERS = re.compile(r"[^\W\d_]+")
#: A number as printed, with its thousands and decimal separators ("1,200", "3.5").
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def folded_words(text: str) -> list[str]:
    """The words of ``text``, case-folded, with all punctuation dropped."""
    return WORD.findall(text.casefold())


def word_list(text: str) -> frozenset[str]:
    """A set from a whitespace-separated word list written in the code (long lists read better as text)."""
    return frozenset(text.split())


def numbers_in(text: str) -> frozenset[str]:
    """The numbers ``text`` prints, without thousands separators ("1,200" -> "1200")."""
    return frozenset(match.group().replace(",", "") for match in NUMBER.finditer(text))
