"""JSON written piece by piece is the same text as json.dumps of the whole (dossier.stories.lazy_json)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dossier.stories.lazy_json import LazyArray, LazyObject, json_pieces, materialized


def _dumped(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _tree() -> LazyObject:
    """Lazy nodes at several depths, beside plain values, with text that is not ASCII."""
    postings = ((f"stem|wörd{n}", [f"s-{n}", f"s-{n + 1}"]) for n in range(7))
    slots = (LazyArray([slot, LazyObject([("cap", 3), ("postings", LazyObject([]))])]) for slot in (4, None))
    return LazyObject(
        [
            ("window_days", 30),
            ("postings", LazyObject(postings, batch=3)),
            ("slots", LazyArray(slots)),
            ("stories", LazyArray(({"id": f"s-{n}", "title": "Ça va"} for n in range(5)), batch=2)),
            ("empty", LazyArray([])),
            ("plain", {"a": [1.5, None, True]}),
        ]
    )


def test_the_pieces_make_exactly_the_text_of_the_whole_tree() -> None:
    text = "".join(json_pieces(_tree()))
    assert text == _dumped(materialized(_tree()))
    assert json.loads(text)["postings"]["stem|wörd6"] == ["s-6", "s-7"]
    assert json.loads(text)["slots"][1] == [None, {"cap": 3, "postings": {}}]


@pytest.mark.parametrize("batch", [1, 2, 5, 1024])
def test_batches_of_any_size_give_the_same_text(batch: int) -> None:
    items = [{"n": n} for n in range(5)]
    lazy = LazyArray(iter(items), batch=batch)
    assert "".join(json_pieces(lazy)) == _dumped(items)


def test_a_lazy_array_beside_plain_items_keeps_their_order() -> None:
    mixed = LazyArray([1, LazyArray([2, 3]), 4, LazyObject([("k", LazyArray([]))]), 5])
    assert "".join(json_pieces(mixed)) == '[1,[2,3],4,{"k":[]},5]'
    assert materialized(mixed) == [1, [2, 3], 4, {"k": []}, 5]


def test_a_save_is_written_in_many_pieces_none_of_them_the_whole() -> None:
    pieces = list(json_pieces(_tree()))
    assert len(pieces) > 10
    assert max(len(piece) for piece in pieces) < len("".join(pieces)) / 4


def test_a_value_json_cannot_hold_is_refused_as_json_dumps_refuses_it() -> None:
    with pytest.raises(ValueError):
        "".join(json_pieces(LazyArray([float("nan")])))
