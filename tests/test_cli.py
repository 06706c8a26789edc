"""The command line: exit codes, exact messages, and the files it writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.render.schema import check_offsets, validate

STORY = Path(__file__).parent / "fixtures" / "story"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_writes_three_valid_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brief", "--demo", "-q", "-o", str(tmp_path))
    assert code == 0
    assert f"wrote {tmp_path / 'briefing.json'}" in out
    data = json.loads((tmp_path / "briefing.json").read_text(encoding="utf-8"))
    validate(data)
    check_offsets(data)
    assert 5 <= len(data["articles"]) <= 6
    assert any(article["duplicate_of"] for article in data["articles"])
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert "<script src=" not in html and "<link " not in html


def test_brief_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "brief", str(STORY), "-o", str(tmp_path))
    assert code == 0
    assert out.startswith("briefed 3 article(s) (2 original, 0 source(s) skipped)")
    assert err == ""


def test_a_bad_source_is_one_line_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 owners in the port city said trade was slow.".encode("latin-1"))
    code, _, err = run(capsys, "brief", str(STORY), str(bad), "-o", str(tmp_path / "out"))
    assert code == 0
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"dossier: skipped {bad}: ")
    assert "UTF-8" in lines[0]


def test_strict_turns_a_skip_into_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    code, _, err = run(capsys, "brief", "--strict", str(STORY), str(empty), "-o", str(tmp_path / "out"))
    assert code == 1
    assert str(empty) in err
    assert not (tmp_path / "out").exists()


def test_nothing_readable_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "no article could be read" in err


def test_when_every_source_fails_each_reason_is_printed_without_verbose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for command in (["brief", "-o", str(tmp_path / "out")], ["ingest", "--db", str(tmp_path / "a.db")]):
        code, _, err = run(capsys, *command, str(tmp_path / "nope"), str(empty))
        assert code == 1
        lines = err.splitlines()
        assert lines[0] == f"dossier: skipped {tmp_path / 'nope'}: no such file or folder"
        assert lines[1].startswith(f"dossier: skipped {empty}: ")
        assert lines[2] == "dossier: error: no article could be read from 2 source(s) (2 failed)"


def test_no_source_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief")
    assert code == 2
    assert "give at least one SOURCE" in err


def test_bad_date_argument_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["brief", "--since", "2025-02-30"])
    assert caught.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_ingest_list_and_brief_from_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    code, out, _ = run(capsys, "ingest", str(STORY), "--db", db, "-q")
    assert code == 0
    assert out.startswith("added 3 article(s), 0 already stored, 0 source(s) skipped; 1 new story; 3 in ")
    code, out, _ = run(capsys, "ingest", str(STORY), "--db", db, "-q")
    assert out.startswith("added 0 article(s), 3 already stored")
    code, out, _ = run(capsys, "list", "--db", db, "--since", "2025-06-10")
    assert code == 0
    assert len(out.strip().splitlines()) == 1 and "2025-06-12" in out
    code, out, _ = run(capsys, "brief", "--db", db, "--query", "fishing", "-o", str(tmp_path / "out"))
    assert code == 0
    assert out.startswith("briefed 3 article(s)")


def test_list_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(STORY), "--db", db, "-q")[0] == 0
    code, out, err = run(capsys, "list", "--db", db, "--format", "json")
    assert code == 0 and err == "3 article(s)\n"
    rows = json.loads(out)
    assert [sorted(row) for row in rows] == [
        sorted(["id", "published", "outlet", "title", "source", "url"])
    ] * 3
    code, out, _ = run(capsys, "list", "--db", db, "--format", "csv")
    lines = out.splitlines()
    assert lines[0] == "id,published,outlet,title,source,url"
    assert len(lines) == 4 and {line.split(",")[0] for line in lines[1:]} == {row["id"] for row in rows}


def test_a_malformed_query_exits_2_naming_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(STORY), "--db", db, "-q")[0] == 0
    code, out, err = run(capsys, "list", "--db", db, "--query", "fishing OR")
    assert code == 2 and out == ""
    assert err.startswith("dossier: error: search query: OR needs a word or phrase after it (at character 11")


def test_a_file_name_cannot_forge_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = tmp_path / "evil\ndossier: all sources read OK.txt"
    evil.write_bytes(b"\x00\x01 binary")
    red = tmp_path / "red\x1b[31m.txt"
    red.write_bytes(b"")
    code, _, err = run(capsys, "brief", str(STORY), str(evil), str(red), "-q", "-o", str(tmp_path / "out"))
    assert code == 0
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"dossier: skipped {tmp_path}/evil\\ndossier: all sources read OK.txt: ")
    assert "\x1b" not in err and "red\\x1b[31m.txt" in err


def test_list_escapes_titles_outlets_and_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (
        "Crews of the harbour ferry voted on Monday to end their strike after the port raised its pay offer."
    )
    line = {"title": "two\nlines \x1b[2J", "outlet": "Coast\u202eWire", "text": body}
    (tmp_path / "a.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(tmp_path / "a.jsonl"), "--db", db, "-q")[0] == 0
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0
    assert len(out.splitlines()) == 1
    assert "\x1b" not in out and "\u202e" not in out
    assert "CoastWire" in out and "two lines [2J" in out


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["brief", "--help"])
    assert "examples:" in capsys.readouterr().out


def test_unknown_model_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", str(STORY), "--model", "nonsense", "-o", str(tmp_path / "out"))
    assert code == 2
    assert "--model: 'nonsense' is neither an installed spaCy pipeline package nor a folder" in err
    assert not (tmp_path / "out").exists()


def test_encoder_and_summary_words_reach_the_briefing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(
        capsys, "brief", str(STORY), "--encoder", "tfidf", "--summary-words", "40", "-q", "-o", str(tmp_path)
    )
    assert code == 0
    data = json.loads((tmp_path / "briefing.json").read_text(encoding="utf-8"))
    assert data["metadata"]["encoder"].startswith("tfidf")
    assert sum(len(line["text"].split()) for line in data["summary"]) <= 40 or len(data["summary"]) == 1
