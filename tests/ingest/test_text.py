"""text: plain text passes through untouched; Markdown loses its markup but keeps every word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.errors import EmptyInputError
from dossier.ingest.text import markdown_to_text, read_markdown, read_plain


def test_plain_text_is_not_touched() -> None:
    text = "  HEADLINE\r\n\r\nBody\u00a0text with *stars* and [brackets](x).  \n"
    draft = read_plain(text, source="a.txt")
    assert draft.text == text
    assert draft.source == "a.txt"
    assert draft.title is None


def test_first_level_one_heading_is_the_title() -> None:
    converted = markdown_to_text("Intro line\n\n## Second level\n\n# The *real* title #\n\n# Another\n")
    assert converted.title == "The real title"
    assert "Second level" in converted.text and "#" not in converted.text


def test_setext_heading_is_a_title() -> None:
    converted = markdown_to_text("Bridge closed\n=============\n\nBody text.\n\nSub\n---\n")
    assert converted.title == "Bridge closed"
    assert converted.text == "Bridge closed\n\nBody text.\n\nSub"


def test_no_heading_no_title() -> None:
    assert markdown_to_text("Just a paragraph.").title is None


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Said **Ada** and __Bo__ and *Cy* and _Di_.", "Said Ada and Bo and Cy and Di."),
        ("~~Old~~ new", "Old new"),
        ('See [the report](https://r.invalid/x "Report") now', "See the report now"),
        ("See [the report][ref] now", "See the report now"),
        ("Map: ![flood map](map.png) below", "Map:  below"),
        ("Mail <https://a.invalid/b>", "Mail https://a.invalid/b"),
        ("Run `pump --start` now", "Run pump --start now"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
        ("Escaped \\*not emphasis\\* and a\\\\b", "Escaped *not emphasis* and a\\b"),
        ("> > Nested quote", "Nested quote"),
        ("- item\n* item\n+ item\n12. item", "item\nitem\nitem\nitem"),
        ("[ref]: https://r.invalid/x\nText", "Text"),
        ("Above\n\n***\n\nBelow", "Above\n\nBelow"),
    ],
)
def test_inline_and_line_markup_is_removed(markdown: str, expected: str) -> None:
    assert markdown_to_text(markdown).text == expected


def test_code_fences_are_kept_verbatim_without_the_fence() -> None:
    converted = markdown_to_text("Before\n\n```text\nlevel = *4.1* m\n  # not a heading\n```\n\nAfter")
    assert converted.text == "Before\n\nlevel = *4.1* m\n  # not a heading\n\nAfter"
    assert converted.title is None


def test_unclosed_fence_keeps_the_rest_as_text() -> None:
    assert markdown_to_text("Intro\n~~~\nraw **text**").text == "Intro\nraw **text**"


def test_front_matter_is_dropped() -> None:
    converted = markdown_to_text("---\nlayout: post\ntags: [a]\n---\n# Title\n\nBody")
    assert converted.text == "Title\n\nBody"


def test_markdown_with_only_markup_is_empty() -> None:
    with pytest.raises(EmptyInputError, match="no text left"):
        read_markdown("![x](y.png)\n\n---\n", source="pics.md")


@pytest.mark.parametrize(
    "hostile",
    ["# " + "#" * 100_000, "*a" * 100_000, "[a](" * 100_000, "_a " * 100_000, "**" * 100_000, "`" * 100_000],
)
def test_pathological_lines_are_handled_quickly(hostile: str) -> None:
    # Linear patterns: each of these finishes in well under a second (quadratic ones would not).
    assert isinstance(markdown_to_text(hostile).text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#*_~`[]()!<>\\-+=. \nab1")), max_size=120))
def test_markdown_conversion_never_crashes_and_never_invents_letters(markdown: str) -> None:
    converted = markdown_to_text(markdown)
    assert set(converted.text) <= set(markdown) | {"\n"}
