"""html: main text and metadata of a page through trafilatura, decoded by our own charset rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossier.errors import EncodingError, MalformedInputError
from dossier.ingest.html import declared_charset, read_html

ARTICLE = (
    "<p>The county roads office said the Mill Street bridge would stay shut for three weeks while "
    "engineers repair the central arch.</p>"
    "<p>Traders say the diversion through the Harlow estate is costing them customers every day.</p>"
)


def page(head: str = "", body: str = ARTICLE) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def test_fixture_page(fixtures: Path) -> None:
    path = fixtures / "corpus" / "reports" / "council.html"
    draft = read_html(path.read_bytes(), source=str(path))
    assert draft.source == str(path)
    assert draft.title == "Council promises flood fund"
    assert draft.outlet == "Larkfield Herald"
    assert draft.published == dt.date(2031, 3, 13)
    assert "Okafor said." in draft.text
    # The <br> inside a paragraph is a line break, not a new paragraph.
    assert (
        "would be available to any household whose ground floor was flooded.\nApplications open" in draft.text
    )
    assert "Home" not in draft.text and "Privacy" not in draft.text


def test_meta_charset_is_honoured() -> None:
    html = page(
        '<meta charset="windows-1252"><title>Caf\u00e9s</title>',
        "<p>" + "Caf\u00e9 owners agree. " * 10 + "</p>",
    )
    draft = read_html(html.encode("cp1252"), source="p.html")
    assert "Caf\u00e9 owners agree." in draft.text


def test_http_charset_wins_over_meta() -> None:
    html = page('<meta charset="utf-8">', "<p>" + "Na\u00efve plans, said the mayor. " * 6 + "</p>")
    draft = read_html(html.encode("cp1252"), source="u", charset="windows-1252")
    assert "Na\u00efve plans" in draft.text


def test_undeclared_non_utf8_page_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError, match="invalid UTF-8 at byte"):
        read_html(page(body="<p>" + "Caf\u00e9 " * 30 + "</p>").encode("cp1252"), source="p.html")


def test_declared_charset_from_meta_and_xml_declaration() -> None:
    assert declared_charset(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    ) == ("ISO-8859-1")
    assert declared_charset(b"<?xml version='1.0' encoding='windows-1252'?><html>") == "windows-1252"
    assert declared_charset(b"<html><head><title>none</title>") is None
    assert declared_charset(b'<meta charset="UTF-16">') == "utf-8"


def test_url_is_used_when_the_page_has_no_canonical() -> None:
    draft = read_html(page(), source="https://x.invalid/a", url="https://x.invalid/a?ref=1")
    assert draft.url == "https://x.invalid/a?ref=1"


def test_dates_are_not_guessed_from_free_text() -> None:
    draft = read_html(page(body=ARTICLE + "<p>Copyright 2019 and on 12 May 2020 we moved.</p>"), source="p")
    assert draft.published is None


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><div><p>unclosed <b>tags",
        "<<<>>> <p <div </ &&& <!--",
        page(body=""),
        page(body="<script>var story = 'not text';</script>"),
    ],
)
def test_pages_without_article_text_are_malformed(markup: str) -> None:
    with pytest.raises(MalformedInputError, match="no article text found in HTML") as raised:
        read_html(markup.encode(), source="bad.html")
    assert raised.value.source == "bad.html"


def test_str_input_is_accepted() -> None:
    assert "diversion through the Harlow estate" in read_html(page(), source="s").text
