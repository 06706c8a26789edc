"""Near-duplicate detection: find syndicated copies of the same article.

Outlets re-publish wire stories with a new headline, a trimmed sentence and a
"this story originally appeared on" tail. Such a copy has a different article
id (the text differs) but says nothing new, so it must not count as a second,
independent source.

Two articles are near-duplicates when most of the word shingles (runs of
``shingle`` consecutive words) of the shorter one also occur in the longer
one: containment ``|A ∩ B| / min(|A|, |B|)``. Containment rather than Jaccard
is used because a copy is often a trimmed version of its original, and
trimming should not hide it. Two independent reports of one event share
quotes and names but little running prose, so they stay apart.

Candidate pairs come from an inverted index (shingle hash → articles), so
articles with no shingle in common are never compared. Shingles are hashed
with BLAKE2b, not ``hash()``, so the result does not depend on
``PYTHONHASHSEED``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from dossier.article import Article
from dossier.words import folded_words

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.8
DEFAULT_SHINGLE = 5


def shingle_hashes(text: str, shingle: int = DEFAULT_SHINGLE) -> frozenset[int]:
    """Stable 64-bit hashes of every run of ``shingle`` consecutive words of ``text``.

    Empty when the text has fewer than ``shingle`` words.
    """
    _check_shingle(shingle)
    tokens = folded_words(text)
    return frozenset(
        _stable_hash(" ".join(tokens[i : i + shingle])) for i in range(len(tokens) - shingle + 1)
    )


def containment(first: frozenset[int], second: frozenset[int]) -> float:
    """Share of the smaller shingle set that also occurs in the larger one (0 when either is empty)."""
    smaller = min(len(first), len(second))
    if smaller == 0:
        return 0.0
    return len(first & second) / smaller


def mark_duplicates(
    articles: Sequence[Article], *, threshold: float = DEFAULT_THRESHOLD, shingle: int = DEFAULT_SHINGLE
) -> tuple[Article, ...]:
    """The articles, in input order, with ``duplicate_of`` set on near-copies.

    Articles whose shingle containment is at least ``threshold`` are grouped
    (transitively). In each group the earliest article (by published date,
    undated ones last, ties by input order) is the original; every other
    member gets ``duplicate_of`` set to the original's id. An article that
    already carries ``duplicate_of`` keeps it: an earlier stage decided.
    Articles with the same id as their group's original are left unmarked,
    since exact duplicates are handled by id elsewhere and an article cannot
    be a copy of itself.
    """
    _check_threshold(threshold)
    _check_shingle(shingle)
    # Equal ids mean equal text: each distinct text is shingled and compared once,
    # so a pile of exact copies costs no more than one of them.
    distinct = list(dict.fromkeys(article.id for article in articles))
    slot_of = {article_id: slot for slot, article_id in enumerate(distinct)}
    texts = {article.id: article.text for article in reversed(articles)}
    shingle_sets = [shingle_hashes(texts[article_id], shingle) for article_id in distinct]
    parent = list(range(len(distinct)))
    for first, second in _similar_pairs(shingle_sets, threshold):
        _union(parent, first, second)
    groups = [_find(parent, slot_of[article.id]) for article in articles]
    original_of = _originals(articles, groups)
    return tuple(_marked(article, articles[original_of[index]]) for index, article in enumerate(articles))


def _check_threshold(threshold: float) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or math.isnan(threshold):
        raise ValueError(f"threshold must be a number in (0, 1], got {threshold!r}")
    if not 0 < threshold <= 1:
        raise ValueError(
            f"threshold must be in (0, 1], got {threshold!r}: it is the share of shared shingles, "
            f"e.g. 0.8 for 80%"
        )


def _check_shingle(shingle: int) -> None:
    if isinstance(shingle, bool) or not isinstance(shingle, int):
        raise ValueError(f"shingle must be a whole number of words (>= 1), got {shingle!r}")
    if shingle < 1:
        raise ValueError(f"shingle must be at least 1 word, got {shingle}; 5 suits news prose")


def _stable_hash(value: str) -> int:
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _similar_pairs(shingle_sets: Sequence[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """Index pairs ``(earlier, later)`` whose containment reaches ``threshold``, in a fixed order."""
    postings: defaultdict[int, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    for index, shingles in enumerate(shingle_sets):
        shared: Counter[int] = Counter()
        for value in shingles:
            seen_in = postings[value]
            shared.update(seen_in)
            seen_in.append(index)
        for other in sorted(shared):
            smaller = min(len(shingles), len(shingle_sets[other]))
            if shared[other] / smaller >= threshold:
                pairs.append((other, index))
    return pairs


def _find(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]  # path halving keeps the trees flat
        index = parent[index]
    return index


def _union(parent: list[int], first: int, second: int) -> None:
    root_first, root_second = _find(parent, first), _find(parent, second)
    if root_first != root_second:
        parent[max(root_first, root_second)] = min(root_first, root_second)


def _age_key(article: Article, index: int) -> tuple[bool, dt.date, int]:
    # Undated articles sort after every dated one; input order breaks ties.
    return (article.published is None, article.published or dt.date.min, index)


def _originals(articles: Sequence[Article], groups: Sequence[int]) -> list[int]:
    """For each article, the index of the earliest article in its group."""
    earliest_in_group: dict[int, int] = {}
    for index, (article, group) in enumerate(zip(articles, groups, strict=True)):
        best = earliest_in_group.get(group)
        if best is None or _age_key(article, index) < _age_key(articles[best], best):
            earliest_in_group[group] = index
    return [earliest_in_group[group] for group in groups]


def _marked(article: Article, original: Article) -> Article:
    if article.duplicate_of is not None or article.id == original.id:
        return article
    log.debug("article %s (%s) is a near-copy of %s", article.id, article.source, original.id)
    return dataclasses.replace(article, duplicate_of=original.id)
