"""Which network addresses a fetch may reach, checked on the address actually connected to.

A corpus is untrusted, and so are the URLs in it: a feed whose items link to
``http://169.254.169.254/`` or ``http://localhost:8080/admin`` would otherwise
make dossier read internal pages and quote them in a briefing. Unless
``Limits.allow_private`` is set, only globally routable unicast addresses may
be reached.

The check sits where the socket is opened (:class:`VettedBackend`, the
network backend of httpx's connection pool): the host name is resolved once,
every address it resolves to is checked, and the connection goes to one of
exactly those addresses. A name cannot pass the check with one answer and
then connect with another (DNS rebinding), because there is no second lookup.
Literal addresses in a URL are also refused before any request is made
(:func:`check_url_host`), which covers injected transports as well.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Iterable, Sequence

import httpcore
import httpx

from dossier.errors import BlockedAddressError

logger = logging.getLogger(__name__)

#: Resolves ``(host, port)`` to IP address strings, as ``socket.getaddrinfo`` would.
Resolver = Callable[[str, int], Sequence[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOW_HINT = "pass --allow-private (Limits.allow_private) to fetch it anyway"
#: Host names that always mean this machine (RFC 6761), whatever a resolver says.
_LOOPBACK_NAMES = ("localhost", "localhost.")


def system_resolver(host: str, port: int) -> tuple[str, ...]:
    """Every address the system resolver gives for ``host``, in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return tuple(dict.fromkeys(str(info[4][0]) for info in infos))


def non_public_reason(address: IPAddress) -> str | None:
    """Why ``address`` is not a public unicast address ("loopback", "private", ...), or ``None``."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 reaches 127.0.0.1
    checks = (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address.is_reserved, "reserved"),
        (address.is_private, "private"),
        (not address.is_global, "non-public"),
    )
    return next((reason for failed, reason in checks if failed), None)


def check_url_host(url: httpx.URL, *, allow_private: bool, source: str) -> None:
    """Refuse a URL whose host is a literal non-public address or a loopback name, before any request."""
    if allow_private:
        return
    host = url.host
    if host.lower() in _LOOPBACK_NAMES or host.lower().endswith(".localhost"):
        raise _refusal(host, "loopback", address=None, source=source)
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return  # a name: it is checked when it is resolved, at connection time
    reason = non_public_reason(address)
    if reason is not None:
        raise _refusal(host, reason, address=None, source=source)


def vetted_addresses(host: str, port: int, *, resolver: Resolver, allow_private: bool) -> tuple[str, ...]:
    """The addresses of ``host`` that may be connected to; refuses when any of them is non-public.

    One non-public answer refuses the whole name: a name that resolves to both
    a public and an internal address is the usual shape of a rebinding attack.
    """
    try:
        answers = tuple(resolver(host, port))
    except (OSError, UnicodeError) as error:
        raise httpcore.ConnectError(f"cannot resolve {host} ({error})") from error
    if not answers:
        raise httpcore.ConnectError(f"cannot resolve {host} (no addresses)")
    if allow_private:
        return answers
    for answer in answers:
        reason = non_public_reason(ipaddress.ip_address(answer.partition("%")[0]))
        if reason is not None:
            raise _refusal(host, reason, address=answer, source=None)
    return answers


def _refusal(host: str, reason: str, *, address: str | None, source: str | None) -> BlockedAddressError:
    where = host if address is None or address == host else f"{host} (resolves to {address})"
    article = "an" if reason[0] in "aeiou" else "a"
    return BlockedAddressError(f"refused: {where} is {article} {reason} address; {ALLOW_HINT}", source=source)


class VettedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, but a TCP connection goes only to a checked address of the host."""

    def __init__(self, *, resolver: Resolver, allow_private: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._resolver = resolver
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = vetted_addresses(host, port, resolver=self._resolver, allow_private=self._allow_private)
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in addresses:
            try:
                # TLS is started later on this stream with the original host name, so
                # certificates are still checked against the name, not the address.
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                logger.debug("%s: cannot connect to %s (%s)", host, address, error)
                failure = error
        assert failure is not None  # vetted_addresses never returns an empty tuple
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("Unix sockets are not used for fetching")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class VettedTransport(httpx.HTTPTransport):
    """httpx's default transport, connecting through :class:`VettedBackend`.

    Environment proxies are not used: through a proxy, the address finally
    reached is the proxy's choice and could not be checked here.
    """

    def __init__(self, *, resolver: Resolver = system_resolver, allow_private: bool = False) -> None:
        super().__init__(trust_env=False)
        # httpx offers no argument for the network backend, so the pool it made
        # (empty: nothing has connected yet) is replaced by one with the same
        # defaults and our backend.
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=httpx.Limits().max_connections,
            max_keepalive_connections=httpx.Limits().max_keepalive_connections,
            keepalive_expiry=httpx.Limits().keepalive_expiry,
            network_backend=VettedBackend(resolver=resolver, allow_private=allow_private),
        )
