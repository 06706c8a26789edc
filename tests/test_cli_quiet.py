"""``-q`` silences every progress bar, the model-loading bars of the libraries included.

The bars only appear on a terminal, so the command runs on a pseudo-terminal
(with a size: on a 0x0 terminal tqdm draws nothing at all). Needs the minilm
extra, whose model load draws a "Loading weights" bar; skipped without it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import sys
import termios
from pathlib import Path
from typing import Any

import pytest

import dossier
from dossier import cli
from dossier.embed.minilm import minilm_available

STORY = Path(__file__).parent / "fixtures" / "story"
SRC = Path(dossier.__file__).resolve().parent.parent


def on_a_terminal(argv: list[str]) -> str:
    """Run ``python -m dossier.cli ARGV`` on a 40x120 pseudo-terminal; return all it drew."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: never returns
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        env.pop("TQDM_DISABLE", None)
        os.execve(sys.executable, [sys.executable, "-m", "dossier.cli", *argv], env)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    drawn = b"".join(chunks).decode("utf-8", errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, drawn
    return drawn


@pytest.mark.skipif(not minilm_available(), reason="needs the minilm extra (make minilm)")
def test_quiet_silences_the_model_loading_bar(tmp_path: Path) -> None:
    loud = on_a_terminal(["brief", str(STORY), "--encoder", "minilm", "-o", str(tmp_path / "loud")])
    quiet = on_a_terminal(["brief", str(STORY), "--encoder", "minilm", "-q", "-o", str(tmp_path / "quiet")])
    assert "Loading weights" in loud or "%|" in loud  # the bar this test is about does show without -q
    assert "%|" not in quiet and "Loading" not in quiet and "stage" not in quiet
    assert "briefed 3 article(s)" in quiet


def test_quiet_leaves_the_callers_environment_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # main() is also called by other programs: -q must not switch their bars off after it returns.
    monkeypatch.delenv("TQDM_DISABLE", raising=False)
    monkeypatch.setenv("TRANSFORMERS_VERBOSITY", "info")
    seen: dict[str, str | None] = {}
    brief = cli._run_brief

    def watching(args: Any) -> int:
        seen["during"] = os.environ.get("TQDM_DISABLE")
        return brief(args)

    monkeypatch.setattr(cli, "_run_brief", watching)
    assert cli.main(["brief", str(STORY), "--encoder", "tfidf", "-q", "-o", str(tmp_path / "out")]) == 0
    assert seen["during"] == "1"
    assert "TQDM_DISABLE" not in os.environ
    assert os.environ["TRANSFORMERS_VERBOSITY"] == "info"
