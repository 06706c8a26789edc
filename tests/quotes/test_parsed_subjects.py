"""Speakers the parse finds where word order alone misleads (sentences written for these tests).

Issue 15: on real news the first name of a sentence is often an object ("With a loan from X
ruled out, Y said he…"), and the small parser sometimes hangs a lone surname on its verb of
speech as a compound (“…,” Okafor notes.).
"""

from __future__ import annotations

from dossier.quotes.dependency import closing_attribution
from quotes.parses import hand_parsed
from reading import speaker_of


def test_he_takes_the_subject_of_the_sentence_not_a_name_in_a_phrase_before_it() -> None:
    # Both men, neither's gender shown: only the parse tells that Olsen is the object of "for".
    text = (
        "With a vote for Piet Olsen ruled out, Jonas Brede said he is left with two options: the hotel "
        "group, whom he called “the worst landlord the harbour has ever had,” or nobody."
    )
    assert speaker_of(text, "the worst landlord") == "Jonas Brede"


def test_verbs_of_speech_in_the_present_plural_and_exhort_attribute() -> None:
    write = (
        "Two captains sent the board a letter on Monday. "
        "“The new fees will empty the harbour before the spring,” the two captains write."
    )
    assert speaker_of(write, "The new fees") == "the two captains"
    exhort = "“Vote for the harbour and not for the hotel, all of you!” exhorted Marta Quell at the rally."
    assert speaker_of(exhort, "Vote for the harbour") == "Marta Quell"


def test_a_surname_the_parser_hangs_on_its_verb_of_speech_as_a_compound_still_speaks() -> None:
    # The parse the small model gave a real “…,” Surname notes. line: the name a compound of the verb.
    tokens = hand_parsed(
        [
            (",", "PUNCT", "punct", 3),
            ("”", "PUNCT", "punct", 3),
            ("Okafor", "PROPN", "compound", 3),
            ("note", "VERB", "ROOT", 3),
            (".", "PUNCT", "punct", 3),
        ]
    )
    subject = closing_attribution(tokens, 0)
    assert subject is not None and (subject.verb, subject.head) == (3, 2)


def test_a_common_noun_hung_on_the_verb_as_a_compound_is_not_taken_for_a_subject() -> None:
    tokens = hand_parsed(
        [
            (",", "PUNCT", "punct", 3),
            ("”", "PUNCT", "punct", 3),
            ("harbour", "NOUN", "compound", 3),
            ("note", "VERB", "ROOT", 3),
            (".", "PUNCT", "punct", 3),
        ]
    )
    assert closing_attribution(tokens, 0) is None
