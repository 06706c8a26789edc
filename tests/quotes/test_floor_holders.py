"""Who holds the floor between and before quotations (issue 15, round 7).

Sentences written for these tests. A place or a heading before a colon names nobody who speaks; a
source that a lead-in sentence gives its main clause to ("According to Roe, …") goes on speaking in
the bare quotation paragraph after it; a bare quotation paragraph goes on in the previous speaker's
voice over prose that only speaks of other people, not over prose where someone else speaks; a
relative pronoun set off by a comma speaks for the noun it describes.
"""

from __future__ import annotations

import pytest

from reading import speaker_of

_SETTING = "Ada Roe chairs the harbour board in Harwich. Ben Lee sits on the town council.\n\n"
_WORDS = "The piers will stay open through the whole of the winter."
_MORE = "“We have no money left for the repairs this year at all.”\n"
_SAID = "“The piers are safe for now,” Roe said.\n\n"


@pytest.mark.parametrize("lead", ["From Harwich:", "In Harwich:", "Harwich:"])
def test_a_place_before_a_colon_names_no_speaker(lead: str) -> None:
    assert speaker_of(f"{_SETTING}{lead} “{_WORDS}”\n", "The piers") is None


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("The ministry:", "The ministry"),  # a body before a colon speaks
        ("Ada Roe:", "Ada Roe"),
        ("From Felixstowe, Ada Roe:", "Ada Roe"),  # a place before the person's name
    ],
)
def test_a_person_or_a_body_before_a_colon_still_speaks(lead: str, speaker: str) -> None:
    assert speaker_of(f"{_SETTING}{lead} “{_WORDS}”\n", "The piers") == speaker


@pytest.mark.parametrize(
    "lead_in",
    [
        "According to Roe, the piers will close in spring.",
        "The piers will close in spring, according to Roe.",
        "Roe said in a statement that the piers will close in spring.",
        "“The piers are safe for now,” Roe said in a statement on Monday.",
        "“The piers are safe for now,” according to Roe.",
    ],
)
def test_a_source_of_the_paragraph_before_goes_on_speaking(lead_in: str) -> None:
    assert speaker_of(f"{_SETTING}{lead_in}\n\n{_MORE}", "We have") == "Ada Roe"


@pytest.mark.parametrize(
    "between",
    [
        # Other people named in the speaker's own paragraph, or in a paragraph still about her.
        "“The piers are safe for now,” Roe said. She had met Lee and Tom Vask that morning.\n\n",
        _SAID + "She met Lee and Tom Vask at the town hall on Monday.\n\n",
        _SAID + "Roe has run the board since Lee and Tom Vask left it.\n\n",
    ],
)
def test_people_spoken_of_do_not_take_the_floor(between: str) -> None:
    assert speaker_of(f"{_SETTING}{between}{_MORE}", "We have") == "Ada Roe"


@pytest.mark.parametrize(
    "between",
    [
        _SAID + "Lee told reporters the council disagreed.\n\n",  # someone else speaks in between
        _SAID + "Lee has chaired the council since 2015.\n\n",  # a paragraph about someone else
        _SAID + "The council's report, written by Tom Vask in 2019, found the piers unsafe.\n\n",
    ],
)
def test_someone_else_in_between_breaks_the_run(between: str) -> None:
    assert speaker_of(f"{_SETTING}{between}{_MORE}", "We have") != "Ada Roe"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Lee met Roe, who told reporters “the piers have not been repaired for ten years”.", "Ada Roe"),
        ("Lee praised Tom Vask, who said “the piers have not been repaired for ten years”.", "Tom Vask"),
        (
            "The board published its annual report, which notes “the piers have not been repaired for ten"
            " years”.",
            "its annual report",
        ),
    ],
)
def test_a_relative_pronoun_speaks_for_its_noun(sentence: str, speaker: str) -> None:
    assert speaker_of(f"{_SETTING}{sentence}\n", "the piers have") == speaker
