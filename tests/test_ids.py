"""Stable ids: a prefix and a short hash of the key."""

from __future__ import annotations

from dossier.ids import ID_HEX_DIGITS, stable_id


def test_same_key_same_id_and_prefix_kept() -> None:
    first = stable_id("q", "a1:0:10")
    assert first == stable_id("q", "a1:0:10")
    assert first.startswith("q-") and len(first) == 2 + ID_HEX_DIGITS
    assert first != stable_id("q", "a1:0:11")
    assert stable_id("f", "a1:0:10")[2:] == first[2:]
