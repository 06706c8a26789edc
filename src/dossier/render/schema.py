"""Checking a briefing document against the published contract.

Two layers. :func:`validate` applies the JSON Schema shipped in
``dossier/schema/briefing.schema.json`` (shape, types, enums, date patterns).
:func:`check_offsets` adds what a schema cannot say: that every span points
inside the text of an article the file contains, that text copied next to a span
equals the text at that span, and that ids refer to records that exist.

Both work on the plain dict (``Briefing.to_dict()`` or parsed JSON), so they
can check a file written by any producer, not only this package.
"""

from __future__ import annotations

import copy
import json
import logging
import math
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from dossier.errors import SchemaError

logger = logging.getLogger(__name__)

SCHEMA_PACKAGE = "dossier"
SCHEMA_RESOURCE = ("schema", "briefing.schema.json")

#: Collections whose records carry an ``id`` that other records may refer to.
_ID_COLLECTIONS = ("articles", "entities", "quotes", "statements", "figures", "conflicts", "issues")

#: How much of a mismatching text an error message shows, so one line stays one line.
_MESSAGE_TEXT_LIMIT = 60
#: jsonschema quotes the offending value in full; an article text would swamp the message.
_MESSAGE_LIMIT = 200


def schema_text() -> str:
    """The schema file exactly as shipped (docs/briefing.schema.json is a copy of it)."""
    return _schema_text()


@cache
def _schema_text() -> str:
    resource = resources.files(SCHEMA_PACKAGE).joinpath(*SCHEMA_RESOURCE)
    return resource.read_text(encoding="utf-8")


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(_schema_text())
    return loaded


@cache
def _validator() -> Any:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def load_schema() -> dict[str, Any]:
    """The briefing JSON Schema (draft 2020-12) as a dict; a fresh copy, so callers may edit it."""
    return copy.deepcopy(_schema())


def validate(data: Mapping[str, Any]) -> None:
    """Raise :class:`SchemaError` naming the first place where ``data`` breaks the schema."""
    errors = sorted(_validator().iter_errors(data), key=_error_order)
    if errors:
        first = errors[0]
        raise SchemaError(f"{first.json_path}: {_one_line(first.message)}", stage="validate")
    for path, value in _walk(data, "$"):
        _check_representable(path, value)


def _check_representable(path: str, value: object) -> None:
    """Values the schema's types allow but a UTF-8 JSON file cannot hold."""
    if isinstance(value, float) and not math.isfinite(value):
        raise SchemaError(f"{path}: {value!r} is not a finite number (JSON cannot hold it)", stage="validate")
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise SchemaError(
                f"{path}: holds a lone surrogate, not valid Unicode text", stage="validate"
            ) from None


def _error_order(error: Any) -> tuple[tuple[tuple[int, str], ...], str]:
    """Order by path, so the same document always reports the same error, outer fields first."""
    # Paths mix list indexes and keys; tagging them keeps the tuples comparable.
    steps = tuple(
        (0, f"{step:012d}") if isinstance(step, int) else (1, str(step)) for step in error.absolute_path
    )
    return steps, str(error.message)


def check_offsets(data: Mapping[str, Any]) -> None:
    """Raise :class:`SchemaError` when a span, a copied text or an id reference is wrong.

    Expects a document that already passed :func:`validate`. Every object that has
    ``article_id``, ``start`` and ``end`` is a span into that article, and so is its
    ``cue_start``/``cue_end`` when it has them; every object with ``text`` beside such
    a span must equal the text at it; every object with ``text`` and ``citations``
    must equal the text of its first citation.
    """
    texts = _article_texts(data)
    _check_article_spans(data)
    # ``metadata`` is free-form and opaque: keys there that happen to look like a span are not one.
    for path, value in _walk(data, "$", skip_keys=frozenset({"metadata"})):
        if isinstance(value, Mapping):
            _check_cited_object(path, value, texts)
    _check_references(data)


def _article_texts(data: Mapping[str, Any]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for index, article in enumerate(data.get("articles", ())):
        article_id = article["id"]
        if article_id in texts:
            raise SchemaError(f"$.articles[{index}].id: duplicate article id {article_id!r}", stage="check")
        texts[article_id] = article["text"]
    return texts


def _check_article_spans(data: Mapping[str, Any]) -> None:
    """Paragraph and sentence spans of an article point into that same article."""
    for index, article in enumerate(data.get("articles", ())):
        length = len(article["text"])
        for key in ("paragraphs", "sentences"):
            for position, span in enumerate(article.get(key, ())):
                path = f"$.articles[{index}].{key}[{position}]"
                _check_range(path, span["start"], span["end"], length, article["id"])


def _check_cited_object(path: str, value: Mapping[str, Any], texts: Mapping[str, str]) -> None:
    if _is_span(value):
        article_id = value["article_id"]
        if article_id not in texts:
            raise SchemaError(f"{path}: unknown article {article_id!r}", stage="check")
        text = texts[article_id]
        _check_range(path, value["start"], value["end"], len(text), article_id)
        if isinstance(value.get("text"), str):
            _check_same_text(f"{path}.text", value["text"], text[value["start"] : value["end"]])
        if isinstance(value.get("cue_start"), int) and isinstance(value.get("cue_end"), int):
            _check_range(f"{path}.cue_start", value["cue_start"], value["cue_end"], len(text), article_id)
    citations = value.get("citations")
    if isinstance(value.get("text"), str) and isinstance(citations, Sequence) and citations:
        first = citations[0]
        if _is_span(first) and first["article_id"] in texts:
            cited = texts[first["article_id"]][first["start"] : first["end"]]
            _check_same_text(f"{path}.text", value["text"], cited)


def _is_span(value: Mapping[str, Any]) -> bool:
    return (
        isinstance(value.get("article_id"), str)
        and isinstance(value.get("start"), int)
        and isinstance(value.get("end"), int)
    )


def _check_range(path: str, start: int, end: int, length: int, article_id: str) -> None:
    if not 0 <= start <= end:
        raise SchemaError(f"{path}: span [{start}, {end}) is not a valid range", stage="check")
    if end > length:
        raise SchemaError(
            f"{path}: span [{start}, {end}) is past the end of article {article_id!r} ({length} code points)",
            stage="check",
        )


def _check_same_text(path: str, given: str, at_span: str) -> None:
    if given != at_span:
        raise SchemaError(
            f"{path}: {_clip(given)!r} is not the text at its span, which is {_clip(at_span)!r}",
            stage="check",
        )


def _check_references(data: Mapping[str, Any]) -> None:
    """Ids named by one record must belong to a record of the right collection."""
    known = {name: _ids(data, name) for name in _ID_COLLECTIONS}
    for index, article in enumerate(data.get("articles", ())):
        _expect(f"$.articles[{index}].duplicate_of", article.get("duplicate_of"), known["articles"])
    for index, entity in enumerate(data.get("entities", ())):
        for position, role in enumerate(entity.get("roles", ())):
            path = f"$.entities[{index}].roles[{position}].article_ids"
            _expect_all(path, role.get("article_ids", ()), known["articles"])
    for index, quote in enumerate(data.get("quotes", ())):
        path = f"$.quotes[{index}]"
        _expect(f"{path}.statement_id", quote.get("statement_id"), known["statements"])
        speaker = quote.get("speaker")
        if isinstance(speaker, Mapping):
            _expect(f"{path}.speaker.entity_id", speaker.get("entity_id"), known["entities"])
    for index, statement in enumerate(data.get("statements", ())):
        path = f"$.statements[{index}]"
        _expect(f"{path}.speaker_entity_id", statement.get("speaker_entity_id"), known["entities"])
        _expect_all(f"{path}.quote_ids", statement.get("quote_ids", ()), known["quotes"])
        _expect_all(f"{path}.article_ids", statement.get("article_ids", ()), known["articles"])
        _expect(f"{path}.first_article_id", statement.get("first_article_id"), known["articles"])
    for index, issue in enumerate(data.get("issues", ())):
        path = f"$.issues[{index}]"
        _expect_all(f"{path}.quote_ids", issue.get("quote_ids", ()), known["quotes"])
        _expect_all(f"{path}.article_ids", issue.get("article_ids", ()), known["articles"])


def _ids(data: Mapping[str, Any], collection: str) -> frozenset[str]:
    seen: set[str] = set()
    for index, record in enumerate(data.get(collection, ())):
        record_id = record["id"]
        if record_id in seen:
            raise SchemaError(f"$.{collection}[{index}].id: duplicate id {record_id!r}", stage="check")
        seen.add(record_id)
    return frozenset(seen)


def _expect(path: str, value: object, known: frozenset[str]) -> None:
    if value is not None and value not in known:
        raise SchemaError(f"{path}: {value!r} names no record in this briefing", stage="check")


def _expect_all(path: str, values: Sequence[object], known: frozenset[str]) -> None:
    for position, value in enumerate(values):
        _expect(f"{path}[{position}]", value, known)


def _walk(value: object, path: str, skip_keys: frozenset[str] = frozenset()) -> Iterator[tuple[str, object]]:
    """Every value in a JSON-like tree with its JSON path, parents before children.

    Iterative, so a deeply nested metadata blob cannot exhaust the call stack.
    Values under a mapping key in ``skip_keys`` are not visited.
    """
    stack: list[tuple[str, object]] = [(path, value)]
    while stack:
        current_path, current = stack.pop()
        yield current_path, current
        if isinstance(current, Mapping):
            children = [
                (f"{current_path}.{key}", child) for key, child in current.items() if key not in skip_keys
            ]
        elif isinstance(current, list | tuple):
            children = [(f"{current_path}[{i}]", child) for i, child in enumerate(current)]
        else:
            continue
        stack.extend(reversed(children))


def _clip(text: str, limit: int = _MESSAGE_TEXT_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _one_line(message: str) -> str:
    return _clip(message, _MESSAGE_LIMIT)
