"""Scaling out with Dask (``dask.distributed``): the per-article half on many workers, stories on many too.

::

    coordinator: expand sources ─► partitions of names ───────────────┐
    workers:     read ─► outline (outlet, lines)   ─► clean (+ analyze) │   (map: one task per partition)
    coordinator: repeated lines over the batch ◄─┘      results in input order ─► Store.add (stories)
    workers:     one stored story ─► briefing files   (one task per story)
    coordinator: write OUT/<story-id>/ and the index, keep new analyses

The workers never write to the store: the coordinating process does, in input
order, so 1 and N workers give the same ids and stories byte for byte, and a
worker that dies takes no half-written article with it (Dask runs its tasks
again). Dask is imported only when a command asks for workers, so
``dossier --version`` never pays for it.
"""

from dossier.scale.cluster import connect

__all__ = ["connect"]
