"""Titles before a name and in an apposition after it."""

from __future__ import annotations

from dossier.analysis import NameMention
from dossier.entities.roles import title_after, title_before
from reading import names_of


def person(text: str, name: str) -> NameMention:
    start = text.index(name)
    return NameMention(start, start + len(name), "person", name)


def before(text: str, name: str) -> str | None:
    span = title_before(text, person(text, name), names_of(text))
    return None if span is None else text[span[0] : span[1]]


def after(text: str, name: str) -> str | None:
    span = title_after(text, person(text, name), names_of(text))
    return None if span is None else text[span[0] : span[1]]


def test_title_before_the_name() -> None:
    assert before("On Monday Secretary of State Ana Vell arrived.", "Ana Vell") == "Secretary of State"
    assert before("He met Chinese Foreign Minister Tom Orr there.", "Tom Orr") == "Chinese Foreign Minister"
    assert before("It was France's top diplomat Eva Roux who spoke.", "Eva Roux") == "France's top diplomat"


def test_no_title_when_the_words_before_are_not_one() -> None:
    assert before("Yesterday Ana Vell arrived.", "Ana Vell") is None
    assert before("The state of Ana Vell's plan.", "Ana Vell") is None  # no office noun


def test_apposition_after_the_name() -> None:
    text = "Ana Vell, the U.S. director of national intelligence, said so."
    assert after(text, "Ana Vell") == "U.S. director of national intelligence"
    assert (
        after("Tom Orr, a spokesman for the ministry, declined.", "Tom Orr") == "spokesman for the ministry"
    )


def test_apposition_must_name_an_office_and_end() -> None:
    assert after("Ana Vell, the first to arrive, sat down.", "Ana Vell") is None
    assert after("Ana Vell, who is the minister, sat down.", "Ana Vell") is None
    assert after("Ana Vell said so.", "Ana Vell") is None


def test_title_set_off_by_a_comma_before_the_name() -> None:
    text = "On Friday she met her Ruritanian counterpart, Jan Kos, in Lisk."
    assert before(text, "Jan Kos") == "Ruritanian counterpart"
    text = "He also met France's minister of public security, Eva Roux, for an hour."
    assert before(text, "Eva Roux") == "France's minister of public security"


def test_a_list_of_names_is_not_a_title() -> None:
    assert before("Guests included the mayor, Ana Vell and Tom Orr.", "Ana Vell") is None
    assert before("She met the officials, Ana Vell, in Lisk.", "Ana Vell") is None  # no office noun
