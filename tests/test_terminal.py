"""Untrusted text reaching a terminal or a log is escaped: no forged lines, escape sequences or passwords."""

from __future__ import annotations

import logging

import pytest

from dossier.terminal import PrintableFormatter, printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("evil\ndossier: all sources read OK.txt", "evil\\ndossier: all sources read OK.txt"),
        ("red\x1b[31mtext", "red\\x1b[31mtext"),
        ("clear\x1b[2J\r", "clear\\x1b[2J\\r"),
        ("tab\there", "tab\\there"),
        ("safe\u202etxt.exe", "safe\\u202etxt.exe"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("c1\x9bcontrol", "c1\\x9bcontrol"),
        ("lone\ud800", "lone\\ud800"),
        ("line\u2028sep", "line\\u2028sep"),
    ],
)
def test_unsafe_characters_are_escaped(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@pytest.mark.parametrize("text", ["plain.txt", "Zürich/東京 – «news».md", r"C:\news\a.txt", "emoji 👩‍🚀"])
def test_printable_text_is_unchanged(text: str) -> None:
    assert printable(text) == text


def test_credentials_in_urls_are_cut() -> None:
    assert printable("http://user:pass@host.example/a") == "http://host.example/a"


def test_the_log_formatter_escapes_messages_and_arguments() -> None:
    formatter = PrintableFormatter("%(levelname)s %(message)s")
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "read %s", ("a\nWARNING forged",), None)
    assert formatter.format(record) == "WARNING read a\\nWARNING forged"
