"""Turn what a person types into a safe FTS5 ``MATCH`` expression.

FTS5 has its own query language (``AND``, ``NEAR(...)``, ``col:``, ``^``, quotes),
and a stray operator in user input is a syntax error. Rather than pass that
language through, a query is read as plain words and ``"quoted phrases"``; all
must occur (in the title or the text). A word ending in ``*`` matches as a
prefix. Everything else is punctuation, which the index ignores anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.errors import UsageError

#: Longest query accepted, in characters, so a pasted document cannot become a huge search.
MAX_QUERY_CHARS = 2_000
#: Most words and phrases in one query.
MAX_QUERY_TERMS = 64


@dataclass(frozen=True, slots=True)
class Term:
    """One thing that must match: a run of words (one word, or a phrase), maybe as a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def to_fts(self) -> str:
        # The words hold letters and digits only, so quoting cannot be broken out of.
        phrase = '"' + " ".join(self.words) + '"'
        return phrase + " *" if self.prefix else phrase


def parse_query(query: str) -> tuple[Term, ...]:
    """The terms of a user query, in order. Raises :class:`UsageError` if it is too long or has no words."""
    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"search query is too long: {len(query)} characters (the most is {MAX_QUERY_CHARS})")
    terms: list[Term] = []
    # Splitting on '"' leaves the quoted parts at odd positions; an unbalanced
    # quote simply makes the rest of the query one phrase.
    for position, part in enumerate(query.split('"')):
        if position % 2:
            terms.extend(_phrase(part))
        else:
            terms.extend(term for chunk in part.split() for term in _phrase(chunk, allow_prefix=True))
    if not terms:
        raise UsageError(f"search query has no words to search for: {_shown(query)}")
    if len(terms) > MAX_QUERY_TERMS:
        raise UsageError(f"search query has {len(terms)} words and phrases (the most is {MAX_QUERY_TERMS})")
    return tuple(terms)


def match_expression(query: str) -> str:
    """An FTS5 expression requiring every term of ``query``; safe for any input string."""
    return " ".join(term.to_fts() for term in parse_query(query))


def _phrase(chunk: str, *, allow_prefix: bool = False) -> tuple[Term, ...]:
    words = tuple(_words(chunk))
    if not words:
        return ()
    return (Term(words, prefix=allow_prefix and chunk.endswith("*")),)


def _words(chunk: str) -> list[str]:
    # The unicode61 tokenizer splits on every character that is not a letter or a
    # digit; doing the same here keeps NULs, quotes and operators out of the query.
    return "".join(char if char.isalnum() else " " for char in chunk).split()


def _shown(query: str) -> str:
    return repr(query if len(query) <= 40 else query[:40] + "…")
