"""``dossier stories``: files written, the schema met, thin articles reported, reruns identical."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from dossier.cli import main
from stories.newsroom import BUS_FARES, QUAKE_TOLMIR, QUAKE_VARNA

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "docs" / "stories.schema.json").read_text("utf-8"))


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for prefix, group in (("varna", QUAKE_VARNA), ("tolmir", QUAKE_TOLMIR), ("fares", BUS_FARES)):
        for number, (title, text) in enumerate(group):
            (folder / f"{prefix}-{number}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")


def test_stories_groups_a_folder_and_writes_three_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "articles")
    assert main(["stories", str(tmp_path / "articles"), "-o", str(tmp_path / "out"), "-q"]) == 0
    out = capsys.readouterr().out
    assert "grouped 7 article(s) into 3 stories" in out
    data = json.loads((tmp_path / "out" / "stories.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    groups = sorted(
        sorted({Path(a["source"]).name.split("-")[0] for a in s["articles"]}) for s in data["stories"]
    )
    assert groups == [["fares"], ["tolmir"], ["varna"]]
    assert (tmp_path / "out" / "index.html").is_file() and (tmp_path / "out" / "stories.md").is_file()


def test_a_rerun_writes_the_same_json(tmp_path: Path) -> None:
    write_articles(tmp_path / "articles")
    main(["stories", str(tmp_path / "articles"), "-o", str(tmp_path / "one"), "-q"])
    main(["stories", str(tmp_path / "articles"), "-o", str(tmp_path / "two"), "-q"])
    assert (tmp_path / "one" / "stories.json").read_bytes() == (
        tmp_path / "two" / "stories.json"
    ).read_bytes()


def test_a_one_line_article_that_stands_alone_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "articles")
    (tmp_path / "articles" / "zz-kite.txt").write_text("Kite festival moved to Saturday\n", encoding="utf-8")
    assert main(["stories", str(tmp_path / "articles"), "-o", str(tmp_path / "out"), "-q"]) == 0
    err = capsys.readouterr().err
    assert "zz-kite.txt: too short to place by content" in err


def test_no_source_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "-o", str(tmp_path / "out")]) == 2
    assert "SOURCE" in capsys.readouterr().err


def test_brief_writes_one_briefing_per_story_and_links_it(tmp_path: Path) -> None:
    write_articles(tmp_path / "articles")
    assert main(["stories", str(tmp_path / "articles"), "-o", str(tmp_path / "out"), "--brief", "-q"]) == 0
    data = json.loads((tmp_path / "out" / "stories.json").read_text(encoding="utf-8"))
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for story in data["stories"]:
        assert (tmp_path / "out" / story["id"] / "briefing.json").is_file()
        assert f'href="{story["id"]}/briefing.html"' in page


def test_ingest_assigns_stories_and_the_store_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "articles")
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(tmp_path / "articles"), "--db", db, "-q"]) == 0
    assert "3 new stories" in capsys.readouterr().out
    assert main(["stories", "--db", db]) == 0
    listed = capsys.readouterr()
    assert len(listed.out.strip().splitlines()) == 3 and "3 stories" in listed.err
    assert main(["stories", "--db", db, "--query", "fare", "-o", str(tmp_path / "out")]) == 0
    data = json.loads((tmp_path / "out" / "stories.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert len(data["stories"]) == 1 and data["stories"][0]["size"] == 2


def test_brief_refuses_to_fuse_a_whole_store_and_names_the_largest_stories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "articles")
    db = str(tmp_path / "news.db")
    main(["ingest", str(tmp_path / "articles"), "--db", db, "-q"])
    capsys.readouterr()
    assert main(["brief", "--db", db, "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "--story" in err and "3 stories" in err
    assert "3 article(s)  Varna" in err or "3 article(s)  Port Varna" in err  # the largest story first
    assert not (tmp_path / "out").exists()


def test_brief_one_stored_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_articles(tmp_path / "articles")
    db = str(tmp_path / "news.db")
    main(["ingest", str(tmp_path / "articles"), "--db", db, "-q"])
    capsys.readouterr()
    main(["stories", "--db", db, "--query", "Tolmir"])
    story_id = capsys.readouterr().out.split()[0]
    assert main(["brief", "--db", db, "--story", story_id, "-o", str(tmp_path / "out"), "-q"]) == 0
    briefing = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    assert {Path(article["source"]).name for article in briefing["articles"]} == {
        "tolmir-0.txt",
        "tolmir-1.txt",
    }
    assert main(["brief", "--db", db, "--story", "s-0000", "-o", str(tmp_path / "x")]) == 2
    assert "no story" in capsys.readouterr().err


def test_a_bad_source_is_skipped_and_reported_and_the_rest_grouped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_articles(tmp_path / "articles")
    (tmp_path / "articles" / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 20)
    assert main(["stories", str(tmp_path / "articles"), "-o", str(tmp_path / "out"), "-q"]) == 0
    captured = capsys.readouterr()
    assert "skipped" in captured.err and "broken.txt" in captured.err
    assert "grouped 7 article(s) into 3 stories" in captured.out


def test_nothing_readable_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["stories", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"), "-q"]) == 1
    assert "no article could be read" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
