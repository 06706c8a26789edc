"""A nickname in quotes or brackets inside a person's name: one person under every name they go by.

Texts are written for these tests. The recognizer cuts such names at the quote or the bracket
("Tomasz", then "(Tom) Vellinger"), or starts after the opening quote ('Hawk" Brenta'), and
other articles call the person by the nickname: each failure split one person in two.
"""

from __future__ import annotations

from dossier.analysis import NameMention
from dossier.briefing import Entity, EntityType
from dossier.entities import entities_stage
from dossier.entities.nicknames import nickname_keys, with_whole_name
from reading import story_naming


def people(texts: list[str], names: dict[str, EntityType]) -> list[Entity]:
    story = entities_stage(story_naming(texts, names))
    return [entity for entity in story.entities if entity.type == "person"]


def mention_of(text: str, surface: str, kind: EntityType = "person") -> NameMention:
    start = text.index(surface)
    return NameMention(start, start + len(surface), kind, surface)


def test_a_given_name_cut_at_a_quoted_nickname_takes_in_the_nickname_and_surname() -> None:
    text = 'Deputy Tomasz "Tom" Vellinger, 41, was honoured on Friday.'
    whole = with_whole_name(text, mention_of(text, "Tomasz"))
    assert whole.surface == 'Tomasz "Tom" Vellinger'
    assert text[whole.start : whole.end] == whole.surface


def test_a_name_that_starts_inside_the_nickname_takes_in_the_given_name() -> None:
    text = 'Mob boss Carlo "the Hawk" Brenta died on Monday.'
    whole = with_whole_name(text, mention_of(text, 'Hawk" Brenta', "other"))
    assert (whole.surface, whole.type) == ('Carlo "the Hawk" Brenta', "person")


def test_a_surname_after_a_given_name_and_a_bracketed_nickname_takes_them_in() -> None:
    text = "Sergeant Maria Ines (Mia) Duarte led the search."
    assert with_whole_name(text, mention_of(text, "Duarte")).surface == "Maria Ines (Mia) Duarte"


def test_no_stretch_over_an_acronym_a_quotation_or_a_name_that_goes_on() -> None:
    cases: list[tuple[str, str, EntityType]] = [
        ("The Harbour Trust (HT) Board met.", "Harbour Trust", "organization"),
        ('Ana Roe "Never again" said the sign.', "Ana Roe", "person"),
        ("Ana Roe (Lisk) Harbour Board chair spoke.", "Ana Roe", "person"),
        ("Senator Ana Roe (D-Lisk) Tuesday said no.", "Ana Roe", "person"),
        ("Ana Roe (AP) Friday was quiet.", "Ana Roe", "person"),
    ]
    for text, surface, kind in cases:
        assert with_whole_name(text, mention_of(text, surface, kind)).surface == surface


def test_the_nickname_stands_for_the_name_it_replaces() -> None:
    assert nickname_keys('Tomasz "Tom" Vellinger') == ("Tomasz Vellinger", ("Tom Vellinger",))
    assert nickname_keys("Carlo 'the Hawk' Brenta") == ("Carlo Brenta", ("Hawk Brenta",))
    assert nickname_keys("Tomasz Vellinger") is None


def test_a_person_called_by_a_nickname_in_one_article_is_one_person() -> None:
    texts = [
        'Deputy Tomasz "Tom" Vellinger, 41, was honoured on Friday. Vellinger served twelve years.',
        "Tom Vellinger joined the county force in 2001, colleagues said. Vellinger was a diver.",
        "A memorial for Tom Vellinger is planned for June.",
    ]
    found = people(texts, {"Tomasz": "person", "Vellinger": "person", "Tom Vellinger": "person"})
    assert len(found) == 1, [entity.name for entity in found]
    assert len(found[0].mentions) == 5


def test_a_name_read_from_inside_its_nickname_is_the_person_under_their_own_name() -> None:
    texts = [
        'Mob boss Carlo "the Hawk" Brenta died on Monday. Brenta was 80.',
        "Carlo Brenta had led the family for two decades. Brenta denied it.",
    ]
    found = people(texts, {'Hawk" Brenta': "other", "Brenta": "person", "Carlo Brenta": "person"})
    assert [entity.name for entity in found] == ['Carlo "the Hawk" Brenta']
    assert len(found[0].mentions) == 4


def test_a_joining_word_the_recognizer_ran_into_is_no_part_of_the_name() -> None:
    texts = ["Police named Ana Roe and her brother on Monday.", "Ana Roe spoke to reporters later."]
    found = people(texts, {"Ana Roe and": "person", "Ana Roe": "person"})
    assert [(entity.name, len(entity.mentions)) for entity in found] == [("Ana Roe", 2)]
