"""The per-article half on Dask workers: read, clean and (optionally) analyze, one task per partition.

The result is the one :func:`dossier.pipeline.read_articles` gives, in the same
order, with the same failures: sources are expanded here, in the coordinating
process, into runs of names (partitions); a worker reads a partition and sends
back only what the batch-level step needs (each draft's outlet and lines, see
:mod:`dossier.repeats`); the repeated lines are found over the whole batch here;
then the worker that holds the drafts cleans them (and reads them with spaCy
when asked). Standard input (``-``) is read here and handed to the cluster.

Every task is a pure function of its inputs, so when a worker dies Dask runs
its tasks again elsewhere and the outcome does not change.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from dossier.analysis import Analysis
from dossier.article import Article, Draft, Failure
from dossier.clean import clean, draft_paragraphs
from dossier.errors import SourceError
from dossier.ingest import Limits, read_sources
from dossier.ingest.failures import CONVERTIBLE_ERRORS, failure_from
from dossier.ingest.fields import repair_failure
from dossier.ingest.sources import STDIN, expand
from dossier.repeats import MIN_ARTICLES, outlet_key, repeats_by_outlet

if TYPE_CHECKING:
    from distributed import Client, Future

logger = logging.getLogger(__name__)

#: Called once per source name read (the CLI's progress bar).
Progress = Callable[[str], None]

#: Names per task at most: enough that Dask's own cost per task (about a millisecond) is small beside the
#: reading of the names, few enough that the work spreads over every worker.
PARTITION_NAMES = 16
#: Tasks per worker thread when there are few names: load stays even when one task is slower.
TASKS_PER_THREAD = 4


@dataclasses.dataclass(frozen=True, slots=True)
class ReadPart:
    """What one partition's names gave: drafts in order, and what could not be read."""

    names: tuple[str, ...]
    drafts: tuple[Draft, ...]
    failures: tuple[Failure, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class Outline:
    """What the batch-level step needs of a partition: each draft's outlet and, when it has one, its lines."""

    outlets: tuple[str | None, ...]
    lines: tuple[tuple[str, ...], ...]
    failures: tuple[Failure, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class CleanPart:
    """A partition's articles in draft order, the drafts that cleaning refused, and the analyses asked for."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]
    analyses: tuple[Analysis, ...] = ()


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


def outline(part: ReadPart) -> Outline:
    outlets = tuple(outlet_key(draft) for draft in part.drafts)
    lines = tuple(
        tuple(draft_paragraphs(draft)) if key is not None else ()
        for draft, key in zip(part.drafts, outlets, strict=True)
    )
    return Outline(outlets, lines, part.failures)


def summary(item: Outline) -> Outline:
    """The outline without its lines: what the coordinator gathers (the lines stay on the worker)."""
    return Outline(item.outlets, (), item.failures)


def outlet_repeats(
    outlines: Sequence[Outline], groups: Sequence[Sequence[tuple[int, int]]]
) -> tuple[tuple[frozenset[str], ...], ...]:
    """Per group (one outlet's drafts as (outline, draft) pairs): the lines the outlet repeats, per draft."""
    found: list[tuple[frozenset[str], ...]] = []
    for group in groups:
        lines = [outlines[index].lines[offset] for index, offset in group]
        repeats = repeats_by_outlet(["outlet"] * len(group), lines.__getitem__)
        found.append(tuple(repeats.get(position, frozenset()) for position in range(len(group))))
    return tuple(found)


def clean_part(part: ReadPart, repeated: tuple[frozenset[str], ...], model: str | None) -> CleanPart:
    """Clean each draft with the lines its outlet repeats; with ``model``, read the articles with spaCy."""
    articles: list[Article] = []
    failures: list[Failure] = []
    for draft, lines in zip(part.drafts, repeated, strict=True):
        try:
            articles.append(clean(draft, repeated=lines))
        except SourceError as error:
            failures.append(Failure(draft.source, type(error).__name__, error.message))
    return CleanPart(tuple(articles), tuple(failures), _analyses(articles, model))


def _analyses(articles: Sequence[Article], model: str | None) -> tuple[Analysis, ...]:
    if model is None or not articles:
        return ()
    from dossier.analyze import analyze_articles
    from dossier.nlp import load

    unique = list({article.id: article for article in articles}.values())
    # One process per worker: Dask already gives each core its own worker.
    return tuple(analyze_articles(unique, load(model), processes=1))


# --- the coordinator -----------------------------------------------------------------------------------


def map_read(
    client: Client,
    sources: Sequence[str],
    *,
    limits: Limits,
    analyze_with: str | None = None,
    progress: Progress | None = None,
    on_cleaned: Progress | None = None,
) -> MappedRead:
    """Read, clean (and with ``analyze_with``, a spaCy pipeline's name, analyze) ``sources`` on ``client``.

    ``progress`` hears of each source name once it is read, ``on_cleaned`` once it is cleaned.
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
    outlines = client.map(outline, parts, pure=False)
    summaries = client.map(summary, outlines, pure=False)
    _report(summaries, names, progress)
    found: list[Outline] = client.gather(summaries)
    repeated = _repeats(client, outlines, found)
    cleaned = [
        client.submit(clean_part, part, lines, analyze_with, pure=False)
        for part, lines in zip(parts, repeated, strict=True)
    ]
    _report(cleaned, names, on_cleaned)
    results: list[CleanPart] = client.gather(cleaned)
    return _in_order(slots, found, results)


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
    client: Client, outlines: Sequence[Future[Outline]], found: Sequence[Outline]
) -> list[tuple[frozenset[str], ...]]:
    """The lines each draft's outlet repeats across the whole batch, partition by partition.

    Each outlet's drafts are compared among themselves only, so the outlets are shared out over the
    workers (the comparison grows with the square of an outlet's drafts): a few tasks per worker thread,
    each reading the lines from the outlines that hold them.
    """
    groups: dict[str, list[tuple[int, int]]] = {}
    for index, item in enumerate(found):
        for offset, key in enumerate(item.outlets):
            if key is not None:
                groups.setdefault(key, []).append((index, offset))
    shared = sorted((group for group in groups.values() if len(group) >= MIN_ARTICLES), key=len, reverse=True)
    buckets: list[list[list[tuple[int, int]]]] = [[] for _ in range(min(len(shared), _threads(client) * 4))]
    for number, group in enumerate(shared):  # the largest first, dealt round the buckets
        buckets[number % len(buckets)].append(group)
    per_part = [[frozenset[str]() for _ in item.outlets] for item in found]
    tasks = []
    for bucket in buckets:
        used = sorted({index for group in bucket for index, _ in group})
        local = {index: position for position, index in enumerate(used)}
        renumbered = [[(local[index], offset) for index, offset in group] for group in bucket]
        tasks.append(client.submit(outlet_repeats, [outlines[i] for i in used], renumbered, pure=False))
    for bucket, result in zip(buckets, client.gather(tasks), strict=True):
        for group, lines in zip(bucket, result, strict=True):
            for (index, offset), repeated in zip(group, lines, strict=True):
                per_part[index][offset] = repeated
    return [tuple(item) for item in per_part]


def _threads(client: Client) -> int:
    threads: dict[str, int] = client.nthreads()
    return max(1, sum(threads.values()))


def _in_order(slots: Sequence[Any], found: Sequence[Outline], results: Sequence[CleanPart]) -> MappedRead:
    """Failures as a serial read orders them (reading's by source, then cleaning's); articles in order."""
    failures: list[Failure] = []
    parts = iter(found)
    for slot in slots:
        failures.extend([slot] if isinstance(slot, Failure) else next(parts).failures)
    articles = tuple(article for result in results for article in result.articles)
    failures.extend(failure for result in results for failure in result.failures)
    analyses = tuple(analysis for result in results for analysis in result.analyses)
    return MappedRead(articles, tuple(failures), analyses)


def _tell(progress: Progress | None, name: str) -> None:
    if progress is not None:
        progress(name)
