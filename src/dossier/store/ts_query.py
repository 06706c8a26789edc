"""The search syntax of :mod:`dossier.store.fts_query`, rendered for PostgreSQL's full-text search.

The syntax is read once, by :func:`~dossier.store.fts_query.parse_query` (documented
there); this module only renders the same tree as a ``tsquery`` and folds text the
way SQLite's ``unicode61 remove_diacritics 2`` tokenizer does, so that both stores
find the same articles for the same query:

- words are runs of letters and digits, everything else separates them;
- case and diacritics are folded in Python, before PostgreSQL sees the text, so
  no ``unaccent`` extension (and no privilege to install one) is needed;
- the index stems English words (Snowball, PostgreSQL's successor of Porter) and
  keeps stop words, as the SQLite index does.

Every word handed to ``to_tsquery`` holds letters and digits only and is quoted,
so no query can reach the ``tsquery`` operators except through the tree.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from dossier.store.fts_query import All, Any, Node, Term, Without, number_forms, parse_query

#: The text search configuration made by the PostgreSQL migrations (stemming, no stop words).
TS_CONFIG: Final = "dossier_search"


def folded_words(text: str) -> list[str]:
    """The words of ``text``, lower-case and without diacritics, as the index keeps them."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    spaced = "".join(char if char.isalnum() else " " for char in unicodedata.normalize("NFC", plain).lower())
    return spaced.split()


def search_document(*parts: str | None) -> str:
    """The text PostgreSQL indexes for an article: its folded words, space-separated."""
    return " ".join(" ".join(folded_words(part)) for part in parts if part)


def tsquery_expression(query: str) -> str:
    """A ``to_tsquery`` expression for ``query``; raises ``QuerySyntaxError`` as the SQLite store does."""
    return _render(parse_query(query))


def _render(node: Node) -> str:
    if isinstance(node, Term):
        return _term(node)
    if isinstance(node, All):
        return "(" + " & ".join(_render(part) for part in node.parts) + ")"
    if isinstance(node, Any):
        return "(" + " | ".join(_render(part) for part in node.parts) + ")"
    if isinstance(node, Without):
        return f"({_render(node.kept)} & !{_render(node.dropped)})"
    raise TypeError(f"not a query node: {node!r}")  # a programming error: the parser makes only these


def _term(term: Term) -> str:
    words = [folded for word in term.words for folded in folded_words(word)]
    if not words:
        # Only marks that fold away: such a word matches nothing, as in the SQLite index.
        return "('dossiernomatch' & !'dossiernomatch')"
    if len(words) == 1 and not term.prefix:
        forms = number_forms(words[0])
        if len(forms) > 1:
            return "(" + " | ".join(_quoted(form) for form in forms) + ")"
    quoted = [_quoted(word) for word in words]
    if term.prefix:
        quoted[-1] += ":*"
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"


def _quoted(word: str) -> str:
    # Letters and digits only, so a quote can never be broken out of.
    return f"'{word}'"
