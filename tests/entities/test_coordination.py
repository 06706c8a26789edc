"""Two names joined by "and" read as one are split when the story gives both parts alone."""

from __future__ import annotations

from dossier.analysis import NameMention
from dossier.briefing import EntityType
from dossier.entities.coordination import split_coordinated


def at(text: str, surface: str, kind: EntityType) -> NameMention:
    start = text.index(surface)
    return NameMention(start, start + len(surface), kind, surface)


FIRST = "Detectives Mara Voss and Ilan Kade arrested the suspect. Voss and Kade said little."
SECOND = "The ruling bodies VBA & PLO met. The VBA said the PLO agreed. Harbour and Marine Board staff left."


def read(names: list[list[NameMention]]) -> list[list[tuple[str, str]]]:
    return [[(name.surface, name.type) for name in found] for found in split_coordinated(names)]


def test_people_and_acronyms_joined_by_and_are_split() -> None:
    first = [
        at(FIRST, "Mara Voss", "person"),
        at(FIRST, "Ilan Kade", "person"),
        at(FIRST, "Voss and Kade", "organization"),
    ]
    second = [at(SECOND, "VBA & PLO", "organization"), at(SECOND, "VBA said", "organization")]
    second[1] = NameMention(second[1].start, second[1].start + 3, "organization", "VBA")
    plo = SECOND.index("PLO agreed")
    second.append(NameMention(plo, plo + 3, "organization", "PLO"))
    assert read([first, second]) == [
        [("Mara Voss", "person"), ("Ilan Kade", "person"), ("Voss", "person"), ("Kade", "person")],
        [("VBA", "organization"), ("PLO", "organization"), ("VBA", "organization"), ("PLO", "organization")],
    ]


def test_a_body_with_and_in_its_name_stays_whole() -> None:
    board = at(SECOND, "Harbour and Marine Board", "organization")
    third = "Lisk Harbour staff met the Marine Board on Monday."
    parts = [at(third, "Lisk Harbour", "place"), at(third, "Marine Board", "organization")]
    parts[0] = NameMention(parts[0].start + 5, parts[0].end, "place", "Harbour")
    assert read([[board], parts])[0] == [("Harbour and Marine Board", "organization")]
