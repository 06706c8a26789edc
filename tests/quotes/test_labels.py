"""Name labels: quotations tied to their speaker by the page's layout, not by a verb of speech.

Texts written for these tests (issue 15): vox pops and round-ups set a person's name, with an age, a
place or a role, on a line above their words, on the same line before a colon, or under the words as
a signature; a line that is a byline, a credit or a sentence names no speaker.
"""

from __future__ import annotations

import pytest

from reading import attributed, speaker_of

_INTRO = (
    "Dock workers on the strike, in their own words\n\n"
    "We asked staff at the gates what the stoppage means.\n\n"
)


def _speakers(text: str) -> list[tuple[str, str | None]]:
    """Each quotation's first three words and its speaker's name."""
    return [
        (" ".join(text[q.quote.start : q.quote.end].split()[:3]), q.speaker_name)
        for q in attributed(text).quotes
    ]


def test_a_name_line_above_gives_its_paragraphs_of_words_to_that_person() -> None:
    text = (
        _INTRO + "Marta Lindqvist, 34, Harwich\n\n"
        "“I have not been paid for three weeks and the rent is due on Friday.”\n\n"
        "“My children ask me every night when I am going back to the cranes.”\n\n"
        "Teodor Vask, 57, Felixstowe\n\n"
        "“Nobody from the port authority has come down to the gates to talk to us.”\n"
    )
    assert _speakers(text) == [
        ("I have not", "Marta Lindqvist"),
        ("My children ask", "Marta Lindqvist"),
        ("Nobody from the", "Teodor Vask"),
    ]


def test_a_label_before_a_colon_walks_back_over_age_and_place_to_the_name() -> None:
    text = (
        _INTRO
        + "Marta Lindqvist, 19, Harwich: “This is my first strike and nobody warned me it would last.”\n"
    )
    assert speaker_of(text, "This is my first") == "Marta Lindqvist"


def test_a_party_in_brackets_is_a_descriptor_of_the_name() -> None:
    text = (
        _INTRO
        + "Teodor Vask (Labour), Felixstowe: “We would go back tomorrow if the offer were in writing.”\n"
    )
    assert speaker_of(text, "We would go back") == "Teodor Vask"


def test_a_bold_name_heading_with_a_role_is_a_label() -> None:
    text = (
        _INTRO
        + "**Marta Lindqvist**, crane driver\n\n“The night shift has not had a pay rise in six years.”\n"
    )
    assert speaker_of(text, "The night shift") == "Marta Lindqvist"


def test_a_page_that_signs_its_words_below_gives_each_quotation_the_name_under_it() -> None:
    text = (
        _INTRO + "“I have not been paid for three weeks and the rent is due on Friday.”\n\n"
        "Marta Lindqvist, 41, crane driver\n\n"
        "“Nobody from the port authority has come down to the gates to talk to us.”\n\n"
        "Teodor Vask, 57, Felixstowe\n"
    )
    assert _speakers(text) == [("I have not", "Marta Lindqvist"), ("Nobody from the", "Teodor Vask")]


@pytest.mark.parametrize(
    "line",
    [
        "By Marta Lindqvist",  # a byline
        "Marta Lindqvist/Harbour Press",  # a photo credit
        "Marta Lindqvist, 34, drove the crane for the last time",  # a sentence
        "HARWICH, England",  # a dateline
    ],
)
def test_a_byline_a_credit_a_sentence_or_a_dateline_is_no_label(line: str) -> None:
    text = _INTRO + f"{line}\n\n“The whole town depends on the port being open again by the spring.”\n"
    assert speaker_of(text, "The whole town") is None


def test_a_quotation_with_its_own_verb_of_speech_keeps_its_speaker_under_a_label() -> None:
    text = (
        _INTRO + "Marta Lindqvist, 34, Harwich\n\n"
        "“The union has let us down at every turn this winter,” said Teodor Vask, her shift lead.\n"
    )
    assert speaker_of(text, "The union has") == "Teodor Vask"


@pytest.mark.parametrize(
    "signature",
    [
        " — Marta Lindqvist, 41, crane driver",
        " (Marta Lindqvist, 41, crane driver)",
        " Marta Lindqvist, crane driver",
    ],
)
def test_a_label_after_the_words_on_their_own_line_signs_them(signature: str) -> None:
    text = _INTRO + f"“I have not been paid for three weeks and the rent is due on Friday.”{signature}\n"
    assert speaker_of(text, "I have not") == "Marta Lindqvist"


def test_a_rare_name_before_an_age_is_a_person_whatever_the_recognizer_made_of_it() -> None:
    text = (
        _INTRO + "Oyelaran Adebimpe-Kwarteng, 41, Tilbury\n\n"
        "“I have not been paid for three weeks and the rent is due on Friday.”\n\n"
        "Ximena Quispe Huaman, 23, Harwich: “Nobody from the port authority has come down to the gates.”\n"
    )
    assert _speakers(text) == [
        ("I have not", "Oyelaran Adebimpe-Kwarteng"),
        ("Nobody from the", "Ximena Quispe Huaman"),
    ]


def test_an_age_makes_a_person_of_a_capitalised_name_line_or_a_first_name() -> None:
    text = (
        _INTRO + "MARTA LINDQVIST, 41, TILBURY\n\n"
        "“I have not been paid for three weeks and the rent is due on Friday.”\n\n"
        "Teodor, 23, Harwich. “Nobody from the port authority has come down to the gates.”\n\n"
        "Sales, 2016\n\n"
        "“We would go back tomorrow if they would only put the offer in writing.”\n"
    )
    assert _speakers(text) == [
        ("I have not", "MARTA LINDQVIST"),
        ("Nobody from the", "Teodor"),
        ("We would go", None),
    ]


def test_a_bare_quotation_opening_the_page_does_not_turn_labels_above_into_signatures() -> None:
    text = (
        "Harbour workers on the strike, in their own words\n\n"
        "“We are not going anywhere.”\n\n"
        "That is the message from the gates this week. We asked dock staff what the stoppage means.\n\n"
        "Marta Lindqvist, 34, Harwich\n\n"
        "“I have not been paid for three weeks and the rent is due on Friday.”\n\n"
        "Teodor Vask, 57, Felixstowe\n\n"
        "“Nobody from the port authority has come down to the gates to talk to us.”\n\n"
        "The strike enters its fifth week on Monday.\n"
    )
    assert _speakers(text) == [
        ("We are not", None),
        ("I have not", "Marta Lindqvist"),
        ("Nobody from the", "Teodor Vask"),
    ]


def test_a_page_that_mixes_labels_above_and_under_the_words_gets_no_speaker_from_them() -> None:
    text = (
        _INTRO + "“I have not been paid for three weeks and the rent is due on Friday.”\n\n"
        "Teodor Vask, 57, Felixstowe\n\n"
        "**Marta Lindqvist**, shift lead\n\n"
        "“We would go back tomorrow if they would only put the offer in writing.”\n"
    )
    assert _speakers(text) == [("I have not", None), ("We would go", None)]


@pytest.mark.parametrize("dash", [" - ", " — ", " -- "])
def test_a_label_after_a_dash_in_the_writers_line_names_the_speaker(dash: str) -> None:
    text = (
        _INTRO
        + f"The mood at the gates has changed{dash}Marta Lindqvist: “Two weeks ago we still believed them.”\n"
    )
    assert speaker_of(text, "Two weeks ago") == "Marta Lindqvist"
