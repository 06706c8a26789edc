"""The per-article half on Dask workers: read, clean and (optionally) analyze, one task per partition.

The result is the one :func:`dossier.pipeline.read_articles` gives, in the same
order, with the same failures: sources are expanded here, in the coordinating
process, into runs of names (partitions); a worker reads a partition and sends
back only what the batch-level step needs (each draft's outlet and lines, see
:mod:`dossier.repeats`); the repeated lines are found over the whole batch here;
then the worker that holds the drafts cleans them. When analyses are asked
for, the articles a store already keeps an analysis of are left out, and the
worker that holds the rest reads them with spaCy. Standard input (``-``) is
read here and handed to the cluster.

Every task is a pure function of its inputs, so when a worker dies Dask runs
its tasks again elsewhere and the outcome does not change.
"""

from __future__ import annotations

import dataclasses
import logging
import zlib
from collections.abc import Callable, Sequence, Set
from typing import TYPE_CHECKING, Any

from dossier.analysis import Analysis
from dossier.article import Article, Draft, Failure
from dossier.clean import draft_paragraphs
from dossier.errors import ClusterError
from dossier.ingest import Limits, read_sources
from dossier.ingest.failures import CONVERTIBLE_ERRORS, failure_from
from dossier.ingest.fields import repair_failure
from dossier.ingest.sources import STDIN, expand
from dossier.pipeline import clean_or_fail
from dossier.repeats import outlet_key, repeats_by_outlet

if TYPE_CHECKING:
    from distributed import Client, Future

logger = logging.getLogger(__name__)

#: Called once per source name read (the CLI's progress bar).
Progress = Callable[[str], None]
#: Which of these article ids already have an analysis (kept in a store): those are not read again.
Analyzed = Callable[[Sequence[str]], Set[str]]

#: Names per task at most: enough that Dask's own cost per task (about a millisecond) is small beside the
#: reading of the names, few enough that the work spreads over every worker.
PARTITION_NAMES = 16
#: Tasks per worker thread when there are few names: load stays even when one task is slower.
TASKS_PER_THREAD = 4
#: Buckets of outlets per worker thread for the repeated-line step (each bucket is one task).
BUCKETS_PER_THREAD = 2


@dataclasses.dataclass(frozen=True, slots=True)
class ReadPart:
    """What one partition's names gave: drafts in order, and what could not be read."""

    names: tuple[str, ...]
    drafts: tuple[Draft, ...]
    failures: tuple[Failure, ...]


#: One draft's lines for the repeated-line step: its offset in the partition, its outlet key, its lines.
Lines = tuple[int, str, tuple[str, ...]]


@dataclasses.dataclass(frozen=True, slots=True)
class Outline:
    """What the batch-level step needs of a partition: each draft's outlet, and its lines by outlet bucket."""

    outlets: tuple[str | None, ...]
    #: Per bucket (:func:`bucket_of`), the drafts whose outlet falls in it.
    buckets: tuple[tuple[Lines, ...], ...]
    failures: tuple[Failure, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class CleanPart:
    """A partition's articles in draft order, and the drafts that cleaning refused."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class MappedRead:
    """The map half of a whole run: articles and failures as ``read_articles`` orders them, and analyses."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]
    analyses: tuple[Analysis, ...] = ()


# --- the tasks (run on workers; module-level so that Dask pickles them by name) ---------------------------


def read_part(names: tuple[str, ...], limits: Limits) -> ReadPart:
    result = read_sources(list(names), limits=limits)
    return ReadPart(names, result.drafts, result.failures)


def bucket_of(outlet: str, buckets: int) -> int:
    """The bucket of an outlet key: the same in every process (``hash()`` of a str is not)."""
    return zlib.crc32(outlet.encode("utf-8")) % buckets


def outline(part: ReadPart, buckets: int) -> Outline:
    outlets = tuple(outlet_key(draft) for draft in part.drafts)
    by_bucket: list[list[Lines]] = [[] for _ in range(buckets)]
    for offset, (draft, key) in enumerate(zip(part.drafts, outlets, strict=True)):
        if key is not None:
            by_bucket[bucket_of(key, buckets)].append((offset, key, tuple(draft_paragraphs(draft))))
    return Outline(outlets, tuple(tuple(lines) for lines in by_bucket), part.failures)


def summary(item: Outline) -> Outline:
    """The outline without its lines: what the coordinator gathers (the lines stay on the worker)."""
    return Outline(item.outlets, (), item.failures)


def bucket_lines(item: Outline, bucket: int) -> tuple[Lines, ...]:
    """One bucket's share of an outline: the only part of it that travels to another worker."""
    return item.buckets[bucket]


def outlet_repeats(pieces: Sequence[tuple[int, tuple[Lines, ...]]]) -> dict[tuple[int, int], frozenset[str]]:
    """The lines each outlet of one bucket repeats, for every (partition, offset) of its drafts that has some.

    ``pieces`` are (partition index, that partition's share of the bucket), in partition order.
    """
    where = [(index, offset) for index, piece in pieces for offset, _, _ in piece]
    outlets = [key for _, piece in pieces for _, key, _ in piece]
    lines = [draft_lines for _, piece in pieces for _, _, draft_lines in piece]
    repeats = repeats_by_outlet(outlets, lines.__getitem__)
    return {where[position]: repeated for position, repeated in repeats.items()}


def clean_part(part: ReadPart, repeated: tuple[frozenset[str], ...]) -> CleanPart:
    """Clean each draft with the lines its outlet repeats."""
    failures: list[Failure] = []
    cleaned = (clean_or_fail(d, failures, lines) for d, lines in zip(part.drafts, repeated, strict=True))
    return CleanPart(tuple(article for article in cleaned if article is not None), tuple(failures))


def analyze_part(part: CleanPart, analyzed: frozenset[str], model: str) -> tuple[Analysis, ...]:
    """The analyses of a cleaned partition's articles, except those whose ids are in ``analyzed``."""
    return analyze_here([article for article in part.articles if article.id not in analyzed], model)


def analyze_here(articles: Sequence[Article], model: str) -> tuple[Analysis, ...]:
    """The analyses of ``articles`` (each id once) by the pipeline ``model``, loaded once per worker."""
    if not articles:
        return ()
    from dossier.analyze import analyze_articles
    from dossier.nlp import load

    unique = list({article.id: article for article in articles}.values())
    # One process: Dask already gives each core its own worker.
    return tuple(analyze_articles(unique, load(model), processes=1))


# --- the coordinator -----------------------------------------------------------------------------------


def map_read(
    client: Client,
    sources: Sequence[str],
    *,
    limits: Limits,
    analyze_with: str | None = None,
    analyzed: Analyzed | None = None,
    progress: Progress | None = None,
    on_cleaned: Progress | None = None,
) -> MappedRead:
    """Read, clean (and with ``analyze_with``, a spaCy pipeline's name, analyze) ``sources`` on ``client``.

    Articles that ``analyzed`` says have an analysis already are not analyzed again. ``progress``
    hears of each source name once it is read, ``on_cleaned`` once it is cleaned (and analyzed).
    """
    slots = _slots(sources, limits, progress, _threads(client))
    parts: list[Future[ReadPart]] = []
    names: list[tuple[str, ...]] = []
    for slot in slots:
        if isinstance(slot, tuple):
            parts.append(client.submit(read_part, slot, limits, pure=False))
            names.append(slot)
        elif isinstance(slot, ReadPart):
            parts.append(client.scatter(slot))
            names.append(slot.names)
    buckets = _threads(client) * BUCKETS_PER_THREAD
    outlines = [client.submit(outline, part, buckets, pure=False) for part in parts]
    summaries = client.map(summary, outlines, pure=False)
    _report(summaries, names, progress)
    found: list[Outline] = gather(client, summaries)
    repeated = _repeats(client, outlines, found, buckets)
    pairs = zip(parts, repeated, strict=True)
    cleaned = [client.submit(clean_part, part, lines, pure=False) for part, lines in pairs]
    if analyze_with is None:
        _report(cleaned, names, on_cleaned)
        return _in_order(slots, found, gather(client, cleaned), ())
    results: list[CleanPart] = gather(client, cleaned)
    made = _analyze(client, cleaned, results, analyze_with, analyzed, names, on_cleaned)
    return _in_order(slots, found, results, made)


def _analyze(
    client: Client,
    cleaned: Sequence[Future[CleanPart]],
    results: Sequence[CleanPart],
    model: str,
    analyzed: Analyzed | None,
    names: Sequence[tuple[str, ...]],
    on_cleaned: Progress | None,
) -> tuple[Analysis, ...]:
    """Analyze each cleaned partition on the worker that holds it, leaving out what is analyzed already."""
    ids = [article.id for result in results for article in result.articles]
    known = analyzed(ids) if analyzed is not None else frozenset()
    skips = [frozenset(a.id for a in result.articles if a.id in known) for result in results]
    logger.debug("analyzing %d articles (%d analyzed already)", len(ids) - len(known), len(known))
    futures = [
        client.submit(analyze_part, part, skip, model, pure=False)
        for part, skip in zip(cleaned, skips, strict=True)
    ]
    _report(futures, names, on_cleaned)
    made: list[tuple[Analysis, ...]] = gather(client, futures)
    return tuple(analysis for analyses in made for analysis in analyses)


def _slots(
    sources: Sequence[str], limits: Limits, progress: Progress | None, threads: int
) -> list[Failure | tuple[str, ...] | ReadPart]:
    """The run in source order: failures found while expanding, partitions of names, stdin already read."""
    entries: list[Failure | str | ReadPart] = []
    for source in sources:
        try:
            expansion = expand(source, follow_links=limits.follow_links)
        except CONVERTIBLE_ERRORS as error:
            entries.append(repair_failure(failure_from(error, source=source)))
            _tell(progress, source)
            continue
        entries.extend(repair_failure(failure_from(r, source=r.source or source)) for r in expansion.refused)
        for name in expansion.names:
            # The workers have no way to our standard input: it is read here.
            entries.append(read_part((STDIN,), limits) if name == STDIN else name)
    size = partition_size(sum(isinstance(entry, str) for entry in entries), threads)
    slots: list[Failure | tuple[str, ...] | ReadPart] = []
    run: list[str] = []
    for entry in entries:
        if isinstance(entry, str):
            run.append(entry)
            if len(run) < size:
                continue
        if run:
            slots.append(tuple(run))
            run = []
        if not isinstance(entry, str):
            slots.append(entry)
    if run:
        slots.append(tuple(run))
    return slots


def partition_size(names: int, threads: int) -> int:
    """Names per task: a few tasks per worker thread (so a slow or lost one is made up for), at most
    :data:`PARTITION_NAMES`. How the names are cut up never changes the result, only the speed."""
    return max(1, min(PARTITION_NAMES, -(-names // (TASKS_PER_THREAD * max(1, threads)))))


def _report(
    futures: Sequence[Future[Any]], names: Sequence[tuple[str, ...]], progress: Progress | None
) -> None:
    """Tell ``progress`` of every name of each partition as its task finishes (in the order they finish)."""
    if progress is None:
        return
    from distributed import as_completed

    by_key = {future.key: part_names for future, part_names in zip(futures, names, strict=True)}
    for future in as_completed(list(futures)):
        for name in by_key[future.key]:
            progress(name)


def _repeats(
    client: Client, outlines: Sequence[Future[Outline]], found: Sequence[Outline], buckets: int
) -> list[tuple[frozenset[str], ...]]:
    """The lines each draft's outlet repeats across the whole batch, partition by partition.

    Each outlet's drafts are compared among themselves only (a comparison that grows with the square
    of an outlet's drafts), so outlets are dealt into buckets by key and each bucket is one task; a
    partition's lines travel only to the buckets of its own outlets.
    """
    members: list[set[int]] = [set() for _ in range(buckets)]
    for index, item in enumerate(found):
        for key in item.outlets:
            if key is not None:
                members[bucket_of(key, buckets)].add(index)
    tasks = []
    for bucket, indexes in enumerate(members):
        if not indexes:
            continue
        pieces = [
            (index, client.submit(bucket_lines, outlines[index], bucket, pure=False))
            for index in sorted(indexes)
        ]
        tasks.append(client.submit(outlet_repeats, pieces, pure=False))
    per_part = [[frozenset[str]() for _ in item.outlets] for item in found]
    for result in gather(client, tasks):
        for (index, offset), repeated in result.items():
            per_part[index][offset] = repeated
    return [tuple(item) for item in per_part]


def gather(client: Client, futures: Sequence[Future[Any]]) -> Any:
    """The results of ``futures``; a task that killed every worker it ran on is a :class:`ClusterError`.

    Dask runs the tasks of a dead worker again elsewhere; it gives up on one that took down several
    workers in turn (``distributed.scheduler.allowed-failures``), as a document that crashes its reader would.
    """
    from distributed import KilledWorker

    try:
        return client.gather(futures)
    except KilledWorker as error:
        raise ClusterError(f"a task kept killing the workers that ran it: {error}") from error


def _threads(client: Client) -> int:
    threads: dict[str, int] = client.nthreads()
    return max(1, sum(threads.values()))


def _in_order(
    slots: Sequence[Any],
    found: Sequence[Outline],
    results: Sequence[CleanPart],
    analyses: tuple[Analysis, ...],
) -> MappedRead:
    """Failures as a serial read orders them (reading's by source, then cleaning's); articles in order."""
    failures: list[Failure] = []
    parts = iter(found)
    for slot in slots:
        failures.extend([slot] if isinstance(slot, Failure) else next(parts).failures)
    articles = tuple(article for result in results for article in result.articles)
    failures.extend(failure for result in results for failure in result.failures)
    return MappedRead(articles, tuple(failures), analyses)


def _tell(progress: Progress | None, name: str) -> None:
    if progress is not None:
        progress(name)
