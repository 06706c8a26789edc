"""JSON written piece by piece, for states too big to build whole in memory first.

A clusterer's saved state holds every story, posting list and signature of a
stream. Building it as one tree of lists and dicts, then one JSON string, then
its bytes, held about twice the state at once (over a gigabyte at 64k articles)
and left the heap full of freed holes. A state tree may instead hold
:class:`LazyArray` and :class:`LazyObject` nodes, whose items are produced only
as they are written: :func:`json_pieces` writes the tree a batch at a time, and
:func:`materialized` turns it into plain values for callers that want those.

The text is exactly ``json.dumps(materialized(tree), ensure_ascii=False,
allow_nan=False, separators=(",", ":"))``, so a state saved either way is the same.

A plain list or dict never holds a lazy node: a container holding one is itself lazy.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

#: Plain items encoded per ``json.dumps`` call, unless a node asks for fewer (big items): one call per
#: posting list would cost seconds per save.
BATCH = 1024

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


@dataclass(frozen=True, slots=True)
class LazyArray:
    """A JSON array whose items are produced while it is written (once)."""

    items: Iterable[Any]
    batch: int = BATCH


@dataclass(frozen=True, slots=True)
class LazyObject:
    """A JSON object whose (key, value) pairs are produced while it is written (once); keys are str."""

    pairs: Iterable[tuple[str, Any]]
    batch: int = BATCH


def materialized(value: Any) -> Any:
    """The tree with every lazy node made a plain list or dict."""
    if isinstance(value, LazyArray):
        return [materialized(item) for item in value.items]
    if isinstance(value, LazyObject):
        return {key: materialized(item) for key, item in value.pairs}
    return value


def json_pieces(value: Any) -> Iterator[str]:
    """The JSON text of the tree, in pieces whose concatenation is the whole text."""
    if isinstance(value, LazyArray):
        yield from _array_pieces(value)
    elif isinstance(value, LazyObject):
        yield from _object_pieces(value)
    else:
        yield _encode(value)


# _array_pieces and _object_pieces have one shape on purpose: a single function over (key, item)
# pairs wrapped every array item in a tuple and made saves about 20% slower.
def _array_pieces(array: LazyArray) -> Iterator[str]:
    yield "["
    written = False
    items = iter(array.items)
    while batch := list(itertools.islice(items, array.batch)):
        plain: list[Any] = []
        for item in batch:
            if not _is_lazy(item):
                plain.append(item)
                continue
            if plain:
                yield ("," if written else "") + _encode(plain)[1:-1]
                written, plain = True, []
            if written:
                yield ","
            yield from json_pieces(item)
            written = True
        if plain:
            yield ("," if written else "") + _encode(plain)[1:-1]
            written = True
    yield "]"


def _object_pieces(mapping: LazyObject) -> Iterator[str]:
    yield "{"
    written = False
    pairs = iter(mapping.pairs)
    while batch := list(itertools.islice(pairs, mapping.batch)):
        plain: dict[str, Any] = {}
        for key, item in batch:
            if not _is_lazy(item):
                plain[key] = item
                continue
            if plain:
                yield ("," if written else "") + _encode(plain)[1:-1]
                written, plain = True, {}
            yield ("," if written else "") + _encode(key) + ":"
            yield from json_pieces(item)
            written = True
        if plain:
            yield ("," if written else "") + _encode(plain)[1:-1]
            written = True
    yield "}"


def _is_lazy(value: Any) -> bool:
    return isinstance(value, (LazyArray, LazyObject))
