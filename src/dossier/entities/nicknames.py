"""A nickname in quotes inside a person's name: Ana "Nan" Roe, Piet (Pete) Lisk, Ana "the Hawk" Roe.

News writes a person's given name, the name they go by in quotes or
brackets, and the surname; other articles of the story then use either
given name ("Ana Roe", "Nan Roe"). Two things go wrong without this module:

* the recognizer stops at the quote or the bracket ("Piet" then "(Pete) Lisk")
  or starts after its first half ('the Hawk" Roe'), so the mention is no full
  name; :func:`with_whole_name` stretches it over the given name, the nickname
  and the surname;
* the two given names key two people; :func:`nickname_keys` gives the name
  the nickname stands for ("Nan Roe", "Hawk Roe") so the linker can join them.

A nickname is one to three words, the first capitalised, between a given
name and a one-word surname, each side a capitalised word: "Ana (Labour) Roe
Tuesday" is not read, since a capital after the surname may go on the name.
"""

from __future__ import annotations

import dataclasses
import re

from dossier.analysis import NameMention

#: Each opening quote or bracket with the one that closes it.
_PAIRS = {'"': '"', "“": "”", "‘": "’", "'": "'", "(": ")"}
#: A nickname: one to three words of letters, the first capitalised and none in capitals, so that
#: an agency, a party and state or an acronym in brackets ("(AP)", "(D-Lisk)", "(HT)") is none.
_NICK = r"[A-Z][a-z]+(?: [A-Za-z][a-z]*){0,2}"
#: One or two given names, each a capitalised word with a lower-case letter.
_GIVEN = r"\b[A-Z][\w.-]*[a-z][\w.-]*(?: [A-Z][\w.-]*[a-z][\w.-]*)?"
#: After a name cut at the nickname: ' "Nan" Roe', ' (Pete) Lisk', then no capital word.
_SURNAME = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
_NICK_AND_SURNAME_AFTER = re.compile(
    rf"""(?P<gap> (?P<open>["“‘'(])(?P<nick>{_NICK})(?P<close>["”’')]) (?P<surname>{_SURNAME}))"""
    r"\b(?! ?[A-Z])"
)
#: Before a name that starts inside the nickname: 'Ana "the ' before 'Hawk" Roe'.
_GIVEN_AND_OPENING_BEFORE = re.compile(rf"""(?P<given>{_GIVEN}) (?P<open>["“‘'])(?:[Tt]he )?$""")
#: Before a surname: 'Ana "Nan" ' before 'Roe'.
_GIVEN_AND_NICK_BEFORE = re.compile(
    rf"""(?P<given>{_GIVEN}) (?P<open>["“‘'(])(?:[Tt]he )?{_NICK}(?P<close>["”’')]) $"""
)
#: A nickname closed inside the mention: 'Hawk" Roe'.
_CLOSED_NICK_OPENING = re.compile(rf"""^{_NICK}(?P<close>["”’']) [A-Z]""")
#: A whole name with its nickname: 'Ana "Nan" Roe', 'Piet (Pete) Lisk'.
_WITH_NICK = re.compile(
    rf"""^(?P<given>.+?) (?P<open>["“‘'(])(?:[Tt]he )?(?P<nick>{_NICK})(?P<close>["”’')])"""
    r" (?P<surname>\S.*)$"
)


def with_whole_name(text: str, mention: NameMention) -> NameMention:
    """The mention stretched over the given name, the nickname and the surname it was cut from."""
    if mention.type == "person":
        after = _NICK_AND_SURNAME_AFTER.match(text, mention.end)
        if after is not None and _paired(after["open"], after["close"]):
            return _spanning(text, mention, mention.start, after.end("gap"))
        before = _GIVEN_AND_NICK_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        if before is not None and _paired(before["open"], before["close"]) and " " not in mention.surface:
            return _spanning(text, mention, before.start("given"), mention.end)
    inside = _CLOSED_NICK_OPENING.match(mention.surface)
    if inside is None:
        return mention
    before = _GIVEN_AND_OPENING_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if before is None or not _paired(before["open"], inside["close"]):
        return mention
    return _spanning(text, mention, before.start("given"), mention.end)


def nickname_keys(surface: str) -> tuple[str, tuple[str, ...]] | None:
    """The name without its nickname ("Ana Roe") and the names the nickname stands for ("Nan Roe").

    A nickname of several words gives its first and last words with the surname
    ("Fat Nan" gives "Fat Roe" and "Nan Roe"); only names the story uses matter.
    """
    found = _WITH_NICK.match(surface)
    if found is None or not _paired(found["open"], found["close"]):
        return None
    nick = found["nick"].split()
    surname = found["surname"]
    forms = tuple(dict.fromkeys(f"{word} {surname}" for word in (nick[0], nick[-1])))
    return f"{found['given']} {surname}", forms


def _paired(opening: str, closing: str) -> bool:
    return _PAIRS.get(opening) == closing


def _spanning(text: str, mention: NameMention, start: int, end: int) -> NameMention:
    return dataclasses.replace(mention, start=start, end=end, type="person", surface=text[start:end])
