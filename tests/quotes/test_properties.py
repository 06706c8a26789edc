"""Property tests: any text, however broken its quotation marks, gives well-formed quotes."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier.article import Article, article_id
from dossier.quotes import quotes_stage
from reading import analyzed_story, attributed

# Pieces that make hostile news text: marks of every kind, cue words, names, breaks.
_PIECES = st.sampled_from(
    ['"', "“", "”", "„", "«", "»", "‘", "’", "'", " ", "\n", "\n\n", ",", ".", ":", "—", "said", "he", "she",
     "Anna Pell", "the official", "according to", "a senior aide", "told", "We", "word", "Ünïcødé", "港口"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
@example('“ We " » told')  # the parse made a subject of marks alone: an unnamed speaker with no words
def test_quotes_are_inside_one_line_and_carry_words(text: str) -> None:
    result = attributed(text)
    for item in result.quotes:
        quote = item.quote
        assert 0 <= quote.open_at < quote.start <= quote.end <= len(text)
        assert "\n" not in text[quote.start : quote.end]
        assert any(char.isalnum() for char in text[quote.start : quote.end])
        if item.speaker is not None:
            assert 0 <= item.speaker.start < item.speaker.end <= len(text)
    assert attributed(text) == result


@settings(max_examples=30, deadline=None)
@given(_TEXTS)
def test_the_stage_accepts_any_article_text(text: str) -> None:
    story = quotes_stage(analyzed_story(articles=(Article(id=article_id(text), source="x", text=text),)))
    for quote in story.quotes:
        assert quote.text == text[quote.start : quote.end]
