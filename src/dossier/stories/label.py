"""A story's label: verbatim text from one of its articles, never invented.

The label is the title (or, for an untitled article, its first line) of the
member whose title is most central: closest to the story's summed title stems
under the IDF of the moment it is labelled. Ties go to the earlier article, so labels are stable.
A story is labelled when it starts, at each join while small, when its size doubles and when it
takes a merge (:func:`label_due`), so the label can be kept beside the story in a store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.stories.weighting import DocumentFrequencies, cosine, norm

if TYPE_CHECKING:
    from dossier.stories.cluster import Cluster

#: Labels longer than this are cut at a word boundary (still verbatim: a prefix of the title).
MAX_LABEL_CHARS = 160
#: Stories up to this size are labelled again at every join.
SMALL_STORY = 8


def label_due(size: int) -> bool:
    """Whether a story that just reached ``size`` members is labelled again.

    Small stories are relabelled at every join; bigger ones when their size doubles, so labelling
    costs a bounded multiple of the story's size in all, and a label depends only on the articles
    that arrived before it (never on when a store was listed, or how an ingest was cut in batches).
    """
    return size <= SMALL_STORY or size & (size - 1) == 0


def label_of(cluster: Cluster, frequencies: DocumentFrequencies) -> str:
    centroid = frequencies.weigh("stems_title", cluster.sums["stems_title"])
    centroid_norm = norm(centroid)
    best_index, best_score = 0, -1.0
    for index, counts in enumerate(cluster.title_stems):
        vector = frequencies.weigh("stems_title", counts)
        score = cosine(vector, norm(vector), centroid, centroid_norm)
        if score > best_score + 1e-12:
            best_index, best_score = index, score
    return shorten(cluster.titles[best_index])


def shorten(text: str) -> str:
    """``text`` on one line, cut at a word boundary when longer than :data:`MAX_LABEL_CHARS`."""
    line = " ".join(text.split())
    if len(line) <= MAX_LABEL_CHARS:
        return line
    cut = line[:MAX_LABEL_CHARS].rsplit(" ", 1)[0]
    return cut or line[:MAX_LABEL_CHARS]
