"""A common word capitalised because it opens a sentence is not a name."""

from __future__ import annotations

from dossier.analysis import NameMention
from dossier.briefing import EntityType
from dossier.entities.positional import without_positional_words


def at(text: str, surface: str, kind: EntityType = "person") -> NameMention:
    start = text.index(surface)
    return NameMention(start, start + len(surface), kind, surface)


def surfaces(texts: list[str], names: list[list[NameMention]]) -> list[list[str]]:
    return [[name.surface for name in found] for found in without_positional_words(texts, names)]


def test_a_sentence_opening_common_word_is_dropped() -> None:
    text = "Ferryman missing after storm.\nThe ferryman left Lisk at dawn. Arson was ruled out."
    other = "Investigators said arson was unlikely."
    names = [[at(text, "Ferryman"), at(text, "Lisk", "place"), at(text, "Arson")], []]
    assert surfaces([text, other], names) == [["Lisk"], []]


def test_names_written_mid_sentence_or_in_a_full_name_stay() -> None:
    text = "Gray said the tide was high. Reed left early. Voters met Kimani Reed at the pier."
    other = "The gray sky cleared, said Gray. A reed bed lined the shore."
    names = [[at(text, "Gray"), at(text, "Reed"), at(text, "Kimani Reed")], []]
    assert surfaces([text, other], names) == [["Gray", "Reed", "Kimani Reed"], []]


def test_capitals_inside_a_sentence_countries_and_addresses_are_kept() -> None:
    text = "US officials met. Officials from WHO told us who knew. Data is at quake.usgs.gov. USGS said so."
    names = [[at(text, "US", "place"), at(text, "WHO", "organization"), at(text, "USGS", "organization")]]
    assert surfaces([text], names) == [["US", "WHO", "USGS"]]


def test_a_title_case_headline_is_no_evidence_of_a_name() -> None:
    # The headline capitalises every word; only the body says whether "Ferryman" is a name.
    headline = "Veteran Ferryman Rescued After Night Adrift"
    text = "Ferryman found alive off Lisk.\nThe ferryman had drifted for eleven hours."
    names = [[], [at(text, "Ferryman"), at(text, "Lisk", "place")]]
    assert surfaces([headline, text], names) == [[], ["Lisk"]]
    # Written capitalised inside an ordinary sentence, the word is a name and stays.
    body = "Rescuers thanked Ferryman for the tip. The ferryman said nothing."
    assert surfaces([headline, text, body], [*names, []]) == [[], ["Ferryman", "Lisk"], []]


def test_a_common_word_opening_a_sentence_is_cut_off_the_name_after_it() -> None:
    text = (
        "Following Orrin's resignation, the board met.\n"
        "Deckhand Tomas Orrin had served for years. Critics said the following week was calm."
    )
    other = "Tomas Orrin spoke to reporters. A deckhand said little."
    names = [
        [at(text, "Following Orrin"), at(text, "Deckhand Tomas Orrin")],
        [at(other, "Tomas Orrin")],
    ]
    assert surfaces([text, other], names) == [["Orrin", "Tomas Orrin"], ["Tomas Orrin"]]


def test_the_opening_word_stays_when_the_story_knows_no_such_person_or_writes_it_as_a_name() -> None:
    # "Across Velmar": nobody of the story is called Velmar, so nothing is known to be left.
    text = "Across Velmar the harbours closed. Boats stayed across the bay."
    assert surfaces([text], [[at(text, "Across Velmar")]]) == [["Across Velmar"]]
    # "Dale" is written capitalised inside a sentence: a given name, not a common word.
    text = "Dale Orrin left. Kim Orrin stayed, said Dale. The dale was green."
    names = [[at(text, "Dale Orrin"), at(text, "Kim Orrin")]]
    assert surfaces([text], names) == [["Dale Orrin", "Kim Orrin"]]


def test_a_word_written_mostly_in_lower_case_is_no_name_wherever_it_stands() -> None:
    # "Ferry" is capitalised mid-sentence once, as a writer's habit, but the story says "the ferry"
    # three times: a common noun, not the name of anything.
    text = "Passengers waited for the Ferry at Lisk. The ferry was late."
    other = "The ferry sank in shallow water. Nobody on the ferry was hurt."
    names = [[at(text, "Ferry", "organization"), at(text, "Lisk", "place")], []]
    assert surfaces([text, other], names) == [["Lisk"], []]


def test_a_word_capitalised_often_enough_or_in_capitals_stays_a_name() -> None:
    # Twice capitalised against three times in lower case: too close to call, so the name stays.
    text = "Officials thanked Reed for the tip. Later Reed left. A reed bed, a reed fence, one reed."
    names = [[at(text, "Reed"), at(text, "Later Reed")]]
    assert surfaces([text], names)[0][0] == "Reed"
    # A word in capitals may be an acronym that spells a common word.
    caps = "The FERRY union met. The ferry, the ferry and the ferry were idle."
    assert surfaces([caps], [[at(caps, "FERRY", "organization")]]) == [["FERRY"]]
