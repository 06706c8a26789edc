"""A clinic or a centre named after a person and written by the person's name alone.

Texts are written for these tests: "she checked into Orla Vint" is the Orla Vint Recovery
Centre, not the woman it is named after, when the story names the centre and writes her name
almost only where a place stands.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.briefing import EntityType
from dossier.entities import entities_stage
from dossier.entities.namesakes import places_named_for_people
from reading import story_naming

Key = tuple[str, ...]
CENTRE: Key = ("organization", "orla vint recovery centre")
BODIES: dict[Key, tuple[EntityType, tuple[str, ...]]] = {
    CENTRE: ("organization", ("orla", "vint", "recovery", "centre"))
}
VINT: Key = ("person", "orla", "vint")


def orla_vint(*before: str) -> dict[Key, tuple[tuple[str, ...], Sequence[str]]]:
    """Orla Vint's name, with the word before each of her mentions."""
    return {VINT: (("orla", "vint"), list(before))}


def test_a_name_written_where_a_place_stands_is_the_place_named_after_it() -> None:
    assert places_named_for_people(orla_vint("at", "into", "to", "leaves"), BODIES) == {VINT: CENTRE}


def test_a_name_that_is_a_subject_or_object_stays_the_person() -> None:
    assert places_named_for_people(orla_vint("at", "", "said", "thanked"), BODIES) == {}


def test_one_mention_or_two_places_named_after_her_leave_the_person() -> None:
    assert places_named_for_people(orla_vint("at"), BODIES) == {}
    bodies = {**BODIES, ("place", "orla vint park"): ("place", ("orla", "vint", "park"))}
    assert places_named_for_people(orla_vint("at", "into"), bodies) == {}


def test_a_body_that_is_no_place_one_goes_to_leaves_the_person() -> None:
    # "according to Orla Vint", "a grant from Orla Vint": the woman, though a foundation bears her name.
    foundation: dict[Key, tuple[EntityType, tuple[str, ...]]] = {
        ("organization", "orla vint foundation"): ("organization", ("orla", "vint", "foundation"))
    }
    assert places_named_for_people(orla_vint("to", "from", "to"), foundation) == {}


def test_the_story_links_the_short_name_to_the_centre() -> None:
    texts = [
        "The singer checked into the Orla Vint Recovery Centre on Friday, her agent said.",
        "She was at Orla Vint for three months last year. She went back to Orla Vint this week.",
        "Staff at Orla Vint declined to comment.",
    ]
    story = entities_stage(
        story_naming(texts, {"Orla Vint Recovery Centre": "organization", "Orla Vint": "person"})
    )
    assert [(entity.name, entity.type, len(entity.mentions)) for entity in story.entities] == [
        ("Orla Vint Recovery Centre", "organization", 4)
    ]


def test_the_woman_herself_stays_a_person() -> None:
    texts = [
        "Orla Vint opened the Orla Vint Recovery Centre in 1982.",
        "Orla Vint said the clinic would treat anyone. Many came to Orla Vint for advice.",
    ]
    story = entities_stage(
        story_naming(texts, {"Orla Vint Recovery Centre": "organization", "Orla Vint": "person"})
    )
    assert {(entity.name, entity.type) for entity in story.entities} == {
        ("Orla Vint", "person"),
        ("Orla Vint Recovery Centre", "organization"),
    }
