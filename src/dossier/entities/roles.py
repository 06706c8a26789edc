"""Titles people are given in the text: before the name, or in an apposition after it.

* Before: "Secretary of State Jane Roe", "Ruritanian Trade Minister Jan Kos",
  "Harbour Authority spokesman Ed Vale", "Ruritania's top envoy Jan Kos". Reading
  backwards from the name, title words, "of", a possessive, and words inside
  place or organization mentions are taken; the run must hold an office noun.
* After: "Mia Lund, the port's director of operations," or "Ed Vale, a
  spokesman for the authority". The phrase after the comma runs to the next
  clause break and must hold an office noun.

Both look only at a bounded number of tokens, so a role costs constant time,
and never across a line break: the line before a name may be a caption or a
widget's title, not the person's role.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.analysis import NameMention
from dossier.entities.gazetteer import is_title_word
from dossier.entities.tokenize import Token, tokenize
from dossier.words import word_list

#: Nouns that name an office: a title must contain one of them.
OFFICE_NOUNS = word_list(
    """
    president minister secretary spokesman spokeswoman spokesperson chancellor premier ambassador envoy
    diplomat director chairman chairwoman chair chief general admiral commander senator congressman
    congresswoman governor mayor king queen prince princess leader head adviser advisor counselor official
    officer judge justice attorney ceo founder analyst professor representative counterpart
    colonel col. lieutenant lt. captain capt. major maj. adm. gen. sergeant sgt. corporal brigadier commodore
    marshal inspector superintendent detective constable
    councillor councilor councilman councilwoman coroner sheriff commissioner
    """
)
#: Words that may stand inside a title without being a title word themselves.
_TITLE_GLUE = word_list("of for top senior former acting assistant special then 's ’s")
_APPOSITION_OPENERS = frozenset({"the", "a", "an"})
_CLAUSE_BREAKS = frozenset({",", ".", ";", ":", ")", "(", "—", "–", '"', "“", "”", "!", "?"})
_CLAUSE_WORDS = word_list("who which that whose whom said says told and but when while as")
_MAX_TITLE_TOKENS = 10
_MAX_COMMA_TITLE = 7
_DETERMINERS = word_list("the a an his her its their our my your this that")
_LOOK_CHARS = 160
#: Enough characters to hold the one token right before a name.
_GLANCE_CHARS = 40


def title_before(
    text: str, mention: NameMention, named: Sequence[NameMention], floor: int = 0
) -> tuple[int, int] | None:
    """The span of a title written right before a person mention, if any, on the mention's own line."""
    floor = max(floor, text.rfind("\n", 0, mention.start) + 1)
    # Most names have no title: look at the last token alone before reading the whole window.
    last = tokenize(text, max(floor, mention.start - _GLANCE_CHARS), mention.start)[-1:]
    if not last or (last[0].text != "," and not _title_part(last[0], named)):
        return None
    tokens = tokenize(text, max(floor, mention.start - _LOOK_CHARS), mention.start)
    if tokens and tokens[-1].text == ",":
        return _title_before_comma(text, tokens[:-1], mention, named)
    taken: list[Token] = []
    for token in reversed(tokens):
        if len(taken) >= _MAX_TITLE_TOKENS or not _title_part(token, named):
            break
        taken.append(token)
    taken.reverse()
    while taken and taken[0].text.lower() in _TITLE_GLUE:
        taken.pop(0)
    if not taken or not _has_office(taken):
        return None
    return taken[0].start, taken[-1].end


def _title_before_comma(
    text: str, tokens: Sequence[Token], mention: NameMention, named: Sequence[NameMention]
) -> tuple[int, int] | None:
    """A title set off before the name: "met his Ruritanian counterpart, Jan Kos, on Friday".

    The phrase must open with a determiner or a possessive ("his", "the",
    "Ruritania's") and hold an office noun, and the name must close the
    apposition with a comma or the end of the sentence, so a list of names or
    a clause that merely ends before a name is not read as a title.
    """
    after = text[mention.end : mention.end + 2].lstrip()
    if after[:1] not in {",", ".", ""}:
        return None
    phrase: list[Token] = []
    for at in range(len(tokens) - 1, -1, -1):
        token = tokens[at]
        lowered = token.text.lower()
        if lowered in _DETERMINERS:
            break
        if token.text in _CLAUSE_BREAKS or lowered in _CLAUSE_WORDS or len(phrase) >= _MAX_COMMA_TITLE:
            return None
        phrase.append(token)
        if lowered in {"'s", "’s"}:
            if at == 0 or not tokens[at - 1].text[:1].isupper():
                return None
            phrase.append(tokens[at - 1])  # the possessor: "Ruritania's minister"
            break
    else:
        return None
    phrase.reverse()
    if len(phrase) < 1 or not _has_office(phrase) or _inside_person(phrase, named):
        return None
    return phrase[0].start, phrase[-1].end


def title_after(
    text: str, mention: NameMention, named: Sequence[NameMention], ceiling: int | None = None
) -> tuple[int, int] | None:
    """The span of an appositive title after a person mention ("Jane Roe, the minister, ..."), on its line."""
    line_end = text.find("\n", mention.end)
    if line_end >= 0:
        ceiling = line_end if ceiling is None else min(ceiling, line_end)
    stop = min(len(text) if ceiling is None else ceiling, mention.end + _LOOK_CHARS)
    if not text[mention.end : stop].lstrip().startswith(","):
        return None  # an apposition opens with a comma; most names have none after them
    tokens = tokenize(text, mention.end, stop)
    if len(tokens) < 3 or tokens[0].text != ",":
        return None
    body = tokens[1:]
    if body[0].text.lower() in _APPOSITION_OPENERS:
        body = body[1:]
    phrase: list[Token] = []
    for token in body:
        lowered = token.text.lower()
        if token.text in _CLAUSE_BREAKS or lowered in _CLAUSE_WORDS or len(phrase) >= _MAX_TITLE_TOKENS:
            break
        phrase.append(token)
    ended = len(phrase) < len(body) or stop == (len(text) if ceiling is None else ceiling)
    if not phrase or not ended or not _has_office(phrase) or _inside_person(phrase, named):
        return None
    return phrase[0].start, phrase[-1].end


def _title_part(token: Token, named: Sequence[NameMention]) -> bool:
    lowered = token.text.lower()
    if is_title_word(lowered) or lowered in _TITLE_GLUE:
        return True
    return any(m.type != "person" and m.start <= token.start and token.end <= m.end for m in named)


def _has_office(tokens: Sequence[Token]) -> bool:
    return any(token.text.lower() in OFFICE_NOUNS for token in tokens)


def _inside_person(tokens: Sequence[Token], named: Sequence[NameMention]) -> bool:
    start, end = tokens[0].start, tokens[-1].end
    return any(m.type == "person" and m.start < end and start < m.end for m in named)
