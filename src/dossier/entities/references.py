"""Nominal references to people: "the minister", "the Ruritanian envoy", "the Secretary".

Only the phrase is found here: "the", an optional country word (a demonym or
a country name), up to two more title words, and an office noun at the end,
not followed by a name (that would be a title, "the Trade Minister Jan Kos")
or by "of" (a description, "the head of the port"). Which person it points
to is decided by the caller from the titles people were given.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.article import Span
from dossier.entities.gazetteer import country_for_demonym, country_for_name, is_title_word
from dossier.entities.roles import OFFICE_NOUNS
from dossier.entities.tokenize import tokenize

#: (start, end, head noun, country word or None): the phrase without its "the".
Reference = tuple[int, int, str, str | None]
_MAX_WORDS = 4


def nominal_references(text: str, sentences: Sequence[Span] = ()) -> list[Reference]:
    found: list[Reference] = []
    for sentence in sentences or (Span(0, len(text)),):
        tokens = tokenize(text, sentence.start, sentence.end)
        words = [token.text for token in tokens]
        for index, word in enumerate(words):
            if word.casefold() != "the":
                continue
            reference = _reference_after(words, index + 1)
            if reference is not None:
                last, head, qualifier = reference
                found.append((tokens[index + 1].start, tokens[last].end, head, qualifier))
    return found


def _reference_after(words: Sequence[str], first: int) -> tuple[int, str, str | None] | None:
    qualifier = None
    index = first
    if index < len(words) and (country_for_demonym(words[index]) or country_for_name(words[index])):
        qualifier = words[index]
        index += 1
    head_at = None
    while index < len(words) and index - first < _MAX_WORDS and is_title_word(words[index].casefold()):
        if words[index].casefold() in OFFICE_NOUNS:
            head_at = index
        index += 1
    if head_at is None or head_at != index - 1:
        return None
    following = words[index] if index < len(words) else ""
    if following[:1].isupper() or following.casefold() == "of":
        return None
    return head_at, words[head_at].casefold(), qualifier
