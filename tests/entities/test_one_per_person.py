"""One entity per person, names that stay on their own line, and no furniture typed as a person.

Texts are written for these tests. Each failure they guard against was seen on real news:
a person split over several entities, a name glued across two lines, a headline word taken into
a name, a dateline place read as a person.
"""

from __future__ import annotations

from dossier.analyze import analyze_articles
from dossier.article import Article
from dossier.briefing import Entity, EntityType
from dossier.entities import entities_stage
from reading import analyzed_story, story_naming

from .conftest import fixture_article, make_article


def people(*texts: str) -> dict[str, Entity]:
    articles = tuple(make_article(text, source=f"a{n}.txt") for n, text in enumerate(texts))
    story = entities_stage(analyzed_story(articles=articles))
    return {entity.name: entity for entity in story.entities if entity.type == "person"}


def surfaces(article: Article) -> list[tuple[str, str]]:
    analysis = next(analyze_articles([article]))
    return [(mention.type, mention.surface) for mention in analysis.names]


def test_every_form_of_one_name_is_one_person_across_a_story() -> None:
    found = people(
        "President Lena Marsh opened the new bridge on Monday. Marsh said it had taken ten years to build.",
        "LENA MARSH ARRIVES FOR THE OPENING\n\nThe ceremony was short. Marsh's speech lasted four minutes.",
        "L. Marsh, the president, cut the ribbon. Lena Marsh thanked the engineers who built it.",
    )
    marsh = [entity for name, entity in found.items() if "marsh" in name.casefold()]
    assert len(marsh) == 1, sorted(found)
    assert len(marsh[0].mentions) >= 6


def test_a_word_written_before_a_known_name_joins_that_person() -> None:
    found = people(
        "Rita Olsen was elected on Sunday. Striker Rita Olsen scored twice in the final. Olsen smiled."
    )
    assert [name for name in found if "Olsen" in name] == ["Rita Olsen"]


def test_a_name_in_a_headline_is_cut_to_the_name_the_story_gives() -> None:
    text = (
        "Rita Olsen Signs With Harbour Club After Long Talks\n"
        "Rita Olsen agreed a three-year contract on Friday, her agent said."
    )
    names = [surface for _, surface in surfaces(make_article(text))]
    assert names.count("Rita Olsen") == 2
    assert not any("Signs" in name for name in names)


def test_no_name_runs_across_a_line_break() -> None:
    text = "Related stories\nAnders Holm\nBrandt told the council the plan was sound.\n"
    for _, surface in surfaces(Article(id="raw", source="raw.txt", text=text)):
        assert "\n" not in surface, surface


def test_the_dateline_place_is_a_place_and_its_agency_an_organization() -> None:
    found = {surface: kind for kind, surface in surfaces(fixture_article("furniture_people.txt"))}
    assert found["PORT ELWIN"] == "place"
    assert found["Example Wire"] == "organization"


def test_no_page_furniture_is_typed_as_a_person() -> None:
    article = fixture_article("furniture_people.txt")
    found = {surface for kind, surface in surfaces(article) if kind == "person"}
    assert found == {"Petra Lind", "Ida Varga", "Varga", "Moss Carrow", "Marta Quill", "Oskar Fenn"}


def test_a_title_belongs_to_the_person_it_is_written_next_to() -> None:
    found = people(
        "Ida Varga met harbour director Oskar Fenn on Monday. "
        "Varga, a councillor, said Fenn had agreed to move the boats."
    )
    assert [role.title for role in found["Oskar Fenn"].roles] == ["director"]
    assert [role.title for role in found["Ida Varga"].roles] == ["councillor"]


def test_a_neighbours_title_is_not_taken() -> None:
    text = (
        "Ida Brandt, a former aide to Senator Tomas Reed, said the pier would close.\n\n"
        "Supporters of Lena Holm, the mayor, cheered as Oskar Fenn spoke."
    )
    titles = {surface: title for title, surface in titles_of(make_article(text))}
    assert titles == {"Tomas Reed": "Senator", "Lena Holm": "mayor"}


def test_a_title_on_the_line_above_is_not_the_persons() -> None:
    text = "Harbour chief\nTomas Reed said the pier would close."
    titles = {surface: title for title, surface in titles_of(Article(id="raw", source="raw.txt", text=text))}
    assert titles == {}


def titles_of(article: Article) -> list[tuple[str, str]]:
    analysis = next(analyze_articles([article]))
    return [
        (title.of(article.text), mention.surface) for mention in analysis.names for title in mention.titles
    ]


def test_a_speaker_of_a_chamber_is_one_person_with_and_without_the_title() -> None:
    named: dict[str, EntityType] = {
        "Dorota Lindqvist": "person",
        "Speaker Lindqvist": "person",
        "Lindqvist": "person",
    }
    story = entities_stage(
        story_naming(
            (
                "Dorota Lindqvist blocked the vote on Tuesday. Lindqvist said the bill was rushed.",
                "Speaker Lindqvist told reporters the chamber would sit again in May.",
            ),
            named,
        )
    )
    found = [entity for entity in story.entities if entity.type == "person"]
    assert [(entity.name, len(entity.mentions)) for entity in found] == [("Dorota Lindqvist", 3)]


def test_a_bare_surname_joins_the_person_once_two_spellings_of_them_are_one() -> None:
    named: dict[str, EntityType] = {
        "Kenneth Vellinger": "person",
        "Ken Vellinger": "person",
        "Vellinger": "person",
    }
    story = entities_stage(
        story_naming(
            (
                "Kenneth Vellinger led the inquiry into the harbour fire.",
                "Ken Vellinger was named to lead the inquiry in March.",
                "The report was finished on Friday. Vellinger said it would be published in full.",
            ),
            named,
        )
    )
    found = [entity for entity in story.entities if entity.type == "person"]
    assert [(entity.name, len(entity.mentions)) for entity in found] == [("Kenneth Vellinger", 3)]


def test_a_bare_surname_joins_the_one_namesake_whose_title_it_bears() -> None:
    named: dict[str, EntityType] = {
        "Ana Vellinger": "person",
        "Ivo Vellinger": "person",
        "Vellinger": "person",
    }
    story = entities_stage(
        story_naming(
            (
                "Governor Ana Vellinger signed the harbour bill. Ivo Vellinger, a builder, watched.",
                "The bill takes effect in May.\n\nGovernor Vellinger said the port would hire in spring.",
            ),
            named,
        )
    )
    found = {entity.name: len(entity.mentions) for entity in story.entities if entity.type == "person"}
    assert found == {"Ana Vellinger": 2, "Ivo Vellinger": 1}


def test_a_middle_name_written_with_a_slip_and_the_first_name_left_off_is_one_person() -> None:
    found = people(
        "The driver, Daniel Hassan Karimi, was named by police on Tuesday.",
        "Neighbours said Hasan Karimi had lived on the street for years.",
    )
    assert sorted(found) == ["Daniel Hassan Karimi"]
    assert len(found["Daniel Hassan Karimi"].mentions) == 2


def test_a_two_word_name_stays_apart_when_its_given_name_is_nobody_elses_middle_name() -> None:
    found = people(
        "The driver, Daniel Hassan Karimi, was named by police on Tuesday.",
        "Neighbours said Omar Karimi had lived on the street for years.",
    )
    assert sorted(found) == ["Daniel Hassan Karimi", "Omar Karimi"]


def test_a_lower_case_word_the_recognizer_took_in_is_no_part_of_the_key() -> None:
    from dossier.entities.canonical import _person_key

    assert _person_key("jersey Lindqvist") == ("person", "lindqvist")
    assert _person_key("s Marlowe") == ("person", "marlowe")
    assert _person_key("Ana de Vries") == ("person", "ana", "vries")
    assert _person_key("de Vries") == ("person", "de", "vries")
    assert _person_key("bell hooks") == ("person", "bell", "hooks")


def test_a_party_label_a_conjunction_or_a_dash_before_a_name_is_no_part_of_the_key() -> None:
    from dossier.entities.canonical import _person_key

    assert _person_key("Democrat Marlowe") == ("person", "marlowe")
    assert _person_key("If Marlowe") == ("person", "marlowe")
    assert _person_key("- Marlowe") == ("person", "marlowe")
    assert _person_key("Republican Ana Marlowe") == ("person", "ana", "marlowe")
