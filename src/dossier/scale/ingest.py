"""``dossier ingest --workers N`` / ``--scheduler ADDR``: the map half on Dask, story assignment in the store.

The coordinating process adds the articles in input order, in one transaction,
exactly as :func:`dossier.pipeline.ingest` does: the store (and its story
keeper) sees the same sequence whatever the number of workers, so the ids and
stories come out the same byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossier.analyze import analyzer_key
from dossier.article import Failure
from dossier.nlp import Backbone
from dossier.pipeline import Options, ReadResult, raise_if_strict, store_read
from dossier.scale.reading import Progress, map_read
from dossier.store import AddResult, Store

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_OPTIONS = Options()


def ingest_on(
    client: Client,
    sources: Sequence[str],
    store: Store,
    *,
    options: Options = DEFAULT_OPTIONS,
    analyze: bool = False,
    progress: Progress | None = None,
    on_cleaned: Progress | None = None,
) -> tuple[AddResult, tuple[Failure, ...]]:
    """Read (and with ``analyze``, analyze) ``sources`` on ``client``'s workers, then store them here.

    Articles whose analysis the store keeps already (the same analyzer and model) are not analyzed again.
    """
    key = analyzer_key(model_name(options))
    mapped = map_read(
        client,
        sources,
        limits=options.limits,
        analyze_with=model_name(options) if analyze else None,
        analyzed=lambda ids: store.analyzed(ids, key),
        progress=progress,
        on_cleaned=on_cleaned,
    )
    raise_if_strict(mapped.failures, options)
    read = ReadResult(mapped.articles, mapped.failures)
    return store_read(sources, read, store, options=options, analyze=analyze, made=mapped.analyses)


def model_name(options: Options) -> str:
    """The spaCy pipeline as workers load it: by name (a loaded one is not shipped, only its name)."""
    return options.model.name if isinstance(options.model, Backbone) else options.model
