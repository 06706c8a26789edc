"""Links that turn on a name's shape, not its words (issue 15, round 8): ranks glued to a unit's
name, forms of address in a person's key, given-name forms sharing a surname, bodies that are no
team, a no-break space after "the", a town beside its police.

Each text is invented; the names the tagger would find are given with their types, so that the
tests check the linking alone.
"""

from __future__ import annotations

from dossier.briefing import EntityType
from reading import entity_groups as groups
from reading import linked_naming as linked


def test_a_rank_abbreviation_run_onto_a_unit_is_cut_off_before_the_officer() -> None:
    texts = (
        "The Harrow Police closed the bridge on Sunday.",
        "Nobody was hurt, said Harrow Police Sgt. Nadia Ferrant on Monday.",
    )
    names: dict[str, EntityType] = {
        "Harrow Police": "organization",
        "Harrow Police Sgt": "organization",
        "Nadia Ferrant": "person",
    }
    found = groups(linked(texts, names))
    assert found["Harrow Police"] == ("organization", ["Harrow Police", "Harrow Police"])
    assert found["Nadia Ferrant"] == ("person", ["Nadia Ferrant"])


def test_a_rank_written_out_between_a_unit_and_an_officer_parts_them() -> None:
    texts = (
        "Callers should ring Harrow Police Sergeant Nadia Ferrant after noon.",
        "Nadia Ferrant said the road would open on Friday. The Harrow Police agreed.",
    )
    names: dict[str, EntityType] = {
        "Harrow Police Sergeant Nadia Ferrant": "organization",
        "Nadia Ferrant": "person",
        "Harrow Police": "organization",
    }
    found = groups(linked(texts, names))
    assert found["Nadia Ferrant"] == ("person", ["Nadia Ferrant", "Nadia Ferrant"])
    assert found["Harrow Police"] == ("organization", ["Harrow Police", "Harrow Police"])


def test_a_title_after_a_rank_word_is_no_person() -> None:
    texts = ("The Office of the Inspector General opened a review of the grants on Monday.",)
    names: dict[str, EntityType] = {"Office of the Inspector General": "organization"}
    found = groups(linked(texts, names))
    assert found == {"Office of the Inspector General": ("organization", ["Office of the Inspector General"])}


def test_a_rank_abbreviation_alone_is_no_name() -> None:
    texts = ("Const. Ferrant said the driver had fled. Olek Ferrant has led the unit since May.",)
    names: dict[str, EntityType] = {"Const": "other", "Ferrant": "person", "Olek Ferrant": "person"}
    found = groups(linked(texts, names))
    assert "Const" not in found


def test_an_office_noun_before_a_surname_is_no_given_name() -> None:
    texts = (
        "Olek Ferrant opened the new pier on Monday.",
        "The pier cost less than planned, Commissioner Ferrant said.",
    )
    names: dict[str, EntityType] = {"Olek Ferrant": "person", "Commissioner Ferrant": "person"}
    found = groups(linked(texts, names))
    assert found["Olek Ferrant"] == ("person", ["Commissioner Ferrant", "Olek Ferrant"])


def test_a_trooper_written_with_his_rank_and_with_a_pet_form_is_one_person() -> None:
    texts = (
        "Trooper William Kask was hurt when the van rolled.",
        "Bill Kask, 41, is expected to recover.",
    )
    names: dict[str, EntityType] = {"Trooper William Kask": "person", "Bill Kask": "person"}
    found = groups(linked(texts, names))
    assert len(found) == 1


def test_given_name_forms_of_one_man_outweigh_a_relative_for_a_bare_surname() -> None:
    texts = (
        "Fred Oakes ran the mill. Fred Oakes sold it in 1990. Fred Oakes retired to the coast.",
        "Frederick Oakes was born in Lisk. Frederick Oakes married Lena Oakes in 1961.",
        "Oakes was 88. Oakes died at home on Sunday.",
    )
    names: dict[str, EntityType] = {
        "Fred Oakes": "person",
        "Frederick Oakes": "person",
        "Lena Oakes": "person",
        "Oakes": "person",
    }
    found = groups(linked(texts, names))
    oakes = next(mentions for _, mentions in found.values() if "Fred Oakes" in mentions)
    assert oakes.count("Oakes") == 2
    assert "Frederick Oakes" in oakes
    assert found["Lena Oakes"] == ("person", ["Lena Oakes"])


def test_a_college_named_with_of_is_no_team_for_its_city() -> None:
    texts = (
        "The Gulls beat Velmar 31-24 on Sunday.",
        "Nurses at the Velmar College of Nursing watched the game.",
    )
    names: dict[str, EntityType] = {"Velmar": "place", "Velmar College of Nursing": "organization"}
    found = groups(linked(texts, names))
    assert found["Velmar"] == ("place", ["Velmar"])


def test_a_club_for_a_cause_is_no_team_for_its_state() -> None:
    texts = (
        "Roe led Velmar 48-35 with most precincts counted.",
        "The Velmar Club for Growth spent heavily against her.",
    )
    names: dict[str, EntityType] = {
        "Roe": "person",
        "Velmar": "place",
        "Velmar Club for Growth": "organization",
    }
    found = groups(linked(texts, names))
    assert found["Velmar"] == ("place", ["Velmar"])


def test_the_with_a_no_break_space_is_no_part_of_the_name() -> None:
    texts = ("The Harbour Trust met on Monday.", "A letter to the\xa0Harbour Trust went unanswered.")
    names: dict[str, EntityType] = {"the\xa0Harbour Trust": "organization", "Harbour Trust": "organization"}
    found = groups(linked(texts, names))
    assert list(found) == ["Harbour Trust"]


def test_a_town_read_as_a_body_does_not_go_into_its_police() -> None:
    texts = (
        "Lisk Police Department officers closed the road.",
        "Lisk has about 24,000 residents. Lisk voted to hire more officers.",
    )
    names: dict[str, EntityType] = {"Lisk Police Department": "organization", "Lisk": "organization"}
    found = groups(linked(texts, names))
    assert found["Lisk"] == ("organization", ["Lisk", "Lisk"])


def test_a_common_head_word_held_by_two_names_joins_neither() -> None:
    texts = (
        "Police said the van was stolen. Police made no arrest.",
        "Orr Police took the call. The Lisk Police Department sent a unit.",
    )
    names: dict[str, EntityType] = {
        "Police": "person",
        "Orr Police": "place",
        "Lisk Police Department": "organization",
    }
    found = groups(linked(texts, names))
    assert found["Orr Police"] == ("place", ["Orr Police"])
