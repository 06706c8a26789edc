"""Sources that speak in writing or through another's report, and lead-ins with no verb of speech.

Sentences written for these tests. Each shape is one that PolNeAR train showed attribution missing
or giving to the wrong mention (issue 15); each names its speaker only where the text itself does.
"""

from __future__ import annotations

import pytest

from reading import attributed, speaker_of


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # "According to" makes a source of a name the recognizer did not find.
        (
            "The pier closed at dawn.\n\n"
            "According to Quaylog: “Senator Ada Roe has had a mixed record on the levy.”",
            "Senator Ada Roe",
            "Quaylog",
        ),
        # A partial quotation with no other cue: the "according to" of its sentence says whose words they are.
        (
            "The levy may be raised “when the harbour runs short of money for the winter,” "
            "according to the paper.",
            "when the harbour",
            "the paper",
        ),
    ],
)
def test_according_to_names_the_source_of_the_words(text: str, opening: str, speaker: str) -> None:
    assert speaker_of(text, opening) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # The lead-in paragraph ends in a colon; its side clause names someone else first.
        "When Ada Roe retired in 1998, Mayor Teodor Vask released the following statement:\n\n"
        "“We will miss her steady hand at the harbour office.”",
        # The same on one line.
        "When Ada Roe retired in 1998, Mayor Teodor Vask released the following statement: "
        "“We will miss her steady hand at the harbour office.”",
    ],
)
def test_a_colon_lead_in_without_a_verb_of_speech_goes_to_its_main_subject(text: str) -> None:
    assert speaker_of(text, "We will miss") == "Teodor Vask"


def test_a_colon_lead_in_keeps_the_main_subject_over_a_clause_it_imagines() -> None:
    text = (
        "After the vote, the critic Ada Roe imagined Teodor Vask was thinking: "
        "“What have I done to this harbour?”"
    )
    assert speaker_of(text, "What have I done") == "Ada Roe"


def test_a_quotation_after_a_sentence_that_issues_a_statement_is_that_statement() -> None:
    text = (
        "The harbour board issued a statement on Friday apologizing to the crews.\n\n"
        "“On behalf of the board, we regret the delay and will reopen the pier next week.”"
    )
    assert speaker_of(text, "On behalf of the board") == "The harbour board"


def test_a_sentence_whose_verb_hands_out_no_words_leads_into_nothing() -> None:
    text = (
        "The harbour board issued new passes to the crews on Friday.\n\n"
        "“Nobody goes back to sea until the winches are fixed.”"
    )
    assert speaker_of(text, "Nobody goes back") is None


@pytest.mark.parametrize(
    ("sentence", "opening"),
    [
        (
            "Calling the race “a contest of the loudest voices in the whole harbour,” "
            "Will urged the board to wait.",
            "a contest",
        ),
        ("Instead, Will described the levy as “a tax on every sailor who ever lived here.”", "a tax on"),
    ],
)
def test_a_surname_the_tagger_reads_as_an_auxiliary_speaks(sentence: str, opening: str) -> None:
    text = f"The harbour columnist Teodor Will, a critic of the levy, wrote again this week.\n\n{sentence}"
    assert speaker_of(text, opening) == "Teodor Will"


def test_a_name_right_before_the_colon_speaks_when_the_lead_ins_subject_cannot() -> None:
    text = (
        "The timing of Teodor Vask’s strike does not surprise harbour pollster Ada Roe: "
        "“Crews always walk out before the winter tides.”"
    )
    assert speaker_of(text, "Crews always") == "Ada Roe"


def test_a_lead_in_subject_that_can_speak_keeps_the_words_from_the_name_at_the_colon() -> None:
    text = (
        "Teodor Vask arrived late.\n\n"
        "He had a message for Ada Roe: “Nobody goes back to sea until the winches are fixed.”"
    )
    assert speaker_of(text, "Nobody goes back") == "Teodor Vask"


def test_a_proper_noun_after_according_to_is_a_name_not_an_unnamed_source() -> None:
    text = "According to Quaylog: “Senator Ada Roe has had a mixed record on the levy for years.”"
    (quote,) = attributed(text).quotes
    assert (quote.speaker_name, quote.resolution) == ("Quaylog", "name")


def test_the_subject_of_a_verb_of_speech_that_hands_over_to_the_quotation_speaks_unnamed() -> None:
    text = (
        "The ferry company cut the night crossings in March. As one deckhand told the Harwich Courier, "
        "“They want us to feel lucky that we still have a job at all.”"
    )
    assert speaker_of(text, "They want us") == "one deckhand"


def test_a_relative_clause_between_a_source_and_its_verb_of_speech_describes_the_source() -> None:
    text = (
        "The port has no plan yet. A harbour official who spoke on the condition of anonymity said Tuesday, "
        "“Certainly there are talks between the board and the union.”"
    )
    assert speaker_of(text, "Certainly there") == "A harbour official"
