"""markup: HTML to paragraphs, whitespace collapsed as a browser would, scripts and comments dropped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.errors import MalformedInputError
from dossier.ingest.markup import html_to_text


def test_blocks_become_paragraphs_and_breaks_stay_lines() -> None:
    text = html_to_text(
        "<h2>Road closed</h2><p>The  bridge\n   is shut.<br>Buses divert.</p>"
        "<ul><li>Route 7</li><li>Route 9</li></ul><blockquote>Be patient.</blockquote>",
        source="s",
    )
    assert text == "Road closed\n\nThe bridge is shut.\nBuses divert.\n\nRoute 7\n\nRoute 9\n\nBe patient."


def test_inline_markup_keeps_its_words_in_place() -> None:
    text = html_to_text("<p>Council <b>leader</b> <a href='/x'>Maeve</a><i>Okafor</i> spoke.</p>", source="s")
    assert text == "Council leader MaeveOkafor spoke."


def test_scripts_styles_and_comments_are_dropped_but_their_tails_are_kept() -> None:
    text = html_to_text(
        "<p>Before<script>track('x')</script> after<!-- note --> the<style>p{}</style> comment.</p>",
        source="s",
    )
    assert text == "Before after the comment."


def test_entities_are_decoded_and_nbsp_survives() -> None:
    assert html_to_text("<p>Fish &amp; chips&nbsp;&mdash; &#8220;ok&#8221;</p>", source="s") == (
        "Fish & chips\u00a0\u2014 \u201cok\u201d"
    )


def test_table_cells_do_not_run_together() -> None:
    assert html_to_text("<table><tr><td>Gauge</td><td>4.1 m</td></tr></table>", source="s") == "Gauge 4.1 m"


def test_full_documents_use_only_the_body() -> None:
    text = html_to_text(
        "<html><head><title>Tab title</title></head><body><p>Body text</p></body></html>", source="s"
    )
    assert text == "Body text"


@pytest.mark.parametrize("markup", ["", "   ", "<!-- only a comment -->", "<script>x()</script>"])
def test_markup_without_text_gives_empty_text(markup: str) -> None:
    assert html_to_text(markup, source="s") == ""


def test_absurdly_deep_nesting_does_not_crash() -> None:
    text = html_to_text("<div>" * 50_000 + "deep" + "</div>" * 50_000 + "<p>after</p>", source="s")
    assert isinstance(text, str)


def test_unclosed_tags_keep_their_text() -> None:
    assert html_to_text("<div><p>unclosed <b>bold <i>and italic", source="s") == "unclosed bold and italic"


def test_an_xml_declaration_does_not_stop_the_parse() -> None:
    assert html_to_text("<?xml version='1.0' encoding='utf-8'?><p>declared</p>", source="s") == "declared"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abp!-&;#\n")) | st.characters(), max_size=200))
def test_arbitrary_markup_never_crashes(markup: str) -> None:
    try:
        text = html_to_text(markup, source="fuzz")
    except MalformedInputError:
        return
    assert "\n\n\n" not in text
