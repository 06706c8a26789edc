"""Features of one token in context, for the averaged perceptron tagger.

Features are short strings ("w=paris", "suf3=ris"); the model keeps weights
only for those it saw often enough in training. They use the words, their
shapes and affixes, two tokens either side, the two previous tags, and flags
from the small gazetteer. No part-of-speech tags: raw text has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from dossier.entities.gazetteer import is_place_word, is_title_word

START = "<s>"
END = "</s>"


def word_shape(word: str) -> str:
    """A compressed shape: "Marrow" -> "Xx", "U.S." -> "X.X.", "2024" -> "d"."""
    shape: list[str] = []
    for char in word[:24]:
        if char.isupper():
            kind = "X"
        elif char.islower():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)


@lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[str, str, tuple[str, ...]]:
    """The lower-cased word, its shape and the features of the word alone (words repeat: cached)."""
    low = word.lower()
    shape = word_shape(word)
    own = ["b", "w=" + low, "s=" + shape, "p3=" + low[:3], "x3=" + low[-3:], "x2=" + low[-2:]]
    if is_place_word(low):
        own.append("gz=place")
    if is_title_word(low):
        own.append("gz=title")
    return low, shape, tuple(own)


def static_features(words: Sequence[str]) -> tuple[list[list[str]], list[str], list[str]]:
    """The features of every word that do not depend on decoded tags, computed once per sentence.

    Returns them with the lower-cased words and the shapes, which the tag features use too.
    """
    parts = [_word_features(word) for word in words]
    lowered = [part[0] for part in parts]
    shapes = [part[1] for part in parts]
    padded = [START, START, *lowered, END, END]
    padded_shapes = [START, *shapes, END]
    out: list[list[str]] = []
    for index, (low, shape, own) in enumerate(parts):
        before, before2 = padded[index + 1], padded[index]
        after, after2 = padded[index + 3], padded[index + 4]
        features = [
            *own,
            "w-1=" + before,
            "w-2=" + before2,
            "w+1=" + after,
            "w+2=" + after2,
            "w-1w=" + before + "|" + low,
            "ww+1=" + low + "|" + after,
            "s-1=" + padded_shapes[index] + "|" + shape,
            "s+1=" + shape + "|" + padded_shapes[index + 2],
        ]
        if index == 0:
            features.append("first|" + shape)
        if is_title_word(before):
            features.append("gz=title-1")
        out.append(features)
    return out, lowered, shapes


def tag_features(lowered: str, shape: str, prev: str, prev2: str) -> tuple[str, str, str, str]:
    """The features that depend on the two tags decoded before the word."""
    return (
        "t-1=" + prev,
        "t-2=" + prev + "|" + prev2,
        "t-1w=" + prev + "|" + lowered,
        "t-1s=" + prev + "|" + shape,
    )
