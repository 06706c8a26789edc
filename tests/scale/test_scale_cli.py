"""`ingest --workers` and `brief --stories all --workers`: 1 and N workers agree byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cli import main
from scale.desk import write_desk


def stories_json(db: Path, out: Path) -> bytes:
    assert main(["stories", "--db", str(db), "-o", str(out)]) == 0
    return (out / "stories.json").read_bytes()


def files_under(folder: Path) -> dict[str, bytes]:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {str(path.relative_to(folder)): path.read_bytes() for path in files}


def test_one_worker_and_two_workers_store_the_same_stories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_desk(tmp_path / "desk", per_story=3)
    desk = str(tmp_path / "desk")
    assert main(["ingest", desk, "--db", str(tmp_path / "one.db"), "--workers", "1", "-q"]) == 0
    one = capsys.readouterr()
    assert main(["ingest", desk, "--db", str(tmp_path / "two.db"), "--workers", "2", "-q"]) == 0
    two = capsys.readouterr()
    assert main(["ingest", desk, "--db", str(tmp_path / "plain.db"), "-q"]) == 0
    plain = capsys.readouterr()
    assert "added 9 article(s), 0 already stored, 1 source(s) skipped" in one.out
    assert one.err == two.err == plain.err  # the same skipped source, said the same way
    assert one.out.replace("one.db", "") == two.out.replace("two.db", "")
    first = stories_json(tmp_path / "one.db", tmp_path / "s1")
    assert stories_json(tmp_path / "two.db", tmp_path / "s2") == first
    assert stories_json(tmp_path / "plain.db", tmp_path / "s0") == first


def test_brief_all_stories_on_workers_writes_what_the_plain_loop_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_desk(tmp_path / "desk", per_story=1)
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(tmp_path / "desk"), "--db", db, "-q"]) == 0
    assert main(["brief", "--db", db, "--stories", "all", "-o", str(tmp_path / "plain"), "-q"]) == 0
    assert "briefed 3 stories" in capsys.readouterr().out
    spread = ["brief", "--db", db, "--stories", "all", "--workers", "2", "-o", str(tmp_path / "spread"), "-q"]
    assert main(spread) == 0
    plain = files_under(tmp_path / "plain")
    assert files_under(tmp_path / "spread") == plain
    assert {"stories.json", "stories.md", "index.html"} <= set(plain)


@pytest.mark.parametrize(
    "argv",
    [
        ["brief", "--demo", "--workers", "2"],  # workers spread many stories, not one briefing
        ["brief", "--stories", "all", "--story", "s-1"],
        ["brief", "--stories", "all", "--query", "ferry"],
    ],
)
def test_workers_without_stories_and_mixed_selections_are_usage_errors(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--db", str(tmp_path / "news.db"), "-o", str(tmp_path / "out")]) == 2
    assert "dossier: error:" in capsys.readouterr().err


def test_workers_and_scheduler_together_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["ingest", str(tmp_path), "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"])
    assert stop.value.code == 2
