"""One bad field never sinks a batch: lone surrogates are replaced, metadata depth and size are capped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dossier.article import Draft, Failure
from dossier.clean import clean
from dossier.ingest import read_sources
from dossier.ingest.feed import read_feed
from dossier.ingest.fields import (
    MAX_METADATA_DEPTH,
    MAX_METADATA_ITEMS,
    NOTES_KEY,
    REPLACEMENT,
    bounded_metadata,
    repair_draft,
    repair_failure,
)
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.limits import Limits
from dossier.store import SqliteStore

from .helpers import GOOD_TEXT

LONE = "\ud800"


def jsonl(*objects: dict[str, Any]) -> bytes:
    # ensure_ascii writes a lone surrogate as the escape "\ud800", exactly as a hostile file would.
    return b"\n".join(json.dumps(item, ensure_ascii=True).encode("ascii") for item in objects)


def nested(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = {"deeper": value}
    return value


def assert_storable(draft: Draft) -> None:
    for value in (draft.source, draft.text, draft.title, draft.outlet, draft.url, draft.dateline):
        if value is not None:
            value.encode("utf-8")
    json.dumps(draft.metadata, ensure_ascii=False).encode("utf-8")


def test_lone_surrogates_in_every_jsonl_field_are_replaced_and_noted() -> None:
    line = {
        "text": f"{GOOD_TEXT} {LONE}",
        "title": f"Flood {LONE}fund",
        "outlet": f"Larkfield {LONE}Courier",
        "url": f"https://news.invalid/{LONE}",
        "dateline": f"LARKFIELD{LONE}",
        f"tag{LONE}": [f"a{LONE}", {"b": LONE}],
    }
    (draft,) = read_jsonl(jsonl(line), source="feed.jsonl")
    assert isinstance(draft, Draft)
    assert draft.title == f"Flood {REPLACEMENT}fund"
    assert draft.outlet == f"Larkfield {REPLACEMENT}Courier"
    assert draft.url == f"https://news.invalid/{REPLACEMENT}"
    assert draft.dateline == f"LARKFIELD{REPLACEMENT}"
    assert draft.text.endswith(REPLACEMENT)
    assert draft.metadata[f"tag{REPLACEMENT}"] == [f"a{REPLACEMENT}", {"b": REPLACEMENT}]
    assert len(draft.metadata[NOTES_KEY]) == 6
    assert_storable(draft)


def test_a_surrogate_line_does_not_sink_the_batch_and_the_rest_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(jsonl({"text": GOOD_TEXT, "title": LONE}, {"text": GOOD_TEXT + " Second story."}))
    result = read_sources([str(path)])
    assert result.failures == ()
    articles = [clean(draft) for draft in result.drafts]
    with SqliteStore(":memory:") as store:
        assert len(store.add(articles).added) == 2
        assert store.get(articles[0].id) is not None


def test_surrogates_in_a_sidecar_are_replaced(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "story.json").write_text(
        json.dumps({"outlet": f"The {LONE}Courier", "desk": LONE}), encoding="utf-8"
    )
    result = read_sources([str(tmp_path / "story.txt")])
    (draft,) = result.drafts
    assert draft.outlet == f"The {REPLACEMENT}Courier"
    assert draft.metadata["desk"] == REPLACEMENT
    assert_storable(draft)


def test_a_file_name_that_is_not_utf8_becomes_a_printable_source(tmp_path: Path) -> None:
    # os.fsdecode turns the byte 0xFF of a file name into the lone surrogate U+DCFF.
    name = tmp_path / "caf\udcff.txt"
    name.write_text(GOOD_TEXT, encoding="utf-8")
    (draft,) = read_sources([str(tmp_path)]).drafts
    assert draft.source.endswith(f"caf{REPLACEMENT}.txt")
    assert_storable(draft)


def test_character_references_to_surrogates_in_a_feed_never_escape() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour &#xD800; News</title>'
        b"<item><title>Ferry &#xDFFF;</title><description>" + GOOD_TEXT.encode() * 4 + b"</description>"
        b"</item></channel></rss>"
    )
    items = list(read_feed(feed, source="feed.xml", limits=Limits()))
    for item in items:
        if isinstance(item, Draft):
            assert_storable(item)


def test_metadata_nested_500_levels_is_cut_with_a_recorded_reason() -> None:
    (draft,) = read_jsonl(jsonl({"text": GOOD_TEXT, "tree": nested(600), "plain": 1}), source="deep.jsonl")
    assert isinstance(draft, Draft)
    assert draft.metadata["plain"] == 1
    notes = draft.metadata[NOTES_KEY]
    assert any(f"deeper than {MAX_METADATA_DEPTH} levels was cut" in note for note in notes)
    depth, value = 1, draft.metadata["tree"]
    while isinstance(value, dict):
        depth, value = depth + 1, value["deeper"]
    assert depth == MAX_METADATA_DEPTH
    assert value is None
    assert_storable(draft)


def test_deep_metadata_does_not_sink_a_briefing() -> None:
    (draft,) = read_jsonl(jsonl({"text": GOOD_TEXT, "tree": nested(900)}), source="deep.jsonl")
    assert isinstance(draft, Draft)
    article = clean(draft)
    with SqliteStore(":memory:") as store:
        store.add([article])
        stored = store.get(article.id)
    assert stored is not None
    assert stored.metadata[NOTES_KEY] == draft.metadata[NOTES_KEY]


def test_metadata_with_too_many_values_is_truncated_in_order() -> None:
    many = {f"k{index:05d}": index for index in range(MAX_METADATA_ITEMS + 50)}
    bounded, notes = bounded_metadata(many)
    assert list(bounded) == list(many)[:MAX_METADATA_ITEMS]
    assert notes == [f"metadata over {MAX_METADATA_ITEMS} values or 1000000 characters; the rest was dropped"]


def test_one_huge_metadata_string_is_cut_to_the_character_cap() -> None:
    bounded, notes = bounded_metadata({"blob": "x" * 3_000_000, "after": "y"})
    assert len(bounded["blob"]) < 3_000_000
    assert "after" not in bounded
    assert len(notes) == 1


def test_clean_metadata_is_returned_as_is() -> None:
    metadata = {"feed": "x", "tags": ["a", {"b": 1}]}
    bounded, notes = bounded_metadata(metadata)
    assert bounded is metadata
    assert notes == []


def test_repair_is_idempotent() -> None:
    draft = Draft(
        source="s", text=f"a{LONE}", title=LONE, metadata={"tree": nested(40), NOTES_KEY: ["earlier"]}
    )
    once = repair_draft(draft)
    assert repair_draft(once) == once
    assert once.metadata[NOTES_KEY][0] == "earlier"


def test_invisible_formatting_and_credentials_are_cut_from_the_shown_fields() -> None:
    line = {
        "text": GOOD_TEXT,
        "title": "safe\u202etxt.exe report",
        "outlet": "Coast\u200bWire",
        "url": "http://user:secret@news.invalid/a\u202e",
        "dateline": "PORT\u2066ALDER\n",
    }
    (draft,) = read_jsonl(jsonl(line), source="feed.jsonl")
    assert isinstance(draft, Draft)
    assert (draft.title, draft.outlet, draft.url, draft.dateline) == (
        "safetxt.exe report",
        "CoastWire",
        "http://news.invalid/a",
        "PORTALDER",
    )
    assert "a user name and password were removed from the url" in draft.metadata[NOTES_KEY]
    assert repair_draft(draft) == draft


def test_a_url_source_and_its_failure_lose_their_credentials() -> None:
    draft = repair_draft(Draft(source="https://user:secret@news.invalid/a", text=GOOD_TEXT))
    assert draft.source == "https://news.invalid/a"
    failure = repair_failure(
        Failure(
            "https://user:secret@news.invalid/a",
            "FetchError",
            "https://user:secret@news.invalid/a: timed out",
        )
    )
    assert failure == Failure("https://news.invalid/a", "FetchError", "https://news.invalid/a: timed out")
