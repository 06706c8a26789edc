"""A worker killed in the middle of an ingest loses nothing: Dask runs its tasks again, the store stays whole.

The test starts its own two-worker cluster and kills one worker process (SIGKILL:
no clean-up of any kind) as soon as the first partition is read, and another as
soon as the first is cleaned; the results that lived on the killed workers are
gone and must be made again. The store must end up exactly as the plain loop
leaves it: every article once, each in one story, none half-written.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from dossier.pipeline import ingest
from dossier.scale import connect, reading
from dossier.scale.ingest import ingest_on
from dossier.store import open_store
from scale.desk import write_desk


class WorkerKiller:
    """Kills one worker process of ``client`` the first time it is called (a progress callback)."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.killed: list[int] = []

    def __call__(self, _name: str) -> None:
        if self.killed:
            return
        pids: dict[str, int] = self.client.run(os.getpid)
        pid = pids[sorted(pids)[0]]
        os.kill(pid, signal.SIGKILL)
        self.killed.append(pid)


def test_killed_workers_lose_no_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "PARTITION_NAMES", 1)  # many small tasks: the killed worker holds some
    write_desk(tmp_path / "desk", per_story=6)
    sources = [str(tmp_path / "desk")]
    with open_store(str(tmp_path / "serial.db")) as serial:
        expected = ingest(sources, serial)
        expected_stories = serial.stories().to_dict()
    with connect(workers=2) as client, open_store(str(tmp_path / "spread.db")) as spread:
        while_reading, while_cleaning = WorkerKiller(client), WorkerKiller(client)
        got = ingest_on(client, sources, spread, progress=while_reading, on_cleaned=while_cleaning)
        assert while_reading.killed and while_cleaning.killed
        survivors = set(client.run(os.getpid).values())
        assert not survivors & {*while_reading.killed, *while_cleaning.killed}
        assert got == expected
        assert spread.count() == len(expected[0].added) == 18
        assert spread.stories().to_dict() == expected_stories
        # Every stored article sits in exactly one story.
        members = [member["id"] for story in expected_stories["stories"] for member in story["articles"]]
        assert sorted(members) == sorted(expected[0].added)
