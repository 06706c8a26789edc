"""A story's label: verbatim text from one of its articles, never invented.

The label is the title (or, for an untitled article, its first line) of the
member whose title is most central: closest to the story's summed title stems
under the current IDF. Ties go to the earlier article, so labels are stable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.stories.weighting import DocumentFrequencies, cosine, norm

if TYPE_CHECKING:
    from dossier.stories.cluster import Cluster

#: Labels longer than this are cut at a word boundary (still verbatim: a prefix of the title).
MAX_LABEL_CHARS = 160


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
