"""A saved clusterer resumes exactly where it stopped (dossier.stories.state)."""

from __future__ import annotations

import json
import zlib

import pytest

from dossier.errors import StoreError
from dossier.stories import OnlineClusterer, Settings
from dossier.stories.cluster import Cluster, _packed, _unpacked
from dossier.stories.features import article_title, features_of
from dossier.stories.label import label_due
from dossier.stories.model import StoryArticle
from dossier.stories.state import dump_state, fingerprint, load_state
from stories.newsroom import make_article, varied_stream


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


def test_labels_are_set_while_small_then_when_a_story_doubles() -> None:
    assert [size for size in range(1, 70) if label_due(size)] == [1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 64]


def test_a_story_that_did_not_grow_keeps_its_label_however_much_else_arrives() -> None:
    items = varied_stream(60, seed=2)  # a stream in which some early story takes no later article
    early, later = OnlineClusterer(), OnlineClusterer()
    for article in items[:30]:
        early.add(article)
    for article in items:
        later.add(article)
    now = {story.id: story for story in later.stories().stories}
    unchanged = [s for s in early.stories().stories if s.id in now and now[s.id].size == s.size]
    assert unchanged  # the later articles moved the IDF, and these stories took none of them
    assert all(now[story.id].label == story.label for story in unchanged)


def test_centroid_weights_round_trip_packed_and_fall_back_to_a_plain_dict() -> None:
    sums = {"quake": 2, "varna": 1}
    aligned = {"quake": 1.5, "varna": 0.25}
    packed = _packed(aligned, sums)
    assert isinstance(packed, str)
    assert list(_unpacked(packed, sums).items()) == list(aligned.items())
    unaligned = {"varna": 0.25, "quake": 1.5}  # another order: kept as it is, since order matters
    assert _unpacked(_packed(unaligned, sums), sums) == unaligned
    with pytest.raises(ValueError, match="holds 2 weights for 1 terms"):
        _unpacked(packed, {"quake": 2})


def test_the_saved_bytes_are_the_whole_state_compressed_at_once() -> None:
    """Written a piece at a time, the state is still the JSON of ``to_state`` compressed in one call."""
    clusterer = OnlineClusterer()
    for article in varied_stream(40, seed=6):
        clusterer.add(article)
    text = json.dumps(clusterer.to_state(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    assert dump_state(clusterer) == zlib.compress(text.encode("utf-8"), 1)


def test_stories_share_one_string_per_term_and_copies_change_no_count() -> None:
    """Each article's features are strings of its own; a story keeps one shared string per term, so that
    thousands of stories do not each hold a copy of the same words. Equal keys, equal counts."""
    first = make_article(
        "Harbour board of Kessel Bay meets", "The Kessel Bay harbour board met on Monday.", source="a"
    )
    second = make_article(
        "Kessel Bay harbour board votes", "The Kessel Bay harbour board voted on Friday.", source="b"
    )
    one, other = Cluster("s-one", 0), Cluster("s-other", 1)
    for cluster, article in ((one, first), (other, second)):
        cluster.add(StoryArticle.of(article, None), features_of(article), article_title(article))
    name = "kessel bay"
    assert name in one.sums["entities_body"] and name in other.sums["entities_body"]
    held = [next(term for term in cluster.sums["entities_body"] if term == name) for cluster in (one, other)]
    assert held[0] is held[1]
    assert one.sums["entities_body"][name] == features_of(first).entities_body[name]
    assert one.title_stems == [features_of(first).stems_title]
