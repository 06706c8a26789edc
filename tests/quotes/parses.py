"""Parses given by hand, for the parser's own mistakes that a rule must read through.

The shipped model's parse of a real sentence shape is written out token by token, so a test of a
misparse keeps testing it whatever a later model would make of the same words.
"""

from __future__ import annotations

from dossier.analysis import Tokens


def hand_parsed(words: list[tuple[str, str, str, int]]) -> Tokens:
    """A parse of ``words`` joined by spaces, each (lemma, part of speech, label, head)."""
    starts, at = [], 0
    for word, *_ in words:
        starts.append(at)
        at += len(word) + 1
    return Tokens(
        tuple(starts),
        tuple(start + len(word) for start, (word, *_) in zip(starts, words, strict=True)),
        tuple(word for word, *_ in words),
        tuple(pos for _, pos, _, _ in words),
        tuple(label for _, _, label, _ in words),
        tuple(head for *_, head in words),
    )
