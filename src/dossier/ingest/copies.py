"""Exact copies: articles with the same text (hence the same id) become one, chosen the same way every time.

The same story often arrives twice: a wire copy under two outlets' sidecars,
or one file given twice under different names. Which copy is kept must not
depend on the order the sources were named in, or the briefing would change
with the command line. The kept copy is the one whose source name sorts
first; the others are listed, sorted, in its metadata under ``also_from``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dossier.article import Article

ALSO_FROM = "also_from"


def merge_exact_copies(articles: Sequence[Article]) -> tuple[Article, ...]:
    """One article per id: the copy first by source name, with the other sources in ``also_from``.

    Each merged article takes the place of the first copy in ``articles``, so
    a batch without copies comes back in its own order.
    """
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.id, []).append(article)
    return tuple(_merged(copies) for copies in groups.values())


def _merged(copies: list[Article]) -> Article:
    if len(copies) == 1:
        return copies[0]
    ordered = sorted(copies, key=_choice_key)
    kept = ordered[0]
    others = {article.source for article in ordered[1:]}
    # Copies that were themselves merged before (a stored article met again) bring their lists along.
    for article in ordered:
        earlier = article.metadata.get(ALSO_FROM)
        if isinstance(earlier, list):
            others.update(name for name in earlier if isinstance(name, str))
    others.discard(kept.source)
    return dataclasses.replace(kept, metadata={**kept.metadata, ALSO_FROM: sorted(others)})


def _choice_key(article: Article) -> tuple[str, str, str, str]:
    # Source names are unique within a run; the other fields only break ties between equal names.
    return (article.source, article.outlet or "", article.url or "", article.title or "")
