"""Partial quotations whose owner the sentence names by its grammar, and documents as sources (issue 15).

Sentences written for these tests. The words inside the marks belong to whoever the sentence says
spoke, promised, cited or wrote them: the subject of the verb above them, the owner of the promise
or remark they spell out, the report a lead-in quotes "from"; never the person spoken of.
"""

from __future__ import annotations

import pytest

from dossier.quotes.dependency import reporting_subject
from quotes.parses import hand_parsed
from reading import speaker_of

_SETTING = "Ada Roe chairs the harbour board in Harwich. Ben Lee sits on the town council.\n\n"


@pytest.mark.parametrize(
    ("sentence", "opening", "speaker"),
    [
        # Someone's promise, words or call: their owner speaks, whatever verb the sentence puts them under.
        (
            "Roe's promise to “keep every pier open for business” was broken within a year.",
            "keep every",
            "Ada Roe",
        ),
        (
            "In Roe's words, “the piers are the heart of this town and always will be.”",
            "the piers are",
            "Ada Roe",
        ),
        (
            "Lee mocked Roe's promise to “keep every pier open for business all winter”.",
            "keep every",
            "Ada Roe",
        ),
        # A noun set beside the words as a description is not their owner.
        (
            "Lee played down Roe's remarks as “just part of a long and noisy campaign”.",
            "just part",
            "Ben Lee",
        ),
        # A participle of speech: "citing" speaks for the subject of the verb it hangs on.
        (
            "Roe endorsed the plan on Monday, citing its “long record of keeping the piers open”.",
            "long record",
            "Ada Roe",
        ),
        # A statement put out "saying" something is the words of whoever put it out.
        (
            "The harbour board put out a statement saying the piers “will stay open through the winter”.",
            "will stay open",
            "The harbour board",
        ),
    ],
)
def test_the_owner_of_partial_words_speaks(sentence: str, opening: str, speaker: str) -> None:
    assert speaker_of(_SETTING + sentence + "\n", opening) == speaker


def test_a_relative_clause_the_parser_hung_on_the_verb_of_speech_keeps_the_subject() -> None:
    sentence = "Lee, meanwhile, who sits on no board, said that vote shows who is “ready to fight for it.”"
    assert speaker_of(_SETTING + sentence + "\n", "ready to fight") == "Ben Lee"


@pytest.mark.parametrize(
    ("sentence", "opening"),
    [
        # The one accused, called or described is spoken of, not speaking.
        ("Lee was accused by the mayor's office of “selling the town short to the developers”.", "selling"),
        ("The ferry plan has been called “the worst deal this harbour has ever signed”.", "the worst deal"),
    ],
)
def test_a_passive_verb_of_speech_never_makes_the_one_spoken_of_the_speaker(
    sentence: str, opening: str
) -> None:
    assert speaker_of(_SETTING + sentence + "\n", opening) not in ("Ben Lee", "The ferry plan")


@pytest.mark.parametrize(
    ("sentence", "opening", "speaker"),
    [
        (
            "From the report: “The piers lost money in every one of the last five years.”",
            "The piers lost",
            "the report",
        ),
        (
            "A footnote in the report makes that plain: “The piers lost money in each of the last years.”",
            "The piers lost",
            "A footnote",
        ),
    ],
)
def test_a_document_the_lead_in_names_is_the_source(sentence: str, opening: str, speaker: str) -> None:
    assert speaker_of(_SETTING + sentence + "\n", opening) == speaker


def test_a_name_after_the_quotation_speaks_when_a_description_hides_it_from_the_parser() -> None:
    worn = (
        "“We have had far better seasons than this one,” harbour pilot Ada Roe, wearing a yellow coat and"
        " “Save the Pier” badges, said as the boats came in."
    )
    assert speaker_of(_SETTING + worn + "\n", "We have had") == "Ada Roe"
    founded = (
        "“The board needs a plan for the winter months and the crews,” Ben Lee, the skipper who founded"
        " the ferry line tweeted on Wednesday."
    )
    assert speaker_of(_SETTING + founded + "\n", "The board needs") == "Ben Lee"


def test_the_name_of_an_owner_of_who_spoke_is_not_the_speaker() -> None:
    aide = "“The board needs a plan for the winter months and the crews,” Lee's aide, a skipper, tweeted."
    assert speaker_of(_SETTING + aide + "\n", "The board needs") != "Ben Lee"


def test_a_doubled_opening_mark_after_a_colon_keeps_the_lead_in() -> None:
    sentence = (
        "Roe proposes new wording for the charter: ““Every pier stays open all year round for the fleet.”"
    )
    assert speaker_of(_SETTING + sentence + "\n", "Every pier") == "Ada Roe"


def test_a_name_the_tagger_read_as_an_adverb_before_a_subjectless_verb_of_speech_speaks() -> None:
    # The parse the small model gave a real 'And Surname called Other “…”': the name an adverb.
    tokens = hand_parsed(
        [
            ("and", "CCONJ", "cc", 2),
            ("okafor", "ADV", "advmod", 2),
            ("call", "VERB", "ROOT", 2),
            ("Lee", "PROPN", "oprd", 2),
            ("“", "PUNCT", "punct", 6),
            ("a", "DET", "det", 6),
            ("guy", "NOUN", "oprd", 2),
        ]
    )
    subject = reporting_subject(tokens, 5, 7)
    assert subject is not None and (subject.verb, subject.head) == (2, 1)


def test_a_relative_clause_hung_on_the_verb_of_speech_gives_back_its_subject() -> None:
    # 'Lee, who sits on no board, said the vote is “ready …”' as the small model parsed such a line.
    tokens = hand_parsed(
        [
            ("Lee", "PROPN", "nsubj", 3),
            (",", "PUNCT", "punct", 0),
            ("who", "PRON", "nsubj", 3),
            ("sit", "VERB", "ccomp", 5),
            ("on", "ADP", "prep", 3),
            ("say", "VERB", "ROOT", 5),
            ("vote", "NOUN", "nsubj", 7),
            ("be", "AUX", "ccomp", 5),
            ("ready", "ADJ", "acomp", 7),
        ]
    )
    subject = reporting_subject(tokens, 8, 9)
    assert subject is not None and (subject.verb, subject.head) == (5, 0)


def test_an_unnamed_source_does_not_reach_back_over_the_line_before() -> None:
    text = (
        "The board met in private, the harbour gazette said.\n"
        "The witness said the order was meant to “keep the vote on the ferry fares quiet until June”."
    )
    assert speaker_of(_SETTING + text + "\n", "keep the vote") == "The witness"
