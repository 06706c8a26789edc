"""Linking mentions across two invented articles into canonical entities."""

from __future__ import annotations

from dossier.briefing import Briefing, Entity, EntityType
from dossier.entities import OUTLET_ROLE, EntityIndex, entities_stage
from reading import analyzed_story, story_naming

from .conftest import fixture_article, make_article


def by_name(story: Briefing, name: str) -> Entity:
    matches = [e for e in story.entities if e.name == name]
    assert len(matches) == 1, [e.name for e in story.entities]
    return matches[0]


def mention_texts(story: Briefing, entity: Entity) -> list[str]:
    return [story.article(m.article_id).text[m.start : m.end] for m in entity.mentions]


def test_short_names_join_the_full_name(talks_story: Briefing) -> None:
    kowal = by_name(talks_story, "Jan Kowal")
    assert kowal.type == "person"
    assert "Kowal" in kowal.aliases
    assert "Kowal" in mention_texts(talks_story, kowal)


def test_one_person_across_articles_with_roles_per_article(talks_story: Briefing) -> None:
    ostend = by_name(talks_story, "Maria Ostend")
    assert {m.article_id for m in ostend.mentions} == {a.id for a in talks_story.articles}
    titles = {role.title.casefold() for role in ostend.roles}
    assert any("secretary of state" in title for title in titles)
    for role in ostend.roles:
        assert role.article_ids


def test_shared_surnames_stay_different_people(talks_story: Briefing) -> None:
    wenli = by_name(talks_story, "Zhou Wenli")
    hanqing = by_name(talks_story, "Zhou Hanqing")
    assert wenli.id != hanqing.id
    # A bare "Zhou" right after Zhou Hanqing was introduced is him, not Zhou Wenli.
    assert "Zhou" in mention_texts(talks_story, hanqing)
    assert "Zhou" not in wenli.aliases


def test_appositive_and_possessive_roles(talks_story: Briefing) -> None:
    assert any("ambassador" in r.title for r in by_name(talks_story, "Zhou Wenli").roles)
    assert any("spokesman" in r.title for r in by_name(talks_story, "Zhou Hanqing").roles)
    assert [r.title for r in by_name(talks_story, "Xu Ling").roles] == ["China's top diplomat"]


def test_country_aliases_and_demonyms_fold_into_one_place(talks_story: Briefing) -> None:
    usa = by_name(talks_story, "United States")
    assert usa.type == "place"
    assert {"U.S.", "US", "America"} <= set(usa.aliases)
    china = by_name(talks_story, "China")
    assert "Chinese" in china.aliases
    assert not any(e.type == "person" and e.name in {"Chinese", "American"} for e in talks_story.entities)


def test_outlets_are_recognized_as_outlets(talks_story: Briefing) -> None:
    herald = by_name(talks_story, "Coastline Herald")
    assert herald.type == "organization"
    assert [r.title for r in herald.roles] == [OUTLET_ROLE]


def test_nominal_references_join_the_one_person_with_that_office(talks_story: Briefing) -> None:
    assert "minister" in mention_texts(talks_story, by_name(talks_story, "Jan Kowal"))
    assert "Secretary" in mention_texts(talks_story, by_name(talks_story, "Maria Ostend"))


def test_mentions_are_inside_their_articles_and_sorted(talks_story: Briefing) -> None:
    order = {a.id: i for i, a in enumerate(talks_story.articles)}
    for entity in talks_story.entities:
        assert entity.mentions
        keys = [(order[m.article_id], m.start) for m in entity.mentions]
        assert keys == sorted(keys)
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(talks_story.article(mention.article_id).text)


def test_ids_are_stable_and_unique(talks_story: Briefing) -> None:
    again = entities_stage(analyzed_story(articles=talks_story.articles))
    assert again.entities == talks_story.entities
    ids = [e.id for e in talks_story.entities]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("e-") and len(i) == 14 for i in ids)


def test_ambiguous_surname_without_context_stays_unresolved() -> None:
    texts = (
        "Ana Berg and Ola Berg arrived in Lisk on Monday.",
        "Berg said nothing more about the port on Tuesday.",
    )
    people: dict[str, EntityType] = {"Ana Berg": "person", "Ola Berg": "person", "Berg": "person"}
    story = entities_stage(story_naming(texts, people))
    second = story.articles[1]
    persons = {e.name for e in story.entities if e.type == "person"}
    assert {"Ana Berg", "Ola Berg"} <= persons
    lone = [e for e in story.entities if e.name == "Berg"]
    assert len(lone) == 1
    assert all(m.article_id == second.id for m in lone[0].mentions)


def test_index_finds_entities_by_span_and_by_name(talks_story: Briefing) -> None:
    index = EntityIndex.of(talks_story)
    kowal = by_name(talks_story, "Jan Kowal")
    first = kowal.mentions[0]
    assert index.at(first.article_id, first.start, first.end) == kowal
    assert index.at(first.article_id, first.start, first.end + 12) == kowal  # overlap is enough
    assert index.at(first.article_id, 0, 0) is None
    assert index.named("jan kowal") == kowal
    assert index.named("Kowal") == kowal
    assert index.named("Kowal", type="place") is None
    assert index.named("Zhou") is None  # two people called Zhou


def test_articles_without_sentences_are_read_whole() -> None:
    article = fixture_article("a_talks.txt")
    bare = make_article(article.text)
    from dataclasses import replace

    story = entities_stage(analyzed_story(articles=(replace(bare, sentences=(), paragraphs=()),)))
    assert any(e.name == "Jan Kowal" for e in story.entities)


def test_an_acronym_in_brackets_joins_its_long_name() -> None:
    first = make_article(
        "The Northern Shipping Union (NSU) said on Monday it would strike. The NSU has 400 members.",
        "1.txt",
    )
    later = make_article("The NSU confirmed the strike on Tuesday.", "2.txt")
    story = entities_stage(analyzed_story(articles=(first, later)))
    union = [e for e in story.entities if "NSU" in e.aliases]
    assert len(union) == 1
    assert union[0].name == "Northern Shipping Union"
    assert {m.article_id for m in union[0].mentions} == {first.id, later.id}
    assert not any(e.name == "NSU" for e in story.entities)


def test_a_one_word_name_that_owns_an_office_is_not_a_person() -> None:
    text = (
        "Veldmark said on Monday that the talks would go on. Veldmark wants the dam opened. "
        "Veldmark’s president, Ana Vell, agreed. Later Veldmark and Lisk signed the deal."
    )
    named: dict[str, EntityType] = {"Veldmark": "person", "Ana Vell": "person", "Lisk": "place"}
    story = entities_stage(story_naming((text,), named))
    assert not any(e.type == "person" and e.name == "Veldmark" for e in story.entities)
    assert any(e.type == "person" and e.name == "Ana Vell" for e in story.entities)


def test_a_bare_surname_goes_to_the_bearer_the_story_is_about() -> None:
    texts = (
        "Orin Tallis, the ferry captain, retired on Monday. Orin Tallis sailed for forty years.",
        "Orin Tallis steered his last crossing at dawn. Friends said Orin Tallis was calm.",
        "Orin Tallis and his sister Petra Tallis came to the quay. Tallis waved as the ferry docked.",
    )
    people: dict[str, EntityType] = {"Orin Tallis": "person", "Petra Tallis": "person", "Tallis": "person"}
    story = entities_stage(story_naming(texts, people))
    assert "Tallis" in mention_texts(story, by_name(story, "Orin Tallis"))
    assert mention_texts(story, by_name(story, "Petra Tallis")) == ["Petra Tallis"]
    assert not [e for e in story.entities if e.name == "Tallis"]


def test_a_demonym_standing_for_people_is_not_a_mention_of_the_country() -> None:
    text = (
        "Two Australians were rescued from the glacier on Sunday. "
        "The Australian government thanked the rescue team in Lisk."
    )
    story = entities_stage(analyzed_story(articles=(make_article(text),)))
    australia = by_name(story, "Australia")
    assert mention_texts(story, australia) == ["Australian"]
    assert australia.mentions[0].start == text.index("Australian government")


def test_letters_after_a_name_are_a_position_not_the_surname() -> None:
    texts = (
        "Gulls RB Tomas Brell ran for two touchdowns as the Port Lisk Gulls won on Sunday.",
        "The Gulls will face the Herons next week. Tomas Brell rested his knee.",
    )
    names: dict[str, EntityType] = {
        "Gulls RB": "person",
        "Gulls": "person",
        "Tomas Brell": "person",
        "Port Lisk Gulls": "organization",
    }
    story = entities_stage(story_naming(texts, names))
    team = by_name(story, "Port Lisk Gulls")
    assert sorted(mention_texts(story, team)) == ["Gulls", "Gulls RB", "Port Lisk Gulls"]


def test_a_short_name_spelled_another_way_joins_the_long_name() -> None:
    texts = (
        "Patients left the Velmar Recovery Centre on Monday.",
        "Staff at Recovery Center said the building was safe.",
    )
    names: dict[str, EntityType] = {
        "Velmar Recovery Centre": "organization",
        "Recovery Center": "organization",
    }
    story = entities_stage(story_naming(texts, names))
    (centre,) = [e for e in story.entities if e.type == "organization"]
    assert sorted(mention_texts(story, centre)) == ["Recovery Center", "Velmar Recovery Centre"]


def test_a_full_name_with_initials_and_suffix_read_as_a_body_is_the_person() -> None:
    texts = (
        "Ana Roe, the former harbour master, died on Sunday.",
        "Records name him as W. Ana Roe Jr in the port ledger.",
    )
    names: dict[str, EntityType] = {"Ana Roe": "person", "W. Ana Roe Jr": "organization"}
    story = entities_stage(story_naming(texts, names))
    (roe,) = [e for e in story.entities if e.type == "person"]
    assert sorted(mention_texts(story, roe)) == ["Ana Roe", "W. Ana Roe Jr"]
    assert not [e for e in story.entities if e.type == "organization"]


def test_a_name_without_its_middle_part_read_as_a_body_is_the_person() -> None:
    # The tagger reads the short form as an organization wherever it stands; the full name
    # the story gives with a middle name says whose it is.
    texts = (
        "Mara Lin Odell, who built the lighthouse museum, died on Friday.",
        "Mara Odell opened the museum in 1988. Visitors still ask for Mara Odell by name.",
    )
    names: dict[str, EntityType] = {"Mara Lin Odell": "person", "Mara Odell": "organization"}
    story = entities_stage(story_naming(texts, names))
    (odell,) = [e for e in story.entities if e.type == "person"]
    assert sorted(mention_texts(story, odell)) == ["Mara Lin Odell", "Mara Odell", "Mara Odell"]
    assert not [e for e in story.entities if e.type == "organization"]


def test_a_name_opening_with_a_word_for_a_natural_place_is_no_person() -> None:
    texts = (
        "Mount Orrin reopened to climbers on Monday after the storm.",
        "Guides said Mt Orrin was still icy near the top, and Lake Tessel had frozen over.",
    )
    names: dict[str, EntityType] = {"Mount Orrin": "person", "Mt Orrin": "place", "Lake Tessel": "person"}
    story = entities_stage(story_naming(texts, names))
    assert not [e.name for e in story.entities if e.type == "person"]
    (orrin,) = [e for e in story.entities if "Orrin" in e.name]
    assert orrin.type == "place"
    assert sorted(mention_texts(story, orrin)) == ["Mount Orrin", "Mt Orrin"]


def test_a_score_or_record_read_into_a_name_is_left_out_of_it() -> None:
    texts = (
        "The Harrow Gulls beat Lisk 51-50 on Saturday night.",
        "Lisk had won eleven straight. Velmar Stars 60-58 was the other result; the Velmar Stars lead.",
    )
    names: dict[str, EntityType] = {
        "Lisk 51-50": "organization",
        "Lisk": "organization",
        "Harrow Gulls": "organization",
        "Velmar Stars 60-58": "organization",
        "Velmar Stars": "organization",
    }
    story = entities_stage(story_naming(texts, names))
    assert mention_texts(story, by_name(story, "Lisk")) == ["Lisk", "Lisk"]
    assert mention_texts(story, by_name(story, "Velmar Stars")) == ["Velmar Stars", "Velmar Stars"]
    assert not [e.name for e in story.entities if any(c.isdigit() for c in e.name)]


def test_a_full_name_with_a_middle_initial_is_not_cut_to_the_initial_and_surname() -> None:
    texts = (
        "The council named Tova L. Brand to run the port on Monday. Tova Brand starts in May.",
        "L. Brand, the new harbour master, spoke briefly.",
    )
    names: dict[str, EntityType] = {"Tova L. Brand": "person", "Tova Brand": "person", "L. Brand": "person"}
    story = entities_stage(story_naming(texts, names))
    (brand,) = [e for e in story.entities if e.type == "person"]
    assert brand.name == "Tova L. Brand"
    assert sorted(mention_texts(story, brand)) == ["L. Brand", "Tova Brand", "Tova L. Brand"]


def test_a_familiar_given_name_read_as_a_place_is_the_person() -> None:
    # The tagger reads the familiar form with the surname as a place; the story's full name
    # with the formal given name says whose name it is.
    texts = (
        "The club named Maurice Talbot its new coach on Tuesday.",
        "Players said they trusted Mo Talbot. Mo Talbot had coached the reserves for years.",
    )
    names: dict[str, EntityType] = {"Maurice Talbot": "person", "Mo Talbot": "place"}
    story = entities_stage(story_naming(texts, names))
    (talbot,) = [e for e in story.entities if e.type == "person"]
    assert sorted(mention_texts(story, talbot)) == ["Maurice Talbot", "Mo Talbot", "Mo Talbot"]
    assert not [e for e in story.entities if e.type == "place"]


def test_a_team_glued_before_a_player_is_no_short_name_of_the_player() -> None:
    # The tagger reads the team's nickname alone as a person and once glues it to a player's
    # name; the bare nickname is then the team, never the player.
    texts = (
        "The Harrowby Otters lost again on Sunday. Otters fans left early.",
        "Otters Dane Kessler ran for 90 yards. Dane Kessler hurt his knee late.",
        "The Otters said Kessler would miss two weeks.",
    )
    names: dict[str, EntityType] = {
        "Harrowby Otters": "organization",
        "Otters": "person",
        "Otters Dane Kessler": "other",
        "Dane Kessler": "person",
        "Kessler": "person",
    }
    story = entities_stage(story_naming(texts, names))
    (kessler,) = [e for e in story.entities if e.type == "person"]
    assert "Otters" not in mention_texts(story, kessler)
    team = by_name(story, "Harrowby Otters")
    assert sorted(mention_texts(story, team)) == ["Harrowby Otters", "Otters", "Otters"]


def test_a_name_read_across_an_unpaired_bracket_is_cut_at_it() -> None:
    # The recognizer ran both names on past a bracket that opens or closes outside them.
    story = entities_stage(
        story_naming(
            (
                "She checked into [Velmar Recovery] in Lisk on Friday. Velmar Recovery confirmed it.",
                "The Lisk Harbour Board (LHB said the pier would close. The Lisk Harbour Board met.",
            ),
            {
                "Velmar Recovery] in": "organization",
                "Velmar Recovery": "organization",
                "Lisk": "place",
                "Lisk Harbour Board (LHB": "organization",
                "Lisk Harbour Board": "organization",
            },
        )
    )
    clinic = by_name(story, "Velmar Recovery")
    assert mention_texts(story, clinic) == ["Velmar Recovery", "Velmar Recovery"]
    board = by_name(story, "Lisk Harbour Board")
    assert mention_texts(story, board) == ["Lisk Harbour Board", "Lisk Harbour Board"]
    assert not [e.name for e in story.entities if "(" in e.name or "]" in e.name]


def test_one_person_whatever_accents_apostrophes_or_spacing_of_initials_the_outlets_use() -> None:
    story = entities_stage(
        story_naming(
            (
                "Coach José Ortega praised A. J. Roe after the game. Ortega said Jamie O’Dell was tired.",
                "Jose Ortega said A.J. Roe will start again. Jamie O'Dell did not travel.",
            ),
            {
                "José Ortega": "person",
                "Jose Ortega": "person",
                "Ortega": "person",
                "A. J. Roe": "person",
                "A.J. Roe": "person",
                "Jamie O’Dell": "person",
                "Jamie O'Dell": "person",
            },
        )
    )
    forms = sorted(sorted({e.name, *e.aliases}) for e in story.entities if e.type == "person")
    assert forms == [
        ["A. J. Roe", "A.J. Roe"],
        ["Jamie O'Dell", "Jamie O’Dell"],
        ["Jose Ortega", "José Ortega", "Ortega"],
    ]


def test_initials_that_spell_a_country_are_no_given_name() -> None:
    story = entities_stage(
        story_naming(
            ("The U. S. Navy said Ana Roe would lead. The Navy said so again.",),
            {"U. S. Navy": "organization", "Ana Roe": "person"},
        )
    )
    assert "U. S. Navy" in {e.name for e in story.entities}


def test_a_bare_title_read_as_a_person_is_no_entity() -> None:
    # The tagger reads "Mayor" as a person of its own, beside the name it titles and alone: an office
    # names no one, so it makes no person and joins no holder's name.
    texts = (
        "Mayor Edda Quill opened the harbour wall on Monday.",
        "Repairs went on for weeks, and the Mayor said the wall would hold. Mayor Quill thanked the crews.",
    )
    story = entities_stage(
        story_naming(texts, {"Edda Quill": "person", "Quill": "person", "Mayor": "person"})
    )
    persons = {e.name: e for e in story.entities if e.type == "person"}
    assert set(persons) == {"Edda Quill"}
    assert "Mayor" not in mention_texts(story, persons["Edda Quill"])


def test_a_relative_with_another_form_of_the_given_name_stays_another_person() -> None:
    texts = (
        "Deputy Jerry Vantle was shot on Friday night near the depot.",
        "Deputy Jerry Vantle left a wife and three children.\n\n"
        "His stepson, Jeremy Vantle, read a letter to the court.",
        "Jeremy Vantle, one of the deputy's sons, said the family was relieved.",
    )
    story = entities_stage(story_naming(texts, {"Jerry Vantle": "person", "Jeremy Vantle": "person"}))
    assert {e.name for e in story.entities if e.type == "person"} == {"Jerry Vantle", "Jeremy Vantle"}


def test_a_familiar_form_and_the_formal_name_in_one_article_are_one_person() -> None:
    texts = (
        "Senator Charles Pennock chaired the hearing. Chuck Pennock asked the first question.",
        "Pennock said the bill would pass.",
    )
    story = entities_stage(story_naming(texts, {"Charles Pennock": "person", "Chuck Pennock": "person"}))
    assert [e.name for e in story.entities if e.type == "person"] in (["Charles Pennock"], ["Chuck Pennock"])


def test_a_plural_name_written_after_the_is_a_team_not_a_person_nor_a_place() -> None:
    # The tagger reads "Gulls" as a person and "Port Velmar Gulls" as a place; the story writes
    # "the Gulls", "the top-seeded Gulls": a team, the one of the longer name.
    texts = (
        "The Port Velmar Gulls won the final on Sunday, 71-64.",
        "The Gulls trailed at half time. Then the top-seeded Gulls pulled away late in the game.",
    )
    story = entities_stage(story_naming(texts, {"Port Velmar Gulls": "place", "Gulls": "person"}))
    named = [(e.type, e.name) for e in story.entities if e.name in ("Gulls", "Port Velmar Gulls")]
    assert named == [("organization", "Port Velmar Gulls")]
    team = by_name(story, "Port Velmar Gulls")
    assert mention_texts(story, team).count("Gulls") == 2


def test_a_name_after_the_that_is_no_plural_stays_a_person() -> None:
    texts = (
        "Ana Marsh spoke first. The Duchess arrived late.",
        "Guests greeted the Duchess and the Marsh campaign thanked the Duchess.",
    )
    story = entities_stage(story_naming(texts, {"Ana Marsh": "person", "Duchess": "person"}))
    assert ("person", "Duchess") in [(e.type, e.name) for e in story.entities]
