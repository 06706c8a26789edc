"""Strict parsing of one JSON object and of the draft fields it may carry.

Shared by JSONL lines and sidecar files. Both name the same fields (title,
url, outlet, published, ...) and both must say exactly what is wrong with a
value, so that a person can fix the file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from dossier.dates import parse_published


class JsonObjectError(ValueError):
    """The text is not one JSON object, or one of its draft fields has a wrong value."""


def parse_json_object(text: str) -> dict[str, Any]:
    """The JSON object in ``text``. NaN and Infinity are refused: they are not JSON."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        where = (
            f"line {error.lineno} column {error.colno}" if "\n" in text.strip() else f"column {error.colno}"
        )
        raise JsonObjectError(f"invalid JSON at {where} ({error.msg})") from error
    except JsonObjectError:
        raise
    except RecursionError as error:
        raise JsonObjectError("invalid JSON (nested too deeply)") from error
    except ValueError as error:  # e.g. an integer with thousands of digits
        raise JsonObjectError(f"invalid JSON ({error})") from error
    if not isinstance(value, dict):
        raise JsonObjectError(f"expected a JSON object, got {_json_type(value)}")
    return value


def optional_string(data: Mapping[str, Any], name: str) -> str | None:
    """``data[name]`` when it is a non-blank string; ``None`` when missing, null or blank."""
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise JsonObjectError(f"field {name!r} must be a string, not {_json_type(value)}")
    return value.strip() or None


def optional_date(data: Mapping[str, Any], name: str) -> dt.date | None:
    """``data[name]`` read as a calendar date; a value that is no possible date is an error."""
    raw = optional_string(data, name)
    if raw is None:
        return None
    date = parse_published(raw)
    if date is None:
        raise JsonObjectError(f"field {name!r} is not a valid date: {raw[:40]!r}")
    return date


def _refuse_constant(name: str) -> Any:
    raise JsonObjectError(f"invalid JSON ({name} is not a JSON number)")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
