"""Military and police ranks are titles: cut off the person's name and kept as the person's role."""

from __future__ import annotations

import pytest

from dossier.entities import entities_stage
from reading import analyzed_story, names_of

from .conftest import make_article


@pytest.mark.parametrize(
    "rank",
    [
        "Colonel",
        "Col.",
        "General",
        "Gen.",
        "Lt.",
        "Lieutenant",
        "Captain",
        "Capt.",
        "Major",
        "Admiral",
        "Sergeant",
        "Sgt.",
        "Commander",
        "Inspector",
        "Chief",
        "Officer",
    ],
)
def test_a_rank_is_not_part_of_the_name(rank: str) -> None:
    mentions = names_of(f"The search will go on, said {rank} Tomas Verhoek on Tuesday.")
    people = [m.surface for m in mentions if m.type == "person"]
    assert people == ["Tomas Verhoek"]


def test_the_rank_becomes_the_role_and_joins_the_two_mentions() -> None:
    text = (
        "Divers found the second hull, said Colonel Tomas Verhoek, a spokesman for the coast guard.\n\n"
        "Quillon Coast Guard Colonel Tomas Verhoek said the search would end on Friday."
    )
    story = entities_stage(analyzed_story(articles=(make_article(text),)))
    person = [e for e in story.entities if e.type == "person"]
    assert [e.name for e in person] == ["Tomas Verhoek"]
    roles = {role.title for role in person[0].roles}
    assert "Colonel" in roles
    assert any(title.endswith("Colonel") and "Coast Guard" in title for title in roles)
    assert len(person[0].mentions) == 2


def test_the_unit_before_a_rank_is_its_own_name() -> None:
    names = {(m.surface, m.type) for m in names_of("Quillon Harbour Police Inspector Ola Brandt spoke.")}
    assert ("Ola Brandt", "person") in names
    assert not any("Inspector" in surface for surface, _ in names)
