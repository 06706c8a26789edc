"""read_sources end to end: every bad source is a failure that names it, and the batch goes on."""

from __future__ import annotations

import datetime as dt
import io
import pathlib
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from dossier.article import Failure
from dossier.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FetchError,
    MalformedInputError,
    SourceError,
    SourceNotFoundError,
    TooLargeError,
)
from dossier.ingest import Fetcher, IngestResult, Limits, read_sources

from .helpers import GOOD_TEXT, serve

FetcherFactory = Callable[..., Fetcher]


def only_failure(result: IngestResult, error: type[SourceError], source: str) -> Failure:
    """The one failure of ``result``; checks its class and that it names ``source``."""
    assert len(result.failures) == 1, result.failures
    failure = result.failures[0]
    assert failure.error == error.__name__
    assert failure.source == source
    assert "\n" not in failure.reason
    return failure


def assert_good_read(result: IngestResult, good_file: Path) -> None:
    assert [draft.source for draft in result.drafts] == [str(good_file)]
    assert result.drafts[0].text == GOOD_TEXT


# --- hostile inputs: one test each ---------------------------------------------------------------------


def test_binary_file_fails_and_the_batch_goes_on(tmp_path: Path, good_file: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x00\x01\x02 looks like text \x00\x00 but is not")
    result = read_sources([str(bad), str(good_file)])
    failure = only_failure(result, BinaryInputError, str(bad))
    assert "binary" in failure.reason and "NUL" in failure.reason
    assert_good_read(result, good_file)


def test_invalid_utf8_fails_with_the_byte_offset(tmp_path: Path, good_file: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Caf\u00e9 owners in Larkfield".encode("latin-1"))
    result = read_sources([str(bad), str(good_file)])
    failure = only_failure(result, EncodingError, str(bad))
    assert "invalid UTF-8 at byte 3" in failure.reason
    assert_good_read(result, good_file)


def test_empty_file_fails(tmp_path: Path, good_file: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = read_sources([str(good_file), str(bad)])
    failure = only_failure(result, EmptyInputError, str(bad))
    assert "empty" in failure.reason
    assert_good_read(result, good_file)


def test_whitespace_only_file_fails(tmp_path: Path, good_file: Path) -> None:
    bad = tmp_path / "blank.md"
    bad.write_text(" \n\t\r\n   \n", encoding="utf-8")
    result = read_sources([str(bad), str(good_file)])
    failure = only_failure(result, EmptyInputError, str(bad))
    assert "whitespace" in failure.reason
    assert_good_read(result, good_file)


def test_huge_file_is_refused_by_size_before_reading(
    tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant, takes no disk
    real_open = pathlib.Path.open

    def open_unless_huge(self: Path, *args: object, **kwargs: object) -> object:
        assert self != huge, "the huge file was opened; it must be refused by its size alone"
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(pathlib.Path, "open", open_unless_huge)
    result = read_sources([str(huge), str(good_file)])
    failure = only_failure(result, TooLargeError, str(huge))
    assert "50.0 MiB" in failure.reason and "20.0 MiB limit" in failure.reason
    assert_good_read(result, good_file)


@pytest.mark.parametrize(
    "markup",
    [
        b"<html><body><div><p>unclosed <b>tags",
        b"<<<<>>>> </div></div><p <p <<!-- --",
        b"<html><head><title>Only a title</title></head><body><nav>Home | News</nav></body></html>",
    ],
)
def test_malformed_html_fails(tmp_path: Path, good_file: Path, markup: bytes) -> None:
    bad = tmp_path / "broken.html"
    bad.write_bytes(markup)
    result = read_sources([str(bad), str(good_file)])
    failure = only_failure(result, MalformedInputError, str(bad))
    assert "no article text found in HTML" in failure.reason
    assert_good_read(result, good_file)


def test_malformed_rss_fails(fixtures: Path, good_file: Path) -> None:
    bad = fixtures / "feeds" / "broken.rss"
    result = read_sources([str(bad), str(good_file)])
    failure = only_failure(result, MalformedInputError, str(bad))
    assert "malformed feed" in failure.reason
    assert_good_read(result, good_file)


def test_malformed_jsonl_lines_fail_one_by_one(tmp_path: Path, good_file: Path) -> None:
    lines = tmp_path / "mixed.jsonl"
    lines.write_bytes(
        b'{"text": "The ferry to Dunmore is running again.", "title": "Ferry back"}\n'
        b'{"text": "unterminated\n'
        b'{"title": "a line without any text"}\n'
        b"\n"
        b'{"text": "Sandbag stocks are being refilled at the depot."}\n'
        b'["an", "array"]\n'
    )
    result = read_sources([str(lines), str(good_file)])
    assert [draft.source for draft in result.drafts] == [f"{lines}:1", f"{lines}:5", str(good_file)]
    by_source = {failure.source: failure for failure in result.failures}
    assert set(by_source) == {f"{lines}:2", f"{lines}:3", f"{lines}:6"}
    assert all(failure.error == "MalformedInputError" for failure in result.failures)
    assert "invalid JSON" in by_source[f"{lines}:2"].reason
    assert "no 'text' field" in by_source[f"{lines}:3"].reason
    assert "expected a JSON object" in by_source[f"{lines}:6"].reason


def test_unreachable_url_fails(make_fetcher: FetcherFactory, good_file: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    url = "https://unreachable.invalid/story"
    fetcher = make_fetcher(httpx.MockTransport(refuse))
    result = read_sources([url, str(good_file)], fetcher=fetcher)
    failure = only_failure(result, FetchError, url)
    assert "could not connect" in failure.reason
    assert_good_read(result, good_file)


def test_refused_real_connection_fails(good_file: Path) -> None:
    # Port 9 (discard) is closed on loopback: the kernel refuses at once, no network is used.
    # Loopback must be allowed explicitly, or the fetch is refused before connecting.
    url = "http://127.0.0.1:9/"
    with Fetcher(limits=Limits(timeout_s=2.0, allow_private=True)) as fetcher:
        result = read_sources([url, str(good_file)], fetcher=fetcher)
    failure = only_failure(result, FetchError, url)
    assert "could not connect" in failure.reason or "timed out" in failure.reason
    assert_good_read(result, good_file)


def test_http_404_fails(make_fetcher: FetcherFactory, good_file: Path) -> None:
    url = "https://news.invalid/gone"
    result = read_sources([url, str(good_file)], fetcher=make_fetcher(serve({})))
    failure = only_failure(result, FetchError, url)
    assert "HTTP 404" in failure.reason
    assert_good_read(result, good_file)


def test_response_over_the_size_cap_fails(make_fetcher: FetcherFactory, good_file: Path) -> None:
    url = "https://news.invalid/enormous"
    limits = Limits(max_bytes=2048)
    fetcher = make_fetcher(serve({url: (200, b"<p>" + b"word " * 2000 + b"</p>", "text/html")}), limits)
    result = read_sources([url, str(good_file)], fetcher=fetcher, limits=limits)
    failure = only_failure(result, TooLargeError, url)
    assert "2.0 KiB limit" in failure.reason
    assert_good_read(result, good_file)


def test_missing_path_fails(tmp_path: Path, good_file: Path) -> None:
    missing = str(tmp_path / "no-such-article.txt")
    result = read_sources([missing, str(good_file)])
    failure = only_failure(result, SourceNotFoundError, missing)
    assert "no such file" in failure.reason
    assert_good_read(result, good_file)


def test_glob_without_match_fails(tmp_path: Path, good_file: Path) -> None:
    pattern = str(tmp_path / "**" / "*.nothing")
    result = read_sources([pattern, str(good_file)])
    failure = only_failure(result, SourceNotFoundError, pattern)
    assert "matches no file" in failure.reason
    assert_good_read(result, good_file)


def test_folder_without_readable_files_fails(tmp_path: Path, good_file: Path) -> None:
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = read_sources([str(folder), str(good_file)])
    failure = only_failure(result, SourceNotFoundError, str(folder))
    assert "no readable files" in failure.reason
    assert_good_read(result, good_file)


def test_malformed_sidecar_fails_its_source(tmp_path: Path, good_file: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "article.json").write_text('{"title": "unterminated', encoding="utf-8")
    result = read_sources([str(article), str(good_file)])
    failure = only_failure(result, MalformedInputError, str(article))
    assert "sidecar" in failure.reason and "article.json" in failure.reason
    assert_good_read(result, good_file)


def test_oversized_stdin_fails(good_file: Path) -> None:
    result = read_sources(["-", str(good_file)], stdin=io.BytesIO(b"x" * 5000), limits=Limits(max_bytes=4096))
    failure = only_failure(result, TooLargeError, "-")
    assert "stdin" in failure.reason
    assert_good_read(result, good_file)


# --- good paths ----------------------------------------------------------------------------------------


def test_plain_text_is_passed_through(good_file: Path) -> None:
    result = read_sources([str(good_file)])
    assert result.failures == ()
    assert result.drafts[0].text == GOOD_TEXT
    assert result.drafts[0].title is None


def test_markdown_file(fixtures: Path) -> None:
    (draft,) = read_sources([str(fixtures / "corpus" / "reports" / "pumps.md")]).drafts
    assert draft.title == "Pumping station held as river peaked"
    assert "according to the river agency, just below" in draft.text
    assert "Peak level: 4.1 m at 03:40" in draft.text
    for markup in ("**", "](", "![", "```", "# ", "> "):
        assert markup not in draft.text


def test_html_file(fixtures: Path) -> None:
    (draft,) = read_sources([str(fixtures / "corpus" / "reports" / "council.html")]).drafts
    assert draft.title == "Council promises flood fund"
    assert draft.outlet == "Larkfield Herald"
    assert draft.url == "https://larkfield-herald.invalid/news/flood-fund"
    assert draft.published == dt.date(2031, 3, 13)
    assert "grants of up to two thousand pounds" in draft.text
    assert "\n\n" in draft.text
    for boilerplate in ("Privacy", "All rights reserved", "Sport"):
        assert boilerplate not in draft.text


def test_folder_is_read_recursively_in_sorted_order(fixtures: Path, tmp_path: Path) -> None:
    result = read_sources([str(fixtures / "corpus")])
    corpus = fixtures / "corpus"
    assert [draft.source for draft in result.drafts] == [
        str(corpus / "bridge.txt"),
        str(corpus / "reports" / "council.html"),
        str(corpus / "reports" / "pumps.md"),
        f"{corpus / 'wires.jsonl'}:1",
        f"{corpus / 'wires.jsonl'}:3",
    ]
    assert result.failures == ()


def test_folder_skips_hidden_files_and_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / ".secret.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "copy.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7 binary")
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    (tmp_path / "nested" / "deeper" / "story.TXT").write_text(GOOD_TEXT, encoding="utf-8")
    result = read_sources([str(tmp_path)])
    assert [draft.source for draft in result.drafts] == [str(tmp_path / "nested" / "deeper" / "story.TXT")]


def test_folder_given_with_trailing_slash_names_files_below_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = read_sources(["corpus/"])
    assert [draft.source for draft in result.drafts] == ["corpus/a.txt"]


def test_glob_with_double_star_skips_sidecars(fixtures: Path) -> None:
    pattern = str(fixtures / "corpus" / "**" / "*")
    result = read_sources([pattern])
    sources = [draft.source for draft in result.drafts]
    assert str(fixtures / "corpus" / "bridge.txt") in sources
    assert str(fixtures / "corpus" / "reports" / "pumps.md") in sources
    assert not any(source.endswith("bridge.json") for source in sources)
    assert result.failures == ()


def test_jsonl_extra_fields_are_kept_in_metadata(fixtures: Path) -> None:
    path = fixtures / "corpus" / "wires.jsonl"
    first, second = read_sources([str(path)]).drafts
    assert first.source == f"{path}:1"
    assert first.title == "Rail line reopens"
    assert first.outlet == "Northern Wire"
    assert first.url == "https://wire.invalid/rail-reopens"
    assert first.published == dt.date(2031, 3, 13)
    assert first.metadata == {"byline": "Staff reporter", "wordcount": 26}
    assert second.source == f"{path}:3"
    assert second.metadata == {"language": "en"}


def test_rss_with_full_content(fixtures: Path, make_fetcher: FetcherFactory) -> None:
    feed = fixtures / "feeds" / "full.rss"
    result = read_sources([str(feed)], fetcher=make_fetcher(serve({})))
    first, second = result.drafts
    assert result.failures == ()
    assert first.source == first.url == "https://wendvalley-post.invalid/2031/03/insurers-assessors"
    assert first.title == "Insurers send assessors to Larkfield"
    assert first.outlet == "Wend Valley Post"
    assert first.published == dt.date(2031, 3, 14)
    assert first.metadata["author"] == "Nadia Brook"
    assert first.metadata["text_from"] == "content"
    assert "\u201cPeople want to know" in first.text
    assert "Photographs and receipts" in first.text and "<em>" not in first.text
    assert first.text.count("\n\n") == 3
    assert second.published == dt.date(2031, 3, 15)


def test_rss_with_summary_only_fetches_the_item_page(fixtures: Path, make_fetcher: FetcherFactory) -> None:
    page_url = "https://larkfield-herald.invalid/news/shops-count-cost"
    page = (fixtures / "pages" / "shops-count-cost.html").read_bytes()
    fetcher = make_fetcher(serve({page_url: (200, page, "text/html; charset=utf-8")}))
    feed = fixtures / "feeds" / "summary.rss"
    result = read_sources([str(feed)], fetcher=fetcher)
    (draft,) = result.drafts
    assert draft.source == draft.url == page_url
    assert draft.title == "Shops count the cost of the flood"
    assert draft.outlet == "Larkfield Herald"
    assert draft.published == dt.date(2031, 3, 16)
    assert draft.metadata["text_from"] == "page"
    assert "fewer than forty loaves" in draft.text
    assert "Advertise" not in draft.text
    # The second item's page is not served: a failure for that item only.
    (failure,) = result.failures
    assert failure.source == "https://larkfield-herald.invalid/news/bus-timetable"
    assert failure.error == "FetchError" and "404" in failure.reason


def test_atom_feed(fixtures: Path, make_fetcher: FetcherFactory) -> None:
    result = read_sources([str(fixtures / "feeds" / "updates.atom")], fetcher=make_fetcher(serve({})))
    (draft,) = result.drafts
    assert draft.title == "Wend level falling at Larkfield gauge"
    assert draft.outlet == "River Agency updates"
    assert draft.url == "https://river-agency.invalid/updates/101"
    assert draft.published == dt.date(2031, 3, 12)
    assert "The next update will be published at noon." in draft.text
    assert "<p>" not in draft.text


def test_sidecar_overrides_metadata(fixtures: Path) -> None:
    (draft,) = read_sources([str(fixtures / "corpus" / "bridge.txt")]).drafts
    assert draft.title == "Larkfield closes Mill Street bridge after flood damage"
    assert draft.outlet == "Wend Valley Post"
    assert draft.published == dt.date(2031, 3, 12)
    assert draft.dateline == "LARKFIELD"
    assert draft.metadata == {"section": "local", "tags": ["flood", "roads"]}


def test_sidecar_overrides_what_the_page_says(tmp_path: Path, fixtures: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes((fixtures / "corpus" / "reports" / "council.html").read_bytes())
    (tmp_path / "page.json").write_text('{"outlet": "Herald (print edition)", "page": 4}', encoding="utf-8")
    (draft,) = read_sources([str(page)]).drafts
    assert draft.outlet == "Herald (print edition)"
    assert draft.title == "Council promises flood fund"
    assert draft.metadata["page"] == 4


@pytest.mark.parametrize(
    ("payload", "expected_title"),
    [
        (b"Plain words from a pipe about the flood.", None),
        (b"# Piped heading\n\nMarkdown *from* stdin.", "Piped heading"),
        (
            b"<html><body><article><p>"
            + b"Piped page about the Larkfield flood. " * 20
            + b"</p></article></body></html>",
            None,
        ),
    ],
)
def test_stdin_is_sniffed(payload: bytes, expected_title: str | None) -> None:
    (draft,) = read_sources(["-"], stdin=io.BytesIO(payload)).drafts
    assert draft.source == "-"
    assert draft.title == expected_title
    assert "<" not in draft.text and "*" not in draft.text


def test_stdin_jsonl_lines_are_named_after_stdin() -> None:
    payload = b'{"text": "First piped line."}\n{"text": "Second piped line."}\n'
    result = read_sources(["-"], stdin=io.BytesIO(payload))
    assert [draft.source for draft in result.drafts] == ["-:1", "-:2"]


def test_url_source_reads_html_with_the_declared_charset(make_fetcher: FetcherFactory) -> None:
    url = "https://herald.invalid/cafe-story"
    body = (
        "<html><body><article><p>"
        + "Caf\u00e9 owners on Mill Street reopened today. " * 8
        + "</p></article></body></html>"
    )
    fetcher = make_fetcher(serve({url: (200, body.encode("cp1252"), "text/html; charset=windows-1252")}))
    (draft,) = read_sources([url], fetcher=fetcher).drafts
    assert draft.source == url
    assert "Caf\u00e9 owners" in draft.text


def test_on_item_is_called_once_per_item(fixtures: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    missing = str(tmp_path / "missing.txt")
    result = read_sources([str(fixtures / "corpus" / "wires.jsonl"), missing], on_item=seen.append)
    assert len(seen) == len(result.drafts) + len(result.failures) == 3
    assert seen[-1] == missing


def test_same_input_gives_the_same_result(fixtures: Path, make_fetcher: FetcherFactory) -> None:
    sources = [str(fixtures / "corpus"), str(fixtures / "feeds" / "full.rss")]
    first = read_sources(sources, fetcher=make_fetcher(serve({})))
    second = read_sources(sources, fetcher=make_fetcher(serve({})))
    assert [d.to_dict() for d in first.drafts] == [d.to_dict() for d in second.drafts]
    assert first.failures == second.failures


def test_each_file_is_heard_once_however_many_articles_it_holds(tmp_path: Path) -> None:
    from dossier.ingest.batch import read_sources
    from dossier.ingest.sources import count_sources

    (tmp_path / "a.txt").write_text("The ferry ran late on Monday.\n", encoding="utf-8")
    lines = ['{"text": "The pier closed on Tuesday."}', '{"text": "The tugs came back on Wednesday."}']
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = [str(tmp_path), str(tmp_path / "missing.txt")]
    heard: list[str] = []
    items: list[str] = []
    result = read_sources(sources, on_source=heard.append, on_item=items.append)
    assert count_sources(sources) == 3 == len(heard)
    assert len(items) == len(result.drafts) + len(result.failures) == 4
