"""fetch: bounded HTTP GET through an injectable transport; every failure a FetchError or TooLargeError."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from dossier.errors import FetchError, TooLargeError
from dossier.ingest.fetch import USER_AGENT, Fetcher
from dossier.ingest.limits import Limits


def fetcher_for(handler: httpx.MockTransport, **limits: float) -> Fetcher:
    return Fetcher(limits=Limits(**limits), transport=handler)  # type: ignore[arg-type]


def test_successful_fetch_reports_final_url_type_and_charset() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://news.invalid/new"})
        return httpx.Response(
            200, content=b"<p>hi</p>", headers={"Content-Type": "Text/HTML; charset=ISO-8859-1"}
        )

    with fetcher_for(httpx.MockTransport(handler)) as fetcher:
        fetched = fetcher.fetch("https://news.invalid/old")
    assert fetched.url == "https://news.invalid/new"
    assert fetched.content_type == "text/html"
    assert fetched.charset == "iso-8859-1"
    assert fetched.body == b"<p>hi</p>"
    assert seen[0].headers["User-Agent"] == USER_AGENT
    assert "dossier/0.1" in USER_AGENT


@pytest.mark.parametrize(
    ("status", "words"), [(404, "HTTP 404 Not Found"), (503, "HTTP 503 Service Unavailable")]
)
def test_http_errors(status: int, words: str) -> None:
    with (
        fetcher_for(httpx.MockTransport(lambda request: httpx.Response(status))) as fetcher,
        pytest.raises(FetchError, match=words) as raised,
    ):
        fetcher.fetch("https://news.invalid/x")
    assert raised.value.source == "https://news.invalid/x"


def test_announced_length_over_the_cap_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 3000)

    with (
        fetcher_for(httpx.MockTransport(handler), max_bytes=1024) as fetcher,
        pytest.raises(TooLargeError, match=r"over the 1\.0 KiB limit"),
    ):
        fetcher.fetch("https://news.invalid/big")


def test_streamed_body_over_the_cap_stops_the_download() -> None:
    sent: list[int] = []

    def endless() -> Iterator[bytes]:
        for _ in range(10_000):
            sent.append(1)
            yield b"y" * 512

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())  # no Content-Length: only streaming can tell

    with (
        fetcher_for(httpx.MockTransport(handler), max_bytes=4096) as fetcher,
        pytest.raises(TooLargeError, match="download stopped"),
    ):
        fetcher.fetch("https://news.invalid/stream")
    assert len(sent) < 20


@pytest.mark.parametrize(
    ("exception", "words"),
    [
        (httpx.ConnectError("name or service not known"), "could not connect (name or service not known)"),
        (httpx.ReadTimeout("slow"), "timed out after 3 s (read timeout)"),
        (httpx.ConnectTimeout("slow"), "timed out after 3 s (connect timeout)"),
        (
            httpx.RemoteProtocolError("server hung up"),
            "request failed (remote protocol error: server hung up)",
        ),
    ],
)
def test_transport_errors_become_fetch_errors(exception: Exception, words: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exception

    with (
        fetcher_for(httpx.MockTransport(handler), timeout_s=3.0) as fetcher,
        pytest.raises(FetchError) as raised,
    ):
        fetcher.fetch("https://news.invalid/x")
    assert raised.value.message == words


def test_redirect_loops_are_bounded() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": str(request.url)})

    with (
        fetcher_for(httpx.MockTransport(handler)) as fetcher,
        pytest.raises(FetchError, match="too many redirects"),
    ):
        fetcher.fetch("https://news.invalid/loop")


@pytest.mark.parametrize(
    ("url", "words"),
    [("ftp://files.invalid/a.txt", "unsupported URL scheme 'ftp'"), ("https://", "invalid URL")],
)
def test_unfetchable_urls(url: str, words: str) -> None:
    with (
        fetcher_for(httpx.MockTransport(lambda request: httpx.Response(200))) as fetcher,
        pytest.raises(FetchError, match=words),
    ):
        fetcher.fetch(url)
