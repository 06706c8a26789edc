"""Each quote's speaker records how attribution reached it."""

from __future__ import annotations

from dossier.quotes import quotes_stage
from dossier.segment import segmented_article
from reading import analyzed_story

TEXT = (
    'Harbour master Ilse Marrow said the quay would reopen. "We are ready," Marrow said.\n\n'
    '"The cranes are back," she added.\n\n'
    '"Ships can dock from Monday."\n\n'
    '"Fees will not change," a port official said.'
)


def resolutions() -> dict[str, str | None]:
    story = quotes_stage(analyzed_story(articles=(segmented_article(TEXT, source="port.txt"),)))
    return {quote.text: quote.speaker.resolution if quote.speaker else None for quote in story.quotes}


def test_named_pronoun_continuation_and_unnamed_speakers_say_how_they_were_found() -> None:
    found = resolutions()
    assert found["We are ready"] == "name"
    assert found["The cranes are back"] == "pronoun"
    assert found["Ships can dock from Monday."] == "continuation"
    assert found["Fees will not change"] == "unnamed"
