"""jsonl: one draft per line; a bad line fails alone, named FILE:LINE."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from dossier.article import Draft, Failure
from dossier.errors import BinaryInputError, EmptyInputError
from dossier.ingest.jsonl import MAX_LINE_FAILURES, read_jsonl


def read(data: bytes) -> tuple[list[Draft], list[Failure]]:
    items = list(read_jsonl(data, source="w.jsonl"))
    return [i for i in items if isinstance(i, Draft)], [i for i in items if isinstance(i, Failure)]


def test_known_fields_fill_the_draft_and_the_rest_is_metadata() -> None:
    (draft,), failures = read(
        b'{"text": "Body.", "title": " Title ", "url": "https://u.invalid", "outlet": "Wire", '
        b'"published": "Fri, 14 Mar 2031 07:15:00 +0000", "dateline": "DUNMORE", "score": 0.5, "tags": ["a"]}'
    )
    assert failures == []
    assert draft.source == "w.jsonl:1"
    assert (draft.text, draft.title, draft.url, draft.outlet) == (
        "Body.",
        "Title",
        "https://u.invalid",
        "Wire",
    )
    assert draft.published == dt.date(2031, 3, 14)
    assert draft.dateline == "DUNMORE"
    assert draft.metadata == {"score": 0.5, "tags": ["a"]}


def test_text_is_kept_exactly() -> None:
    (draft,), _ = read(b'{"text": "  Line one\\n\\nLine two  "}')
    assert draft.text == "  Line one\n\nLine two  "


def test_unreadable_date_is_kept_aside_not_fatal() -> None:
    (first, second), _ = read(
        b'{"text": "a", "published": 1900000000}\n{"text": "b", "published": "2031-02-30"}'
    )
    assert first.published is None and first.metadata == {"published_raw": 1900000000}
    assert second.published is None and second.metadata == {"published_raw": "2031-02-30"}


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (b'{"text": "no end', "invalid JSON at column"),
        (b'{"title": "x"}', "no 'text' field"),
        (b'{"text": "   "}', "not a non-empty string"),
        (b'{"text": 42}', "not a non-empty string"),
        (b'{"text": "ok", "title": ["list"]}', "field 'title' must be a string, not an array"),
        (b'"just a string"', "expected a JSON object, got a string"),
        (b'{"text": "x", "n": NaN}', "NaN is not a JSON number"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"text": "caf\xe9"}', "invalid UTF-8 at byte 13 of line 2"),
    ],
)
def test_bad_line_fails_alone(line: bytes, words: str) -> None:
    drafts, failures = read(b'{"text": "good one"}\n' + line + b'\n{"text": "good two"}\n')
    assert [d.text for d in drafts] == ["good one", "good two"]
    (failure,) = failures
    assert failure.source == "w.jsonl:2"
    assert words in failure.reason
    assert failure.error in ("MalformedInputError", "EncodingError")


def test_blank_lines_and_crlf_are_fine() -> None:
    drafts, failures = read(b'\r\n{"text": "a"}\r\n\r\n   \n{"text": "b"}\r\n')
    assert [(d.source, d.text) for d in drafts] == [("w.jsonl:2", "a"), ("w.jsonl:5", "b")]
    assert failures == []


def test_utf8_bom_and_utf16_files() -> None:
    (draft,), _ = read(codecs.BOM_UTF8 + b'{"text": "bom"}')
    assert draft.text == "bom"
    (wide,), _ = read(codecs.BOM_UTF16_LE + '{"text": "wide \u00e9"}\n'.encode("utf-16-le"))
    assert wide.text == "wide \u00e9"


def test_many_bad_lines_are_counted_not_all_listed() -> None:
    bad = MAX_LINE_FAILURES + 25
    drafts, failures = read(b"{oops}\n" * bad + b'{"text": "survivor"}')
    assert [d.text for d in drafts] == ["survivor"]
    assert len(failures) == MAX_LINE_FAILURES + 1
    assert failures[-1].source == "w.jsonl"
    assert f"25 more malformed lines not listed ({bad} in all)" == failures[-1].reason


def test_whole_file_problems_raise() -> None:
    with pytest.raises(EmptyInputError):
        list(read_jsonl(b"\n \n\r\n", source="w.jsonl"))
    with pytest.raises(BinaryInputError):
        list(read_jsonl(b'{"text": "a"}\n\x00\x00\x00', source="w.jsonl"))
