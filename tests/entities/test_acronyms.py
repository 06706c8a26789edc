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


def test_a_capital_the_before_the_name_inside_a_sentence_counts_for_the_acronym() -> None:
    # The recognizer leaves "The" out of the name; a capital "The" mid-sentence belongs to it.
    texts = (
        "According to The Harbour Review, the sale closed on Friday.",
        "THR said the buyer was a shipping firm.",
    )
    bodies: dict[str, EntityType] = {"Harbour Review": "organization", "THR": "organization"}
    story = entities_stage(story_naming(texts, bodies))
    found = {e.name: {e.name, *e.aliases} for e in story.entities}
    assert found == {"Harbour Review": {"Harbour Review", "THR"}}


def test_a_the_that_opens_the_sentence_is_no_part_of_the_name() -> None:
    texts = ("The Harbour Review reported the sale first.", "THR said the buyer was a shipping firm.")
    bodies: dict[str, EntityType] = {"Harbour Review": "organization", "THR": "organization"}
    story = entities_stage(story_naming(texts, bodies))
    assert sorted(e.name for e in story.entities) == ["Harbour Review", "THR"]


def _entities_naming(texts: tuple[str, ...], kinds: dict[str, EntityType]) -> dict[str, tuple[str, set[str]]]:
    story = entities_stage(story_naming(texts, kinds))
    return {e.name: (e.type, {e.name, *e.aliases}) for e in story.entities}


def test_an_acronym_joins_a_product_the_tagger_took_for_a_person() -> None:
    # The tagger reads the two-word product as a person but its short form as a body: a
    # person is seldom written by initials, so "CB" is the product, which is no person.
    found = _entities_naming(
        (
            "Users of Coral Browser were told to update on Monday. The Browser team fixed the flaw.",
            "Security staff said CB had been attacked twice this year.",
        ),
        {"Coral Browser": "person", "Browser": "organization", "CB": "organization"},
    )
    kind, forms = found["Coral Browser"]
    assert "CB" in forms
    assert kind == "organization"
    assert "CB" not in found


def test_an_acronym_stays_apart_from_a_real_person_with_those_initials() -> None:
    found = _entities_naming(
        (
            "Tomas Dahl ran for eighty yards on Sunday. Dahl left the field late.",
            "The second TD came in the final minute.",
        ),
        {"Tomas Dahl": "person", "Dahl": "person", "TD": "organization"},
    )
    assert "TD" in found
    assert found["Tomas Dahl"][0] == "person"
    assert "TD" not in found["Tomas Dahl"][1]


def test_an_acronym_that_only_opens_a_programme_name_stays_the_broadcaster() -> None:
    bodies: dict[str, EntityType] = {"LBC": "organization", "LBC Evening Bulletin": "organization"}
    story = entities_stage(
        story_naming(
            (
                "The LBC Evening Bulletin led with the flood on Tuesday.",
                "LBC said its crews reached the valley by noon.",
            ),
            bodies,
        )
    )
    found = {e.name: {e.name, *e.aliases} for e in story.entities}
    assert found["LBC"] == {"LBC"}
    assert found["LBC Evening Bulletin"] == {"LBC Evening Bulletin"}


def _acronym_target(acronym: str, *names: tuple[str, int]) -> tuple[str, ...] | None:
    from dossier.entities.canonical import _infer_acronyms, _Story

    story = _Story()
    for name, count in names:
        builder = story.builder(("organization", name.casefold()), "organization")
        builder.surfaces[name] = count
    story.builder(("organization", acronym.casefold()), "organization").surfaces[acronym] = 2
    _infer_acronyms(story, [])
    return story.acronyms.get(("organization", acronym.casefold()))


def test_an_acronym_stands_for_a_name_whatever_slip_another_article_wrote_it_with() -> None:
    target = _acronym_target("VRA", ("Velmar Relief Agency", 3), ("Velmar Releif Agency", 1))
    assert target == ("organization", "velmar relief agency")


def test_an_acronym_with_two_different_names_of_its_initials_stands_for_neither() -> None:
    assert _acronym_target("VRA", ("Velmar Relief Agency", 3), ("Velmar Rowing Association", 2)) is None


def test_an_acronym_spells_each_part_of_a_hyphened_word() -> None:
    assert _acronym_target("ALP", ("Agence Lisk-Presse", 2)) == ("organization", "agence lisk-presse")
    assert _acronym_target("AL", ("Agence Lisk-Presse", 2)) == ("organization", "agence lisk-presse")


def _person_acronym_target(acronym: str, *names: tuple[str, str]) -> tuple[str, ...] | None:
    from dossier.entities.canonical import _infer_acronyms, _Story

    story = _Story()
    for kind, name in names:
        story.builder((kind, name.casefold()), kind).surfaces[name] = 2  # type: ignore[arg-type]
    story.builder(("person", acronym.casefold()), "person").surfaces[acronym] = 1
    _infer_acronyms(story, [])
    return story.acronyms.get(("person", acronym.casefold()))


def test_an_acronym_the_tagger_read_as_a_person_stands_for_the_one_organization_it_spells() -> None:
    found = _person_acronym_target("LTU", ("organization", "Lisk Teachers Union"))
    assert found == ("organization", "lisk teachers union")


def test_a_person_written_in_two_capitals_or_spelling_no_organization_stays_a_person() -> None:
    assert _person_acronym_target("LT", ("organization", "Lisk Trust")) is None
    assert _person_acronym_target("LTU", ("other", "Lisk Town Unveiled")) is None
    assert (
        _person_acronym_target(
            "LTU", ("organization", "Lisk Teachers Union"), ("organization", "Lisk Transit Unit")
        )
        is None
    )
