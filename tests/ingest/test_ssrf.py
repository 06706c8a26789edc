"""Server-side request forgery: URLs reach only public addresses unless allow_private is set.

Real connections in these tests go to a local server on 127.0.0.1 only; other
addresses appear only in URLs that must be refused before anything connects,
or behind a mock transport.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

import httpx
import pytest

from dossier.errors import BlockedAddressError, FetchError
from dossier.ingest import Fetcher, Limits, read_sources
from dossier.ingest.addresses import non_public_reason, vetted_addresses

from .local_server import Page, local_server

ARTICLE_PAGE = Page(
    b"<html><head><title>Ferry timetable</title></head><body><article><p>The harbour board said "
    b"the winter ferry timetable will start a week early this year because of the storms.</p>"
    b"</article></body></html>"
)


def refusing_transport(seen: list[str]) -> httpx.MockTransport:
    """A transport that records every request; any request at all is a test failure to report."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=b"internal secret")

    return httpx.MockTransport(handler)


class FixedResolver:
    """A DNS stand-in: fixed answers per host name, and a count of lookups."""

    def __init__(self, answers: dict[str, Sequence[str]]) -> None:
        self.answers = answers
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int) -> Sequence[str]:
        self.lookups.append(host)
        if host not in self.answers:
            raise OSError(f"unknown host {host}")
        return self.answers[host]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/admin", "loopback"),
        ("http://127.8.9.10:8080/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://localhost:8080/admin", "loopback"),
        ("http://printer.localhost/", "loopback"),
        ("http://10.0.0.5/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://172.16.0.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://100.64.0.1/", "non-public"),
    ],
)
def test_literal_non_public_addresses_are_refused_before_any_request(url: str, reason: str) -> None:
    seen: list[str] = []
    with (
        Fetcher(transport=refusing_transport(seen)) as fetcher,
        pytest.raises(BlockedAddressError, match=f"a {reason} address|an {reason} address") as raised,
    ):
        fetcher.fetch(url)
    assert seen == []
    assert raised.value.source == url
    assert "--allow-private" in raised.value.message


def test_refusal_is_a_fetch_error_so_the_batch_reports_it_and_goes_on() -> None:
    result = read_sources(["http://127.0.0.1:9/"], fetcher=Fetcher(transport=refusing_transport([])))
    assert [failure.error for failure in result.failures] == ["BlockedAddressError"]
    assert issubclass(BlockedAddressError, FetchError)


def test_redirect_to_loopback_is_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})

    with (
        Fetcher(transport=httpx.MockTransport(handler)) as fetcher,
        pytest.raises(BlockedAddressError, match="loopback"),
    ):
        fetcher.fetch("https://news.invalid/story")
    assert seen == ["https://news.invalid/story"]


def test_feed_items_linking_to_internal_pages_are_refused_item_by_item() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
        b"<item><title>One</title><link>http://10.0.0.5/secret</link><description>Teaser.</description></item>"
        b"<item><title>Two</title><link>http://169.254.169.254/latest/</link><description>Teaser.</description>"
        b"</item></channel></rss>"
    )
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "feeds.invalid":
            return httpx.Response(200, content=feed, headers={"Content-Type": "application/rss+xml"})
        return httpx.Response(200, content=b"internal secret")

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        result = read_sources(["https://feeds.invalid/rss"], fetcher=fetcher)
    assert result.drafts == ()
    assert [failure.error for failure in result.failures] == ["BlockedAddressError"] * 2
    assert seen == ["https://feeds.invalid/rss"]


def test_host_name_resolving_to_a_private_address_is_refused_at_connection() -> None:
    resolver = FixedResolver({"intranet.test": ["10.1.2.3"]})
    with Fetcher(resolver=resolver) as fetcher, pytest.raises(BlockedAddressError) as raised:
        fetcher.fetch("http://intranet.test/wiki")
    expected = "refused: intranet.test (resolves to 10.1.2.3) is a private address"
    assert raised.value.message.startswith(expected)
    assert raised.value.source == "http://intranet.test/wiki"


def test_a_name_with_one_internal_answer_among_public_ones_is_refused() -> None:
    with pytest.raises(BlockedAddressError, match="loopback"):
        vetted_addresses(
            "mixed.test", 80, resolver=lambda host, port: ["8.8.8.8", "127.0.0.1"], allow_private=False
        )


def test_local_server_is_refused_by_default_and_nothing_reaches_it() -> None:
    with local_server({"/page": ARTICLE_PAGE}) as server:
        resolver = FixedResolver({"rebind.test": ["127.0.0.1"]})
        with Fetcher(resolver=resolver) as fetcher, pytest.raises(BlockedAddressError, match="loopback"):
            fetcher.fetch(f"http://rebind.test:{server.port}/page")
        assert server.requested == []


def test_allow_private_reaches_a_local_server() -> None:
    with (
        local_server({"/page": ARTICLE_PAGE}) as server,
        Fetcher(limits=Limits(allow_private=True)) as fetcher,
    ):
        fetched = fetcher.fetch(server.url("/page"))
    assert b"ferry timetable" in fetched.body
    assert server.requested == ["/page"]


def test_the_connection_goes_to_the_checked_address_with_no_second_lookup() -> None:
    # DNS rebinding needs a second lookup between the check and the connection. The
    # name below is known only to our resolver, so reaching the server proves that
    # the socket was opened to the address that was checked, looked up once.
    resolver = FixedResolver({"rebind.test": ["127.0.0.1"]})
    with (
        local_server({"/page": ARTICLE_PAGE}) as server,
        Fetcher(limits=Limits(allow_private=True), resolver=resolver) as fetcher,
    ):
        fetched = fetcher.fetch(f"http://rebind.test:{server.port}/page")
    assert fetched.url == f"http://rebind.test:{server.port}/page"
    assert b"ferry timetable" in fetched.body
    assert resolver.lookups == ["rebind.test"]


def test_redirects_are_followed_hop_by_hop_and_bounded() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        number = int(request.url.path.removeprefix("/hop"))
        return httpx.Response(302, headers={"Location": f"/hop{number + 1}"})

    with (
        Fetcher(transport=httpx.MockTransport(handler), max_redirects=3) as fetcher,
        pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"),
    ):
        fetcher.fetch("https://news.invalid/hop0")
    assert calls == ["/hop0", "/hop1", "/hop2", "/hop3"]


@pytest.mark.parametrize(
    ("address", "reason"),
    [("8.8.8.8", None), ("2001:4860:4860::8888", None), ("::", "unspecified"), ("fc00::1", "private")],
)
def test_non_public_reason(address: str, reason: str | None) -> None:
    assert non_public_reason(ipaddress.ip_address(address)) == reason
