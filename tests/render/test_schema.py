"""The JSON Schema and the semantic span checks: what they accept and what they reject."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dossier.article import Article, article_id
from dossier.briefing import Briefing
from dossier.errors import SchemaError
from dossier.render.schema import check_offsets, load_schema, schema_text, validate

DOCS_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "briefing.schema.json"


@pytest.fixture
def data(briefing: Briefing) -> dict[str, Any]:
    """The fixture briefing as it would be read back from a JSON file."""
    loaded: dict[str, Any] = json.loads(json.dumps(briefing.to_dict(), ensure_ascii=False))
    return loaded


def rejected(data: dict[str, Any], check: Any = validate) -> str:
    with pytest.raises(SchemaError) as caught:
        check(data)
    return str(caught.value)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://dossier.invalid/")
    jsonschema.Draft202012Validator.check_schema(schema)


def test_load_schema_returns_a_copy_callers_may_change() -> None:
    load_schema()["required"].clear()
    assert "schema" in load_schema()["required"]


def test_docs_copy_is_byte_identical_to_the_packaged_schema() -> None:
    assert DOCS_SCHEMA.read_bytes() == schema_text().encode("utf-8")


def test_full_briefing_passes_both_checks(data: dict[str, Any]) -> None:
    validate(data)
    check_offsets(data)


def test_empty_briefing_is_valid() -> None:
    data = json.loads(json.dumps(Briefing(articles=()).to_dict()))
    validate(data)
    check_offsets(data)


def test_extra_fields_are_welcome(data: dict[str, Any]) -> None:
    data["clusters"] = [{"id": "k1"}]
    data["quotes"][0]["confidence"] = 0.9
    validate(data)


def test_missing_schema_field_is_rejected(data: dict[str, Any]) -> None:
    del data["schema"]
    assert "'schema' is a required property" in rejected(data)


def test_other_schema_version_is_rejected(data: dict[str, Any]) -> None:
    data["schema"] = "dossier/briefing@2"
    assert "$.schema" in rejected(data)


def test_unknown_quote_kind_is_rejected_with_its_path(data: dict[str, Any]) -> None:
    data["quotes"][1]["kind"] = "paraphrase"
    message = rejected(data)
    assert "$.quotes[1].kind" in message
    assert "paraphrase" in message


def test_unknown_entity_type_is_rejected(data: dict[str, Any]) -> None:
    data["entities"][0]["type"] = "animal"
    assert "$.entities[0].type" in rejected(data)


@pytest.mark.parametrize("bad", ["2025-13-01", "2025-3-11", "11/03/2025", "2025-03-11T10:00"])
def test_bad_published_date_is_rejected(data: dict[str, Any], bad: str) -> None:
    data["articles"][0]["published"] = bad
    assert "$.articles[0].published" in rejected(data)


@pytest.mark.parametrize("good", ["2025", "2025-03", "2025-03-14"])
def test_timeline_accepts_year_month_or_day(data: dict[str, Any], good: str) -> None:
    data["timeline"][0]["date"] = good
    validate(data)


@pytest.mark.parametrize("bad", ["25", "2025-00", "2025-03-32", "March 2025", ""])
def test_timeline_rejects_other_dates(data: dict[str, Any], bad: str) -> None:
    data["timeline"][0]["date"] = bad
    assert "$.timeline[0].date" in rejected(data)


def test_negative_offset_is_rejected(data: dict[str, Any]) -> None:
    data["figures"][0]["start"] = -3
    assert "$.figures[0].start" in rejected(data)


def test_fractional_offset_is_rejected(data: dict[str, Any]) -> None:
    data["summary"][0]["citations"][0]["end"] = 12.5
    assert "$.summary[0].citations[0].end" in rejected(data)


def test_speaker_must_be_complete_or_null(data: dict[str, Any]) -> None:
    data["quotes"][0]["speaker"] = None
    validate(data)
    data["quotes"][0]["speaker"] = {"name": "Someone"}
    assert "$.quotes[0].speaker" in rejected(data)


def test_summary_line_needs_a_citation(data: dict[str, Any]) -> None:
    data["summary"][0]["citations"] = []
    assert "$.summary[0].citations" in rejected(data)


def test_non_finite_number_is_rejected(data: dict[str, Any]) -> None:
    data["figures"][2]["value"] = math.inf
    assert "$.figures[2].value" in rejected(data)


def test_lone_surrogate_is_rejected(data: dict[str, Any]) -> None:
    data["failures"][0]["reason"] = "broken \ud800 text"
    assert "$.failures[0].reason" in rejected(data)


def test_error_message_stays_one_short_line(data: dict[str, Any]) -> None:
    data["articles"][0]["text"] = 42
    message = rejected(data)
    assert "\n" not in message
    assert len(message) < 300


def test_span_past_the_end_is_caught(data: dict[str, Any]) -> None:
    length = len(data["articles"][1]["text"])
    data["entities"][0]["mentions"][2].update(start=length - 2, end=length + 5)
    message = rejected(data, check_offsets)
    assert "$.entities[0].mentions[2]" in message
    assert "past the end" in message


def test_reversed_span_is_caught(data: dict[str, Any]) -> None:
    data["timeline"][0]["evidence"][0].update(start=20, end=10)
    assert "not a valid range" in rejected(data, check_offsets)


def test_paragraph_span_past_the_end_is_caught(data: dict[str, Any]) -> None:
    data["articles"][2]["paragraphs"].append({"start": 0, "end": 10_000})
    assert "$.articles[2].paragraphs" in rejected(data, check_offsets)


def test_quote_text_must_match_its_span(data: dict[str, Any]) -> None:
    data["quotes"][0]["text"] = "The crew did everything right,"
    message = rejected(data, check_offsets)
    assert "$.quotes[0].text" in message
    assert "The crew did exactly" in message


def test_figure_and_claim_text_must_match(data: dict[str, Any]) -> None:
    broken = copy.deepcopy(data)
    broken["figures"][0]["text"] = "213 passengers"
    assert "$.figures[0].text" in rejected(broken, check_offsets)
    data["conflicts"][0]["claims"][1]["text"] = "231 passengers"
    assert "$.conflicts[0].claims[1].text" in rejected(data, check_offsets)


def test_summary_text_must_equal_its_first_citation(data: dict[str, Any]) -> None:
    data["summary"][1]["text"] = "Investigators blamed the storm."
    assert "$.summary[1].text" in rejected(data, check_offsets)


def test_issue_summary_is_checked_too(data: dict[str, Any]) -> None:
    data["issues"][0]["summary"][0]["text"] = "Everyone was rescued."
    assert "$.issues[0].summary[0].text" in rejected(data, check_offsets)


def test_citation_of_unknown_article_is_caught(data: dict[str, Any]) -> None:
    data["summary"][0]["citations"][1]["article_id"] = "0123456789abcdef"
    message = rejected(data, check_offsets)
    assert "unknown article" in message
    assert "$.summary[0].citations[1]" in message


def test_speaker_span_is_checked(data: dict[str, Any]) -> None:
    data["quotes"][2]["speaker"]["article_id"] = "feedfacefeedface"
    assert "$.quotes[2].speaker" in rejected(data, check_offsets)


def test_dangling_references_are_caught(data: dict[str, Any]) -> None:
    cases = [
        ("statements", 0, "quote_ids", ["q1", "q99"]),
        ("quotes", 1, "statement_id", "s9"),
        ("statements", 1, "first_article_id", "ffffffffffffffff"),
        ("issues", 0, "article_ids", ["ffffffffffffffff"]),
        ("articles", 2, "duplicate_of", "ffffffffffffffff"),
    ]
    for collection, index, key, value in cases:
        broken = copy.deepcopy(data)
        broken[collection][index][key] = value
        assert f"$.{collection}[{index}].{key}" in rejected(broken, check_offsets)


def test_duplicate_ids_are_caught(data: dict[str, Any]) -> None:
    data["figures"][1]["id"] = data["figures"][0]["id"]
    assert "duplicate id" in rejected(data, check_offsets)


def test_metadata_is_opaque_to_span_checks(data: dict[str, Any]) -> None:
    data["metadata"]["looks_like_a_span"] = {"article_id": "nope", "start": 5, "end": 1}
    data["articles"][0]["metadata"]["origin"] = {"article_id": "x", "start": 0, "end": 99999, "text": "?"}
    check_offsets(data)


def test_offsets_count_code_points_not_bytes_or_utf16_units() -> None:
    text = "Grüße 🚢 from the quay. The ferry left."
    article = Article(id=article_id(text), source="t.txt", text=text)
    base = json.dumps(Briefing(articles=(article,)).to_dict(), ensure_ascii=False)

    def summary_at(start: int) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(base)
        citation = {"article_id": article.id, "start": start, "end": start + 14}
        data["summary"] = [{"text": "from the quay.", "citations": [citation]}]
        return data

    # "Grüße " is 6 code points and the ship with its space 2 more; in UTF-16 the ship takes two units.
    check_offsets(summary_at(8))
    assert "is not the text at its span" in rejected(summary_at(9), check_offsets)


def test_example_in_the_contract_document_is_valid() -> None:
    prose = (DOCS_SCHEMA.parent / "briefing.md").read_text(encoding="utf-8")
    example = prose.split("```json\n", 1)[1].split("```", 1)[0]
    data = json.loads(example)
    validate(data)
    check_offsets(data)
