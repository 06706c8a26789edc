"""Fetching URLs over HTTP, bounded in size and time, with one clear error per failure.

All network access of the ingest goes through :class:`Fetcher`. Tests inject
an ``httpx.MockTransport``, so they never touch the network. The body is
streamed and the download stops as soon as it passes the size cap, so a
huge (or endlessly streaming, or gzip-bombed) response costs at most the cap.
Only public addresses are reached unless ``Limits.allow_private`` says
otherwise (see :mod:`dossier.ingest.addresses`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import httpx

from dossier.errors import BlockedAddressError, FetchError, TooLargeError
from dossier.ingest.addresses import Resolver, VettedTransport, check_url_host, system_resolver
from dossier.ingest.decode import check_size
from dossier.ingest.failures import one_line
from dossier.ingest.limits import DEFAULT_LIMITS, Limits, describe_size

logger = logging.getLogger(__name__)

#: Browser-like in form, so servers answer as they would to a reader, but honest about what asks.
USER_AGENT = "Mozilla/5.0 (compatible; dossier/0.1; news briefing tool)"
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: where it ended up, what it says it is, and its (decompressed) body."""

    url: str
    content_type: str | None  # media type only, lower case: "text/html"
    charset: str | None  # from the Content-Type header, as the server wrote it
    body: bytes


class Fetcher:
    """An HTTP client for sources and feed item pages; use it as a context manager or call close().

    Redirects are followed here, hop by hop, so that every hop's URL is
    checked (scheme, literal address) before it is requested; host names are
    checked where the connection is made (:mod:`dossier.ingest.addresses`).
    ``resolver`` replaces the system's DNS lookup (tests); ``transport``
    replaces the network altogether (tests), and then only literal addresses
    are checked, since nothing is connected to.
    """

    def __init__(
        self,
        *,
        limits: Limits = DEFAULT_LIMITS,
        transport: httpx.BaseTransport | None = None,
        max_redirects: int = MAX_REDIRECTS,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.limits = limits
        self._max_redirects = max_redirects
        if transport is None:
            transport = VettedTransport(resolver=resolver, allow_private=limits.allow_private)
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(limits.timeout_s),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, deadline: float | None = None) -> Fetched:
        """GET ``url``. Raises :class:`FetchError` or :class:`TooLargeError`, naming the URL and why.

        ``deadline`` (a ``time.monotonic()`` value) is when the time budget of
        the source this fetch serves runs out; no request outlives it.
        """
        target = _check_url(url, source=url, allow_private=self.limits.allow_private)
        for _ in range(self._max_redirects + 1):
            clock = _Clock(self.limits, deadline)
            try:
                outcome = self._get(target, source=url, clock=clock)
            except BlockedAddressError as error:
                raise BlockedAddressError(error.message, source=url) from error
            except httpx.TimeoutException as error:
                raise clock.timeout_error(f"({_kind(error)})", source=url) from error
            except httpx.ConnectError as error:
                raise FetchError(f"could not connect ({_detail(error)})", source=url) from error
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
                raise FetchError(f"invalid URL ({_detail(error)})", source=url) from error
            except httpx.HTTPError as error:
                raise FetchError(f"request failed ({_kind(error)}: {_detail(error)})", source=url) from error
            if isinstance(outcome, Fetched):
                return outcome
            logger.debug("%s: redirected to %s", url, outcome)
            target = _check_url(str(outcome), source=url, allow_private=self.limits.allow_private)
        raise FetchError(f"too many redirects (more than {self._max_redirects})", source=url)

    def _get(self, url: httpx.URL, *, source: str, clock: _Clock) -> Fetched | httpx.URL:
        """The response to one GET, or the URL it redirects to."""
        with self._client.stream("GET", url, timeout=clock.request_timeout(source=source)) as response:
            if response.status_code in _REDIRECT_STATUSES and "Location" in response.headers:
                return _redirect_target(response, source=source)
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"HTTP {response.status_code} {reason}", source=source)
            announced = response.headers.get("Content-Length", "")
            if announced.isdigit():
                check_size(int(announced), self.limits, source=source, what="response")
            body = self._read_body(response, source=source, clock=clock)
            media_type, _, _ = response.headers.get("Content-Type", "").partition(";")
            return Fetched(
                url=str(response.url),
                content_type=media_type.strip().lower() or None,
                charset=response.charset_encoding,
                body=body,
            )

    def _read_body(self, response: httpx.Response, *, source: str, clock: _Clock) -> bytes:
        # The read timeout bounds each wait; the deadline bounds a server that
        # drips bytes just fast enough never to trip it.
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.limits.max_bytes:
                cap = describe_size(self.limits.max_bytes)
                raise TooLargeError(f"response is over the {cap} limit (download stopped)", source=source)
            if clock.expired():
                raise clock.timeout_error("(download too slow)", source=source)
            chunks.append(chunk)
        return b"".join(chunks)


class _Clock:
    """The time one request may take: its own timeout, cut short by the source's budget."""

    def __init__(self, limits: Limits, source_deadline: float | None) -> None:
        self._limits = limits
        request_deadline = time.monotonic() + limits.timeout_s
        self._budget_cuts = source_deadline is not None and source_deadline < request_deadline
        self.deadline = request_deadline
        if source_deadline is not None and self._budget_cuts:
            self.deadline = source_deadline

    def expired(self) -> bool:
        return time.monotonic() > self.deadline

    def request_timeout(self, *, source: str) -> httpx.Timeout:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self.timeout_error("(nothing left for this request)", source=source)
        return httpx.Timeout(remaining)

    def timeout_error(self, detail: str, *, source: str) -> FetchError:
        if self._budget_cuts:
            budget = self._limits.source_budget_s
            message = f"the time budget of {budget:g} s for the source is spent {detail}"
            return FetchError(message, source=source)
        return FetchError(f"timed out after {self._limits.timeout_s:g} s {detail}", source=source)


def _redirect_target(response: httpx.Response, *, source: str) -> httpx.URL:
    try:
        return response.url.join(response.headers["Location"])
    except httpx.InvalidURL as error:
        raise FetchError(f"invalid redirect ({_detail(error)})", source=source) from error


def _check_url(url: str, *, source: str, allow_private: bool) -> httpx.URL:
    scheme = url.partition("://")[0].lower()
    if scheme not in _SCHEMES:
        raise FetchError(f"unsupported URL scheme {scheme!r} (only http and https)", source=source)
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise FetchError(f"invalid URL ({_detail(error)})", source=source) from error
    if not parsed.host:
        raise FetchError("invalid URL (no host name)", source=source)
    check_url_host(parsed, allow_private=allow_private, source=source)
    return parsed


def _kind(error: httpx.HTTPError) -> str:
    """``ReadTimeout`` -> "read timeout": which step of the request failed."""
    name = type(error).__name__
    return "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()


def _detail(error: BaseException) -> str:
    return one_line(str(error)) or type(error).__name__
