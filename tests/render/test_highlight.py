"""Highlighting spans in article text: escaped, well-formed, text-preserving, however spans overlap.

The segments come from :mod:`dossier.render.highlight`; the HTML from the page's ``marked_text`` macro.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.render.highlight import Segment, anchor_id, segments
from dossier.render.html import highlight, html_safe

from .htmlcheck import read_page

TEXT = "Harbor crews pulled 212 people from the water before dawn."


def text_of(fragment: str) -> str:
    """The visible text of a fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


def wrapped(fragment: str) -> str:
    return f'<article id="source-1"><div class="text">{fragment}</div></article>'


def marks(fragment: str) -> list[tuple[str, str | None]]:
    page = read_page(wrapped(fragment))
    assert page.problems == []
    return page.marks


def test_no_spans_is_just_escaped_text() -> None:
    assert highlight("a < b & c", [], 1) == "a &lt; b &amp; c"


def test_single_span_is_marked_and_anchored() -> None:
    start = TEXT.index("212 people")
    out = highlight(TEXT, [(start, start + 10)], 4)
    assert f'<mark class="d1" id="{anchor_id(4, start)}">212 people</mark>' in out
    assert text_of(out) == TEXT


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 30), (13, 45)],  # crossing
        [(0, 58), (13, 19), (20, 30)],  # nested
        [(5, 20), (5, 20), (5, 40)],  # identical and shared start
        [(0, 10), (10, 20), (20, 58)],  # touching
        [(3, 50), (4, 49), (5, 48), (6, 47)],  # deep nesting
    ],
)
def test_overlapping_spans_stay_well_formed_and_keep_the_text(spans: list[tuple[int, int]]) -> None:
    out = highlight(TEXT, spans, 2)
    found = marks(out)
    assert text_of(out) == TEXT
    ids = [mark_id for _, mark_id in found if mark_id]
    assert sorted(ids) == sorted({anchor_id(2, start) for start, _ in spans})


def test_overlap_depth_is_shown_and_capped() -> None:
    classes = {cls for cls, _ in marks(highlight(TEXT, [(3, 50), (4, 49), (5, 48), (6, 47)], 1))}
    assert classes == {"d1", "d2", "d3"}


def test_empty_span_gets_an_empty_anchor() -> None:
    out = highlight(TEXT, [(7, 7), (len(TEXT), len(TEXT))], 1)
    assert f'<mark class="point" id="{anchor_id(1, 7)}"></mark>' in out
    assert out.endswith(f'<mark class="point" id="{anchor_id(1, len(TEXT))}"></mark>')
    assert text_of(out) == TEXT


def test_spans_outside_the_text_are_ignored() -> None:
    out = highlight(TEXT, [(-1, 4), (10, 999), (30, 20)], 1)
    assert "<mark" not in out
    assert text_of(out) == TEXT


def test_hostile_markup_inside_a_span_is_escaped() -> None:
    text = 'Before <script>alert("x")</script> after'
    out = highlight(text, [(0, 20), (7, 40)], 1)
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    assert text_of(out) == text


def test_control_characters_become_replacement_characters_of_the_same_length() -> None:
    assert html_safe("a\x00b\x1bc\ud800d\te\nf") == "a\ufffdb\ufffdc\ufffdd\te\nf"
    assert html_safe("safe\u202etxt\u200b.exe") == "safe\ufffdtxt\ufffd.exe"
    assert highlight("a\x00b", [(0, 3)], 1) == '<mark class="d1" id="s1-0">a\ufffdb</mark>'


def test_quotes_and_ampersands_are_escaped() -> None:
    assert highlight("say \"hi\" & 'bye'", [], 1) == "say &#34;hi&#34; &amp; &#39;bye&#39;"


def test_segments_give_the_text_back_with_shades_and_anchors() -> None:
    start = TEXT.index("212 people")
    found = segments(TEXT, [(start, start + 10), (start, start + 3), (5, 5)], 3)
    assert "".join(segment.text for segment in found) == TEXT
    assert Segment("", 0, anchor_id(3, 5)) in found
    assert Segment("212", 2, anchor_id(3, start)) in found
    assert Segment(" people", 1, None) in found


def test_many_spans_over_long_text_are_handled() -> None:
    text = "word " * 20_000
    spans = [(i, i + 50) for i in range(0, len(text) - 50, 7)]
    out = highlight(text, spans, 1)
    assert text_of(out) == text


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=80),
    spans=st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90)), max_size=12),
)
def test_any_spans_give_well_formed_marks_over_the_same_text(text: str, spans: list[tuple[int, int]]) -> None:
    out = highlight(text, spans, 1)
    page = read_page(wrapped(out))
    assert page.problems == []
    assert page.texts["source-1"] == _shown(text)
    valid_starts = {start for start, end in spans if 0 <= start <= end <= len(text)}
    assert {mark_id for _, mark_id in page.marks if mark_id} == {anchor_id(1, s) for s in valid_starts}


def _shown(text: str) -> str:
    """What a browser shows for ``text``: characters HTML cannot carry become U+FFFD."""
    return html_safe(text)
