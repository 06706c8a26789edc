"""Reader properties over arbitrary input: only SourceErrors escape; output is deterministic and storable."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.article import Draft, Failure
from dossier.errors import SourceError
from dossier.ingest.feed import read_feed
from dossier.ingest.fields import repair_draft
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.limits import Limits
from dossier.ingest.sidecar import find_sidecar

SURROGATES = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])
CHARACTERS = st.one_of(st.characters(), SURROGATES)
TEXT = st.text(CHARACTERS, max_size=40)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=30,
)
FIELD_NAMES = st.sampled_from(["text", "title", "url", "outlet", "published", "dateline", "meta", "tags"])
OBJECTS = st.dictionaries(st.one_of(FIELD_NAMES, TEXT), JSON_VALUES, max_size=8)
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(read: Callable[[], Iterable[Draft | Failure]]) -> tuple[object, ...]:
    """Everything a reader gives, or the SourceError it raised; any other exception fails the test."""
    try:
        return tuple(read())
    except SourceError as error:
        return (type(error).__name__, error.message)


def assert_storable(items: tuple[object, ...]) -> None:
    for item in items:
        if isinstance(item, Draft | Failure):
            json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")


@PROPERTY_SETTINGS
@given(st.lists(OBJECTS, max_size=4))
def test_jsonl_objects_are_read_or_failed_deterministically(objects: list[dict[str, Any]]) -> None:
    data = b"\n".join(json.dumps(item, ensure_ascii=True).encode("ascii") for item in objects)
    first = outcome(lambda: read_jsonl(data, source="p.jsonl"))
    assert first == outcome(lambda: read_jsonl(data, source="p.jsonl"))
    assert_storable(first)


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_jsonl_bytes_never_raise_anything_but_source_errors(data: bytes) -> None:
    first = outcome(lambda: read_jsonl(data, source="b.jsonl"))
    assert first == outcome(lambda: read_jsonl(data, source="b.jsonl"))
    assert_storable(first)


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000) | st.builds(lambda t: t.encode("utf-8", "surrogatepass"), TEXT))
def test_feed_bytes_never_raise_anything_but_source_errors(data: bytes) -> None:
    wrapped = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>'
        + data
        + b"</title></item></channel></rss>"
    )
    for candidate in (data, wrapped):

        def read(candidate: bytes = candidate) -> Iterable[Draft | Failure]:
            return read_feed(candidate, source="f.xml", limits=Limits())

        first = outcome(read)
        assert first == outcome(read)
        assert_storable(first)


@PROPERTY_SETTINGS
@given(OBJECTS | st.binary(max_size=500))
def test_sidecars_apply_or_fail_as_source_errors(content: dict[str, Any] | bytes) -> None:
    data = content if isinstance(content, bytes) else json.dumps(content, ensure_ascii=True).encode()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "story.txt"
        source.write_text("Ferry news.", encoding="utf-8")
        source.with_suffix(".json").write_bytes(data)
        try:
            sidecar = find_sidecar(source, source=str(source), limits=Limits())
        except SourceError:
            return
        if sidecar is not None:
            draft = sidecar.apply(Draft(source=str(source), text="Ferry news."))
            assert_storable((draft,))
            assert sidecar.apply(Draft(source=str(source), text="Ferry news.")) == draft


@PROPERTY_SETTINGS
@given(TEXT, st.one_of(st.none(), TEXT), st.dictionaries(TEXT, JSON_VALUES, max_size=5))
def test_repair_makes_any_draft_storable_and_is_idempotent(
    text: str, title: str | None, metadata: dict[str, Any]
) -> None:
    repaired = repair_draft(Draft(source="s", text=text, title=title, metadata=metadata))
    assert_storable((repaired,))
    assert repair_draft(repaired) == repaired
