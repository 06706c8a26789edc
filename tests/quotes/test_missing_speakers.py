"""Quotations the parse leaves without a speaker, and the general shapes that still name one.

Sentences written for these tests. Each shape is one that PolNeAR train showed the parse missing;
each names its speaker only where the text itself does.
"""

from __future__ import annotations

import pytest

from dossier.quotes.attribute import attribute_quotes
from reading import analysis_of, attributed, speaker_of


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # A document or a message that carries words speaks them in its own words.
        (
            "The harbour board wrote to every member on Friday.\n\n"
            "“Our ferries will not sail again until the winches are mended,” the letter read.",
            "Our ferries",
            "the letter",
        ),
        (
            "Nobody at the depot would comment.\n\n"
            "“Overtime is paid only after twelve months of service,” the memo states, in bold.",
            "Overtime is paid",
            "the memo",
        ),
        # A person described by common words after the quotation is still a person in their own words.
        (
            "The queue at the quay grew all morning. “We waited four hours and nobody told us a thing,” "
            "said the woman, who asked that her name be left out.",
            "We waited four hours",
            "the woman",
        ),
    ],
)
def test_a_phrase_that_speaks_after_a_quotation_is_its_speaker(text: str, opening: str, speaker: str) -> None:
    assert speaker_of(text, opening) == speaker


def test_lower_case_words_before_a_name_describe_it() -> None:
    text = (
        "The posters went up overnight.\n\n"
        '"I have never seen a town this angry about a ferry timetable," playwright Oskar Feldtmann '
        "wrote on his blog."
    )
    assert speaker_of(text, "I have never seen") == "Oskar Feldtmann"


@pytest.mark.parametrize("lead_in", ["Teodor Vask agreed.", "Teodor Vask continued his remarks."])
def test_a_sentence_saying_someone_goes_on_hands_over_to_the_quotation(lead_in: str) -> None:
    text = (
        "“The boats are old,” Lena Hartwig said of the fleet.\n\n"
        f"{lead_in} “Nobody has paid for a new hull in twenty years, and it shows.”"
    )
    assert speaker_of(text, "Nobody has paid") == "Teodor Vask"


@pytest.mark.parametrize("verb", ["barked", "reacted", "gushed"])
def test_more_verbs_of_speech_attribute_the_quotation_before_them(verb: str) -> None:
    text = f"The meeting ran late.\n\n“Sit down and let the harbour master finish,” Teodor Vask {verb}."
    assert speaker_of(text, "Sit down") == "Teodor Vask"


@pytest.mark.parametrize(
    "text",
    [
        "“The fares are a scandal,” one commuter wrote.\n\nAnother said, “I will cycle to work now.”",
        "“The fares are a scandal,” one commuter wrote. Yet another said, “I will cycle to work now.”",
        "One rider wrote that the fares were a scandal. Another said, “I will cycle to work now.”",
    ],
)
def test_another_speaks_as_one_more_unnamed_source_never_under_a_name(text: str) -> None:
    quote = next(q for q in attributed(text).quotes if text[q.quote.start :].startswith("I will cycle"))
    assert quote.speaker_name is not None
    assert quote.speaker_name.casefold() == "another"
    assert quote.resolution == "unnamed"


def test_a_question_someone_wondered_aloud_is_theirs() -> None:
    text = "The crowd went quiet. “Will the ferry ever come back before winter?” a union official wondered."
    assert speaker_of(text, "Will the ferry") == "a union official"


def test_a_place_the_rest_of_the_sentence_names_does_not_speak_a_partial_quotation() -> None:
    # Read without the parse, so that only the word patterns after the quotation can attribute it.
    text = (
        "For a mayor who once branded the ferry “a hole in the harbour budget,” it was a good week, "
        "telling Velmar Harbour College’s graduates that the fleet would sail again."
    )
    analysis = analysis_of(text)
    quotes = attribute_quotes(text, analysis.sentences, analysis.names).quotes
    assert [quote.speaker_name for quote in quotes] == [None]


def test_lower_case_words_that_open_a_clause_or_hold_a_verb_are_no_descriptor() -> None:
    # Read without the parse, so that only the word patterns after the quotation can attribute it.
    for tail in ("and then Oskar Feldtmann wrote nothing.", "voters told Oskar Feldtmann later."):
        text = f"The posters went up.\n\n“I have never seen a town this angry about a timetable,” {tail}"
        analysis = analysis_of(text)
        quotes = attribute_quotes(text, analysis.sentences, analysis.names).quotes
        assert [quote.speaker_name for quote in quotes] == [None], tail
