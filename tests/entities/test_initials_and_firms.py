"""Initials written other ways, firms the tagger read as places, places named with their division.

Texts are written for these tests; the names are given as mentions of fixed types
(:func:`reading.story_naming`), so the tests check linking alone. Each case was a split seen on
news the rules were not tuned on: "HP" beside "Hewlett-Packard", "U.N." beside "United
Nations", "USGS" beside "U.S. Geological Survey", a drug maker's bare name read as a place, a
province named with and without the word "province".
"""

from __future__ import annotations

import dataclasses
import re

from dossier.analysis import NameMention
from dossier.briefing import EntityType
from dossier.entities import entities_stage
from dossier.entities.containment import contained_names
from dossier.entities.names import with_titles
from dossier.entities.variants import normalised
from dossier.segment import segmented_article
from dossier.story import Story
from reading import analyzed_story

Key = tuple[str, ...]


def naming(texts: tuple[str, ...], kinds: dict[str, EntityType]) -> Story:
    """A story whose only mentions are the occurrences of ``kinds``' names, longest first; unlike
    :func:`reading.story_naming`, a name may end in a dot ("L.F.B.")."""
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(kinds, key=len, reverse=True))) + r")(?!\w)"
    )
    read = analyzed_story(tuple(segmented_article(text, source=f"{n}.txt") for n, text in enumerate(texts)))
    analyses = {}
    for article in read.articles:
        analysis = read.analyses[article.id]
        found = [
            NameMention(m.start(), m.end(), kinds[m.group()], m.group())
            for m in pattern.finditer(article.text)
        ]
        analyses[article.id] = dataclasses.replace(
            analysis, names=with_titles(article.text, analysis.sentences, found)
        )
    return dataclasses.replace(read, analyses=analyses)


def linked(texts: tuple[str, ...], kinds: dict[str, EntityType]) -> dict[str, set[str]]:
    """Entity name -> the forms its mentions are written in."""
    story = entities_stage(naming(texts, kinds))
    by_id = {article.id: article for article in story.articles}
    return {
        entity.name: {by_id[m.article_id].text[m.start : m.end] for m in entity.mentions}
        for entity in story.entities
    }


def holding(found: dict[str, set[str]], form: str) -> set[str]:
    """The forms of the one entity written ``form``."""
    return next(forms for forms in found.values() if form in forms)


def test_an_acronym_spells_a_hyphened_firm_without_its_designator() -> None:
    found = linked(
        (
            "Orland-Brisk Co. agreed on Monday to buy a maker of printers.",
            "OB will pay $40 a share, the firm said. Orland-Brisk has made nine deals this year.",
        ),
        {"Orland-Brisk Co.": "organization", "Orland-Brisk": "organization", "OB": "organization"},
    )
    assert holding(found, "OB") == {"OB", "Orland-Brisk", "Orland-Brisk Co."}


def test_an_ampersand_in_an_acronym_is_no_initial() -> None:
    found = linked(
        (
            "Tarrant & Pell said on Friday it would sell its soap brands.",
            "T&P said the sale would raise cash.",
        ),
        {"Tarrant & Pell": "organization", "T&P": "organization"},
    )
    assert holding(found, "T&P") == {"T&P", "Tarrant & Pell"}


def test_dotted_initials_are_the_acronym_and_a_country_s_initials_open_a_name() -> None:
    found = linked(
        (
            "The Lisk Ferry Board (LFB) cancelled sailings, the U.S. Weather Office said.",
            "L.F.B. staff said boats would sail again on Friday. The USWO expects calm seas.",
            "The United States Weather Office issued a new warning on Sunday.",
        ),
        {
            "Lisk Ferry Board": "organization",
            "LFB": "organization",
            "L.F.B.": "organization",
            "U.S. Weather Office": "organization",
            "USWO": "organization",
            "United States Weather Office": "organization",
        },
    )
    assert holding(found, "L.F.B.") == {"L.F.B.", "LFB", "Lisk Ferry Board"}
    assert holding(found, "USWO") == {"USWO", "U.S. Weather Office", "United States Weather Office"}


def test_initials_written_where_a_place_stands_name_no_body() -> None:
    found = linked(
        (
            "The Northern Council met on Monday. Voters in N.C. go to the polls next week.",
            "Candidates toured N.C. by bus.",
        ),
        {"Northern Council": "organization", "N.C.": "place"},
    )
    assert holding(found, "N.C.") == {"N.C."}


def test_a_country_s_bare_initials_are_written_out_only_in_capitals() -> None:
    assert normalised("us weather office", "organization", opens_in_capitals=True) == (
        "united states weather office"
    )
    assert normalised("u. s. weather office", "organization") == "united states weather office"
    assert normalised("us weekly", "organization") == "us weekly"  # a magazine, "Us Weekly"


def test_a_firm_s_bare_name_read_as_a_place_is_the_firm() -> None:
    found = linked(
        (
            "Quillon Therapeutics Inc. said its new drug cut relapses by half.",
            "Quillon said it would ask regulators for approval. Quillon's shares rose.",
        ),
        {"Quillon Therapeutics Inc.": "organization", "Quillon": "place"},
    )
    assert holding(found, "Quillon") == {"Quillon", "Quillon Therapeutics Inc."}


def test_a_place_written_as_a_place_stays_apart_from_a_firm_named_after_it() -> None:
    found = linked(
        (
            "Lisk Robotics opened a plant on Monday.",
            "The plant in Lisk will employ 300 people. Lisk has 40,000 residents.",
        ),
        {"Lisk Robotics": "organization", "Lisk": "place"},
    )
    assert holding(found, "Lisk") == {"Lisk"}


def test_a_firm_s_place_does_not_go_into_a_body_that_is_no_firm() -> None:
    found = contained_names(
        {
            ("place", "lisk"): ("place", ("lisk",)),
            ("organization", "lisk gulls"): ("organization", ("lisk", "gulls")),
        }
    )
    assert found == {}


def test_a_province_named_without_its_division_noun_is_the_province() -> None:
    found = contained_names(
        {
            ("place", "ardenne"): ("place", ("ardenne",)),
            ("place", "ardenne province"): ("place", ("ardenne", "province")),
            ("place", "orrin"): ("place", ("orrin",)),
            ("place", "orrin county"): ("place", ("orrin", "county")),
        }
    )
    assert found == {("place", "ardenne"): ("place", "ardenne province")}


def test_a_name_run_across_and_that_the_story_writes_is_one_name() -> None:
    words: dict[Key, tuple[EntityType, tuple[str, ...]]] = {
        ("organization", "lisk fish"): ("organization", ("lisk", "fish")),
        ("organization", "lisk fish and game office"): (
            "organization",
            ("lisk", "fish", "and", "game", "office"),
        ),
        ("other", "fish and game office"): ("other", ("fish", "and", "game", "office")),
        ("organization", "game office"): ("organization", ("game", "office")),
    }
    found = contained_names(words, dict.fromkeys(words, 3))
    assert found[("organization", "game office")] == ("organization", "lisk fish and game office")


def typed(texts: tuple[str, ...], kinds: dict[str, EntityType]) -> dict[str, tuple[EntityType, set[str]]]:
    """Entity name -> its type and the forms its mentions are written in."""
    story = entities_stage(naming(texts, kinds))
    by_id = {article.id: article for article in story.articles}
    return {
        entity.name: (entity.type, {by_id[m.article_id].text[m.start : m.end] for m in entity.mentions})
        for entity in story.entities
    }


def test_a_surname_before_a_body_s_name_makes_no_person_of_the_body() -> None:
    found = typed(
        (
            "Mayor Ana Roe spoke on Monday. The Roe Harbour Office said the port would stay shut.",
            "The Harbour Office said ships were waiting. Roe said the storm had passed.",
        ),
        {
            "Ana Roe": "person",
            "Roe": "person",
            "Roe Harbour Office": "person",
            "Harbour Office": "organization",
        },
    )
    kinds = {name: kind for name, (kind, _) in found.items()}
    assert kinds["Ana Roe"] == "person"
    assert found["Ana Roe"][1] == {"Ana Roe", "Roe"}
    assert all(kind != "person" for name, kind in kinds.items() if "Office" in name)


def test_a_person_whose_surname_the_tagger_reads_as_a_body_stays_a_person() -> None:
    found = typed(
        ("Coach Tom Del Orr praised his players.", "Del Orr said the team had worked hard."),
        {"Tom Del Orr": "person", "Del Orr": "organization"},
    )
    assert [kind for kind, forms in found.values() if "Tom Del Orr" in forms] == ["person"]


def test_a_name_with_or_without_its_hyphen_is_one_person_and_so_is_its_bare_first_word() -> None:
    found = linked(
        (
            "Leader Pak Sol-min opened the dam on Sunday, state radio said.",
            "Pak Sol Min toured the site. Pak said the dam would feed the whole valley.",
            "Observers said Pak wanted to be seen at work.",
        ),
        {"Pak Sol-min": "person", "Pak Sol Min": "person", "Pak": "person"},
    )
    assert holding(found, "Pak") == {"Pak", "Pak Sol-min", "Pak Sol Min"}


def test_a_hyphened_surname_spelled_out_is_that_person() -> None:
    found = linked(
        (
            "Ines Marto-Vidal was sworn in as mayor on Monday.",
            "Marto-Vidal promised to fix the roads. Mayor Marto Vidal said work would start at once.",
        ),
        {"Ines Marto-Vidal": "person", "Marto-Vidal": "person", "Marto Vidal": "person"},
    )
    assert holding(found, "Marto Vidal") == {"Ines Marto-Vidal", "Marto-Vidal", "Marto Vidal"}


def test_two_people_of_one_surname_stay_two() -> None:
    found = linked(
        (
            "Ada Vint and her husband Olaf Vint opened the bakery in 1990.",
            "Vint said the shop had never closed. Olaf Vint baked the bread; Ada Vint kept the books.",
        ),
        {"Ada Vint": "person", "Olaf Vint": "person", "Vint": "person"},
    )
    assert holding(found, "Ada Vint") & {"Olaf Vint"} == set()


def test_a_ministry_of_a_field_is_that_field_s_ministry() -> None:
    assert normalised("ministry of health", "organization") == "health ministry"
    assert normalised("department of the interior", "organization") == "interior department"
    assert normalised("ministry of culture of lisk", "organization") == "ministry of culture of lisk"
    found = linked(
        (
            "The Velmarian Ministry of Fisheries closed the bay on Monday.",
            "The Fisheries Ministry said boats could sail again next week.",
        ),
        {"Velmarian Ministry of Fisheries": "organization", "Fisheries Ministry": "organization"},
    )
    assert holding(found, "Fisheries Ministry") == {"Velmarian Ministry of Fisheries", "Fisheries Ministry"}


def test_a_state_s_initials_are_the_state_not_a_town_written_with_its_state() -> None:
    found = linked(
        (
            "Voters in North Velmar vote on Tuesday. A rally was held in Harl Bay, N.V., on Monday.",
            "Candidates spent the weekend in N.V. before the vote.",
            "Snow fell on Nova Vista, Lisk, on Sunday.",
        ),
        {
            "North Velmar": "place",
            "N.V.": "place",
            "Harl Bay": "place",
            "Nova Vista": "place",
            "Lisk": "place",
        },
    )
    assert holding(found, "N.V.") == {"N.V.", "North Velmar"}
    assert holding(found, "Nova Vista") == {"Nova Vista"}


def test_two_capitals_read_as_a_body_spell_no_place() -> None:
    found = linked(
        ("Floods hit Arn Province on Monday, AP reported.", "AP said 40 homes were lost in Arn Province."),
        {"Arn Province": "place", "AP": "organization"},
    )
    assert holding(found, "AP") == {"AP"}
