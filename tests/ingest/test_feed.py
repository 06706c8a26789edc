"""feed: RSS and Atom items into drafts; teasers fetched through the page reader; bad items fail alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossier.article import Draft, Failure
from dossier.errors import FetchError, MalformedInputError, SourceError
from dossier.ingest.feed import read_feed
from dossier.ingest.limits import Limits

LONG_PARAGRAPH = "The water board said pumping would continue through the night at Eastgate. " * 8


def rss(items: str, title: str = "Test Gazette") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title>{items}</channel></rss>"
    ).encode()


def item(number: int, *, description: str = "Teaser.", content: str | None = None, link: bool = True) -> str:
    parts = [f"<title>Item {number}</title>", f"<description>{description}</description>"]
    if link:
        parts.append(f"<link>https://gazette.invalid/{number}</link>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


class PageServer:
    """A page reader that serves known URLs and records what was asked."""

    def __init__(self, pages: dict[str, Draft]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def __call__(self, url: str) -> Draft:
        self.asked.append(url)
        if url not in self.pages:
            raise FetchError("HTTP 404 Not Found", source=url)
        return self.pages[url]


def drafts_and_failures(items: list[Draft | Failure]) -> tuple[list[Draft], list[Failure]]:
    return [i for i in items if isinstance(i, Draft)], [i for i in items if isinstance(i, Failure)]


def test_full_content_is_read_from_the_feed_without_fetching(fixtures: Path) -> None:
    server = PageServer({})
    path = fixtures / "feeds" / "full.rss"
    drafts, failures = drafts_and_failures(
        list(read_feed(path.read_bytes(), source=str(path), limits=Limits(), read_page=server))
    )
    assert failures == [] and server.asked == []
    assert [d.title for d in drafts] == [
        "Insurers send assessors to Larkfield",
        "School reopens after clean-up",
    ]
    assert drafts[0].metadata["feed"] == str(path)
    assert drafts[0].metadata["feed_item_id"] == "wvp-2031-0314-insurers"


def test_long_description_counts_as_full_text() -> None:
    server = PageServer({})
    (draft,) = read_feed(
        rss(item(1, description=LONG_PARAGRAPH)), source="f.xml", limits=Limits(), read_page=server
    )
    assert isinstance(draft, Draft)
    assert draft.text == LONG_PARAGRAPH.strip()
    assert draft.metadata["text_from"] == "summary"
    assert server.asked == []


def test_teaser_item_takes_the_page_text_but_keeps_its_own_fields() -> None:
    page = Draft(
        source="https://gazette.invalid/1",
        text=LONG_PARAGRAPH,
        title="Page title",
        outlet="Page outlet",
        url="https://gazette.invalid/canonical/1",
        published=dt.date(2030, 1, 2),
        metadata={"hostname": "gazette.invalid"},
    )
    server = PageServer({"https://gazette.invalid/1": page})
    (draft,) = read_feed(rss(item(1)), source="f.xml", limits=Limits(), read_page=server)
    assert isinstance(draft, Draft)
    assert server.asked == ["https://gazette.invalid/1"]
    assert draft.source == draft.url == "https://gazette.invalid/1"
    assert draft.text == LONG_PARAGRAPH
    assert draft.title == "Item 1"
    assert draft.outlet == "Test Gazette"
    assert draft.published == dt.date(2030, 1, 2)
    assert draft.metadata["page_url"] == "https://gazette.invalid/canonical/1"
    assert draft.metadata["text_from"] == "page"


def test_failed_page_fetch_fails_only_that_item() -> None:
    page = Draft(source="p", text=LONG_PARAGRAPH)
    server = PageServer({"https://gazette.invalid/2": page})
    drafts, failures = drafts_and_failures(
        list(read_feed(rss(item(1) + item(2)), source="f.xml", limits=Limits(), read_page=server))
    )
    assert [d.source for d in drafts] == ["https://gazette.invalid/2"]
    assert [(f.source, f.error) for f in failures] == [("https://gazette.invalid/1", "FetchError")]


def test_page_fetches_are_capped_per_feed() -> None:
    pages = {f"https://gazette.invalid/{n}": Draft(source="p", text=LONG_PARAGRAPH) for n in range(1, 5)}
    server = PageServer(pages)
    items = "".join(item(n) for n in range(1, 5))
    drafts, failures = drafts_and_failures(
        list(read_feed(rss(items), source="f.xml", limits=Limits(max_page_fetches=2), read_page=server))
    )
    assert len(server.asked) == 2 and len(drafts) == 2
    assert [f.source for f in failures] == ["https://gazette.invalid/3", "https://gazette.invalid/4"]
    assert all("limit of 2 page fetches" in f.reason for f in failures)


def test_items_past_the_cap_are_reported_not_dropped_silently() -> None:
    items = "".join(item(n, description=LONG_PARAGRAPH) for n in range(1, 6))
    drafts, failures = drafts_and_failures(
        list(read_feed(rss(items), source="f.xml", limits=Limits(max_feed_items=3)))
    )
    assert len(drafts) == 3
    (failure,) = failures
    assert failure.source == "f.xml" and failure.error == "TooLargeError"
    assert "5 items" in failure.reason and "first 3" in failure.reason


def test_item_without_link_is_named_by_its_position() -> None:
    (draft,) = read_feed(
        rss(item(1, link=False, description="Short but all there is.")), source="f.xml", limits=Limits()
    )
    assert isinstance(draft, Draft)
    assert draft.source == "f.xml#1"
    assert draft.text == "Short but all there is."


def test_item_with_no_text_and_no_link_fails() -> None:
    (failure,) = read_feed(rss(item(1, link=False, description="")), source="f.xml", limits=Limits())
    assert isinstance(failure, Failure)
    assert failure.source == "f.xml#1" and failure.error == "EmptyInputError"


def test_teaser_without_a_page_reader_fails_clearly() -> None:
    (failure,) = read_feed(rss(item(1)), source="f.xml", limits=Limits(), read_page=None)
    assert isinstance(failure, Failure)
    assert "only a summary" in failure.reason


def test_content_is_preferred_over_the_teaser() -> None:
    content = "<p>" + LONG_PARAGRAPH + "</p><p>Second paragraph.</p>"
    (draft,) = read_feed(rss(item(1, content=content)), source="f.xml", limits=Limits())
    assert isinstance(draft, Draft)
    assert draft.text.endswith("\n\nSecond paragraph.")
    assert draft.metadata["text_from"] == "content"


def test_impossible_dates_give_no_date() -> None:
    entry = item(1, description=LONG_PARAGRAPH).replace(
        "</item>", "<pubDate>Mon, 31 Feb 2031 10:00:00 GMT</pubDate></item>"
    )
    (draft,) = read_feed(rss(entry), source="f.xml", limits=Limits())
    assert isinstance(draft, Draft)
    assert draft.published is None


def test_truncated_feed_reports_the_error_and_keeps_what_was_read() -> None:
    data = rss(item(1, description=LONG_PARAGRAPH))[: -len("</channel></rss>")] + b"<item><title>cut"
    items = list(read_feed(data, source="cut.xml", limits=Limits()))
    drafts, failures = drafts_and_failures(items)
    assert [d.title for d in drafts] == ["Item 1"]
    assert failures[0].source == "cut.xml" and failures[0].error == "MalformedInputError"
    assert "malformed feed" in failures[0].reason


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"<rss><channel><title>x</title", MalformedInputError, "malformed feed"),
        (b"<html><body><p>not a feed</p></body></html>", MalformedInputError, "not an RSS or Atom feed"),
        (rss(""), SourceError, "no items"),
    ],
)
def test_unusable_feeds_raise(data: bytes, error: type[SourceError], words: str) -> None:
    with pytest.raises(error, match=words):
        list(read_feed(data, source="f.xml", limits=Limits()))
