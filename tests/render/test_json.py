"""JSON rendering: the contract file, deterministic byte for byte."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from dossier.briefing import Briefing
from dossier.errors import SchemaError
from dossier.render.json import to_json
from dossier.render.schema import check_offsets, validate


def test_output_is_the_records_as_json(briefing: Briefing) -> None:
    document = to_json(briefing)
    assert document.endswith("}\n")
    assert json.loads(document) == json.loads(json.dumps(briefing.to_dict()))


def test_output_passes_the_schema_and_span_checks(briefing: Briefing) -> None:
    data = json.loads(to_json(briefing))
    validate(data)
    check_offsets(data)
    assert data["schema"] == "dossier/briefing@1"


def test_field_order_follows_the_records(briefing: Briefing) -> None:
    data = json.loads(to_json(briefing))
    assert list(data["quotes"][0]) == [
        "id",
        "article_id",
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "cue",
        "statement_id",
    ]


def test_non_ascii_text_is_written_as_is(briefing: Briefing) -> None:
    document = to_json(briefing)
    assert "Café owners" in document
    assert "\\u00e9" not in document


def test_two_renders_are_identical(briefing: Briefing) -> None:
    assert to_json(briefing) == to_json(briefing)


def test_rebuilt_briefing_renders_the_same(briefing: Briefing) -> None:
    rebuilt = Briefing.from_dict(json.loads(to_json(briefing)))
    assert to_json(rebuilt) == to_json(briefing)


def test_non_finite_value_is_refused_not_written_as_nan(briefing: Briefing) -> None:
    broken = replace(briefing, figures=(replace(briefing.figures[0], value=math.nan),))
    with pytest.raises(SchemaError, match="JSON"):
        to_json(broken)


def test_metadata_that_json_cannot_hold_is_refused(briefing: Briefing) -> None:
    broken = replace(briefing, metadata={"seen": {1, 2}})
    with pytest.raises(SchemaError, match="cannot be written as JSON"):
        to_json(broken)
