"""Attribution cue patterns, one test per pattern, on short sentences written for the test."""

from __future__ import annotations

import pytest

from reading import attributed


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(item.speaker_name, item.cue) for item in attributed(text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“The bridge is safe,” Anna Pell said.", "Anna Pell", "said"),
        ("“The bridge is safe,” said Anna Pell.", "Anna Pell", "said"),
        ("“The bridge is safe,” Anna Pell told reporters.", "Anna Pell", "told"),
        ("“The bridge is safe,” Anna Pell told Radio Velm on Friday.", "Anna Pell", "told"),
        ("“The bridge is safe,” Anna Pell said in a statement.", "Anna Pell", "said"),
        ("“The bridge is safe,” Anna Pell, the city engineer, said.", "Anna Pell", "said"),
        ("“The bridge is safe,” Anna Pell warned.", "Anna Pell", "warned"),
        ("“The bridge is safe,” Anna Pell insisted on Monday.", "Anna Pell", "insisted"),
        ("Anna Pell stressed: “The bridge is safe.”", "Anna Pell", "stressed"),
        ("Anna Pell told CNN: “The bridge is safe.”", "Anna Pell", "told"),
        ("City engineer Anna Pell was blunt — “The bridge is safe.”", "Anna Pell", None),
        ("According to Anna Pell, “the bridge is safe and always was.”", "Anna Pell", "according to"),
    ],
)
def test_cue_patterns(text: str, speaker: str | None, cue: str | None) -> None:
    found = speakers(text)
    assert found[0][1] == cue
    if speaker is not None:
        assert found[0][0] == speaker


def test_inverted_cue_needs_the_name_to_end_the_clause() -> None:
    text = "An aide, who asked not to be named, said Velm would “hold firm” on pay."
    assert speakers(text) == [("An aide", "said")]


def test_a_cue_after_a_partial_quote_later_in_the_sentence_counts() -> None:
    text = "The city will “responsibly manage” the works, the official told reporters."
    found = attributed(text).quotes
    assert found[0].kind == "partial" and found[0].cue == "told"
    # Nobody was named before: the nominal stays an unnamed source, never a guessed name.
    assert found[0].speaker_name == "the official"


def test_a_reporters_own_scare_quote_has_no_speaker() -> None:
    assert speakers("Talks covered “unfair” tariffs and more.") == [(None, None)]


def test_a_colon_at_the_end_of_the_previous_paragraph_introduces_the_quote() -> None:
    text = "The harbourmaster, Jonas Brell, put it this way:\n\n“Every berth is taken until March.”"
    assert speakers(text) == [("Jonas Brell", None)]
    text = "Anna Pell told the council:\n\n“Every berth is taken until March.”"
    assert speakers(text) == [("Anna Pell", "told")]


def test_a_partial_quote_takes_the_subject_of_the_verb_it_hangs_from() -> None:
    text = "Ilse Marrow described the new rota as “a fair deal for every crew” at the meeting."
    (quote,) = attributed(text).quotes
    assert (quote.speaker_name, quote.cue, quote.resolution) == ("Ilse Marrow", "described", "name")


def test_a_scare_quote_is_not_given_the_subject() -> None:
    text = "Ilse Marrow pointed to the “overcapacity” of the yard."
    (quote,) = attributed(text).quotes
    assert quote.speaker_name is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The quotation hangs from a preposition far below the verb whose subject acted.
        (
            "Anna Pell, the port's auditor, faulted the board for acting as “judge and jury and clerk” here.",
            "Anna Pell",
        ),
        # A subject of a clause in between that is no speaker ("the fee") is passed over.
        (
            "Ilse Marrow warned that the fee would stay a burden “for every family on the island” this year.",
            "Ilse Marrow",
        ),
        # A common noun that carries words speaks.
        (
            "The union's new flier pushes members to “stand together until the yard reopens” next week.",
            "The union's new flier",
        ),
    ],
)
def test_a_long_partial_quote_in_the_writers_sentence_takes_the_subject_above_it(
    text: str, speaker: str
) -> None:
    (quote,) = attributed(text).quotes
    assert quote.speaker_name == speaker


def test_a_subject_that_cannot_speak_is_not_given_the_quote() -> None:
    text = "The rise in the harbour fee is “bad news for every fisher in the bay” this winter."
    (quote,) = attributed(text).quotes
    assert quote.speaker_name is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "After the vote, Anna Pell shot back at her critics, “Every berth is taken until March.”",
            "Anna Pell",
        ),
        ("As Ilse Marrow put it on Sunday, “Nobody in this town wants the yard to close.”", "Ilse Marrow"),
        (
            "The new leaflet goes on: “We ask every member to vote against the sale.”",
            "The new leaflet",
        ),
        (
            "According to the ferry company, “the crossing will run twice a day from May.”",
            "the ferry company",
        ),
    ],
)
def test_a_lead_in_clause_ending_in_a_comma_or_colon_names_the_speaker(text: str, speaker: str) -> None:
    (quote,) = attributed(text).quotes
    assert quote.speaker_name == speaker


def test_an_indefinite_subject_is_not_passed_over_for_a_name_above_it() -> None:
    text = (
        "Anna Pell tried to rally the crews, with one of her flyers asking, “Who will pay for the new dock?”"
    )
    (quote,) = attributed(text).quotes
    # The flyer asks, in its own words as an unnamed source: never the name above it.
    assert quote.speaker_name == "one of her flyers"
    assert quote.resolution == "unnamed"


def test_a_quote_paragraph_signed_by_a_dash_line_under_it_is_the_signers() -> None:
    text = (
        "The claims, in the order they were made.\n\n"
        "“Every second ferry has been late since the spring timetable began.”\n\n"
        "— Anna Pell.\n\n"
        "The timetable shows eleven late ferries out of ninety."
    )
    (quote,) = attributed(text).quotes
    assert quote.speaker_name == "Anna Pell"


def test_a_dash_line_that_is_a_sentence_of_its_own_signs_nothing() -> None:
    text = (
        "“Every second ferry has been late since the spring timetable began.”\n\n"
        "— and that, Anna Pell told the council at length on Tuesday evening, was a conservative count."
    )
    (quote,) = attributed(text).quotes
    assert quote.speaker_name is None


def test_a_scare_quote_after_a_comma_in_a_list_takes_no_speaker() -> None:
    text = "Anna Pell will raise the wages of crews, “unfair” berth fees and the late ferries."
    (quote,) = attributed(text).quotes
    assert quote.speaker_name is None


def test_a_name_that_modifies_a_role_after_an_inverted_verb_gives_way_to_the_name_it_leads_to() -> None:
    # "Velmar" modifies "spokesman": the name the phrase ends in speaks, here and in the words after it.
    text = (
        "The debate ended late.\n\n"
        '"Debate recap," tweeted Velmar spokesman Anna Pell. '
        "\"Park: 'I come from the harbour.' Roe: 'This vote is about tomorrow.'\""
    )
    assert [speaker for speaker, _ in speakers(text)] == ["Anna Pell", "Anna Pell"]


def test_a_name_after_an_inverted_verb_followed_by_of_and_a_place_is_still_the_speaker() -> None:
    text = "“The pier held through the night,” said Mayor Anna Pell of Harwich."
    assert speakers(text)[0][0] == "Anna Pell"
