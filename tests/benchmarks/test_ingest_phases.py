"""The phase clock of ``bench_stream.py --phases``: it times the real ingest and leaves it as it was."""

from __future__ import annotations

import datetime as dt
import re
import time

from dossier.article import Article, article_id
from dossier.store import SqliteStore
from dossier.store import sqlite as sqlite_store
from dossier.stories import clusterer
from ingest_phases import PHASES, PhaseClock

_LINE = re.compile(r"ms/article over (\d+): total ([\d.]+) = (.*)")


def _article(number: int) -> Article:
    text = (
        f"Harbour board votes on the new ferry timetable, meeting {number}\n"
        f"The board of the harbour at Lindqvist met for the {number}th time to weigh the winter timetable "
        "of the island ferries, which the crews say leaves too little time to load the freight."
    )
    return Article(
        id=article_id(text), source=f"ferry-{number}.txt", text=text, published=dt.date(2024, 3, 1 + number)
    )


def test_a_block_line_names_every_phase_and_the_ingest_is_restored_after() -> None:
    features_of, insert = vars(clusterer)["features_of"], sqlite_store.SqliteStore._insert
    clock = PhaseClock(block=4)
    lines: list[str] = []
    with SqliteStore(":memory:") as store, clock.running():
        for first in (0, 2, 4):
            started = time.process_time()
            store.add([_article(first), _article(first + 1)], assign_stories=True)
            line = clock.batch_done(2, time.process_time() - started)
            if line is not None:
                lines.append(line)
        assert store.count() == 6
    assert len(lines) == 1  # after 4 articles; the last 2 make no block
    found = _LINE.fullmatch(lines[0])
    assert found is not None and found.group(1) == "4"
    named = dict(part.rsplit(" ", 1) for part in re.findall(r"[a-z_]+ [-\d.]+", found.group(3)))
    assert tuple(named) == PHASES
    # The phases but gc add up to the total (each is rounded to a microsecond).
    assert abs(sum(float(named[phase]) for phase in PHASES if phase != "gc") - float(found.group(2))) < 0.01
    assert vars(clusterer)["features_of"] is features_of and sqlite_store.SqliteStore._insert is insert
