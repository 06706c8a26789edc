"""Gender evidence from the article itself, and pronouns that respect it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.quotes.attribute import Attributed
from dossier.quotes.gender import compatible, infer_genders, role_gender
from dossier.quotes.speakers import find_mentions, mark_subjects
from dossier.segment import segment
from reading import HARBOUR_NAMES, attributed_naming, names_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"


def genders_of(text: str) -> dict[str, str]:
    starts = [span.start for span in segment(text)[1]]
    mentions = mark_subjects(text, find_mentions(text, names_of(text)), starts)
    return dict(infer_genders(text, mentions, starts))


def speaker_of(text: str, opening: str) -> str | None:
    quotes: tuple[Attributed, ...] = attributed_naming(text, HARBOUR_NAMES).quotes
    found = [q for q in quotes if text[q.quote.start : q.quote.end].startswith(opening)]
    assert len(found) == 1, opening
    return found[0].speaker_name


def test_honorifics_fix_a_gender() -> None:
    genders = genders_of("Mr. Tomas Brell arrived late. Ms Orla Vint chaired the meeting.")
    assert genders.get("Tomas Brell") == "male"
    assert genders.get("Orla Vint") == "female"


def test_a_pronoun_after_a_lone_name_is_evidence() -> None:
    genders = genders_of("Lena Oster took questions alone. Later she said her union would wait.")
    assert genders.get("Lena Oster") == "female"


def test_no_evidence_when_the_sentence_names_two_people() -> None:
    assert "Ada Roe" not in genders_of("Ada Roe met Piet Anker on Tuesday. He said little.")


def test_conflicting_pronouns_leave_the_gender_unknown() -> None:
    text = "Sam Ireton spoke first. He was brief. Sam Ireton spoke again. She was briefer."
    assert "Sam Ireton" not in genders_of(text)


def test_pronouns_inside_quotations_are_no_evidence() -> None:
    text = 'Kit Aldane spoke. "I told him to wait," Kit Aldane said.'
    starts = [span.start for span in segment(text)[1]]
    quote = (text.index('"'), text.index('," ') + 2)
    mentions = mark_subjects(text, find_mentions(text, names_of(text), [quote]), starts)
    assert "Kit Aldane" not in infer_genders(text, mentions, starts, [quote])


def test_role_words_and_compatibility() -> None:
    assert role_gender({"spokeswoman"}) == "female"
    assert role_gender({"spokesman", "minister"}) == "male"
    assert role_gender({"minister"}) is None
    assert compatible("female", None) and compatible(None, "male")
    assert not compatible("female", "male")


@pytest.fixture(scope="module")
def harbour() -> str:
    return (FIXTURES / "harbour_voices.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("We have a deal", "Ada Roe"),  # "she" skips the subject, a "Mr."
        ("The cranes will", "Piet Anker"),  # Roe is now known as "she": "he" takes the man beside her
        ("Nobody leaves this room", "Kasimir Dahl"),  # subject is "Ms.": the other person
        ("I will not ask", "Lena Oster"),  # unknown gender stays compatible
    ],
)
def test_pronoun_speakers_agree_in_gender(harbour: str, opening: str, speaker: str) -> None:
    assert speaker_of(harbour, opening) == speaker


def test_a_clash_with_nobody_else_to_take_leaves_the_speaker_unknown() -> None:
    text = 'Mr. Tomas Brell spoke on Tuesday. "We will sign the accord this week," she said.'
    assert speaker_of(text, "We will sign") is None
