"""Generic ``to_dict``/``from_dict`` for the frozen dataclasses of the data model.

Dicts appear only at the edges (JSON, SQL rows, HTTP). Inside the package every
value is a typed, frozen dataclass; this mixin converts between the two using
the field annotations, so each record class stays a plain declaration.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, Self


class Record:
    """Mixin for frozen dataclasses that round-trip through JSON-ready dicts."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        hints = _hints(typing.cast(Any, cls))
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in args if a is not type(None)]
        return _load(inner[0], value)
    if origin is tuple:
        return tuple(_load(args[0], v) for v in value)
    if origin in (dict, Mapping) or hint is dict:
        return dict(value)
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    return value
