"""write_briefing: checks first, then three files, each replaced atomically."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.briefing import Briefing
from dossier.errors import SchemaError, UsageError
from dossier.render import write_briefing
from dossier.render.schema import check_offsets, validate


def test_writes_all_three_files(briefing: Briefing, tmp_path: Path) -> None:
    outdir = tmp_path / "nested" / "out"
    paths = write_briefing(briefing, outdir)
    assert [p.name for p in paths] == ["briefing.json", "briefing.md", "briefing.html"]
    assert all(p.parent == outdir and p.is_file() for p in paths)
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    validate(data)
    check_offsets(data)
    assert paths[1].read_text(encoding="utf-8").startswith("# Ferry evacuated after striking sandbar")
    assert "<!DOCTYPE html>" in paths[2].read_text(encoding="utf-8")
    assert sorted(p.name for p in outdir.iterdir()) == ["briefing.html", "briefing.json", "briefing.md"]


def test_same_briefing_gives_the_same_bytes(briefing: Briefing, tmp_path: Path) -> None:
    first = [p.read_bytes() for p in write_briefing(briefing, tmp_path / "a")]
    second = [p.read_bytes() for p in write_briefing(briefing, tmp_path / "b")]
    assert first == second


def test_existing_files_are_replaced(briefing: Briefing, tmp_path: Path) -> None:
    (tmp_path / "briefing.md").write_text("stale", encoding="utf-8")
    write_briefing(briefing, tmp_path)
    assert "stale" not in (tmp_path / "briefing.md").read_text(encoding="utf-8")


def test_broken_briefing_writes_nothing(briefing: Briefing, tmp_path: Path) -> None:
    wrong = replace(briefing.quotes[0], text="Words nobody said")
    outdir = tmp_path / "out"
    with pytest.raises(SchemaError, match=r"\$\.quotes\[0\]\.text"):
        write_briefing(replace(briefing, quotes=(wrong, *briefing.quotes[1:])), outdir)
    assert not outdir.exists()


def test_invalid_enum_is_refused_before_writing(briefing: Briefing, tmp_path: Path) -> None:
    odd = replace(briefing.conflicts[0], kind="dispute")  # type: ignore[arg-type]
    with pytest.raises(SchemaError, match="conflicts"):
        write_briefing(replace(briefing, conflicts=(odd,)), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_outdir_that_is_a_file_is_a_usage_error(briefing: Briefing, tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        write_briefing(briefing, blocker)
