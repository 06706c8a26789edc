"""Word tokens of running text, cut the way the GMB training corpus cuts them.

The recognizer was trained on GMB tokens, so run-time tokens must look alike:
acronyms keep their periods ("U.S."), title abbreviations keep theirs ("Mr."),
the possessive "'s" and "n't" are tokens of their own, hyphenated words stay
whole, and every other punctuation mark is one token. The scan is one regular
expression without nested unbounded repetition, so it is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Order matters: the first alternative that matches at a position wins.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # acronyms with periods: U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Col|Lt|Capt|Sgt|Maj|Adm|Rev|St|Jr|Sr|Co|Corp|Inc|Ltd|Mt|Ft)\."
    r"|[’']s\b|n[’']t\b|[’'](?:re|ve|ll|d|m)\b"  # clitics, split off as GMB does
    r"|\d++(?:[.,:/]\d++)*+"  # numbers: 1,000  3.5  10:30
    r"|[^\W_]++(?:-[^\W_]++)*+"  # words, hyphenated compounds kept whole
    r"|\S",  # any other single character
)
_APOSTROPHE_T = ("'t", "’t")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text and its half-open code-point range in the source."""

    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    position = start
    while True:
        match = _TOKEN.search(text, position, stop)
        if match is None:
            return tokens
        begin, finish = match.span()
        if (
            text[finish - 1 : finish] == "n"
            and text[finish : finish + 2] in _APOSTROPHE_T
            and finish - begin > 1
        ):
            finish -= 1  # "don't" -> "do" "n't", as GMB cuts it
        tokens.append(Token(text[begin:finish], begin, finish))
        position = finish
