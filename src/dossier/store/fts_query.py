"""Read the search syntax people type and turn it into a safe FTS5 ``MATCH`` expression.

The syntax (documented in ``dossier list --help`` and the README)::

    strike ferry          both words (AND is implied between terms)
    strike AND ferry      the same, spelt out
    strike OR walkout     either word
    strike NOT ferry      the first without the second
    "ferry crews"         the words next to each other, in this order
    harb*                 any word starting with "harb"
    (strike OR walkout) NOT ferry     parentheses group

Operators are upper-case (``and``, ``or``, ``not`` are plain words). ``NOT`` binds
tighter than ``AND``, which binds tighter than ``OR``, as in FTS5 itself.
Punctuation inside a word splits it into a phrase (``e-mail`` is ``"e mail"``).
The index stems words (Porter), and a single word also matches its regular
English plural or singular (``buses`` finds ``bus``), which Porter alone misses.

Nothing of FTS5's own language passes through: every word is rebuilt from
letters and digits and quoted, so a query can never reach ``NEAR``, column
filters or ``^``. A malformed query raises :class:`QuerySyntaxError`, which names
the problem and the character where it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dossier.errors import UsageError

#: Longest query accepted, in characters, so a pasted document cannot become a huge search.
MAX_QUERY_CHARS = 2_000
#: Most words and phrases in one query.
MAX_QUERY_TERMS = 64
#: Deepest nesting of parentheses (a bound that keeps the parser's recursion small).
MAX_QUERY_DEPTH = 16

OPERATORS = ("AND", "OR", "NOT")


class QuerySyntaxError(UsageError):
    """A search query that cannot be read; the message points at the character where it goes wrong."""


@dataclass(frozen=True, slots=True)
class Term:
    """One thing that must match: a run of words (one word, or a phrase), maybe as a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def to_fts(self) -> str:
        # The words hold letters and digits only, so quoting cannot be broken out of.
        if self.prefix:
            return _quoted(self.words) + " *"
        if len(self.words) == 1:
            forms = number_forms(self.words[0])
            if len(forms) > 1:
                return "(" + " OR ".join(_quoted((form,)) for form in forms) + ")"
        return _quoted(self.words)


@dataclass(frozen=True, slots=True)
class All:
    """Every part must match."""

    parts: tuple[Node, ...]

    def to_fts(self) -> str:
        return "(" + " AND ".join(part.to_fts() for part in self.parts) + ")"


@dataclass(frozen=True, slots=True)
class Any:
    """At least one part must match."""

    parts: tuple[Node, ...]

    def to_fts(self) -> str:
        return "(" + " OR ".join(part.to_fts() for part in self.parts) + ")"


@dataclass(frozen=True, slots=True)
class Without:
    """``kept`` matches and ``dropped`` does not."""

    kept: Node
    dropped: Node

    def to_fts(self) -> str:
        return f"({self.kept.to_fts()} NOT {self.dropped.to_fts()})"


Node = Term | All | Any | Without


def parse_query(query: str) -> Node:
    """The query as a tree of terms and operators. Raises :class:`QuerySyntaxError` if malformed."""
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"search query is too long: {len(query)} characters (the most is {MAX_QUERY_CHARS})"
        )
    tokens = list(_tokens(query))
    if not any(token.kind == "term" for token in tokens):
        raise QuerySyntaxError(f"search query has no words to search for: {_shown(query)}")
    terms = sum(1 for token in tokens if token.kind == "term")
    if terms > MAX_QUERY_TERMS:
        raise QuerySyntaxError(f"search query has {terms} words and phrases (the most is {MAX_QUERY_TERMS})")
    return _Reader(query, tokens).whole()


def match_expression(query: str) -> str:
    """An FTS5 expression for ``query``; safe for any input string."""
    node = parse_query(query)
    expression = node.to_fts()
    # The outermost parentheses are noise in logs and tests.
    if isinstance(node, (All, Any, Without)):
        expression = expression[1:-1]
    return expression


def number_forms(word: str) -> tuple[str, ...]:
    """``word`` with its regular English plural or singular, lower-case, the word itself first.

    Porter stems "bus" to "bu" but "buses" to "buse", so the index cannot match
    them by itself; a query word is widened to both numbers instead. Only the
    regular endings are tried; a wrong guess costs a word that rarely occurs.
    """
    lowered = word.lower()
    if not lowered.isalpha() or len(lowered) < 3:
        return (lowered,)
    forms = [lowered]
    if lowered.endswith("ies") and len(lowered) > 4:
        forms.append(lowered[:-3] + "y")  # ferries -> ferry
    if lowered.endswith(("ses", "xes", "zes", "ches", "shes")):
        forms.append(lowered[:-2])  # buses -> bus, boxes -> box
    if lowered.endswith("s") and not lowered.endswith(("ss", "ies")):
        forms.append(lowered[:-1])  # strikes -> strike
    if lowered.endswith(("ss", "x", "z", "ch", "sh", "as", "is", "os", "us")):
        forms.append(lowered + "es")  # bus -> buses, glass -> glasses
    elif lowered.endswith("y") and lowered[-2] not in "aeiou":
        forms.append(lowered[:-1] + "ies")  # ferry -> ferries
    elif not lowered.endswith("s"):
        forms.append(lowered + "s")  # strike -> strikes
    return tuple(dict.fromkeys(forms))


# --- reading the query ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "term", "op", "(" or ")"
    at: int  # offset of its first character in the query
    text: str = ""
    term: Term | None = None


def _tokens(query: str) -> Iterator[_Token]:
    at = 0
    while at < len(query):
        char = query[at]
        if char.isspace():
            at += 1
        elif char in "()":
            yield _Token(char, at)
            at += 1
        elif char == '"':
            end = query.find('"', at + 1)
            if end < 0:
                raise _error(query, at, 'this quote is never closed; add a closing "')
            words = _words(query[at + 1 : end])
            if words:
                yield _Token("term", at, term=Term(words))
            at = end + 1
        else:
            end = at
            while end < len(query) and not query[end].isspace() and query[end] not in '()"':
                end += 1
            chunk = query[at:end]
            if chunk in OPERATORS:
                yield _Token("op", at, text=chunk)
            else:
                words = _words(chunk)
                if words:  # a chunk of punctuation only is ignored, like the index ignores it
                    yield _Token("term", at, term=Term(words, prefix=chunk.endswith("*")))
            at = end


class _Reader:
    """A recursive-descent reader: or := and (OR and)*; and := not (AND? not)*; not := one (NOT one)*."""

    def __init__(self, query: str, tokens: list[_Token]) -> None:
        self.query = query
        self.tokens = tokens
        self.next = 0
        self.depth = 0

    def whole(self) -> Node:
        node = self.any_of()
        if self.next < len(self.tokens):
            token = self.tokens[self.next]
            raise _error(self.query, token.at, "this closing parenthesis has no opening one")
        return node

    def any_of(self) -> Node:
        parts = [self.all_of()]
        while self.peek_op("OR"):
            self.next += 1
            parts.append(self.all_of("OR"))
        return parts[0] if len(parts) == 1 else Any(tuple(parts))

    def all_of(self, after: str | None = None) -> Node:
        parts = [self.without(after)]
        while self.next < len(self.tokens) and self.tokens[self.next].kind != ")" and not self.peek_op("OR"):
            operator = None
            if self.peek_op("AND"):
                operator = "AND"
                self.next += 1
            parts.append(self.without(operator))
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def without(self, after: str | None) -> Node:
        node = self.one(after)
        while self.peek_op("NOT"):
            self.next += 1
            node = Without(node, self.one("NOT"))
        return node

    def one(self, after: str | None) -> Node:
        if self.next >= len(self.tokens):
            where = len(self.query.rstrip())
            raise _error(self.query, where, _missing(after))
        token = self.tokens[self.next]
        if token.kind == "term" and token.term is not None:
            self.next += 1
            return token.term
        if token.kind == "(":
            return self.group(token)
        if token.kind == "op":
            if token.text == "NOT" and after is None:
                raise _error(
                    self.query,
                    token.at,
                    "NOT needs something before it to exclude from (strike NOT ferry)",
                )
            if after is None:
                raise _error(self.query, token.at, f"{token.text} needs a word or phrase before it")
            raise _error(self.query, token.at, f"{token.text} cannot follow {after}; put a word between")
        raise _error(self.query, token.at, _missing(after))

    def group(self, opening: _Token) -> Node:
        self.depth += 1
        if self.depth > MAX_QUERY_DEPTH:
            raise _error(self.query, opening.at, f"parentheses nest more than {MAX_QUERY_DEPTH} deep")
        self.next += 1
        if self.next < len(self.tokens) and self.tokens[self.next].kind == ")":
            raise _error(self.query, opening.at, "these parentheses hold no words")
        node = self.any_of()
        if self.next >= len(self.tokens):
            raise _error(self.query, opening.at, "this parenthesis is never closed; add a closing )")
        self.next += 1
        self.depth -= 1
        return node

    def peek_op(self, name: str) -> bool:
        return (
            self.next < len(self.tokens)
            and self.tokens[self.next].kind == "op"
            and self.tokens[self.next].text == name
        )


def _missing(after: str | None) -> str:
    if after is None:
        return "a word or phrase is missing here"
    return f"{after} needs a word or phrase after it"


def _error(query: str, at: int, problem: str) -> QuerySyntaxError:
    """One line: the problem, the 1-based character, and the query with a marker where it goes wrong."""
    marked = query[:at] + "▶" + query[at:]
    return QuerySyntaxError(f"search query: {problem} (at character {at + 1}: {_shown(marked, around=at)})")


def _words(chunk: str) -> tuple[str, ...]:
    # The unicode61 tokenizer splits on every character that is not a letter or a
    # digit; doing the same here keeps NULs, quotes and operators out of the query.
    return tuple("".join(char if char.isalnum() else " " for char in chunk).split())


def _quoted(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words) + '"'


def _shown(query: str, around: int = 0) -> str:
    """The query as a safe, short repr (control characters escaped), centred on ``around``."""
    start = max(0, around - 30)
    piece = query[start : start + 60]
    return ("…" if start else "") + repr(piece) + ("…" if start + 60 < len(query) else "")
