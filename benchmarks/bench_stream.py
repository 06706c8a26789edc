"""Story assignment at scale: a reproducible synthetic stream ingested into a fresh SQLite store.

Data: real sentences from ECB+ (``../shared/data/ecbplus``), recombined at run
time (nothing is copied into the repository). Each synthetic story takes one
ECB+ event's sentences as its pool and is made distinct the way real stories
of one kind are: its names are swapped for names drawn from the whole corpus
(seeded per story), its numbers are redrawn, and it lives in its own window of
days inside three years (with ``--per-day N``: from the day the stream has reached
when it starts, the stream arriving at N articles a day). Each article is 6 to 18 sentences of its story's
pool; one in ten is a near-copy of an earlier article of its story (a wire
copy with a changed tail). Everything is drawn from ``--seed``.

The stream is ingested in batches of ``--batch`` articles with story
assignment (``Store.add(..., assign_stories=True)``), exactly as
``dossier ingest --db`` stores them, and at each size in ``--sizes`` the script
prints the articles/s so far, the peak memory (max RSS), the stories found and
the B-cubed F1 against the generator's stories; at the end, the time ratio of
the largest to the smallest size. Each time is also given as this process's CPU
time: on a shared machine the wall clock counts other jobs too.

    PYTHONPATH=src python benchmarks/bench_stream.py                        # 10k, 30k, 100k
    PYTHONPATH=src python benchmarks/bench_stream.py --sizes 2000,5000      # a quick run
    PYTHONPATH=src python benchmarks/bench_stream.py --sizes 10000 --bertopic  # BERTopic on the same 10k
    PYTHONPATH=src python benchmarks/bench_stream.py --per-day 100          # a steady rate, in date order
    PYTHONPATH=src python benchmarks/bench_stream.py --sizes 100000 --extra 0 --phases 10000  # CPU per phase

Two kinds of stream. By default every story's days fall anywhere in three years,
whatever its place in the stream, so the longer the stream, the more stories share
any month: an archive loaded out of order, at a density that grows with its size
(10 times the stories in a 30-day window at 100k as at 10k), which makes each
lookup meet more candidates. With ``--per-day N`` the stream is a feed: stories
start in date order at a steady N articles a day, so a window holds about as many
stories at 100k as at 10k, and the time ratio measures the store and the index
rather than the density.

After the first size, ``--extra`` more articles (1,000) are ingested and the
script counts how many of the first size's articles keep their story id; with
``--bertopic`` it fits BERTopic (MiniLM, UMAP, HDBSCAN; see
``bertopic_baseline.py``) on the same first articles in a process of its own,
for its time and peak memory, and refits it with the extra articles to count
how many keep their topic id.
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
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import bertopic_baseline
from bench_stories import ECBPLUS, bcubed_f1
from corpora import ecbplus
from dossier.article import Article, article_id
from dossier.store import SqliteStore
from dossier.store.sqlite import _SELECT_COLUMNS
from dossier.store.story_keeper import StoryKeeper
from ingest_phases import PhaseClock

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

    def __init__(
        self, number: int, pool: Pool, names: Sequence[str], seed: int, start: dt.date | None = None
    ) -> None:
        self.number = number
        self.pool = pool
        self.random = random.Random(seed * 1_000_003 + number)
        spread = START + dt.timedelta(days=self.random.randrange(3 * 365))  # drawn always: same names after
        self.start = spread if start is None else start
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


def stream(size: int, seed: int, per_day: int = 0) -> Iterator[tuple[Article, int]]:
    """``size`` articles (with their true story number), about ten per story, stories overlapping in time.

    With ``per_day``, a story starts on the day the stream has reached (``per_day`` articles a day);
    without, on any day of three years.
    """
    pools, names = load_pools()
    rng = random.Random(seed)
    makers: list[StoryMaker] = []
    active: list[StoryMaker] = []
    for index in range(size):
        if not active or rng.random() < 0.1:
            reached = START + dt.timedelta(days=index // per_day) if per_day else None
            maker = StoryMaker(len(makers), rng.choice(pools), names, seed, reached)
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
    parser.add_argument(
        "--per-day",
        type=int,
        default=0,
        help="a feed of N articles a day, stories in date order (default 0: days spread over three years)",
    )
    parser.add_argument(
        "--bertopic",
        action="store_true",
        help="also fit BERTopic on the first size's articles (time, memory, ids kept after a refit)",
    )
    parser.add_argument(
        "--extra", type=int, default=1000, help="articles after the first size for the id-stability check"
    )
    parser.add_argument(
        "--reads",
        action="store_true",
        help="at each size also time listing the stories and a new connection's resume vs a full replay",
    )
    parser.add_argument(
        "--phases",
        type=int,
        default=0,
        metavar="N",
        help="every N articles: the ingest's CPU time per phase, in ms an article (see ingest_phases.py)",
    )
    parser.add_argument(
        "--bertopic-only",
        action="store_true",
        help="only BERTopic on the first size's articles (no ingest): to run beside a long ingest run",
    )
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if not ECBPLUS.is_dir():
        print(f"ECB+ is absent: {ECBPLUS}", file=sys.stderr)
        return 1
    if args.bertopic_only:
        made = list(stream(sizes[0] + args.extra, args.seed, args.per_day))
        bodies = [article.text for article, _ in made]
        gold_first = [str(story) for _, story in made[: sizes[0]]]
        compare_bertopic(bodies[: sizes[0]], bodies[sizes[0] :], gold_first)
        return 0
    first, stable_at = sizes[0], sizes[0] + args.extra
    timings: dict[int, float] = {}
    cpu_timings: dict[int, float] = {}
    texts: list[str] = []
    ids_at_first: dict[str, str] = {}
    gold: dict[str, int] = {}
    clock = PhaseClock(args.phases) if args.phases else None
    with (
        tempfile.TemporaryDirectory() as folder,
        SqliteStore(Path(folder) / "stream.db") as store,
        clock.running() if clock else nullcontext(),
    ):
        batch: list[Article] = []
        elapsed = cpu = 0.0
        last = max(sizes[-1], stable_at if args.extra else 0)
        for count, (article, story) in enumerate(stream(last, args.seed, args.per_day), start=1):
            gold.setdefault(article.id, story)
            batch.append(article)
            if count <= stable_at:
                texts.append(article.text)
            if len(batch) == args.batch or count in sizes or count in (stable_at, last):
                started, cpu_started = time.perf_counter(), time.process_time()
                store.add(batch, assign_stories=True)
                elapsed += time.perf_counter() - started
                cpu += time.process_time() - cpu_started
                if clock and (line := clock.batch_done(len(batch), time.process_time() - cpu_started)):
                    print(f"{count:>7}  {line}", flush=True)
                batch = []
            if count in sizes:
                timings[count], cpu_timings[count] = elapsed, cpu
                report(store, gold, count, elapsed, cpu, reads=args.reads)
            if count == first:
                ids_at_first = story_rows(store)
            if count == stable_at and args.extra:
                later = story_rows(store)
                kept = sum(1 for article, story_id in ids_at_first.items() if later[article] == story_id)
                print(
                    f"ours: after {args.extra} more articles, {kept} of {first} articles keep their story id "
                    f"({kept / first:.1%})",
                    flush=True,
                )
                if args.bertopic:  # now, not after the largest size: the ingest clock is stopped meanwhile
                    gold_first = [str(gold[i]) for i in list(gold)[:first]]
                    compare_bertopic(texts[:first], texts[first:stable_at], gold_first)
    if len(sizes) > 1:
        ratio = timings[sizes[-1]] / timings[sizes[0]]
        cpu_ratio = cpu_timings[sizes[-1]] / cpu_timings[sizes[0]]
        print(
            f"time ratio {sizes[-1]}/{sizes[0]}: {ratio:.1f} (CPU time {cpu_ratio:.1f}; "
            f"linear would be {sizes[-1] / sizes[0]:.1f})"
        )
    return 0


def compare_bertopic(texts: Sequence[str], extra: Sequence[str], gold: Sequence[str]) -> None:
    """BERTopic on the same first articles, in its own process (skipped, with the reason, when absent)."""
    why = bertopic_baseline.missing()
    if why is not None:
        print(f"BERTopic skipped: {why}", flush=True)
        return
    figures = bertopic_baseline.run(texts, extra)
    # An outlier (topic -1) is a story of its own for B-cubed, not one big story.
    labels = [str(topic) if topic != -1 else f"outlier-{index}" for index, topic in enumerate(figures.topics)]
    print(
        f"BERTopic on the first {len(texts)}: embed {figures.embed_s:.1f} s + fit {figures.fit_s:.1f} s "
        f"= {figures.embed_s + figures.fit_s:.1f} s ({len(texts) / (figures.embed_s + figures.fit_s):.0f} "
        f"articles/s), peak RSS {figures.peak_rss_mb:.0f} MB (own process), "
        f"{len(set(figures.topics) - {-1})} topics + {figures.topics.count(-1)} outliers, "
        f"B-cubed F1 {bcubed_f1(labels, list(gold)):.3f}; after a refit with {len(extra)} more, "
        f"{figures.kept_ids} of {len(texts)} keep their topic id ({figures.kept_ids / len(texts):.1%})",
        flush=True,
    )


def story_rows(store: SqliteStore) -> dict[str, str]:
    rows = store._live().execute("SELECT article_id, story_id FROM story_articles").fetchall()
    return {str(article_id): str(story_id) for article_id, story_id in rows}


def report(
    store: SqliteStore, gold: dict[str, int], count: int, elapsed: float, cpu: float, *, reads: bool
) -> None:
    predicted = story_rows(store)
    ids = sorted(predicted)
    f1 = bcubed_f1([predicted[i] for i in ids], [str(gold[i]) for i in ids])
    stories = len(set(predicted.values()))
    print(
        f"{count:>7} articles: {elapsed:7.1f} s ingest+assign ({cpu:.1f} s CPU), "
        f"{count / elapsed:6.0f} articles/s, "
        f"peak RSS {peak_rss_mb():6.0f} MB, {stories} stories (true {len(set(gold.values()))}), "
        f"B-cubed F1 {f1:.3f}",
        flush=True,
    )
    if reads:
        print(f"{'':>7}  {read_costs(store)}", flush=True)


def read_costs(store: SqliteStore) -> str:
    """What a reader and a new writer pay now: listing the stories; a new connection's clusterer, resumed
    from the saved state (plus the tail since), and replayed from the first article as before it was saved."""
    path = store.label
    started = time.perf_counter()
    listed = len(store.stories().stories)
    listing = time.perf_counter() - started
    with SqliteStore(path, read_only=True) as reader:
        started = time.perf_counter()
        StoryKeeper().sync(reader._live(), _SELECT_COLUMNS, reader._read_row, write=False)
        resumed = time.perf_counter() - started
        started = time.perf_counter()
        StoryKeeper(resume=False).sync(reader._live(), _SELECT_COLUMNS, reader._read_row, write=False)
        replayed = time.perf_counter() - started
    return (
        f"list {listed} stories {listing:.2f} s; a new connection's clusterer: resumed {resumed:.1f} s, "
        f"replayed from the start {replayed:.1f} s"
    )


if __name__ == "__main__":
    raise SystemExit(main())
