"""Untrusted text reaching a terminal or a log is escaped: no forged lines, escape sequences or passwords."""

from __future__ import annotations

import io
import logging

import pytest

from dossier.terminal import PrintableFormatter, printable, progress


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


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_piped_progress_is_plain_periodic_lines_with_total_and_eta() -> None:
    stream, clock = io.StringIO(), Clock()
    with progress("stages", unit="stage", total=4, stream=stream, interval_s=10, clock=clock) as advance:
        clock.now = 2
        advance("analyze")  # too soon for a line
        clock.now = 12
        advance("entities\x1b[2J")
        clock.now = 15
        advance("quotes")  # too soon after the last line
        clock.now = 30
        advance("write outputs")
    assert stream.getvalue().splitlines() == [
        "dossier: stages 2/4 stage(s) (entities\\x1b[2J), 12 s, about 12 s left",
        "dossier: stages 4/4 stage(s) (write outputs), 30 s",
    ]


def test_piped_progress_without_a_total_counts() -> None:
    stream, clock = io.StringIO(), Clock()
    with progress("reading", unit="source", stream=stream, interval_s=1, clock=clock) as advance:
        clock.now = 5
        advance("a.txt")
    assert stream.getvalue() == "dossier: reading 1 source(s) (a.txt), 5 s\n"


def test_quiet_progress_prints_nothing() -> None:
    stream, clock = io.StringIO(), Clock()
    with progress("reading", unit="source", quiet=True, stream=stream, interval_s=0, clock=clock) as advance:
        clock.now = 100
        advance("a.txt")
    assert stream.getvalue() == ""
