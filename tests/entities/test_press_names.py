"""News outlets named in the text are organizations: read from their shape and how the text cites them."""

from __future__ import annotations

from dossier.entities import entities_stage
from dossier.entities.gazetteer import is_press_shaped
from reading import analyzed_story, names_of

from .conftest import make_article


def found(text: str) -> set[tuple[str, str]]:
    return {(m.surface, m.type) for m in names_of(text)}


def test_a_name_after_a_word_for_a_newspaper_is_an_organization() -> None:
    names = found("The Ruritanian paper El Faro has quoted a pilot who saw lights over the bay.")
    assert ("El Faro", "organization") in names
    assert not any(kind == "person" for _, kind in names)


def test_an_article_opened_name_cited_as_a_source_is_an_organization() -> None:
    assert ("La Brisa", "organization") in found("The captain told La Brisa that the hull was sound.")
    assert ("Le Quotidien", "organization") in found("Le Quotidien reported that the port would close.")
    assert ("Die Woche", "organization") in found("The port will close, according to Die Woche.")
    assert ("El Faro", "organization") in found("The claim was reported by El Faro on Sunday.")


def test_a_name_ending_in_a_press_word_is_an_organization() -> None:
    assert ("Tidewater Gazette", "organization") in found("The Tidewater Gazette ran the story first.")
    assert ("Quillon Evening Post", "organization") in found("She wrote for the Quillon Evening Post.")


def test_the_times_cited_as_a_source_is_an_organization() -> None:
    names = found("The ferry was late again, according to the Herald.")
    assert ("Herald", "organization") in names


def test_people_cited_as_sources_stay_people() -> None:
    names = found("The captain told Ana Lindqvist that Marek Oduya reported the leak.")
    assert not any(kind == "organization" for _, kind in names)


def test_press_shape_of_a_surface() -> None:
    assert is_press_shaped("El Faro")
    assert is_press_shaped("the Harbour Times")
    assert not is_press_shaped("Herald")
    assert not is_press_shaped("Ana Lindqvist")


def test_an_outlet_read_once_keeps_its_type_over_person_votes() -> None:
    # The second article gives no context, so the tagger alone may call the paper a person there.
    first = make_article("The Ruritanian paper El Faro said the ferry sank near the reef.", source="a.txt")
    second = make_article("El Faro printed a map of the reef and the route.", source="b.txt")
    story = entities_stage(analyzed_story(articles=(first, second)))
    outlet = [e for e in story.entities if e.name == "El Faro"]
    assert len(outlet) == 1
    assert outlet[0].type == "organization"
    assert len(outlet[0].mentions) == 2
