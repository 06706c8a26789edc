"""Exports: every row keeps its citation, CSV is quoted by the csv module, and formulas are neutralised."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dossier.article import Article, article_id
from dossier.briefing import (
    Briefing,
    Citation,
    Claim,
    Conflict,
    Entity,
    Figure,
    Issue,
    Quote,
    Speaker,
    TimelineEntry,
)
from dossier.cli import main
from dossier.errors import SchemaError, UsageError
from dossier.export import (
    CITATION_COLUMNS,
    WHATS,
    article_rows,
    briefing_rows,
    load_briefing,
    neutralised,
    to_csv,
    to_json,
)
from dossier.render.json import to_json as briefing_json

TEXT = (
    '=HYPERLINK("http://evil.example") was painted on the ferry office wall on Monday.\n\n'
    '"We will not sail, not for less than 12 percent," said Mara Quill, head of the crews\' union.\n\n'
    "The port authority said the offer was 9 percent, not 12 percent."
)


def span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def sample_briefing() -> Briefing:
    aid = article_id(TEXT)
    article = Article(
        id=aid, source="notes/ferry, strike.txt", text=TEXT, title="Ferry strike", outlet="@Coast Wire"
    )
    quote_start, quote_end = span("We will not sail, not for less than 12 percent,")
    name_start, name_end = span("Mara Quill")
    fig_start, fig_end = span("9 percent")
    other_start, other_end = span("12 percent")
    formula_start, formula_end = span('=HYPERLINK("http://evil.example")')
    return Briefing(
        articles=(article,),
        entities=(
            Entity(
                id="e-1",
                name="Mara Quill",
                type="person",
                aliases=("Quill",),
                mentions=(Citation(aid, name_start, name_end),),
            ),
        ),
        quotes=(
            Quote(
                id="q-1",
                article_id=aid,
                start=quote_start,
                end=quote_end,
                text=TEXT[quote_start:quote_end],
                kind="full",
                speaker=Speaker("Mara Quill", "e-1", aid, name_start, name_end, "name"),
                cue="said",
                statement_id=None,
            ),
        ),
        figures=(
            Figure("f-1", aid, fig_start, fig_end, "9 percent", 9.0, "percent", "offer", kind="percent"),
            Figure("f-2", aid, other_start, other_end, "12 percent", -12.0, "percent", None),
        ),
        conflicts=(
            Conflict(
                "c-1",
                "offer",
                "conflict",
                (
                    Claim(aid, fig_start, fig_end, "9 percent", 9.0, "percent"),
                    Claim(aid, other_start, other_end, "12 percent", 12.0, "percent"),
                ),
            ),
        ),
        timeline=(
            TimelineEntry(
                "2030-05-06", TEXT[formula_start:formula_end], (Citation(aid, formula_start, formula_end),)
            ),
        ),
        issues=(
            Issue(
                id="i-1",
                label="Pay offer",
                steered=True,
                evidence=(Citation(aid, fig_start, fig_end), Citation(aid, other_start, other_end)),
            ),
        ),
    )


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_formula_start_is_neutralised(cell: str) -> None:
    assert neutralised(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "plain", "1+1", "a=b", "'quoted"])
def test_other_cells_are_unchanged(cell: str) -> None:
    assert neutralised(cell) == cell


@pytest.mark.parametrize("what", WHATS)
def test_every_row_keeps_its_citation_and_the_offsets_hold(what: str) -> None:
    briefing = sample_briefing()
    columns, rows = briefing_rows(briefing, what)
    assert columns[-len(CITATION_COLUMNS) :] == CITATION_COLUMNS
    assert rows
    for row in rows:
        assert row["outlet"] == "@Coast Wire"
        assert row["source"] == "notes/ferry, strike.txt"
        article = briefing.article(row["article_id"])
        assert 0 <= row["start"] < row["end"] <= len(article.text)


def test_quote_rows_carry_the_quote_and_the_speaker() -> None:
    _, rows = briefing_rows(sample_briefing(), "quotes")
    assert rows[0]["speaker"] == "Mara Quill"
    assert TEXT[rows[0]["start"] : rows[0]["end"]] == rows[0]["quote"]


def test_entity_rows_are_one_per_mention_with_the_mention_text() -> None:
    _, rows = briefing_rows(sample_briefing(), "entities")
    assert [(row["name"], row["mention"], row["aliases"]) for row in rows] == [
        ("Mara Quill", "Mara Quill", "Quill")
    ]


def test_coverage_rows_mark_user_given_issues() -> None:
    _, rows = briefing_rows(sample_briefing(), "coverage")
    assert [(row["issue"], row["user_given"], row["sentence"]) for row in rows] == [
        ("Pay offer", True, "9 percent"),
        ("Pay offer", True, "12 percent"),
    ]


def test_csv_is_quoted_by_the_csv_module_and_neutralised() -> None:
    columns, rows = briefing_rows(sample_briefing(), "timeline")
    text = to_csv(columns, rows)
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == list(columns)
    row = dict(zip(parsed[0], parsed[1], strict=True))
    assert row["event"] == "'" + '=HYPERLINK("http://evil.example")'
    assert row["outlet"] == "'@Coast Wire"
    assert row["source"] == "notes/ferry, strike.txt"


def test_numbers_stay_numbers_in_csv_even_when_negative() -> None:
    columns, rows = briefing_rows(sample_briefing(), "figures")
    parsed = list(csv.DictReader(io.StringIO(to_csv(columns, rows))))
    assert [row["value"] for row in parsed] == ["9.0", "-12.0"]
    assert parsed[1]["about"] == ""


def test_json_keeps_values_and_is_deterministic() -> None:
    _, rows = briefing_rows(sample_briefing(), "conflicts")
    text = to_json(rows)
    assert json.loads(text)[0]["value"] == 9.0
    assert json.loads(text)[0]["outlet"] == "@Coast Wire"
    assert text == to_json(briefing_rows(sample_briefing(), "conflicts")[1])
    assert to_json([]) == "[\n]\n"


def test_unknown_part_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="choose one of"):
        briefing_rows(sample_briefing(), "gossip")


def test_article_rows_for_list() -> None:
    article = sample_briefing().articles[0]
    assert article_rows([article]) == [
        {
            "id": article.id,
            "published": None,
            "outlet": "@Coast Wire",
            "title": "Ferry strike",
            "source": "notes/ferry, strike.txt",
            "url": None,
        }
    ]


def test_load_briefing_reads_a_file_or_its_folder(tmp_path: Path) -> None:
    (tmp_path / "briefing.json").write_text(briefing_json(sample_briefing()), encoding="utf-8")
    assert load_briefing(tmp_path) == load_briefing(tmp_path / "briefing.json") == sample_briefing()


def test_load_briefing_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no briefing at"):
        load_briefing(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad\.json is not JSON"):
        load_briefing(tmp_path / "bad.json")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SchemaError, match="not a dossier briefing"):
        load_briefing(tmp_path / "list.json")


def test_export_command_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "briefing.json").write_text(briefing_json(sample_briefing()), encoding="utf-8")
    target = tmp_path / "quotes.csv"
    assert main(["export", str(tmp_path / "briefing.json"), "--what", "quotes", "-o", str(target)]) == 0
    assert "wrote 1 row(s)" in capsys.readouterr().err
    parsed = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert parsed[0]["speaker"] == "Mara Quill"
    assert parsed[0]["start"] == str(TEXT.index("We will"))


def test_export_command_to_standard_output_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "briefing.json").write_text(briefing_json(sample_briefing()), encoding="utf-8")
    assert main(["export", str(tmp_path), "--what", "figures", "--format", "json"]) == 0
    assert [row["figure_id"] for row in json.loads(capsys.readouterr().out)] == ["f-1", "f-2"]


def test_export_of_a_missing_briefing_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nope.json"), "--what", "quotes"]) == 2
    assert "no briefing at" in capsys.readouterr().err


def test_the_command_offers_what_the_library_exports(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "{" + ",".join(WHATS) + "}" in capsys.readouterr().out
