"""Offsets of a cleaned text mapped back to the raw one; sentence boundaries scored on tokens."""

from __future__ import annotations

from corpora.alignment import Alignment
from corpora.tokens import join_tokens
from metrics.boundaries import BoundaryCounts, count_boundaries, gold_boundaries, predicted_boundaries

RAW = "Pier Vote\n\n  The  council   met.\nIt voted “no” twice.\n"
CLEANED = "The council met. It voted “no” twice."


def test_spans_map_across_whitespace_changes() -> None:
    alignment = Alignment(CLEANED, RAW)
    for piece in ("council met.", "“no”", "The council met. It voted"):
        start = CLEANED.index(piece)
        mapped = alignment.span(start, start + len(piece))
        assert mapped is not None
        assert " ".join(RAW[mapped[0] : mapped[1]].split()) == piece


def test_a_changed_span_is_found_by_its_text_or_not_at_all() -> None:
    alignment = Alignment("Pier vote. The council met.", "The  council met. Pier-vote. Pier vote.")
    # "Pier vote." is no aligned word run here but occurs once in the raw text.
    assert alignment.span(0, 10) == (29, 39)
    assert Alignment("Gone words", "Other text").span(0, 4) is None
    assert alignment.span(5, 5) is None
    assert alignment.span(0, 999) is None


def test_gold_and_predicted_boundaries() -> None:
    text = join_tokens(("A", "b", ".", "Cd", "e", ".", "F", "."))
    assert gold_boundaries((1, 1, 1, 2, 2, 2, 3, 3)) == {3, 6}
    # Starts: the document's first token (ignored), token 3, and inside "Cd".
    found, inside = predicted_boundaries(text.offsets, [0, text.offsets[3][0], text.offsets[3][0] + 1])
    assert found == {3}
    assert inside == 1
    counts = count_boundaries({3, 6}, found, inside)
    assert counts == BoundaryCounts(true_positives=1, false_positives=1, false_negatives=1, inside_token=1)
    assert counts + counts == BoundaryCounts(2, 2, 2, 2)


def test_a_start_in_the_space_before_a_token_is_that_token() -> None:
    text = join_tokens(("One", ".", "Two"))
    found, inside = predicted_boundaries(text.offsets, [text.offsets[2][0] - 1])
    assert (found, inside) == ({2}, 0)


def test_a_span_whose_last_word_lost_a_character_in_cleaning_still_maps() -> None:
    raw = "She wrote: “The pier opens so\u00adon.”\n\nThen she left."
    cleaned = "She wrote: “The pier opens soon.”\n\nThen she left."
    start = cleaned.index("The pier")
    mapped = Alignment(cleaned, raw).span(start, cleaned.index("”"))
    assert mapped is not None
    # The changed word is taken whole, marks glued to it included.
    assert raw[mapped[0] : mapped[1]].startswith("The pier opens so\u00adon.")
    assert "Then" not in raw[mapped[0] : mapped[1]]


def test_a_span_with_several_changed_words_at_an_edge_is_not_guessed() -> None:
    raw = "Tall ships came. Αα ββ γγ end"
    cleaned = "Tall ships came. Xx yy zz end"
    assert Alignment(cleaned, raw).span(cleaned.index("ships"), len(cleaned) - 4) is None
