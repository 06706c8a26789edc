"""What every request passes before a route sees it: the token, the body cap and the security headers.

:class:`SecurityMiddleware` is plain ASGI, so it also guards static files and
the OpenAPI document. It

- asks for the access token on every request when one is set (``Authorization:
  Bearer``, the ``X-Dossier-Token`` header, the ``dossier_token`` cookie, or
  ``?token=`` once, which sets that cookie for the browser);
- refuses a body longer than the cap with 413, whether its length is declared
  or it streams past the cap, and a malformed length with 400;
- refuses a cross-site POST (an ``Origin`` that is not this host) with 403;
- adds a strict Content-Security-Policy, whose script nonce is made per
  request and kept in ``request.state.csp_nonce``, and the usual headers.

:class:`CsrfGuard` makes and checks the token every POST form carries.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "dossier_token"
TOKEN_HEADER = "x-dossier-token"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def content_security_policy(nonce: str) -> str:
    """Nothing from elsewhere, no inline script without the nonce, no framing, forms only to us."""
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        )
    )


def security_headers(nonce: str) -> list[tuple[bytes, bytes]]:
    pairs = {
        "content-security-policy": content_security_policy(nonce),
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",  # "no-referrer" makes Chromium send "Origin: null" on our own forms
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=()",
    }
    return [(name.encode(), value.encode()) for name, value in pairs.items()]


class BodyTooLargeError(Exception):
    """A request body streamed past the cap (raised inside the app, answered with 413)."""


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, *, token: str | None, max_body_bytes: int) -> None:
        self.app = app
        self.token = token
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        headers = _headers(scope)
        extra = security_headers(nonce)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _plain(send, refusal[0], refusal[1], extra)
            return
        if self.token is not None and _query_token(scope) == self.token:
            # The browser keeps the token from here on, so links need not carry it.
            cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
            extra = [*extra, (b"set-cookie", cookie.encode())]
        started = False
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLargeError
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except BodyTooLargeError:
            if not started:
                await _plain(send, 413, self._too_large(), security_headers(nonce))

    def _too_large(self) -> str:
        return f"request body over the limit of {self.max_body_bytes} bytes"

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """(status, reason) when the request must not reach the app."""
        if self.token is not None and not self._authorized(scope, headers):
            return 401, "this server needs its access token (?token=..., or Authorization: Bearer ...)"
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return 400, "malformed Content-Length"
            if int(length) > self.max_body_bytes:
                return 413, self._too_large()
        if scope["method"] in _UNSAFE_METHODS and not _same_origin(headers):
            return 403, "cross-site request refused"
        return None

    def _authorized(self, scope: Scope, headers: dict[str, str]) -> bool:
        assert self.token is not None
        offered = [
            headers.get("authorization", "").removeprefix("Bearer ").strip(),
            headers.get(TOKEN_HEADER, ""),
            _cookie(headers, TOKEN_COOKIE),
            _query_token(scope),
        ]
        return any(hmac.compare_digest(given.encode(), self.token.encode()) for given in offered if given)


class CsrfGuard:
    """The token a POST must carry: a keyed hash only pages of this server can show.

    A page from another site can make a browser post to us, but it cannot read
    our pages, so it cannot know the token (and the Origin check refuses it first).
    """

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def token(self) -> str:
        return hmac.new(self._secret, b"dossier-csrf", hashlib.sha256).hexdigest()

    def valid(self, offered: str | None) -> bool:
        return bool(offered) and hmac.compare_digest(str(offered).encode(), self.token().encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}


def _query_token(scope: Scope) -> str:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [])
    return values[0] if values else ""


def _cookie(headers: dict[str, str], name: str) -> str:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is no token, not a crash
        return ""
    morsel = jar.get(name)
    return morsel.value if morsel is not None else ""


def _same_origin(headers: dict[str, str]) -> bool:
    """No Origin (not a browser form) or an Origin naming the host the request was sent to."""
    origin = headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = (text + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
