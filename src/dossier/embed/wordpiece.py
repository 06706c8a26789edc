"""A BERT-style uncased WordPiece tokenizer in plain Python.

The static encoder must run without the Hugging Face stack, so it carries its
own copy of the few rules that matter: case-fold, strip accents, split on
whitespace and punctuation, then cut each word into the longest vocabulary
pieces from the left (continuations carry a ``##`` prefix). Words with no
segmentation are dropped rather than mapped to an unknown token, because an
unknown token would pull every odd word towards the same vector.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

#: Longer "words" (URLs, base64, runs of one letter) are skipped: they carry no meaning and cost time.
MAX_WORD_CHARS = 100


def basic_words(text: str) -> list[str]:
    """Case-folded, accent-stripped words, with every punctuation mark its own word."""
    folded = unicodedata.normalize("NFD", text.lower())
    words: list[str] = []
    current: list[str] = []
    for char in folded:
        category = unicodedata.category(char)
        if category == "Mn":
            continue
        if char.isspace() or category.startswith("C"):
            _flush(current, words)
        elif category.startswith(("P", "S")) or _is_cjk(char):
            _flush(current, words)
            words.append(char)
        else:
            current.append(char)
    _flush(current, words)
    return words


def _flush(current: list[str], words: list[str]) -> None:
    if current:
        words.append("".join(current))
        current.clear()


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def wordpiece(word: str, vocabulary: Mapping[str, int]) -> list[int]:
    """Greedy longest-match-first pieces of one word, or ``[]`` when it cannot be segmented."""
    if len(word) > MAX_WORD_CHARS:
        return []
    pieces: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        found = -1
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            index = vocabulary.get(piece)
            if index is not None:
                found = index
                break
            end -= 1
        if found < 0:
            return []
        pieces.append(found)
        start = end
    return pieces


def tokenize(text: str, vocabulary: Mapping[str, int]) -> list[int]:
    """Vocabulary indexes of every piece of ``text``, in order."""
    ids: list[int] = []
    for word in basic_words(text):
        ids.extend(wordpiece(word, vocabulary))
    return ids


def vocabulary_index(tokens: Sequence[str]) -> dict[str, int]:
    return {token: index for index, token in enumerate(tokens)}
