"""Content words of a sentence, for deciding whether two sentences tell of the same thing.

Crude on purpose: lower case, function words dropped, a plural "s" folded, so
"delegations arrived" and "the delegation arrived" share their words. Shared by
date inference, the timeline and the conflict finder.
"""

from __future__ import annotations

from dossier.words import LETTERS, word_list

#: Shorter words ("of", "an") carry no content worth comparing.
MIN_CONTENT_LETTERS = 3

FUNCTION_WORDS = word_list(
    """the and but nor for with from into onto than that which who whom whose was were are been being
    has have had will would could should may might can does did not this these those its their his her
    our your said says say told also about after before during over under since until while when where
    what there here then them they she him himself herself one two three some any all more most less
    very just only other such each every both either neither per out off upon among again still yet
    monday tuesday wednesday thursday friday saturday sunday week weeks month months year years today
    yesterday tomorrow tonight last next earlier later day days hours hour"""
)


def fold(word: str) -> str:
    """A word in the form used for comparison: lower case, plural "s" removed."""
    lowered = word.lower()
    if len(lowered) > 4 and lowered.endswith("s") and not lowered.endswith("ss"):
        return lowered[:-1]
    return lowered


def content_words(text: str) -> frozenset[str]:
    """The folded content words of ``text``."""
    return frozenset(
        folded
        for word in LETTERS.findall(text)
        if len(word) >= MIN_CONTENT_LETTERS and (folded := fold(word)) not in FUNCTION_WORDS
    )


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
