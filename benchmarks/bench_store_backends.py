"""Write and search rates of the two stores, SQLite (a file) and PostgreSQL, on the same articles.

Usage::

    .venv/bin/python benchmarks/bench_store_backends.py [--copies 40]

It starts a throwaway PostgreSQL cluster (as the tests do, ``tests/pg_cluster.py``;
it needs the server binaries), on a Unix socket of this machine, and stops it afterwards.
The articles are ``--copies`` variants of each demo article, read and cleaned
once; for each store it times:

- adding them all in one transaction, without stories (articles/s);
- adding them in batches of 10 with story assignment, as ``ingest`` does (articles/s);
- a second ingest of the same articles, which must store nothing (articles/s);
- a full-text search that matches (ms per query, mean of 20).

The machine is noisy: compare figures from one run with each other, not across runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from dossier.article import Article, article_id
from dossier.demo import demo_paths
from dossier.pipeline import read_articles
from dossier.store import Store, open_store

BATCH = 10
SEARCHES = 20


def variants(copies: int) -> list[Article]:
    """``copies`` variants of every demo article, a serial number in the text so each has its own id."""
    originals = read_articles([str(path) for path in demo_paths()]).articles
    made = []
    for copy in range(copies):
        for article in originals:
            text = article.text + f"\n\nCopy {copy}."
            made.append(dataclasses.replace(article, id=article_id(text), text=text))
    return made


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def in_batches(store: Store, articles: list[Article]) -> None:
    for start in range(0, len(articles), BATCH):
        store.add(articles[start : start + BATCH], assign_stories=True)


def measure(name: str, fresh: Callable[[], str], articles: list[Article], query: str) -> None:
    count = len(articles)
    with open_store(fresh()) as store:
        whole = timed(lambda: store.add(articles))
    with open_store(fresh()) as store:
        batched = timed(lambda: in_batches(store, articles))
        again = timed(lambda: in_batches(store, articles))
        assert store.count() == count
        search = timed(lambda: [store.select(query=query) for _ in range(SEARCHES)]) / SEARCHES
        found = len(store.select(query=query))
    print(
        f"{name:<10}  one transaction {count / whole:8.0f} articles/s   "
        f"batches of {BATCH} with stories {count / batched:7.0f} articles/s   "
        f"re-ingest {count / again:7.0f} articles/s   search {search * 1000:6.1f} ms ({found} found)"
    )


@contextmanager
def postgres_locations() -> Iterator[Callable[[], str]]:
    """New, empty PostgreSQL stores (a schema each) on a throwaway cluster."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        yield cluster.fresh_url
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--query", default="said OR report*", help="a search that matches")
    arguments = parser.parse_args()
    articles = variants(arguments.copies)
    print(f"{len(articles)} articles ({arguments.copies} variants of each demo article)")
    with tempfile.TemporaryDirectory() as folder:
        numbers = iter(range(1_000))
        measure("sqlite", lambda: str(Path(folder) / f"{next(numbers)}.db"), articles, arguments.query)
    with postgres_locations() as fresh:
        measure("postgresql", fresh, articles, arguments.query)


if __name__ == "__main__":
    main()
