"""Scaling out with Dask: the map half on 1 and 2 workers, its cost per article, a stream into PostgreSQL.

Data: the synthetic stream of ``bench_stream.py`` (real ECB+ sentences from
``../shared/data/ecbplus`` recombined at run time; nothing is copied into the
repository), written as JSON Lines files of ``--per-file`` articles into a
temporary folder, the way a newsroom's dumps arrive.

Figures, each from one run on this machine (the CPU is shared: the load
average is printed before and after, and a loaded machine lowers the ratio):

1. the map half (read + clean, :func:`dossier.scale.reading.map_read`) of
   ``--articles`` articles on a local cluster of 1 worker and of 2 workers,
   each cluster warmed up first (imports), the fastest of ``--repeat`` runs
   each, and the ratio of the two times, with
   the CPU seconds the workers and the coordinator spent (on a loaded machine
   the wall-time ratio falls, the CPU seconds show whether the work itself grew);
2. the same with ``--analyze`` (the spaCy reading of every article) on
   ``--analyze-articles`` articles, each worker's model loaded first;
3. the plain loop (:func:`dossier.pipeline.read_articles`, and
   :func:`dossier.analyze.analyze_articles` in one process) on the same files, in
   a fresh process like a worker (a big heap here would slow it down by itself),
   and the cost per article of going through Dask: (1 worker - plain) / articles;
4. with ``--stream N``: the first N articles of the stream ingested into a
   throwaway PostgreSQL cluster (tests/pg_cluster.py) through
   :func:`dossier.scale.ingest.ingest_on` with 2 workers, ``--batch`` articles
   per ingest (one transaction each), as articles/s end to end.

    PYTHONPATH=src python benchmarks/bench_scale_out.py                       # 1-3
    PYTHONPATH=src python benchmarks/bench_scale_out.py --stream 10000        # and 4
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench_stories import ECBPLUS
from bench_stream import stream
from dossier.analyze import analyze_articles
from dossier.ingest import DEFAULT_LIMITS
from dossier.nlp import DEFAULT_MODEL, load
from dossier.pipeline import read_articles
from dossier.scale import connect
from dossier.scale.reading import map_read

TESTS = Path(__file__).resolve().parent.parent / "tests"


def write_files(folder: Path, count: int, per_file: int, seed: int) -> list[str]:
    """The first ``count`` stream articles as JSON Lines files of ``per_file`` each; their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    lines: list[str] = []
    for article, _story in stream(count, seed):
        published = article.published.isoformat() if article.published else None
        row = {"text": article.text, "title": article.title, "outlet": article.outlet, "published": published}
        lines.append(json.dumps(row))
        if len(lines) == per_file:
            paths.append(_write(folder, len(paths), lines))
            lines = []
    if lines:
        paths.append(_write(folder, len(paths), lines))
    return paths


def _write(folder: Path, number: int, lines: list[str]) -> str:
    path = folder / f"part-{number:05d}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def cpu_seconds() -> float:
    """CPU time this process has used (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def on_cluster(
    workers: int, files: Sequence[str], warm: Sequence[str], analyze: bool, repeat: int
) -> tuple[float, float, int]:
    """Wall and CPU seconds (workers and coordinator) of the map half on a fresh, warm local cluster.

    The fastest of ``repeat`` runs, and its CPU time: on a shared machine the slower runs measure the others.
    """
    with connect(workers=workers) as client:
        map_read(client, warm, limits=DEFAULT_LIMITS)  # imports on every worker
        if analyze:
            client.run(load, DEFAULT_MODEL)
        model = DEFAULT_MODEL if analyze else None
        runs: list[tuple[float, float, int]] = []
        for _ in range(repeat):
            before = sum(client.run(cpu_seconds).values()) + cpu_seconds()
            started = time.perf_counter()
            mapped = map_read(client, files, limits=DEFAULT_LIMITS, analyze_with=model)
            seconds = time.perf_counter() - started
            cpu = sum(client.run(cpu_seconds).values()) + cpu_seconds() - before
            runs.append((seconds, cpu, len(mapped.articles)))
    return min(runs)


def plain(files: Sequence[str], analyze: bool, repeat: int) -> float:
    """Seconds for the same work in a fresh process: the plain loop (the spaCy reading in one process)."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return min(pool.submit(plain_here, list(files), analyze).result() for _ in range(repeat))


def plain_here(files: Sequence[str], analyze: bool) -> float:
    backbone = load(DEFAULT_MODEL) if analyze else None

    def work() -> None:
        read = read_articles(list(files))
        if backbone is not None:
            list(analyze_articles(read.articles, backbone, processes=1))

    read_articles(list(files[:1]))  # the same warm-up as the workers get
    return timed(work)[0]


def compare(label: str, files: Sequence[str], warm: Sequence[str], analyze: bool, repeat: int) -> None:
    loop = plain(files, analyze, repeat)
    one, one_cpu, count = on_cluster(1, files, warm, analyze, repeat)
    two, two_cpu, _ = on_cluster(2, files, warm, analyze, repeat)
    print(
        f"{label}: {count} articles in {len(files)} files | plain loop {loop:6.2f} s "
        f"({1000 * loop / count:.2f} ms/article) | 1 worker {one:6.2f} s ({one_cpu:.1f} CPU-s) | "
        f"2 workers {two:6.2f} s ({two_cpu:.1f} CPU-s) | ratio 1/2 workers {one / two:.2f}x | "
        f"Dask's cost {1000 * (one - loop) / count:+.2f} ms/article | load {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def stream_into_postgres(folder: Path, size: int, per_file: int, batch: int, seed: int) -> None:
    sys.path.insert(0, str(TESTS))
    from dossier.pipeline import ReadResult, store_read
    from dossier.store import open_store
    from pg_cluster import find_binaries, start_cluster

    if find_binaries() is None:
        print("stream: skipped, the PostgreSQL server binaries are not installed", file=sys.stderr)
        return
    files = write_files(folder / "stream", size, per_file, seed)
    per_batch = max(1, batch // per_file)
    cluster = start_cluster()
    try:
        with connect(workers=2) as client, open_store(cluster.fresh_url()) as store:
            mapping = storing = 0.0
            for start in range(0, len(files), per_batch):
                batch_files = files[start : start + per_batch]
                # What ingest_on does, in its two halves, each timed.
                started = time.perf_counter()
                mapped = map_read(client, batch_files, limits=DEFAULT_LIMITS)
                mapping += time.perf_counter() - started
                started = time.perf_counter()
                store_read(batch_files, ReadResult(mapped.articles, mapped.failures), store)
                storing += time.perf_counter() - started
            elapsed = mapping + storing
            count = store.count()
            stories = len(store.stories().stories)
    finally:
        cluster.stop()
    print(
        f"stream into PostgreSQL, 2 workers: {count} articles in {elapsed:.1f} s, "
        f"{count / elapsed:.0f} articles/s end to end ({batch} per transaction): map {mapping:.1f} s, "
        f"store with story assignment {storing:.1f} s ({1000 * storing / count:.1f} ms/article), "
        f"{stories} stories, load {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000, help="articles, read+clean map (0: skip)")
    parser.add_argument("--analyze-articles", type=int, default=400, help="articles, spaCy map (0: skip)")
    parser.add_argument("--per-file", type=int, default=50, help="articles per JSON Lines file")
    parser.add_argument("--stream", type=int, default=0, help="also stream this many into PostgreSQL")
    parser.add_argument("--batch", type=int, default=1000, help="articles per ingest in the stream")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing; the fastest counts")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not ECBPLUS.is_dir():
        print(f"ECB+ is absent: {ECBPLUS}", file=sys.stderr)
        return 1
    print(f"cpus {os.cpu_count()}, load average before {os.getloadavg()[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        warm = write_files(folder / "warm", 4, 2, args.seed + 1)
        if args.articles:
            files = write_files(folder / "map", args.articles, args.per_file, args.seed)
            compare("read+clean", files, warm, analyze=False, repeat=args.repeat)
        if args.analyze_articles:
            analyzed = write_files(folder / "analyze", args.analyze_articles, args.per_file, args.seed)
            compare("read+clean+analyze", analyzed, warm, analyze=True, repeat=args.repeat)
        if args.stream:
            stream_into_postgres(folder, args.stream, args.per_file, args.batch, args.seed)
    print(f"load average after {os.getloadavg()[0]:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
