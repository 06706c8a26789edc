"""Story assignment at scale: a reproducible synthetic stream ingested into a fresh SQLite store.

Data: real sentences from ECB+ (``../shared/data/ecbplus``), recombined at run
time (nothing is copied into the repository). Each synthetic story takes one
ECB+ event's sentences as its pool and is made distinct the way real stories
of one kind are: its names are swapped for names drawn from the whole corpus
(seeded per story), its numbers are redrawn, and it lives in its own window of
days inside three years. Each article is 6 to 18 sentences of its story's
pool; one in ten is a near-copy of an earlier article of its story (a wire
copy with a changed tail). Everything is drawn from ``--seed``.

The stream is ingested in batches of ``--batch`` articles with story
assignment (``Store.add(..., assign_stories=True)``), exactly as
``dossier ingest --db`` stores them, and at each size in ``--sizes`` the script
prints the articles/s so far, the peak memory (max RSS), the stories found and
the B-cubed F1 against the generator's stories; at the end, the time ratio of
the largest to the smallest size.

    PYTHONPATH=src python benchmarks/bench_stream.py                        # 10k, 30k, 100k
    PYTHONPATH=src python benchmarks/bench_stream.py --sizes 2000,5000      # a quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench_stories import ECBPLUS, bcubed_f1
from corpora import ecbplus
from dossier.article import Article, article_id
from dossier.store import SqliteStore

_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
_NUMBER = re.compile(r"\b\d+\b")
OUTLETS = tuple(f"Outlet {letter}" for letter in "ABCDEFGHIJKLMNOPQRST")
START = dt.date(2022, 1, 1)


@dataclass(frozen=True, slots=True)
class Pool:
    """The sentences of one ECB+ event."""

    event: str
    sentences: tuple[str, ...]


def load_pools(root: Path = ECBPLUS) -> tuple[list[Pool], list[str]]:
    by_event: dict[str, list[str]] = {}
    for path in sorted((root / "ECB+").glob("*/*.xml")):
        document = ecbplus.read_document(path)
        topic = document.name.split("_", 1)[0]
        event = f"{topic}{'+' if document.name.endswith('ecbplus') else ''}"
        lines = [line.strip() for line in document.text.splitlines() if len(line.split()) >= 6]
        by_event.setdefault(event, []).extend(lines)
    pools = [Pool(event, tuple(sentences)) for event, sentences in sorted(by_event.items())]
    names = sorted({name for pool in pools for line in pool.sentences for name in _NAME.findall(line)})
    return pools, names


class StoryMaker:
    """One synthetic story: a pool, its own names and numbers, a window of days."""

    def __init__(self, number: int, pool: Pool, names: Sequence[str], seed: int) -> None:
        self.number = number
        self.pool = pool
        self.random = random.Random(seed * 1_000_003 + number)
        self.start = START + dt.timedelta(days=self.random.randrange(3 * 365))
        self._names: dict[str, str] = {}
        self._names_source = names
        self.made: list[str] = []

    def _rename(self, text: str) -> str:
        def name(match: re.Match[str]) -> str:
            found = match.group()
            if found not in self._names:
                self._names[found] = self.random.choice(self._names_source)
            return self._names[found]

        text = _NAME.sub(name, text)
        return _NUMBER.sub(lambda match: str(self.random.randrange(2, 999)), text)

    def article(self) -> tuple[str, str, dt.date]:
        """(title, text, date) of the story's next article."""
        if self.made and self.random.random() < 0.1:
            original = self.random.choice(self.made)
            text = original + "\n" + self._rename(self.random.choice(self.pool.sentences))
        else:
            count = min(len(self.pool.sentences), self.random.randint(6, 18))
            text = "\n".join(self._rename(line) for line in self.random.sample(self.pool.sentences, count))
        self.made.append(text)
        title = text.split("\n", 1)[0][:120]
        return title, text, self.start + dt.timedelta(days=self.random.randrange(10))


def stream(size: int, seed: int) -> Iterator[tuple[Article, int]]:
    """``size`` articles (with their true story number), about ten per story, stories overlapping in time."""
    pools, names = load_pools()
    rng = random.Random(seed)
    makers: list[StoryMaker] = []
    active: list[StoryMaker] = []
    for index in range(size):
        if not active or rng.random() < 0.1:
            maker = StoryMaker(len(makers), rng.choice(pools), names, seed)
            makers.append(maker)
            active.append(maker)
            if len(active) > 50:
                active.pop(0)
        maker = rng.choice(active)
        title, text, published = maker.article()
        body = f"{title}\n{text}"
        yield (
            Article(
                id=article_id(body),
                source=f"stream/{index:06d}.txt",
                text=body,
                title=title,
                outlet=rng.choice(OUTLETS),
                published=published,
            ),
            maker.number,
        )


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000,100000", help="comma-separated checkpoints")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=500, help="articles per ingest transaction")
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if not ECBPLUS.is_dir():
        print(f"ECB+ is absent: {ECBPLUS}", file=sys.stderr)
        return 1
    timings: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder, SqliteStore(Path(folder) / "stream.db") as store:
        gold: dict[str, int] = {}
        batch: list[Article] = []
        elapsed = 0.0
        for count, (article, story) in enumerate(stream(sizes[-1], args.seed), start=1):
            gold.setdefault(article.id, story)
            batch.append(article)
            if len(batch) == args.batch or count in sizes:
                started = time.perf_counter()
                store.add(batch, assign_stories=True)
                elapsed += time.perf_counter() - started
                batch = []
            if count in sizes:
                timings[count] = elapsed
                report(store, gold, count, elapsed)
    if len(sizes) > 1:
        ratio = timings[sizes[-1]] / timings[sizes[0]]
        print(f"time ratio {sizes[-1]}/{sizes[0]}: {ratio:.1f} (linear would be {sizes[-1] / sizes[0]:.1f})")
    return 0


def report(store: SqliteStore, gold: dict[str, int], count: int, elapsed: float) -> None:
    rows = store._live().execute("SELECT article_id, story_id FROM story_articles").fetchall()
    predicted = dict(rows)
    ids = sorted(predicted)
    f1 = bcubed_f1([predicted[i] for i in ids], [str(gold[i]) for i in ids])
    stories = len(set(predicted.values()))
    print(
        f"{count:>7} articles: {elapsed:7.1f} s ingest+assign, {count / elapsed:6.0f} articles/s, "
        f"peak RSS {peak_rss_mb():6.0f} MB, {stories} stories (true {len(set(gold.values()))}), "
        f"B-cubed F1 {f1:.3f}",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
