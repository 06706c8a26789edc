"""Where a story-assigning ingest spends its CPU time, phase by phase, per block of articles.

``bench_stream.py --phases N`` runs the real ingest path with a :class:`PhaseClock`:
while it runs, the functions that make up ``SqliteStore.add`` are wrapped to add
their CPU time (``time.process_time``) to a phase, and the cyclic garbage
collector's passes are timed through ``gc.callbacks``. After each block of N
articles one line gives each phase in milliseconds an article:

- ``features``: the article's cheap story features (``features_of``);
- ``copies``: the copy finder (MinHash signature and LSH buckets);
- ``clusterer``: the rest of ``OnlineClusterer.add`` (lookup, scoring, joining, merging);
- ``insert``: the article row with its FTS5 index entries (the insert trigger);
- ``story_rows``: the story rows written per article (member JSON, label, merges);
- ``state``: saving the clusterer's state (due as the store doubles);
- ``other``: the rest of ``store.add`` (the write lock, the sync query, the commit and its WAL checkpoint);
- ``gc``: the garbage collector's passes, wherever they fell (already counted in the phases above).

The wrapping costs about a microsecond a call, a few tenths of a percent of an
article; the figures are for comparing phases and blocks of one run, not runs.
"""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from dossier.store import sqlite as sqlite_store
from dossier.store import story_keeper
from dossier.stories import clusterer, copies

#: The phases of a line, in order (``gc`` is inside the others).
PHASES = ("features", "copies", "clusterer", "insert", "story_rows", "state", "other", "gc")


class PhaseClock:
    """CPU seconds per phase since the last block's line; see the module docstring."""

    def __init__(self, block: int) -> None:
        self.block = block
        self._seconds: dict[str, float] = dict.fromkeys(PHASES, 0.0)
        self._articles = 0
        self._gc_started = 0.0

    @contextmanager
    def running(self) -> Iterator[None]:
        """The ingest functions wrapped (and the collector timed) inside the block; restored after."""
        wrapped = [
            (clusterer, "features_of", "features"),
            (copies.CopyFinder, "add", "copies"),
            (clusterer.OnlineClusterer, "add", "clusterer"),
            (sqlite_store.SqliteStore, "_insert", "insert"),
            (story_keeper, "_write_assignment", "story_rows"),
            (story_keeper.StoryKeeper, "save_if_due", "state"),
        ]
        originals = [(owner, name, getattr(owner, name)) for owner, name, _ in wrapped]
        for owner, name, phase in wrapped:
            setattr(owner, name, self._timed(getattr(owner, name), phase))
        gc.callbacks.append(self._on_gc)
        try:
            yield
        finally:
            gc.callbacks.remove(self._on_gc)
            for owner, name, original in originals:
                setattr(owner, name, original)

    def batch_done(self, articles: int, cpu_seconds: float) -> str | None:
        """Count a batch (its ``store.add`` CPU time); the block's line when the batch completes one."""
        self._articles += articles
        self._seconds["other"] += cpu_seconds
        if self._articles < self.block:
            return None
        line = self._line()
        self._seconds = dict.fromkeys(PHASES, 0.0)
        self._articles = 0
        return line

    def _line(self) -> str:
        seconds = dict(self._seconds)
        # "other" was given the whole of store.add; the clusterer's own phases were inside its add.
        seconds["other"] -= sum(seconds[phase] for phase in ("clusterer", "insert", "story_rows", "state"))
        seconds["clusterer"] -= seconds["features"] + seconds["copies"]
        total = sum(seconds[phase] for phase in PHASES if phase != "gc")
        per_article = 1000 / self._articles
        parts = " ".join(f"{phase} {seconds[phase] * per_article:.3f}" for phase in PHASES)
        return f"ms/article over {self._articles}: total {total * per_article:.3f} = {parts}"

    def _timed(self, function: Callable[..., Any], phase: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                # Looked up at each call: a new block starts a new dict.
                self._seconds[phase] += time.process_time() - started

        return timed

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.process_time()
        else:
            self._seconds["gc"] += time.process_time() - self._gc_started
