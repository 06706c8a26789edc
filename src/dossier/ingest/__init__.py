"""Ingest: turn sources (files, folders, globs, URLs, feeds, JSONL, stdin) into drafts.

Readers only read and decode; cleaning is the next stage. The one entry point
is :func:`read_sources`, which never raises for a bad source: each one becomes
a :class:`~dossier.article.Failure` with its error class and a one-line reason.

::

    result = read_sources(["corpus/", "https://example.org/feed.xml", "-"])
    result.drafts     # Draft per article, in source order
    result.failures   # Failure per source (or item) that could not be read
"""

from dossier.ingest.batch import IngestResult, ItemCallback, read_sources
from dossier.ingest.fetch import Fetched, Fetcher
from dossier.ingest.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "DEFAULT_LIMITS",
    "Fetched",
    "Fetcher",
    "IngestResult",
    "ItemCallback",
    "Limits",
    "read_sources",
]
