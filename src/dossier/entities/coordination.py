"""Two names joined by "and" that the recognizer read as one: "Roe and Vask", "Lisk and Velmar".

The model sometimes takes "Roe and Vask" or "WBA & IBO" for one name. When
every part on either side of "and" (or "&") is a name the story gives on its
own elsewhere, and the parts are all people or all acronyms, the mention is
those names. Any other name with "and" inside stays whole: a part may be no
name of the story ("Procter and Gamble"), and the parts of a long body's name
("Fish and Wildlife Service") are sometimes read alone by the recognizer too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.analysis import NameMention
from dossier.briefing import EntityType

_JOINER = re.compile(r"\s+(?:and|&)\s+")


def split_coordinated(names: Sequence[Sequence[NameMention]]) -> list[list[NameMention]]:
    """Each article's ``names``, with "X and Y" mentions split when X and Y are both names of the story."""
    known: dict[str, EntityType] = {}
    for found in names:
        for name in found:
            if _JOINER.search(name.surface) is None:
                known.setdefault(name.surface.casefold(), name.type)
                words = name.surface.split()
                if name.type == "person" and len(words) > 1:
                    for word in (words[0], words[-1]):
                        known.setdefault(word.casefold(), "person")
    return [[part for name in found for part in _parts(name, known)] for found in names]


def _parts(name: NameMention, known: dict[str, EntityType]) -> list[NameMention]:
    if _JOINER.search(name.surface) is None or name.surface.casefold() in known:
        return [name]
    pieces: list[NameMention] = []
    at = 0
    for match in [*_JOINER.finditer(name.surface), None]:
        end = len(name.surface) if match is None else match.start()
        surface = name.surface[at:end]
        kind = known.get(surface.casefold())
        if kind is None:
            return [name]
        pieces.append(NameMention(name.start + at, name.start + end, kind, surface))
        at = 0 if match is None else match.end()
    people = all(piece.type == "person" for piece in pieces)
    acronyms = all(piece.surface.isupper() and " " not in piece.surface for piece in pieces)
    return pieces if people or acronyms else [name]
