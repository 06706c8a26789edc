"""metrics.shingles: the article-extraction benchmark's shingle measure and the visible-text baseline."""

from __future__ import annotations

import pytest

from metrics.shingles import overlap, score, shingles, visible_text


def test_shingles_are_counted_four_tokens_at_a_time() -> None:
    assert shingles("one two three four five") == {"one two three four": 1, "two three four five": 1}
    assert shingles("too short") == {"too short": 1}
    assert shingles("") == {}


def test_a_perfect_page_is_all_true_positives() -> None:
    text = "The board voted on Thursday to close the old pier."
    assert overlap(text, text) == pytest.approx(overlap(text, text))
    result = overlap(text, text)
    assert (result.tp, result.fp, result.fn) == (1.0, 0.0, 0.0)


def test_extra_text_is_false_positives_and_missing_text_false_negatives() -> None:
    gold = "a b c d e f"
    result = overlap(gold, "a b c d e f g h")
    assert result.tp == pytest.approx(3 / 5) and result.fp == pytest.approx(2 / 5) and result.fn == 0
    result = overlap(gold, "a b c d")
    assert result.tp == pytest.approx(1 / 3) and result.fn == pytest.approx(2 / 3)


def test_scores_come_from_the_mean_normalised_counts() -> None:
    pages = [overlap("a b c d e f", "a b c d e f"), overlap("a b c d e f", "x y z w")]
    result = score(pages)
    assert result.pages == 2
    assert result.precision == pytest.approx(0.5 / (0.5 + 0.5 / 4))
    assert result.recall == pytest.approx(0.5 / (0.5 + 1.5 / 4))
    assert 0 < result.f1 < 1


def test_visible_text_keeps_every_shown_block_and_drops_scripts() -> None:
    page = (
        "<html><head><title>T</title><style>p{}</style></head><body><nav><a>Home</a><a>News</a></nav>"
        "<p>First <b>bold</b> line.</p><script>var x = 1;</script><div hidden>secret</div>"
        "<!-- a comment --><ul><li>One</li><li>Two</li></ul></body></html>"
    )
    assert visible_text(page).split("\n") == ["HomeNews", "First bold line.", "One", "Two"]
