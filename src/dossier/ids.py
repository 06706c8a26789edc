"""Stable ids for everything a briefing derives: a prefix and a hash of what identifies the item.

Ids come from content and position (``article_id:start:end``), never from the
order items were found in, so the same input gives the same ids in every run.
"""

from __future__ import annotations

import hashlib

#: Hex digits kept from the hash: unique enough within one briefing, short enough to read.
ID_HEX_DIGITS = 12


def stable_id(prefix: str, key: str) -> str:
    """``prefix-`` and the first :data:`ID_HEX_DIGITS` hex digits of the SHA-256 of ``key``."""
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:ID_HEX_DIGITS]}"
