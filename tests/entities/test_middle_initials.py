"""Two people of one given name and surname, told apart by their middle initials.

Texts are written for these tests: a father and a son who were both governors, each written
with his own initials, as news writes two presidents of one family.
"""

from __future__ import annotations

from dossier.briefing import EntityType
from dossier.entities import entities_stage
from reading import story_naming

from .conftest import make_article

NAMES: dict[str, EntityType] = {
    "Tomas K.R. Vell": "person",
    "Tomas R. Vell": "person",
    "Tomas Vell": "person",
    "Tomas J. Brenner": "person",
    "Tomas Brenner": "person",
    "Ardley": "place",
}


def people(*texts: str) -> dict[str, set[str]]:
    story = entities_stage(story_naming(texts, NAMES))
    found: dict[str, set[str]] = {}
    for entity in story.entities:
        if entity.type == "person":
            article_texts = {article.id: article.text for article in story.articles}
            found[entity.name] = {article_texts[m.article_id][m.start : m.end] for m in entity.mentions}
    return found


def test_other_middle_initials_make_another_person() -> None:
    found = people(
        "Tomas R. Vell was sworn in as governor of Ardley on Monday.",
        "His father, Tomas K.R. Vell, held the office twenty years ago. Tomas R. Vell thanked him.",
    )
    assert found["Tomas R. Vell"] == {"Tomas R. Vell"}
    assert found["Tomas K.R. Vell"] == {"Tomas K.R. Vell"}


def test_a_name_written_without_its_initials_stays_with_the_person() -> None:
    found = people(
        "Tomas J. Brenner opened the school in Ardley on Friday.",
        "Tomas Brenner said the school had waited ten years for its hall.",
    )
    assert found == {"Tomas J. Brenner": {"Tomas J. Brenner", "Tomas Brenner"}}


def test_the_mentions_without_initials_go_with_the_initials_most_written() -> None:
    found = people(
        "Tomas R. Vell spoke first. Tomas R. Vell spoke again at noon in Ardley.",
        "Tomas K.R. Vell, his father, listened. Later Tomas Vell took questions.",
    )
    assert found["Tomas R. Vell"] == {"Tomas R. Vell", "Tomas Vell"}
    assert found["Tomas K.R. Vell"] == {"Tomas K.R. Vell"}


def test_the_split_is_the_same_on_every_run() -> None:
    texts = ("Tomas R. Vell and Tomas K.R. Vell met in Ardley.", "Tomas Vell spoke.")
    assert people(*texts) == people(*texts)
    assert make_article(texts[0]).text == texts[0]
