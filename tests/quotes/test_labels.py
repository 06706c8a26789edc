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


# Round 5 (issue 15, helper spk9): the layouts a text extractor leaves of a round-up page.

_FIRST = "“I have not been paid for three weeks and the rent is due on Friday.”"
_SECOND = "“Nobody from the port authority has come down to the gates to talk to us.”"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1. Marta Lindqvist, 34, Harwich", "2. Teodor Vask, 57, Felixstowe"),  # a numbered list
        ("• Marta Lindqvist, 34, Harwich", "- Teodor Vask, 57, Felixstowe"),  # bullets
        ("Marta Lindqvist – 34, crane driver, Harwich", "Teodor Vask – 57, rigger, Felixstowe"),  # dashes
        (
            "Marta Lindqvist, 34, a crane driver from Harwich who joined the union in 2015",
            "Teodor Vask, 57, a rigger who has worked the night shift at Felixstowe for twenty years",
        ),  # a long description, with a clause about the person, after the age
    ],
)
def test_a_listed_dashed_or_long_described_name_line_above_is_a_label(first: str, second: str) -> None:
    text = _INTRO + f"{first}\n\n{_FIRST}\n\n{second}\n\n{_SECOND}\n"
    assert _speakers(text) == [("I have not", "Marta Lindqvist"), ("Nobody from the", "Teodor Vask")]


def test_prose_about_the_person_between_the_label_and_the_words_keeps_the_label() -> None:
    text = (
        _INTRO + "Marta Lindqvist, 34, Harwich\n\n"
        "Lindqvist has driven the cranes on the east quay since she left school.\n\n"
        f"{_FIRST}\n\n"
        "“My children ask me every night when I am going back to the cranes.”\n\n"
        "Teodor Vask, 57, Felixstowe\n\n"
        "He came to the port from the shipyards up the coast.\n\n"
        f"{_SECOND}\n"
    )
    # The recognizer may take the surname alone for the name: the label is still hers.
    speakers = [(name or "").split()[-1:] for _, name in _speakers(text)]
    assert speakers == [["Lindqvist"], ["Lindqvist"], ["Vask"]]


def test_prose_naming_another_person_under_a_label_cuts_it_off_from_the_words() -> None:
    text = (
        _INTRO + "Marta Lindqvist, 34, Harwich\n\n"
        "Her foreman, Teodor Vask, expects the gates to reopen within the month.\n\n"
        f"{_FIRST}\n"
    )
    assert speaker_of(text, "I have not") != "Marta Lindqvist"


def test_a_name_and_age_glued_to_the_words_with_no_mark_is_a_label_but_a_bare_name_is_not() -> None:
    text = _INTRO + f"Marta Lindqvist, 34, Harwich {_FIRST}\n\nTeodor Vask {_SECOND}\n"
    assert _speakers(text) == [("I have not", "Marta Lindqvist"), ("Nobody from the", None)]


def test_a_signature_under_a_dash_gives_the_name_not_the_place_after_it() -> None:
    text = _INTRO + f"{_FIRST}\n— Marta Lindqvist, 34, Harwich\n\n{_SECOND}\n— Teodor Vask, 57, Felixstowe\n"
    assert _speakers(text) == [("I have not", "Marta Lindqvist"), ("Nobody from the", "Teodor Vask")]


def test_the_answers_of_a_transcript_are_the_words_of_the_one_person_its_introduction_names() -> None:
    text = (
        "Ten minutes with the dockers' leader\n\n"
        "Marta Lindqvist has led the dock workers' union at Harwich since 2019. We met her at the gates.\n\n"
        "Q: “How long can your members hold out without strike pay from the union?”\n\n"
        "A: “Another month, perhaps two, if the town keeps bringing food to the gates.”\n"
    )
    assert _speakers(text) == [("How long can", None), ("Another month, perhaps", "Marta Lindqvist")]


def test_a_transcript_whose_introduction_names_two_people_gives_its_answers_to_neither() -> None:
    text = (
        "Ten minutes at the gates\n\n"
        "Marta Lindqvist and Teodor Vask have led the strike at Harwich since it began.\n\n"
        "Q: “How long can your members hold out without strike pay from the union?”\n\n"
        "A: “Another month, perhaps two, if the town keeps bringing food to the gates.”\n"
    )
    assert _speakers(text) == [("How long can", None), ("Another month, perhaps", None)]


def test_sentences_opening_on_a_name_and_an_age_head_the_words_of_a_round_up() -> None:
    text = (
        _INTRO + "Marta Lindqvist, 34, has driven the cranes on the east quay since she left school.\n\n"
        f"{_FIRST}\n\n"
        "Teodor Vask, a 57-year-old rigger, came to the port from the shipyards up the coast.\n\n"
        f"{_SECOND}\n"
    )
    assert _speakers(text) == [("I have not", "Marta Lindqvist"), ("Nobody from the", "Teodor Vask")]


def test_one_person_profiled_with_an_age_is_a_news_story_not_a_round_up() -> None:
    text = (
        "Crane driver hurt on the quay\n\n"
        "Marta Lindqvist, 34, was taken to hospital on Monday after a fall on the east quay.\n\n"
        "Her shift lead, Teodor Vask, said the gates were closed within the hour.\n\n"
        f"{_SECOND}\n"
    )
    assert speaker_of(text, "Nobody from the") != "Marta Lindqvist"


def test_descriptors_set_off_by_bars_follow_the_name() -> None:
    text = (
        _INTRO + f"Marta Lindqvist | 34 | Harwich\n\n{_FIRST}\n\nTeodor Vask | 57 | Felixstowe\n\n{_SECOND}\n"
    )
    assert _speakers(text) == [("I have not", "Marta Lindqvist"), ("Nobody from the", "Teodor Vask")]


def test_a_lone_surname_before_a_colon_names_the_person_the_page_named_in_full() -> None:
    text = (
        "Marta Lindqvist leads the strike at Harwich. Her union has paid no strike money since May.\n\n"
        f"Lindqvist: {_FIRST}\n\n"
        f"Update: {_SECOND}\n"
    )
    assert _speakers(text) == [("I have not", "Marta Lindqvist"), ("Nobody from the", None)]


def test_a_short_topic_before_a_colon_under_a_label_keeps_the_label() -> None:
    text = (
        _INTRO + "Marta Lindqvist, 34, Harwich\n\n"
        f"On the pay: {_FIRST}\n\n"
        "Teodor Vask Jr., 57, Felixstowe\n\n"
        f"On the port authority: {_SECOND}\n"
    )
    # The suffix's full stop is the recognizer's to keep or drop; the label runs to it either way.
    speakers = [(opening, (name or "").rstrip(".")) for opening, name in _speakers(text)]
    assert speakers == [("I have not", "Marta Lindqvist"), ("Nobody from the", "Teodor Vask Jr")]
