"""Caps that keep ingesting hostile or gigantic sources bounded in size and time."""

from __future__ import annotations

import math
from dataclasses import dataclass

from dossier.errors import UsageError

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one batch of sources may read, fetch and wait for.

    ``max_bytes`` applies to every file, stdin and HTTP body on its own;
    ``max_page_fetches`` bounds the item pages fetched for one feed;
    ``source_budget_s`` bounds the whole time one source may take (a feed
    and all its item pages), where ``timeout_s`` bounds each request.

    Two switches widen what may be read, both off by default because the
    corpus is untrusted: ``allow_private`` lets URLs reach loopback, private,
    link-local and other non-public addresses (``--allow-private``), and
    ``follow_links`` lets a folder read follow symbolic links that point out
    of the folder (``--follow-links``).
    """

    max_bytes: int = 20 * MIB
    timeout_s: float = 15.0
    max_feed_items: int = 500
    max_page_fetches: int = 100
    source_budget_s: float = 60.0
    allow_private: bool = False
    follow_links: bool = False

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise UsageError(f"max_bytes must be at least 1, not {self.max_bytes}")
        if not (self.timeout_s > 0 and math.isfinite(self.timeout_s)):
            raise UsageError(f"timeout_s must be a positive number of seconds, not {self.timeout_s}")
        if self.max_feed_items < 1:
            raise UsageError(f"max_feed_items must be at least 1, not {self.max_feed_items}")
        if self.max_page_fetches < 0:
            raise UsageError(f"max_page_fetches must be zero or more, not {self.max_page_fetches}")
        if not (self.source_budget_s > 0 and math.isfinite(self.source_budget_s)):
            raise UsageError(
                f"source_budget_s must be a positive number of seconds, not {self.source_budget_s}"
            )


#: The limits used when a caller gives none.
DEFAULT_LIMITS = Limits()


def describe_size(size: int) -> str:
    """A byte count as people read it: "512 bytes", "3.2 KiB", "50.0 MiB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < MIB:
        return f"{size / 1024:.1f} KiB"
    return f"{size / MIB:.1f} MiB"
