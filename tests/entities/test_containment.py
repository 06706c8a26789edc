"""Short names folded into the one longer name they stand for, within a type and across types."""

from __future__ import annotations

from dossier.briefing import EntityType
from dossier.entities import entities_stage
from dossier.entities.containment import contained_names
from reading import story_naming

Key = tuple[str, ...]


def names(*entries: tuple[EntityType, str]) -> dict[Key, tuple[EntityType, tuple[str, ...]]]:
    return {(kind, name): (kind, tuple(name.split())) for kind, name in entries}


def test_a_team_read_as_a_person_joins_its_full_name() -> None:
    found = contained_names(names(("person", "herons"), ("organization", "port lisk herons")))
    assert found == {("person", "herons"): ("organization", "port lisk herons")}


def test_a_surname_pair_read_as_an_organization_joins_the_person() -> None:
    found = contained_names(names(("organization", "van dorn"), ("person", "elke van dorn")))
    assert found == {("organization", "van dorn"): ("person", "elke van dorn")}


def test_a_place_never_becomes_a_person_nor_the_end_of_an_of_name() -> None:
    found = contained_names(
        names(
            ("place", "marlow"),
            ("person", "tessa marlow"),
            ("place", "velmora"),
            ("organization", "bank of velmora"),
        )
    )
    assert found == {}


def test_a_place_read_for_a_team_joins_the_team() -> None:
    found = contained_names(names(("place", "gulls"), ("organization", "lisk bay gulls")))
    assert found == {("place", "gulls"): ("organization", "lisk bay gulls")}


def test_two_longer_names_leave_the_short_one_alone() -> None:
    found = contained_names(
        names(("person", "rovers"), ("organization", "lisk rovers"), ("other", "marlow rovers"))
    )
    assert found == {}


def test_places_do_not_fold_into_longer_places() -> None:
    assert contained_names(names(("place", "heights"), ("place", "kessel heights"))) == {}


def test_a_full_name_glued_to_a_team_stays_the_person() -> None:
    found = contained_names(names(("person", "ana roe"), ("organization", "lisk gulls qb ana roe")))
    assert found == {}


def test_a_place_without_its_geographic_noun_is_that_place() -> None:
    found = contained_names(names(("place", "velmar"), ("place", "velmar sea"), ("place", "lisk city")))
    assert found == {("place", "velmar"): ("place", "velmar sea")}
    two = names(("place", "velmar"), ("place", "velmar sea"), ("place", "velmar river"))
    assert contained_names(two) == {}


def test_organizations_and_other_names_fold_into_each_other() -> None:
    # The recognizer calls one clinic an organization here and a facility there.
    found = contained_names(names(("other", "harrowgate"), ("organization", "harrowgate recovery centre")))
    assert found == {("other", "harrowgate"): ("organization", "harrowgate recovery centre")}


def test_a_short_name_goes_to_the_longer_name_the_story_is_about() -> None:
    entries = names(
        ("organization", "navy"), ("organization", "ruritanian navy"), ("organization", "velmish navy")
    )
    weights: dict[Key, int] = {("organization", "ruritanian navy"): 20, ("organization", "velmish navy"): 2}
    assert contained_names(entries, weights) == {
        ("organization", "navy"): ("organization", "ruritanian navy")
    }
    # Named about as often, neither is the story's: the short name stays on its own.
    weights[("organization", "velmish navy")] = 9
    assert contained_names(entries, weights) == {}
    assert contained_names(entries) == {}


def test_an_initial_and_a_surname_join_the_person_with_that_middle_initial() -> None:
    found = contained_names(names(("person", "l odell"), ("person", "mara l odell"), ("person", "tom odell")))
    assert found == {("person", "l odell"): ("person", "mara l odell")}
    # Two people it could be: it stays apart.
    found = contained_names(names(("person", "l odell"), ("person", "mara l odell"), ("person", "lou odell")))
    assert found == {}


def test_a_lone_word_read_as_a_person_is_the_one_body_it_opens() -> None:
    found = contained_names(names(("person", "harrowgate"), ("organization", "harrowgate recovery centre")))
    assert found == {("person", "harrowgate"): ("organization", "harrowgate recovery centre")}


def test_a_lone_word_stays_a_person_when_a_person_bears_it_or_a_paper_opens_with_it() -> None:
    # Someone of the story is named Kell: the bare "Kell" is a surname, not the bank.
    found = contained_names(names(("person", "kell"), ("person", "ivo kell"), ("organization", "kell bank")))
    assert ("person", "kell") not in found
    # A newspaper's name opens with its city: "Lisk" is not the Lisk Herald.
    assert contained_names(names(("person", "lisk"), ("organization", "lisk herald"))) == {}


def test_a_lone_word_read_as_a_person_is_the_one_team_it_closes_whatever_its_type() -> None:
    found = contained_names(names(("person", "otters"), ("place", "harrowby otters")))
    assert found == {("person", "otters"): ("place", "harrowby otters")}


def test_a_lone_word_does_not_close_a_natural_place_an_of_name_or_two_names() -> None:
    assert contained_names(names(("person", "velmar"), ("place", "lake velmar"))) == {}
    assert contained_names(names(("person", "velmar"), ("organization", "bank of velmar"))) == {}
    found = contained_names(
        names(("person", "otters"), ("place", "harrowby otters"), ("organization", "lisk otters"))
    )
    assert ("person", "otters") not in found


def test_the_words_of_a_name_folded_into_another_person_do_not_hold_the_lone_word() -> None:
    # "Otters Dane Kessler" is Dane Kessler with his team glued before: "Otters" is not his name.
    found = contained_names(
        names(
            ("person", "otters"),
            ("person", "otters dane kessler"),
            ("person", "dane kessler"),
            ("organization", "harrowby otters"),
        )
    )
    assert found[("person", "otters")] == ("organization", "harrowby otters")
    assert found[("person", "otters dane kessler")] == ("person", "dane kessler")


def test_among_several_longer_names_the_short_one_goes_to_the_one_it_heads() -> None:
    # "Academy" heads "Academy of Lisk Arts" and only qualifies "Academy Prizes", named far more.
    found = contained_names(
        names(
            ("organization", "academy"),
            ("organization", "academy prizes"),
            ("organization", "academy of lisk arts"),
        ),
        {("organization", "academy prizes"): 40, ("organization", "academy of lisk arts"): 6},
    )
    assert found == {("organization", "academy"): ("organization", "academy of lisk arts")}


def test_a_short_name_that_heads_no_longer_name_still_goes_to_the_only_one() -> None:
    found = contained_names(names(("organization", "morningside"), ("organization", "morningside clinic")))
    assert found == {("organization", "morningside"): ("organization", "morningside clinic")}


def test_a_foreign_joining_word_ends_the_head_of_a_name() -> None:
    # "Academia" heads "Academia del Mar" and only qualifies "Academia Awards". "Mar" closes the
    # first after "del", what it is about, not its head: between it and "Mar Festival", named as
    # often, it stays alone.
    found = contained_names(
        names(
            ("organization", "mar"),
            ("organization", "academia del mar"),
            ("organization", "academia awards"),
            ("organization", "mar festival"),
            ("organization", "academia"),
        ),
        {
            ("organization", "academia del mar"): 1,
            ("organization", "academia awards"): 1,
            ("organization", "mar festival"): 1,
        },
    )
    assert found == {("organization", "academia"): ("organization", "academia del mar")}


def test_a_name_is_not_absorbed_by_a_longer_one_that_goes_on_with_its_own_head() -> None:
    found = contained_names(
        names(
            ("organization", "marrow assembly"),
            ("organization", "marrow assembly harbour works committee"),
            ("organization", "skylisk"),
            ("organization", "skylisk flight 31"),
        )
    )
    assert found == {}


def test_the_head_noun_counts_even_past_a_joining_word() -> None:
    found = contained_names(
        names(("organization", "ronde de velm"), ("organization", "ronde de velm prologue"))
    )
    assert found == {}


def test_a_short_name_goes_to_the_name_it_closes_not_to_a_body_it_qualifies() -> None:
    found = contained_names(
        names(
            ("organization", "vell union"),
            ("organization", "vell union youth fund"),
            ("organization", "vell union trade council"),
            ("organization", "greater vell union"),
        )
    )
    assert found == {("organization", "vell union"): ("organization", "greater vell union")}


def test_a_bare_name_still_stands_for_its_name_with_a_plain_designation() -> None:
    found = contained_names(
        names(
            ("organization", "quorran"),
            ("organization", "quorran university"),
            ("organization", "brell scouts"),
            ("organization", "brell scouts of lisk"),
        )
    )
    assert found == {
        ("organization", "quorran"): ("organization", "quorran university"),
        ("organization", "brell scouts"): ("organization", "brell scouts of lisk"),
    }


def test_a_lone_word_read_as_a_person_skips_a_body_it_qualifies() -> None:
    found = contained_names(
        names(
            ("person", "ronde"),
            ("organization", "ronde de velm"),
            ("organization", "ronde de velm prologue"),
        )
    )
    assert found == {("person", "ronde"): ("organization", "ronde de velm")}


def test_an_acronym_is_not_the_programme_or_branch_whose_name_it_opens() -> None:
    found = contained_names(
        names(("organization", "lbc"), ("organization", "lbc nine o'clock bulletin")),
        acronyms={("organization", "lbc")},
    )
    assert found == {}
    found = contained_names(
        names(("organization", "ktv"), ("organization", "ktv evening")), acronyms={("organization", "ktv")}
    )
    assert found == {}


def test_an_acronym_still_joins_its_name_with_a_designation_after_it() -> None:
    found = contained_names(
        names(("organization", "lbc"), ("organization", "lbc news agency")),
        acronyms={("organization", "lbc")},
    )
    assert found == {("organization", "lbc"): ("organization", "lbc news agency")}


def test_a_word_that_is_no_acronym_still_opens_its_longer_name() -> None:
    found = contained_names(names(("organization", "velmar"), ("organization", "velmar evening")))
    assert found == {("organization", "velmar"): ("organization", "velmar evening")}


def test_a_bare_chamber_is_not_a_building_nor_a_state_chamber_that_ends_with_its_word() -> None:
    assert contained_names(names(("organization", "house"), ("organization", "white house"))) == {}
    assert contained_names(names(("organization", "senate"), ("organization", "lisk senate"))) == {}


def test_a_bare_chamber_is_the_chamber_of_a_country() -> None:
    found = contained_names(names(("organization", "senate"), ("organization", "u.s senate")))
    assert found == {("organization", "senate"): ("organization", "u.s senate")}
    found = contained_names(names(("organization", "parliament"), ("organization", "greek parliament")))
    assert found == {("organization", "parliament"): ("organization", "greek parliament")}


def test_a_name_after_a_preposition_in_a_longer_one_is_another_thing() -> None:
    found = contained_names(
        names(
            ("organization", "harrow yuan"),
            ("organization", "trade council of harrow yuan"),
            ("place", "velmora"),
            ("organization", "bell hall in velmora"),
            ("other", "ardent pact"),
            ("other", "a long road to ardent pact"),
        )
    )
    assert found == {}


def test_a_numbered_part_of_a_text_still_cites_the_text() -> None:
    found = contained_names(names(("other", "lisk water act"), ("other", "section 9 of the lisk water act")))
    assert found == {("other", "lisk water act"): ("other", "section 9 of the lisk water act")}


def test_items_of_a_list_run_into_one_name_are_not_its_short_forms() -> None:
    found = contained_names(
        names(
            ("organization", "herons"),
            ("other", "gulls and herons"),
            ("organization", "velmar partners"),
            ("organization", "ardley, velmar partners"),
            ("place", "dunmore"),
            ("organization", "ashby, tolland and dunmore"),
        )
    )
    assert found == {}


def test_a_head_joined_by_and_still_closes_its_name() -> None:
    found = contained_names(
        names(("organization", "game service"), ("organization", "lisk fish and game service"))
    )
    assert found == {("organization", "game service"): ("organization", "lisk fish and game service")}


def test_a_name_the_story_writes_as_an_object_is_not_the_short_form_of_a_name_it_opens() -> None:
    found = contained_names(
        names(
            ("organization", "state of lisk"),
            ("organization", "state of lisk dental society"),
            ("organization", "dental society of the state of lisk"),
        )
    )
    assert found == {}


def test_a_team_written_in_a_list_still_closes_its_full_name() -> None:
    found = contained_names(
        names(
            ("organization", "gulls"),
            ("organization", "herons"),
            ("organization", "herons and gulls"),
            ("organization", "port lisk gulls"),
        )
    )
    assert found[("organization", "gulls")] == ("organization", "port lisk gulls")


def test_the_first_of_two_names_run_together_is_not_their_short_form() -> None:
    found = contained_names(names(("organization", "herons"), ("organization", "herons and gulls")))
    assert found == {}


def test_a_place_written_as_a_place_is_not_the_end_of_a_body_name() -> None:
    bodies: dict[str, EntityType] = {
        "Velmora": "place",
        "Harbour Radio Velmora": "organization",
        "Ardley Vale Park": "place",
        "Old Ardley Vale Park": "organization",
    }
    story = entities_stage(
        story_naming(
            (
                "Harbour Radio Velmora reported the storm first. Schools in Velmora closed at noon.",
                "Walkers were turned back in Ardley Vale Park. Old Ardley Vale Park stays shut in winter.",
                "Rangers said the paths in Old Ardley Vale Park would reopen.",
            ),
            bodies,
        )
    )
    found = {entity.name: {entity.name, *entity.aliases} for entity in story.entities}
    assert "Velmora" in found
    assert "Velmora" not in found["Harbour Radio Velmora"]
    assert "Ardley Vale Park" in found["Old Ardley Vale Park"]


def test_a_bare_party_or_court_is_not_a_state_s_own() -> None:
    found = contained_names(
        names(
            ("place", "lisk"),
            ("organization", "labour party"),
            ("organization", "lisk labour party"),
            ("place", "ardley"),
            ("organization", "high court"),
            ("organization", "ardley's high court"),
        )
    )
    assert found == {}


def test_a_bare_party_or_court_still_joins_its_longer_name_elsewhere() -> None:
    found = contained_names(
        names(
            ("organization", "labour party"),
            ("organization", "lisk labour party"),
            ("organization", "high court"),
            ("organization", "u.s high court"),
        )
    )
    assert found == {
        ("organization", "labour party"): ("organization", "lisk labour party"),
        ("organization", "high court"): ("organization", "u.s high court"),
    }


def test_a_person_is_not_the_administration_or_campaign_named_after_them() -> None:
    found = contained_names(
        names(
            ("person", "vellinger"),
            ("organization", "vellinger administration"),
            ("person", "brenta"),
            ("organization", "brenta campaign"),
        )
    )
    assert found == {}


def test_a_bare_party_stays_the_country_s_when_a_state_s_own_is_named_too() -> None:
    found = contained_names(
        names(
            ("place", "lisk"),
            ("organization", "labour party"),
            ("organization", "lisk labour party"),
            ("organization", "labour party of ardley"),
        )
    )
    assert found == {}


def _story_with_lone_word_and_body(title: str | None) -> dict[tuple[str, ...], str]:
    from dossier.entities.canonical import _fold_contained, _Story

    story = _Story()
    person = story.builder(("person", "velmar"), "person")
    person.surfaces["Velmar"] = 4
    if title is not None:
        person.add_role(title, "a1")
    body = story.builder(("organization", "velmar to resign"), "organization")
    body.surfaces["Velmar To Resign"] = 1
    _fold_contained(story, [])
    return {key: builder.type for key, builder in story.builders.items()}


def test_a_person_the_story_gives_a_title_goes_into_no_bodys_name() -> None:
    # A headline read as an organization ("Velmar To Resign") must not take the president's mentions.
    assert _story_with_lone_word_and_body("President") == {
        ("person", "velmar"): "person",
        ("organization", "velmar to resign"): "organization",
    }


def test_a_lone_word_without_a_title_still_goes_into_the_one_body_it_opens() -> None:
    assert _story_with_lone_word_and_body(None) == {("organization", "velmar to resign"): "organization"}
    # A run of words the recognizer read as a role, with no title word, is no title.
    assert _story_with_lone_word_and_body("with five passes including") == {
        ("organization", "velmar to resign"): "organization"
    }
