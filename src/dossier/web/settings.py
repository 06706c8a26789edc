"""What one ``dossier serve`` may do: where it listens, who may talk to it, and how much it accepts."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import UsageError
from dossier.ingest.limits import MIB

#: The environment variable that gives the access token when ``--token`` is not.
TOKEN_ENV = "DOSSIER_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: The shortest token accepted: anything shorter could be guessed over a network.
MIN_TOKEN_LENGTH = 16


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """The server's settings. ``token`` None means no token is asked for (loopback only)."""

    db: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    token: str | None = None
    allow_private: bool = False
    #: Caps on what one request may carry: any body, each uploaded file, and how many files.
    max_body_bytes: int = 32 * MIB
    max_file_bytes: int = 10 * MIB
    max_files: int = 20
    max_paste_chars: int = 1_000_000
    #: The seconds a URL or feed may take to fetch, all its pages together.
    fetch_budget_s: float = 60.0
    page_size: int = 20

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise UsageError(f"port must be 0 to 65535, not {self.port}")
        if self.token is not None and len(self.token) < MIN_TOKEN_LENGTH:
            raise UsageError(f"the token must be at least {MIN_TOKEN_LENGTH} characters long")
        if self.token is None and not is_loopback(self.host):
            raise UsageError(
                f"binding to {self.host} (not loopback) needs a token: pass --token or set ${TOKEN_ENV}"
            )
        for name in ("max_body_bytes", "max_file_bytes", "max_files", "max_paste_chars", "page_size"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name} must be at least 1")


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (127.0.0.0/8, ::1 or the name localhost)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def token_from(given: str | None) -> str | None:
    """The token passed on the command line, else the one in ``$DOSSIER_TOKEN``, else None."""
    if given:
        return given
    return os.environ.get(TOKEN_ENV, "").strip() or None
