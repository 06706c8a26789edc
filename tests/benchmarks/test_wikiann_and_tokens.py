"""WikiANN lines become sentences in our tag set; tokens become text with offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpora import wikiann
from corpora.tokens import join_tokens
from metrics.ner import entity_spans

from .conftest import SHARED_DATA

LINES = [
    "en:Mira\tB-PER\n",
    "en:Osk\tI-PER\n",
    "en:of\tO\n",
    "en:Lantern\tB-ORG\n",
    "en:Guild\tI-ORG\n",
    "\n",
    "en:Harrowgate\tB-LOC\n",
    "en:en:\tO\n",
]


def test_lines_become_sentences_with_mapped_tags() -> None:
    first, second = wikiann.parse_lines(LINES)
    assert first.words == ("Mira", "Osk", "of", "Lantern", "Guild")
    assert first.tags == ("B-person", "I-person", "O", "B-organization", "I-organization")
    # Only the one language prefix is stripped; the last sentence needs no blank line after it.
    assert second.words == ("Harrowgate", "en:")
    assert second.tags == ("B-place", "O")


def test_unknown_types_are_outside() -> None:
    assert wikiann.map_tag("B-MISC") == "O"
    assert wikiann.map_tag("O") == "O"
    assert wikiann.map_tag("I-LOC") == "I-place"


def test_tokens_joined_by_spaces_keep_their_offsets() -> None:
    text = join_tokens(("Mira", "Osk", ",", "of", "Lantern"))
    assert text.text == "Mira Osk , of Lantern"
    for word, (start, end) in zip(("Mira", "Osk", ",", "of", "Lantern"), text.offsets, strict=True):
        assert text.text[start:end] == word
    assert text.char_span(0, 2) == (0, 8)
    assert text.char_spans({(0, 2, "person"), (4, 5, "place")}) == {(0, 8, "person"), (14, 21, "place")}
    assert join_tokens(()).text == ""


def test_gold_spans_read_back_as_their_words(tmp_path: Path) -> None:
    path = tmp_path / "test"
    path.write_text("".join(LINES), encoding="utf-8")
    sentence = wikiann.read_sentences(path)[0]
    text = join_tokens(sentence.words)
    spans = text.char_spans(entity_spans(sentence.tags))
    assert {(text.text[start:end], kind) for start, end, kind in spans} == {
        ("Mira Osk", "person"),
        ("Lantern Guild", "organization"),
    }


@pytest.mark.shared
def test_the_shared_test_split_has_its_published_size() -> None:
    path = SHARED_DATA / "wikiann-en" / "test"
    if not path.is_file():
        pytest.skip("../shared/data/wikiann-en is absent")
    sentences = wikiann.read_sentences(path)
    assert len(sentences) == 10_000
    assert sum(len(s.words) for s in sentences) == 80_326
    assert not any(w.startswith("en:") for s in sentences[:200] for w in s.words)
