"""Acronyms fold into the long name they stand for, in brackets or across articles."""

from __future__ import annotations

from dossier.briefing import EntityType
from dossier.entities import entities_stage
from reading import analyzed_story, story_naming

from .conftest import make_article


def names(*texts: str) -> dict[str, set[str]]:
    story = entities_stage(
        analyzed_story(articles=tuple(make_article(t, source=f"{i}.txt") for i, t in enumerate(texts)))
    )
    return {e.name: {e.name, *e.aliases} for e in story.entities}


#: Bodies named in the cross-article tests, given as mentions so the tests check linking alone.
BODIES: dict[str, EntityType] = {
    "Tidewater Harbour Trust": "organization",
    "Tarn Hill Trust": "organization",
    "THT": "organization",
}


def linked(*texts: str) -> dict[str, set[str]]:
    story = entities_stage(story_naming(texts, BODIES))
    return {e.name: {e.name, *e.aliases} for e in story.entities}


def test_an_acronym_in_another_article_joins_the_one_name_with_its_initials() -> None:
    found = linked(
        "The Tidewater Harbour Trust approved the plan on Monday.",
        "Officials at THT said the work would start in May.",
    )
    assert "THT" in found["Tidewater Harbour Trust"]
    assert "THT" not in found


def test_an_acronym_two_names_could_spell_stays_apart() -> None:
    found = linked(
        "The Tidewater Harbour Trust and the Tarn Hill Trust approved the plan on Monday.",
        "Officials at THT said the work would start in May.",
    )
    assert "THT" in found
    assert all("THT" not in forms for name, forms in found.items() if name != "THT")


def test_an_acronym_counts_a_leading_the_and_prefers_the_one_organization() -> None:
    texts = (
        "The Harbour Review reported the sale first. Readers of The Harbour Review wrote in.",
        "THR said the deal closed on Friday. The film Autumn Pier opened the same night.",
        "AP reporters covered both. Allied Press said the buyer was Lisk Holdings.",
    )
    bodies: dict[str, EntityType] = {
        "The Harbour Review": "organization",
        "THR": "organization",
        "Autumn Pier": "other",
        "Allied Press": "organization",
        "AP": "organization",
    }
    story = entities_stage(story_naming(texts, bodies))
    found = {e.name: {e.name, *e.aliases} for e in story.entities}
    assert "THR" in found["Harbour Review"]
    assert "AP" in found["Allied Press"]
    assert found["Autumn Pier"] == {"Autumn Pier"}
