"""decode: size cap, binary detection, BOMs and strict UTF-8, with reasons that say what is wrong."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    SourceError,
    SourceNotFoundError,
    TooLargeError,
)
from dossier.ingest.decode import codec_for_label, decode_text, read_file
from dossier.ingest.limits import Limits


def test_utf8_is_decoded_exactly() -> None:
    text = "Caf\u00e9 \u201cquotes\u201d \u2014 na\u00efve\r\nsecond line"
    assert decode_text(text.encode("utf-8"), source="a.txt") == text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_byte_order_marks_are_honoured_and_dropped(encoding: str, bom: bytes) -> None:
    text = "Flood warning for Eastgate \u2014 \u00e9t\u00e9"
    assert decode_text(bom + text.encode(encoding), source="a.txt") == text


def test_utf32_with_bom_is_not_mistaken_for_utf16() -> None:
    assert decode_text(codecs.BOM_UTF32_LE + "river".encode("utf-32-le"), source="a.txt") == "river"


def test_invalid_utf8_names_the_byte() -> None:
    data = b"The mayor said " + "\u00e9".encode("latin-1") + b" nothing"
    with pytest.raises(EncodingError) as raised:
        decode_text(data, source="a.txt")
    assert raised.value.message.startswith("invalid UTF-8 at byte 15 (0xE9)")
    assert raised.value.source == "a.txt"


def test_truncated_multibyte_sequence_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError, match="at byte 5"):
        decode_text(b"abcde" + "\u20ac".encode()[:2], source="a.txt")


def test_broken_utf16_after_bom_names_the_encoding() -> None:
    with pytest.raises(EncodingError, match="invalid UTF-16"):
        decode_text(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00", source="a.txt")


def test_declared_charset_is_used() -> None:
    assert decode_text("na\u00efve".encode("cp1252"), source="p", declared="windows-1252") == "na\u00efve"


def test_latin1_label_means_windows_1252() -> None:
    # The curly quotes live in the 0x80-0x9F range that true Latin-1 lacks.
    data = "\u201cquoted\u201d".encode("cp1252")
    assert decode_text(data, source="p", declared="ISO-8859-1") == "\u201cquoted\u201d"


def test_unknown_declared_charset_falls_back_to_utf8() -> None:
    assert codec_for_label("no-such-charset") is None
    assert decode_text("ok \u00e9".encode(), source="p", declared="no-such-charset") == "ok \u00e9"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"text with a \x00 NUL", "NUL"),
        (bytes(range(1, 9)) * 20, "control characters"),
    ],
)
def test_binary_input_is_refused_with_its_kind(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInputError, match=kind):
        decode_text(data, source="x")


def test_terminal_escapes_and_form_feeds_are_text() -> None:
    text = "\x1b[1mBold\x1b[0m headline\x0cpage two"
    assert decode_text(text.encode(), source="log.txt") == text


def test_empty_and_blank_inputs() -> None:
    with pytest.raises(EmptyInputError, match="empty file"):
        decode_text(b"", source="a")
    with pytest.raises(EmptyInputError, match="only whitespace"):
        decode_text(b" \r\n\t ", source="a")
    with pytest.raises(EmptyInputError, match="only whitespace"):
        decode_text(codecs.BOM_UTF8 + b"\n\n", source="a")


def test_read_file_refuses_by_size_before_opening(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(TooLargeError, match=r"2\.0 KiB, over the 1\.0 KiB limit"):
        read_file(big, Limits(max_bytes=1024), source=str(big))


def test_read_file_refuses_folders(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="not a regular file"):
        read_file(tmp_path, Limits(), source=str(tmp_path))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_with_a_source_error(data: bytes) -> None:
    try:
        text = decode_text(data, source="fuzz")
    except SourceError as error:
        assert error.source == "fuzz"
        assert "\n" not in error.message
    else:
        assert text.strip()
