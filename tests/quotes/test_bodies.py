"""Plural "they" and organizations as speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.quotes.speakers import SpeakerCandidate, find_mentions, is_group, resolve
from reading import HARBOUR_NAMES, attributed, attributed_naming, names_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"


@pytest.fixture(scope="module")
def harbour() -> dict[str, tuple[str | None, str | None]]:
    """Each quote's first words -> (speaker name, speaker mention kind)."""
    text = (FIXTURES / "harbour_voices.txt").read_text(encoding="utf-8")
    found: dict[str, tuple[str | None, str | None]] = {}
    for item in attributed_naming(text, HARBOUR_NAMES).quotes:
        opening = " ".join(text[item.quote.start : item.quote.end].split()[:3])
        found[opening] = (item.speaker_name, item.speaker.kind if item.speaker else None)
    return found


@pytest.mark.parametrize(
    ("opening", "speaker", "kind"),
    [
        ("We will not", "Velmish officials", "unnamed"),  # "they" -> the group, over a person object
        ("The talks will", "Velmish Foreign Ministry", "name"),  # "the ministry" -> the named ministry
        ("The harbour will", "Brell's office", "organization"),  # "X's office said"
        ("The strike is", "a spokesperson for the Harbour Authority", "unnamed"),  # org noted
        ("No ship will", "the port council", "organization"),  # a body with no name before it
    ],
)
def test_bodies_and_groups_speak(
    harbour: dict[str, tuple[str | None, str | None]], opening: str, speaker: str, kind: str
) -> None:
    assert harbour[opening] == (speaker, kind)


def test_they_after_a_person_stays_unresolved(harbour: dict[str, tuple[str | None, str | None]]) -> None:
    assert harbour["They can call"] == (None, None)


def test_named_bodies_speak_under_their_name() -> None:
    text = '"Trade through the strait has fallen by a third," the State Department said.'
    (quote,) = attributed(text).quotes
    assert quote.speaker_name == "State Department"


def test_groups() -> None:
    text = "Velmish officials, the ministry, the NATO and Ada Roe and a senior official."
    kinds = {m.name: is_group(m) for m in find_mentions(text, names_of(text))}
    assert kinds["Velmish officials"] and kinds["the ministry"] and kinds["NATO"]
    assert not kinds["Ada Roe"] and not kinds["a senior official"]


def test_a_body_phrase_needs_a_fitting_name() -> None:
    phrase = SpeakerCandidate(40, 52, "the ministry", "organization", frozenset({"ministry"}))
    council = SpeakerCandidate(0, 13, "Harbour Board", "name")
    ministry = SpeakerCandidate(14, 30, "Trade Ministry", "name")
    assert resolve(phrase, [council]) is None
    assert resolve(phrase, [ministry, council]) == ministry


def test_possessive_body_needs_a_capitalised_owner() -> None:
    names = [m.name for m in find_mentions("the union's office said, and Ada Roe's office said")]
    assert "Ada Roe's office" in names
    assert not any(name.endswith("union's office") for name in names)


def test_a_run_on_text_full_of_bodies_and_pronouns_stays_well_formed() -> None:
    # No sentence ends: every cue window must still be bounded and every span inside the text.
    piece = "the ministry said “we will not sign” and they said Ada Roe’s office said “she left” he said "
    text = piece * 400
    quotes = attributed(text).quotes
    assert len(quotes) == 800
    assert all(0 <= q.quote.start <= q.quote.end <= len(text) for q in quotes)
    assert {q.speaker_name for q in quotes} <= {"the ministry", "Ada Roe’s office", None}
