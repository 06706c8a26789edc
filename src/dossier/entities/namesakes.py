"""A place named after a person, written by the person's name: "checked into Ana Roe" for the Ana Roe Clinic.

News shortens a clinic, a centre or a stadium named after someone to that
someone's name ("she was back at Ana Roe", "Lohan-style checks into Ana
Roe"), and the recognizer then reads a person. A person's name of two words
or more stands for such a place when

* three in four of its mentions in the story, two or more, come right after
  a word that puts something somewhere ("at", "into", "in", "to", "from"): a
  person is mostly a subject, an object, a speaker; and
* exactly one organization, place or other name of the story opens with
  the whole name and goes on to a word for a place one goes to ("Ana Roe
  Clinic", "Ana Roe Stadium"; not "Ana Roe Foundation": "according to Ana
  Roe" is the woman).

Then the name is that place; otherwise it stays the person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from dossier.briefing import EntityType

Key = tuple[str, ...]

#: Words right before a place one goes to, stays at or leaves.
_PLACE_WORDS = frozenset({"at", "into", "in", "to", "from", "inside", "outside"})
#: Last words of the name of a place one goes to, stays at or leaves.
_VENUE_WORDS = frozenset(
    {
        "center",
        "centre",
        "clinic",
        "hospital",
        "facility",
        "institute",
        "unit",
        "prison",
        "stadium",
        "arena",
        "field",
        "park",
        "hall",
        "theater",
        "theatre",
        "museum",
        "library",
        "school",
        "college",
        "university",
        "airport",
    }
)
#: How many mentions it takes, and what share of them after such a word ("leaves Ana Roe",
#: "checks out of Ana Roe" are the place too, but those words are as often said of people).
_MIN_MENTIONS = 2
_PLACE_SHARE = 0.75


def places_named_for_people(
    people: Mapping[Key, tuple[tuple[str, ...], Sequence[str]]],
    bodies: Mapping[Key, tuple[EntityType, tuple[str, ...]]],
) -> dict[Key, Key]:
    """Person key -> key of the one place or body named after them that all their mentions stand for.

    ``people`` maps a person's key to the case-folded words of the name and the case-folded word
    before each of its mentions; ``bodies`` maps every other entity's key to its type and words.
    """
    opening: defaultdict[tuple[str, ...], set[Key]] = defaultdict(set)
    for key, (kind, words) in sorted(bodies.items()):
        if kind != "person" and words[-1] in _VENUE_WORDS:
            for size in range(2, len(words)):
                opening[words[:size]].add(key)
    found: dict[Key, Key] = {}
    for key, (words, before) in sorted(people.items()):
        if len(words) < 2 or len(before) < _MIN_MENTIONS:
            continue
        targets = opening.get(words, set())
        at_place = sum(word in _PLACE_WORDS for word in before)
        if len(targets) == 1 and at_place >= _PLACE_SHARE * len(before):
            found[key] = next(iter(targets))
    return found
