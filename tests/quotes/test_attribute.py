"""Attribution over a whole hand-written article that uses every pattern once."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.quotes.attribute import Attributed
from reading import attributed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"


@pytest.fixture(scope="module")
def article() -> tuple[str, tuple[Attributed, ...]]:
    text = (FIXTURES / "velm_strike_a.txt").read_text(encoding="utf-8")
    return text, attributed(text).quotes


def find(article: tuple[str, tuple[Attributed, ...]], opening: str) -> Attributed:
    text, quotes = article
    matches = [q for q in quotes if text[q.quote.start : q.quote.end].startswith(opening)]
    assert len(matches) == 1, opening
    return matches[0]


@pytest.mark.parametrize(
    ("opening", "speaker", "kind"),
    [
        ("not be allowed", "Ilse Marrow", "partial"),  # partial quote with a named speaker
        ("We will sit down", "Ilse Marrow", "full"),  # short name canonicalised
        ("clear and open", "Ilse Marrow", "partial"),  # "the minister" -> role seen with the name
        ("Nobody wants this", "Teodor Vask", "full"),  # inverted cue with an appositive
        ("But our members", "Teodor Vask", "full"),  # attribution in the middle
        ("If Velm stays", "Teodor Vask", "full"),  # pronoun
        ("The minister keeps", "Teodor Vask", "full"),  # nested single quotes
        ("We are losing", "A senior port authority official", "full"),  # unnamed source stays unnamed
        ("the queue now", "Jonas Brell", "full"),  # according to
        ("I have never seen", "Jonas Brell", "full"),  # colon lead-in, unclosed paragraph
        ("Every captain", "Jonas Brell", "full"),  # multi-paragraph continuation
        ("There are no red lines", "Ilse Marrow", "full"),  # dash lead-in with no verb
        ("The port will reopen", "Ilse Marrow", "full"),  # "insisted in a statement", missing close
    ],
)
def test_every_pattern_is_attributed(
    article: tuple[str, tuple[Attributed, ...]], opening: str, speaker: str, kind: str
) -> None:
    quote = find(article, opening)
    assert quote.speaker_name == speaker
    assert quote.kind == kind


def test_speaker_spans_point_at_the_speakers_mention(article: tuple[str, tuple[Attributed, ...]]) -> None:
    text, quotes = article
    for quote in quotes:
        if quote.speaker is not None:
            mention = text[quote.speaker.start : quote.speaker.end]
            assert mention and quote.speaker_name is not None
            assert mention.split()[-1] in quote.speaker_name or quote.speaker.kind == "unnamed"


def test_a_missing_closing_mark_never_swallows_the_next_paragraph(
    article: tuple[str, tuple[Attributed, ...]],
) -> None:
    text, quotes = article
    assert all("braziers" not in text[q.quote.start : q.quote.end] for q in quotes)


def test_the_reporters_own_words_are_not_quotes(article: tuple[str, tuple[Attributed, ...]]) -> None:
    text, quotes = article
    assert all("Workers on the quay" not in text[q.quote.start : q.quote.end] for q in quotes)


def test_a_quote_with_no_cue_after_other_people_is_not_continued() -> None:
    text = "“We are ready,” Anna Pell said.\n\nOtto Roe arrived at noon with the papers.\n\n“Sign here.”"
    quotes = attributed(text).quotes
    assert quotes[0].speaker_name == "Anna Pell"
    assert quotes[1].speaker_name is None


def test_a_quote_with_no_cue_right_after_a_quote_keeps_the_speaker() -> None:
    text = "“We are ready,” Anna Pell said.\n\n“We have been ready for a week.”"
    assert [q.speaker_name for q in attributed(text).quotes] == ["Anna Pell", "Anna Pell"]


def test_non_english_text_does_not_crash() -> None:
    text = "Die Ministerin sagte: „Wir öffnen den Hafen am Freitag.“ 港口周五开放。«Nous verrons», dit-il."
    quotes = attributed(text).quotes
    assert [text[q.quote.start : q.quote.end] for q in quotes][:1] == ["Wir öffnen den Hafen am Freitag."]


def test_hostile_input_is_bounded() -> None:
    unbalanced = ('He said “ " she said ” “' * 1_000 + "\n\n") * 4
    for text in ("", "“”", '" "', unbalanced, "“" + "word " * 200_000 + "” he said."):
        for quote in attributed(text).quotes:
            assert 0 <= quote.quote.start <= quote.quote.end <= len(text)


def test_same_input_same_output() -> None:
    text = (FIXTURES / "velm_strike_a.txt").read_text(encoding="utf-8")
    assert attributed(text) == attributed(text)


def test_an_attribution_swallowed_by_a_misplaced_closing_mark_is_moved_out() -> None:
    text = "“The harbour must reopen before the winter storms, the port director said.” Then he left."
    quotes = attributed(text).quotes
    words = text[quotes[0].quote.start : quotes[0].quote.end]
    assert words == "The harbour must reopen before the winter storms"
    assert quotes[0].speaker_name == "the port director"


def test_a_gigantic_article_full_of_names_is_bounded() -> None:
    # Just under the reading limit (dossier.analyze.MAX_READ_CHARS): 15,000 name mentions before the quote.
    text = "Anna Pell met Otto Pell and Pell. " * 5_000 + "“We are done here for today,” Pell said."
    quotes = attributed(text).quotes
    assert [q.speaker_name for q in quotes] == ["Otto Pell"]


def test_stray_marks_before_an_attribution_are_not_a_quote() -> None:
    # Found by the property test: four opening marks and ", ’ said" once left a quote of marks alone.
    text = "“ „ „ „ „ , ’ said"
    for item in attributed(text).quotes:
        assert any(char.isalnum() for char in text[item.quote.start : item.quote.end])


@pytest.mark.parametrize(
    "attribution",
    [
        "Marta Quell, a Vask ally, told the Harbour Gazette.",  # a name modifying a noun, and whom she told
        "Marta Quell said on Otto Brandt's radio show.",  # where she said it
    ],
)
def test_a_quote_paragraph_goes_on_past_the_people_its_attribution_spoke_to(attribution: str) -> None:
    text = (
        f"“The ferries will run again by the spring, whatever the council decides,” {attribution}\n\n"
        "“Nobody in this town wants another winter without a crossing. The old boat is rotten through.\n\n"
        "“We will build a new one ourselves if we must.”"
    )
    quotes = attributed(text).quotes
    assert [q.speaker_name for q in quotes] == ["Marta Quell"] * 3


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A side clause of time says what one person said; the sentence's own subject answers it.
        (
            "When Otto Brandt suggested that the ferry company would sue the town, Marta Quell hit back "
            "at once: “If they take us to court, they will lose every penny of it.”",
            "Marta Quell",
        ),
        # The quotation inside the side clause is still its verb's.
        ("When Marta Quell said “we will never sell the harbour,” the crowd cheered.", "Marta Quell"),
    ],
)
def test_a_side_clause_of_speech_before_the_sentence_s_own_subject_does_not_speak_the_quote(
    text: str, speaker: str
) -> None:
    assert attributed(text).quotes[0].speaker_name == speaker


def test_a_word_of_speech_used_as_a_noun_is_no_cue_for_a_name_in_an_earlier_sentence() -> None:
    text = (
        "Mayor Otto Brandt praised the new ferry timetable on Monday. "
        "On the other side, Marta Quell, the harbour master, wrote a warning. "
        "“Boats will not sail in this wind, and nobody should try to make them.”"
    )
    assert attributed(text).quotes[0].speaker_name == "Marta Quell"
