"""Fetching URLs over HTTP, bounded in size and time, with one clear error per failure.

All network access of the ingest goes through :class:`Fetcher`. Tests inject
an ``httpx.MockTransport``, so they never touch the network. The body is
streamed and the download stops as soon as it passes the size cap, so a
huge (or endlessly streaming, or gzip-bombed) response costs at most the cap.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import httpx

from dossier.errors import FetchError, TooLargeError
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


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: where it ended up, what it says it is, and its (decompressed) body."""

    url: str
    content_type: str | None  # media type only, lower case: "text/html"
    charset: str | None  # from the Content-Type header, as the server wrote it
    body: bytes


class Fetcher:
    """An HTTP client for sources and feed item pages; use it as a context manager or call close()."""

    def __init__(
        self,
        *,
        limits: Limits = DEFAULT_LIMITS,
        transport: httpx.BaseTransport | None = None,
        max_redirects: int = MAX_REDIRECTS,
    ) -> None:
        self.limits = limits
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(limits.timeout_s),
            follow_redirects=True,
            max_redirects=max_redirects,
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

    def fetch(self, url: str) -> Fetched:
        """GET ``url``. Raises :class:`FetchError` or :class:`TooLargeError`, naming the URL and why."""
        _check_url(url)
        try:
            return self._get(url)
        except httpx.TimeoutException as error:
            raise FetchError(
                f"timed out after {self.limits.timeout_s:g} s ({_kind(error)})", source=url
            ) from error
        except httpx.TooManyRedirects as error:
            raise FetchError("too many redirects", source=url) from error
        except httpx.ConnectError as error:
            raise FetchError(f"could not connect ({_detail(error)})", source=url) from error
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
            raise FetchError(f"invalid URL ({_detail(error)})", source=url) from error
        except httpx.HTTPError as error:
            raise FetchError(f"request failed ({_kind(error)}: {_detail(error)})", source=url) from error

    def _get(self, url: str) -> Fetched:
        deadline = time.monotonic() + self.limits.timeout_s
        with self._client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"HTTP {response.status_code} {reason}", source=url)
            announced = response.headers.get("Content-Length", "")
            if announced.isdigit():
                check_size(int(announced), self.limits, source=url, what="response")
            body = self._read_body(response, url=url, deadline=deadline)
            media_type, _, _ = response.headers.get("Content-Type", "").partition(";")
            return Fetched(
                url=str(response.url),
                content_type=media_type.strip().lower() or None,
                charset=response.charset_encoding,
                body=body,
            )

    def _read_body(self, response: httpx.Response, *, url: str, deadline: float) -> bytes:
        # The read timeout bounds each wait; the deadline bounds a server that
        # drips bytes just fast enough never to trip it.
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.limits.max_bytes:
                cap = describe_size(self.limits.max_bytes)
                raise TooLargeError(f"response is over the {cap} limit (download stopped)", source=url)
            if time.monotonic() > deadline:
                raise FetchError(
                    f"timed out after {self.limits.timeout_s:g} s (download too slow)", source=url
                )
            chunks.append(chunk)
        return b"".join(chunks)


def _check_url(url: str) -> None:
    scheme = url.partition("://")[0].lower()
    if scheme not in _SCHEMES:
        raise FetchError(f"unsupported URL scheme {scheme!r} (only http and https)", source=url)
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL as error:
        raise FetchError(f"invalid URL ({_detail(error)})", source=url) from error
    if not host:
        raise FetchError("invalid URL (no host name)", source=url)


def _kind(error: httpx.HTTPError) -> str:
    """``ReadTimeout`` -> "read timeout": which step of the request failed."""
    name = type(error).__name__
    return "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()


def _detail(error: BaseException) -> str:
    return one_line(str(error)) or type(error).__name__
