"""Names that look alike but are not one thing: what the story-wide linking must leave apart (issue 15).

Each text is invented; the names the tagger would find are given with their types, so that the
tests check the linking alone.
"""

from __future__ import annotations

from dossier.briefing import EntityType
from reading import entity_groups as groups
from reading import linked_naming as linked


def test_a_clipped_name_that_may_stand_for_two_bodies_joins_neither() -> None:
    texts = (
        "The Fed held its rate on Tuesday. Traders at the Velmar Fed expected as much.",
        "The Federal Reserve will meet again in March, and the Fed will publish its minutes.",
    )
    names: dict[str, EntityType] = {
        "Fed": "organization",
        "Velmar Fed": "organization",
        "Federal Reserve": "organization",
    }
    found = groups(linked(texts, names))
    assert found["Velmar Fed"] == ("organization", ["Velmar Fed"])
    assert found["Fed"] == ("organization", ["Fed", "Fed"])


def test_a_short_name_that_clips_no_other_name_still_joins_the_longer_one() -> None:
    texts = (
        "The Velmar Fed held its rate on Tuesday.",
        "The Fed will meet again in March, and the Harbour Trust will report on Friday.",
    )
    names: dict[str, EntityType] = {
        "Fed": "organization",
        "Velmar Fed": "organization",
        "Harbour Trust": "organization",
    }
    found = groups(linked(texts, names))
    assert found["Velmar Fed"] == ("organization", ["Fed", "Velmar Fed"])


def test_saint_written_short_or_in_full_is_one_name() -> None:
    texts = (
        "Students at St. Ormond College marched on Monday.",
        "Saint Ormond College said classes would resume, and St Ormond College agreed.",
    )
    names: dict[str, EntityType] = {
        "St. Ormond College": "organization",
        "Saint Ormond College": "organization",
        "St Ormond College": "organization",
    }
    found = groups(linked(texts, names))
    assert list(found.values()) == [
        ("organization", ["Saint Ormond College", "St Ormond College", "St. Ormond College"])
    ]


def test_a_surname_written_alone_before_a_body_makes_no_person_of_the_body() -> None:
    texts = (
        "An adviser to the Brenta Harbour Office said on Monday that the pier would close.",
        "The Harbour Office said Brenta had signed the order. Brenta will visit the pier.",
    )
    names: dict[str, EntityType] = {
        "Brenta Harbour Office": "person",
        "Harbour Office": "organization",
        "Brenta": "person",
    }
    found = groups(linked(texts, names))
    assert found["Brenta"] == ("person", ["Brenta", "Brenta"])
    office = [value for name, value in found.items() if name != "Brenta"]
    assert office == [("organization", ["Brenta Harbour Office", "Harbour Office"])]


def test_names_that_differ_in_a_roman_numeral_are_two_of_a_series() -> None:
    texts = (
        "The Games of the XXIX Lisk Olympiad opened in the rain.",
        "Four years on, the Games of the XXX Lisk Olympiad drew more runners.",
    )
    names: dict[str, EntityType] = {
        "Games of the XXIX Lisk Olympiad": "other",
        "Games of the XXX Lisk Olympiad": "other",
    }
    assert len(linked(texts, names).entities) == 2


def test_initials_after_a_town_and_a_comma_are_its_state_not_a_body() -> None:
    texts = (
        "Lanvale Vintners opened a shop in Orrin on Monday.",
        "The shop, in Orrin, LV, sells wine. Orrin is a quiet town.",
    )
    names: dict[str, EntityType] = {
        "Lanvale Vintners": "organization",
        "LV": "organization",
        "Orrin": "place",
    }
    found = groups(linked(texts, names))
    assert found["Lanvale Vintners"] == ("organization", ["Lanvale Vintners"])
    assert "LV" in {text for _, texts_of in found.values() for text in texts_of}


def test_a_place_the_story_names_often_is_no_given_name_of_a_misread_person() -> None:
    texts = (
        "Delegates flew to Tessaly on Monday. In Tessaly, talks began at noon.",
        "The Tessaly Accord was signed late. Tessaly was calm, and the Tessaly Accord holds.",
        "Hotels in Tessaly were full, said Tessaly officials.",
    )
    names: dict[str, EntityType] = {"Tessaly Accord": "person", "Tessaly": "place"}
    found = groups(linked(texts, names))
    assert found["Tessaly"][0] == "place"
    assert found["Tessaly Accord"][1] == ["Tessaly Accord", "Tessaly Accord"]
