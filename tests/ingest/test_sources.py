"""sources: expanding source strings into names, and choosing a reader by extension, media type or content."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from dossier.errors import SourceNotFoundError
from dossier.ingest.sources import (
    Format,
    expand_source,
    format_for_media_type,
    format_for_path,
    is_url,
    sniff_format,
)


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("text", encoding="utf-8")
    return path


def test_urls_and_stdin_pass_through() -> None:
    assert expand_source("https://news.invalid/a?b=1") == ("https://news.invalid/a?b=1",)
    assert expand_source("-") == ("-",)
    assert is_url("http://x.invalid") and is_url("ftp://x.invalid")
    assert not is_url("corpus/a.txt") and not is_url("C:\\corpus\\a.txt")


def test_a_file_is_itself_whatever_its_extension(tmp_path: Path) -> None:
    path = touch(tmp_path / "notes.weird")
    assert expand_source(str(path)) == (str(path),)


def test_folder_expansion_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/z/d.jsonl",
        "e.json",
        "f.png",
        ".hidden.txt",
        ".git/g.txt",
    ):
        touch(tmp_path / name)
    names = expand_source(str(tmp_path))
    assert names == tuple(str(tmp_path / n) for n in ("a.md", "b.txt", "sub/c.html", "sub/z/d.jsonl"))


def test_glob_expansion(tmp_path: Path) -> None:
    for name in ("2031/mar/a.txt", "2031/mar/a.json", "2031/apr/b.txt", "2031/notes.md", "2031/lone.json"):
        touch(tmp_path / name)
    names = expand_source(str(tmp_path / "2031" / "**" / "*"))
    assert names == tuple(
        str(tmp_path / "2031" / n) for n in ("apr/b.txt", "lone.json", "mar/a.txt", "notes.md")
    )  # a.json is the sidecar of a.txt; lone.json has no sibling, so it is a source


def test_glob_matching_only_sidecars_fails(tmp_path: Path) -> None:
    touch(tmp_path / "a.txt")
    touch(tmp_path / "a.json")
    with pytest.raises(SourceNotFoundError, match="matches only folders or sidecars"):
        expand_source(str(tmp_path / "*.json"))


@pytest.mark.parametrize("source", ["", "   "])
def test_blank_source_is_not_the_current_folder(source: str) -> None:
    with pytest.raises(SourceNotFoundError, match="empty source name"):
        expand_source(source)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="no such file or folder") as raised:
        expand_source(str(tmp_path / "absent.txt"))
    assert raised.value.source == str(tmp_path / "absent.txt")


def test_format_by_extension() -> None:
    assert format_for_path(Path("a.TXT")) is Format.TEXT
    assert format_for_path(Path("a.markdown")) is Format.MARKDOWN
    assert format_for_path(Path("a.xhtml")) is Format.HTML
    assert format_for_path(Path("a.ndjson")) is Format.JSONL
    assert format_for_path(Path("a.atom")) is Format.FEED
    assert format_for_path(Path("a")) is None


def test_format_by_media_type() -> None:
    assert format_for_media_type("application/rss+xml") is Format.FEED
    assert format_for_media_type("text/html") is Format.HTML
    assert format_for_media_type("text/xml") is None  # feed or XHTML: sniffed
    assert format_for_media_type(None) is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"  <!DOCTYPE html><html><p>x</p></html>", Format.HTML),
        (b"<div><p>fragment</p></div>", Format.HTML),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', Format.FEED),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', Format.FEED),
        (
            b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
            Format.HTML,
        ),
        (b"<rdf:RDF xmlns:rdf='x'><item/></rdf:RDF>", Format.FEED),
        (b'{"text": "a"}\n{"text": "b"}', Format.JSONL),
        (b"# Heading\n\nBody", Format.MARKDOWN),
        (b"#hashtag is not a heading", Format.TEXT),
        (b"Plain words < and > signs", Format.TEXT),
        (codecs.BOM_UTF16_LE + "<html><body>x</body></html>".encode("utf-16-le"), Format.HTML),
        (b"\xff\xfe\xfd garbage", Format.TEXT),
    ],
)
def test_sniffing(data: bytes, expected: Format) -> None:
    assert sniff_format(data) is expected
