"""One person's name spelled two ways across a story: a short given name, a slipped letter."""

from __future__ import annotations

from dossier.briefing import EntityType
from dossier.entities.variants import (
    given_name_forms,
    institution_core,
    name_variants,
    normalised,
    other_name_variants,
    same_name_word,
    spelling_slip,
)

Key = tuple[str, ...]


def people(*entries: tuple[str, int]) -> dict[Key, tuple[tuple[str, str], int]]:
    found: dict[Key, tuple[tuple[str, str], int]] = {}
    for name, count in entries:
        given, surname = name.split()
        found[("person", given, surname)] = ((given, surname), count)
    return found


def test_a_short_given_name_and_its_whole_are_one_person() -> None:
    found = name_variants(people(("theo vask", 9), ("theodore vask", 2)))
    assert found == {("person", "theodore", "vask"): ("person", "theo", "vask")}


def test_a_slipped_letter_in_a_long_word_is_one_person() -> None:
    found = name_variants(people(("marguerite olsen", 1), ("margeurite olsen", 4)))
    assert found == {("person", "marguerite", "olsen"): ("person", "margeurite", "olsen")}


def test_short_names_a_letter_apart_stay_different_people() -> None:
    assert name_variants(people(("dan hale", 3), ("dana hale", 2), ("ana hale", 1), ("ann hale", 1))) == {}


def test_two_fitting_names_leave_the_short_form_alone() -> None:
    assert name_variants(people(("fred lusk", 2), ("frederick lusk", 3), ("frederica lusk", 1))) == {}


def test_the_words_that_count_as_one_name() -> None:
    assert same_name_word("alex", "alexandra")
    assert same_name_word("kowalsky", "kowalksy")
    assert not same_name_word("alex", "alex")
    assert not same_name_word("jo", "joanna")
    assert not same_name_word("brandt", "brandon")


def others(*entries: tuple[EntityType, str, int]) -> dict[Key, tuple[EntityType, str, int]]:
    return {(kind, name): (kind, name, count) for kind, name, count in entries}


def test_abbreviations_hyphens_and_spellings_make_one_place() -> None:
    found = other_name_variants(
        others(
            ("place", "mt velmar", 4),
            ("place", "mount velmar", 1),
            ("place", "lisk-arena", 1),
            ("place", "lisk arena", 2),
            ("organization", "harbour centre", 1),
            ("organization", "harbor center", 3),
        )
    )
    assert found == {
        ("place", "mount velmar"): ("place", "mt velmar"),
        ("place", "lisk-arena"): ("place", "lisk arena"),
        ("organization", "harbour centre"): ("organization", "harbor center"),
    }


def test_a_long_name_one_letter_off_is_a_typo_but_not_a_number_or_another_type() -> None:
    found = other_name_variants(
        others(
            ("organization", "velmish coast guard", 5),
            ("organization", "velmish coast gaurd", 1),
            ("place", "route 1234 north", 2),
            ("place", "route 1235 north", 1),
            ("other", "velmish coast guard", 1),
            ("place", "lisk bay", 1),
            ("place", "lisk day", 1),
        )
    )
    assert found == {("organization", "velmish coast gaurd"): ("organization", "velmish coast guard")}


def test_a_firm_with_and_without_its_company_designator_is_one_firm() -> None:
    found = other_name_variants(
        others(
            ("organization", "harrow mills corp.", 1),
            ("organization", "harrow mills", 6),
            ("organization", "kessel & co.", 1),
            ("organization", "kessel", 2),
            ("place", "orland co.", 1),  # a county, not a company
            ("place", "orland", 3),
        )
    )
    assert found == {
        ("organization", "harrow mills corp."): ("organization", "harrow mills"),
        ("organization", "kessel & co."): ("organization", "kessel"),
    }


def test_only_a_closing_designator_of_an_organization_is_left_off() -> None:
    assert normalised("lisk foods inc.", "organization") == "lisk foods"
    assert normalised("lisk foods, ltd.", "organization") == "lisk foods"
    assert normalised("corp", "organization") == "corp"
    assert normalised("co-op lisk", "organization") == "co-op lisk"
    assert normalised("lisk co.", "place") == "lisk co."


def test_a_slip_in_a_short_surname_with_the_same_given_name_is_one_person() -> None:
    found = name_variants(people(("ian rait", 4), ("ian raite", 2)))
    assert found == {("person", "ian", "raite"): ("person", "ian", "rait")}
    # Not when the first letter differs, nor in a surname of three letters.
    assert name_variants(people(("ian rait", 4), ("ian bait", 2))) == {}
    assert name_variants(people(("ian roe", 4), ("ian rose", 2))) == {}


def test_a_pet_form_of_the_given_name_is_one_person() -> None:
    assert name_variants(people(("katie orrin", 6), ("kathryn orrin", 3))) == {
        ("person", "kathryn", "orrin"): ("person", "katie", "orrin")
    }
    assert name_variants(people(("danny vask", 1), ("daniel vask", 4))) == {
        ("person", "danny", "vask"): ("person", "daniel", "vask")
    }
    # Two given names, not a pet form: sisters stay apart.
    assert name_variants(people(("julie orrin", 2), ("julia orrin", 2))) == {}


def test_an_institution_called_a_center_a_clinic_or_a_treatment_center_is_one_institution() -> None:
    found = other_name_variants(
        others(
            ("organization", "quarry hill center", 7),
            ("organization", "quarry hill clinic", 2),
            ("organization", "quarry hill treatment center", 1),
            ("organization", "lisk hospital", 2),  # one word left: a town's hospital and its clinic
            ("organization", "lisk clinic", 1),
            ("place", "quarry hill hospital", 1),  # another type stays apart
        )
    )
    assert found == {
        ("organization", "quarry hill clinic"): ("organization", "quarry hill center"),
        ("organization", "quarry hill treatment center"): ("organization", "quarry hill center"),
    }


def test_institution_core_needs_a_closing_word_for_the_kind_and_two_words_left() -> None:
    assert institution_core("quarry hill recovery center") == "quarry hill"
    assert institution_core("quarry hill") is None
    assert institution_core("lisk hospital") is None
    assert institution_core("quarry hill medical school") is None


def test_a_familiar_form_of_a_given_name_is_one_person_with_the_same_surname() -> None:
    found = name_variants(
        people(("bill arden", 2), ("william arden", 5), ("peggy lusk", 1), ("margaret lusk", 3))
    )
    assert found == {
        ("person", "bill", "arden"): ("person", "william", "arden"),
        ("person", "peggy", "lusk"): ("person", "margaret", "lusk"),
    }


def test_a_familiar_form_that_fits_two_people_joins_neither() -> None:
    # "Harry" is a familiar form of both Henry and Harold: two brothers stay apart from it.
    assert name_variants(people(("harry voss", 1), ("henry voss", 2), ("harold voss", 2))) == {}


def test_given_name_forms_by_rule_and_by_table() -> None:
    assert given_name_forms("theo", "theodore")
    assert given_name_forms("katie", "kathryn")
    assert given_name_forms("bill", "william")
    assert not given_name_forms("bill", "robert")
    assert not given_name_forms("ana", "ann")


def test_two_people_of_one_family_are_joined_by_no_other_form_of_the_given_name() -> None:
    # "Deputy Jerry Vask" and "his stepson, Jeremy Vask": "Jerry" may be short for "Jeremy", but the
    # story names the second as the first's relative, so they are two people.
    pair = people(("jerry vask", 6), ("jeremy vask", 2))
    assert (
        name_variants(
            pair, frozenset({frozenset({("person", "jerry", "vask"), ("person", "jeremy", "vask")})})
        )
        == {}
    )
    # Without that, one man's two names, as before.
    assert name_variants(pair) == {("person", "jeremy", "vask"): ("person", "jerry", "vask")}


def test_a_slipped_letter_in_a_family_members_name_is_still_one_person() -> None:
    pair = people(("jermaine oduya", 5), ("jermayne oduya", 1))
    apart = frozenset({frozenset(pair)})
    assert name_variants(pair, apart) == {("person", "jermayne", "oduya"): ("person", "jermaine", "oduya")}


def test_a_given_name_with_one_letter_written_twice_is_one_person() -> None:
    found = name_variants(people(("kasim orlan", 5), ("kassim orlan", 1)))
    assert found == {("person", "kassim", "orlan"): ("person", "kasim", "orlan")}


def test_a_doubled_letter_in_a_three_letter_name_is_another_name() -> None:
    assert name_variants(people(("ana velt", 3), ("anna velt", 2))) == {}


def test_a_chain_of_transliterations_is_one_person_when_the_others_are_rare() -> None:
    found = name_variants(people(("farhad ostrel", 4), ("ferhad ostrel", 1), ("fehrad ostrel", 2)))
    assert found == {
        ("person", "fehrad", "ostrel"): ("person", "farhad", "ostrel"),
        ("person", "ferhad", "ostrel"): ("person", "farhad", "ostrel"),
    }


def test_a_chain_of_names_each_written_often_is_a_family() -> None:
    found = name_variants(people(("christina dormer", 6), ("christine dormer", 4), ("christian dormer", 3)))
    assert found == {}


def test_a_chain_joined_by_a_short_form_is_left_alone() -> None:
    found = name_variants(people(("frederick sollis", 5), ("frederik sollis", 1), ("fred sollis", 1)))
    assert found == {}


def test_spelling_slip_is_a_letter_in_a_long_word_or_a_doubled_letter() -> None:
    assert spelling_slip("siddique", "sidique")
    assert spelling_slip("nabila", "nabela")
    assert not spelling_slip("eric", "erica")
    assert not spelling_slip("omar", "omer")


def test_british_and_american_spellings_of_programme_and_organisation_are_one_name() -> None:
    names: dict[Key, tuple[EntityType, str, int]] = {
        ("organization", "lisk food programme"): ("organization", "lisk food programme", 1),
        ("organization", "lisk food program"): ("organization", "lisk food program", 3),
        ("organization", "velmar health organisation"): ("organization", "velmar health organisation", 2),
        ("organization", "velmar health organization"): ("organization", "velmar health organization", 1),
    }
    assert other_name_variants(names) == {
        ("organization", "lisk food programme"): ("organization", "lisk food program"),
        ("organization", "velmar health organization"): ("organization", "velmar health organisation"),
    }
