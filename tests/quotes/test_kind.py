"""Full quotes versus partial (scare quotes and fragments in the reporter's sentence)."""

from __future__ import annotations

from dossier.quotes.find import find_quotes
from dossier.quotes.kind import quote_kind


def kinds(text: str) -> list[str]:
    return [quote_kind(text, quote) for quote in find_quotes(text)]


def test_a_quote_that_opens_its_sentence_is_full() -> None:
    assert kinds("“We are ready for the vote,” the speaker said.") == ["full"]


def test_colon_dash_and_comma_lead_ins_make_full_quotes() -> None:
    assert kinds("The envoy said: “We leave tonight for the coast.”") == ["full"]
    assert kinds("Her answer was short — “Nothing has changed since May.”") == ["full"]
    assert kinds("Until then, said an aide, “it could have gone either way.”") == ["full"]


def test_a_fragment_inside_the_reporters_sentence_is_partial() -> None:
    assert kinds("He called the plan “a bridge to nowhere” in a speech.") == ["partial"]
    assert kinds(
        "She promised she would not “trade the river for a photograph,” a line that drew applause."
    ) == ["partial"]


def test_scare_quotes_are_partial_even_after_a_comma() -> None:
    assert kinds("They argued about tariffs, “unfair” subsidies and quotas.") == ["partial"]
    assert kinds("Both sides have “red lines” to keep.") == ["partial"]


def test_a_short_whole_sentence_is_full() -> None:
    assert kinds("“No.” That was all he said.") == ["full"]


def test_a_continuation_paragraph_is_full() -> None:
    assert kinds("“First the roof.\n\n“then the walls,” he said.") == ["full", "full"]
