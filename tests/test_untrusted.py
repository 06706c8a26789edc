"""Credentials are cut from URLs; invisible formatting and controls are cut from one-line labels."""

from __future__ import annotations

import pytest

from dossier.untrusted import redact_credentials, visible_label, without_credentials


@pytest.mark.parametrize(
    ("url", "bare"),
    [
        ("http://user:pass@host.example/a?b=1#c", "http://host.example/a?b=1#c"),
        ("https://token@host.example:8443/feed.xml", "https://host.example:8443/feed.xml"),
        ("https://host.example/@someone", "https://host.example/@someone"),
        ("mailto:desk@paper.example", "mailto:desk@paper.example"),
        ("notes/a@b.txt", "notes/a@b.txt"),
        ("http://[::1", "http://[::1"),
    ],
)
def test_without_credentials(url: str, bare: str) -> None:
    assert without_credentials(url) == bare


def test_redact_credentials_in_a_message() -> None:
    message = "cannot fetch https://bob:hunter2@host.example/x: refused; see ftp://a@b.example"
    assert redact_credentials(message) == "cannot fetch https://host.example/x: refused; see ftp://b.example"


def test_visible_label() -> None:
    assert visible_label("safe\u202etxt.exe") == "safetxt.exe"
    assert visible_label("Coast\u200bWire\ufeff") == "CoastWire"
    assert visible_label("two\nlines\tand\x1b[31m") == "two lines and [31m"
    assert visible_label("Zürich 👩‍🚀") == "Zürich 👩‍🚀"
