"""Names in a dateline: its place is a place and its agency an organization, whatever the model said.

A paragraph that opens with a dateline ("PORT ELWIN, Norland (Example Wire) —")
puts a place in capitals before a dash, where the small model often reads a
person ("PORT ELWIN said"). :func:`dossier.header.find_dateline` knows the
shape; a dateline ending in a dash ("—", "–", "--") has its parts read here:
each place becomes a place mention and the agency an organization mention,
and the recognizer's own mentions of that stretch go.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.analysis import NameMention
from dossier.header import DATELINE_REACH, find_dateline

#: What ends a news dateline: a dash; a colon or a spaced hyphen opens titles and lists as often.
_DASHES = ("—", "–", "--")
#: How far into a line its dateline's words may reach: the separator is within DATELINE_REACH.
_LOOK = DATELINE_REACH + 2


def with_dateline_names(text: str, names: Sequence[NameMention]) -> list[NameMention]:
    """``names`` with the names of every line-opening dateline read as its places and its agency."""
    found = list(names)
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > start and text[start].isupper():
            found = _read_dateline(text, start, end, found)
        start = end + 1
    return found


def _read_dateline(text: str, start: int, end: int, names: list[NameMention]) -> list[NameMention]:
    dateline = find_dateline(text[start : min(end, start + _LOOK + DATELINE_REACH)])
    if dateline is None or not dateline.place.split(",")[0].isupper():
        # Only a place in capitals: a Title Case head before a dash is as often a headline or a
        # name in an aside, and the model reads Title Case datelines well.
        return names
    added: list[NameMention] = []
    at = start
    for place in dateline.place.split(", "):
        found = text.find(place, at, end)
        if found < 0:
            return names
        added.append(NameMention(found, found + len(place), "place", place))
        at = found + len(place)
    if dateline.agency is not None:
        found = text.find(dateline.agency, at, end)
        if found >= 0:
            added.append(NameMention(found, found + len(dateline.agency), "organization", dateline.agency))
            at = found + len(dateline.agency)
    if not text[at:end].lstrip(" )").startswith(_DASHES):
        return names  # "CSI: Miami", "UMDNJ - University Hospital": a title or a list, not a dateline
    kept = [name for name in names if not (name.start < at and start < name.end)]
    return sorted([*kept, *added], key=lambda name: (name.start, name.end))
