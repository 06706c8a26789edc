"""A saved clusterer resumes exactly where it stopped (dossier.stories.state)."""

from __future__ import annotations

import zlib

import pytest

from dossier.errors import StoreError
from dossier.stories import OnlineClusterer, Settings
from dossier.stories.state import dump_state, fingerprint, load_state
from stories.newsroom import varied_stream


def test_a_clusterer_saved_and_loaded_mid_stream_places_the_rest_as_if_never_paused() -> None:
    items = varied_stream(80, seed=3)
    settings = Settings()
    whole = OnlineClusterer(settings)
    unbroken = [whole.add(article) for article in items]
    first = OnlineClusterer(settings)
    paused = [first.add(article) for article in items[:37]]
    resumed = load_state(dump_state(first), settings, source="test")
    paused += [resumed.add(article) for article in items[37:]]
    assert paused == unbroken
    assert resumed.stories() == whole.stories()
    assert resumed.merges == whole.merges
    assert len(whole.stories().stories) > 5  # the stream really holds many stories
    assert any(a.duplicate_of for a in unbroken)  # ... and copies, found again after the pause


def test_the_saved_state_is_the_same_bytes_for_the_same_stream() -> None:
    def saved() -> bytes:
        clusterer = OnlineClusterer()
        for article in varied_stream(30, seed=5):
            clusterer.add(article)
        return dump_state(clusterer)

    assert saved() == saved()


def test_the_fingerprint_names_the_settings() -> None:
    assert fingerprint(Settings()) == fingerprint(Settings())
    assert fingerprint(Settings()) != fingerprint(Settings(join_threshold=0.2))


@pytest.mark.parametrize("data", [b"not zlib", zlib.compress(b"{}"), zlib.compress(b"[1, 2]")])
def test_an_unreadable_state_is_a_store_error(data: bytes) -> None:
    with pytest.raises(StoreError, match="saved story state cannot be read"):
        load_state(data, Settings(), source="test")
