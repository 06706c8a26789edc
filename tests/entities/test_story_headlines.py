"""A headline is read with the names the whole story gives, not only its own article's."""

from __future__ import annotations

from dossier.analysis import NameMention
from dossier.briefing import EntityType
from dossier.entities.headlines import with_story_headline_names


def mention(text: str, surface: str, kind: EntityType, nth: int = 0) -> NameMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return NameMention(start, start + len(surface), kind, surface)


FIRST = "Mira Kessel Quits Harbour Board After Audit\nThe harbour chairwoman left on Friday, Kessel said."
SECOND = "Mira Kessel, the chairwoman of the Harbour Board, resigned after an audit of its accounts."


def test_a_headline_name_is_cut_to_a_full_name_another_article_gives() -> None:
    first = [
        mention(FIRST, "Mira Kessel Quits Harbour Board", "person"),
        mention(FIRST, "Kessel", "person", 1),
    ]
    second = [mention(SECOND, "Mira Kessel", "person"), mention(SECOND, "Harbour Board", "organization")]
    read = with_story_headline_names([FIRST, SECOND], [first, second])
    assert [(m.surface, m.type) for m in read[0]] == [
        ("Mira Kessel", "person"),
        ("Harbour Board", "organization"),
        ("Kessel", "person"),
    ]
    assert read[1] == second


def test_common_words_in_title_case_are_not_a_name() -> None:
    headline = (
        "Night Driver Charged After Crash On Coast Road\nA driver was charged after the crash, police said."
    )
    found = [mention(headline, "Night Driver Charged", "person")]
    assert with_story_headline_names([headline], [found]) == [[]]


def test_a_name_only_the_headline_gives_stays_when_it_is_not_common_words() -> None:
    headline = "Velmora Signs Harbour Deal With Port Authority\nThe city agreed terms on Monday."
    found = [mention(headline, "Velmora", "place")]
    assert with_story_headline_names([headline], [found]) == [found]


def test_articles_without_headlines_are_left_as_they_are() -> None:
    text = "Mira Kessel resigned on Friday. The board met later."
    found = [mention(text, "Mira Kessel", "person")]
    assert with_story_headline_names([text], [found]) == [found]


def test_a_headline_with_a_full_stop_is_still_a_headline() -> None:
    headline = (
        "Mira Kessel: Harbour Chairwoman Resigns After Long Audit.\n"
        "Mira Kessel resigns as harbour chairwoman after the audit, the board said."
    )
    found = [
        mention(headline, "Harbour Chairwoman Resigns", "other"),
        mention(headline, "Mira Kessel", "person", 1),
    ]
    read = with_story_headline_names([headline], [found])
    assert [(m.surface, m.type) for m in read[0]] == [("Mira Kessel", "person")]


def test_a_sentence_of_names_with_a_verb_in_lower_case_is_no_headline() -> None:
    text = "Foreign Minister Wang Lin met Harbour Board Chairwoman Mira Kessel.\nThe talks ran late."
    other = "Mira Kessel said the talks ran late."
    found = [mention(text, "Harbour Board Chairwoman Mira Kessel", "person")]
    read = with_story_headline_names([text, other], [found, [mention(other, "Mira Kessel", "person")]])
    assert read[0] == found
