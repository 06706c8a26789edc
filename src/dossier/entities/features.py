"""Features of one token in context, for the averaged perceptron tagger.

Features are short strings ("w=paris", "suf3=ris"); the model keeps weights
only for those it saw often enough in training. They use the words, their
shapes and affixes, two tokens either side, the two previous tags, and flags
from the small gazetteer. No part-of-speech tags: raw text has none.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.entities.gazetteer import is_place_word, is_title_word

START = "<s>"
END = "</s>"


def word_shape(word: str) -> str:
    """A compressed shape: "Blinken" -> "Xx", "U.S." -> "X.X.", "2024" -> "d"."""
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


def static_features(words: Sequence[str]) -> tuple[list[list[str]], list[str], list[str]]:
    """The features of every word that do not depend on decoded tags, computed once per sentence.

    Returns them with the lower-cased words and the shapes, which the tag features use too.
    """
    lowered = [word.lower() for word in words]
    shapes = [word_shape(word) for word in words]
    padded = [START, START, *lowered, END, END]
    padded_shapes = [START, *shapes, END]
    out: list[list[str]] = []
    for index, low in enumerate(lowered):
        shape = shapes[index]
        before, before2 = padded[index + 1], padded[index]
        after, after2 = padded[index + 3], padded[index + 4]
        features = [
            "b",
            "w=" + low,
            "s=" + shape,
            "p3=" + low[:3],
            "x3=" + low[-3:],
            "x2=" + low[-2:],
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
        if is_place_word(low):
            features.append("gz=place")
        if is_title_word(before):
            features.append("gz=title-1")
        if is_title_word(low):
            features.append("gz=title")
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
