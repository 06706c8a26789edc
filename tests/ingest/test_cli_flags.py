"""--allow-private on the command line reaches the fetcher, and the refusal names the flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cli import main

from .local_server import Page, local_server

STORY = Path(__file__).parent.parent / "fixtures" / "story"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_refused_loopback_url_names_the_flag_and_the_flag_lets_it_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (STORY / sorted(p.name for p in STORY.iterdir() if p.suffix == ".txt")[0]).read_bytes()
    with local_server({"/a.txt": Page(text, content_type="text/plain; charset=utf-8")}) as server:
        code, _, err = run(capsys, "ingest", server.url("/a.txt"), "--db", str(tmp_path / "a.db"), "-q")
        assert code == 1 and "--allow-private" in err
        code, out, _ = run(
            capsys, "ingest", server.url("/a.txt"), "--db", str(tmp_path / "a.db"), "-q", "--allow-private"
        )
    assert code == 0 and out.startswith("added 1 article(s)")
