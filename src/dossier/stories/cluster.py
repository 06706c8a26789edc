"""One growing story inside the online clusterer: summed term counts per space, and its dates.

Mutable on purpose and private to the clusterer: it changes with every article
that joins. What leaves the clusterer is a frozen :class:`~dossier.stories.model.FoundStory`.
"""

from __future__ import annotations

import base64
import datetime as dt
import heapq
import math
import sys
from array import array
from collections.abc import Mapping
from operator import itemgetter
from sys import intern
from typing import Any

from dossier.stories.features import SPACES, YEAR_PREFIX, Features
from dossier.stories.model import StoryArticle
from dossier.stories.weighting import DocumentFrequencies, SparseVector, norm

#: A story's weighted vectors are recomputed when it changed, or when the corpus grew this much since.
_REWEIGH_GROWTH = 1.25


class Cluster:
    """A story being built: its id, the order it was started in, its members and centroid counts."""

    __slots__ = (
        "_names_years",
        "_norms2",
        "_top_names",
        "_vectors",
        "_weighed_at",
        "first_date",
        "id",
        "label",
        "last_date",
        "members",
        "merged_from",
        "order",
        "sums",
        "title_stems",
        "titles",
        "topic",
        "years",
    )

    def __init__(self, story_id: str, order: int) -> None:
        self.id = story_id
        self.order = order
        self.sums: dict[str, dict[str, int]] = {space: {} for space in SPACES}
        self.members: list[StoryArticle] = []
        self.title_stems: list[dict[str, int]] = []
        self.titles: list[str] = []
        self.years: dict[int, int] = {}
        self.merged_from: list[str] = []
        self.first_date: dt.date | None = None
        self.last_date: dt.date | None = None
        self._vectors: dict[str, SparseVector] | None = None
        self._norms2: dict[str, float] = {}
        self._weighed_at = 0
        self._top_names: tuple[int, list[tuple[str, float]]] | None = None
        self._names_years = False
        #: The verbatim label, refreshed by the clusterer as the story grows (see ``label_due``).
        self.label = ""
        #: The story this one was related to when it started (its topic), or its own id.
        self.topic = story_id

    def add(
        self,
        member: StoryArticle,
        features: Features,
        title: str,
        frequencies: DocumentFrequencies | None = None,
    ) -> None:
        """Take one article. With ``frequencies``, the weighted centroid is updated term by term.

        Updating only the article's terms keeps a join as cheap as the article, however big the story;
        the other terms keep their slightly older IDF until the next full re-weighing.
        """
        self.members.append(member)
        self.titles.append(title)
        self._top_names = None
        if not self._names_years:
            self._names_years = any(term.startswith(YEAR_PREFIX) for term in features.figures)
        if features.year is not None:
            self.years[features.year] = self.years.get(features.year, 0) + 1
        self.title_stems.append({intern(term): count for term, count in features.stems_title.items()})
        for space in SPACES:
            sums = self.sums[space]
            for term, count in features.space(space).items():
                held = sums.get(term)
                if held is None:
                    # Kept as the one shared string of the term: each article's features are strings
                    # of their own, and the stories held 2.4 string objects per distinct term after
                    # 4,000 articles of ``bench_stream.py``, more as the stream grows.
                    sums[intern(term)] = count
                else:
                    sums[term] = held + count
        self._widen_dates(member.published, member.published)
        if frequencies is None or self._vectors is None:
            self._vectors = None
            return
        for space in SPACES:
            vector, sums = self._vectors[space], self.sums[space]
            terms = features.space(space)
            fresh = frequencies.weigh(space, {term: sums[term] for term in terms})
            change = 0.0
            for term, weight in fresh.items():
                old = vector.get(term)
                if old is None:
                    vector[intern(term)] = weight  # the story's own string of it (see the sums above)
                    change += weight * weight
                else:
                    vector[term] = weight
                    change += weight * weight - old * old
            self._norms2[space] = max(0.0, self._norms2[space] + change)

    def absorb(self, other: Cluster) -> None:
        """Take every member and count of ``other`` (a merge); ``other`` is dropped by the caller."""
        self.members.extend(other.members)
        self._top_names = None
        self._names_years = self._names_years or other._names_years
        self.title_stems.extend(other.title_stems)
        self.titles.extend(other.titles)
        for year, count in other.years.items():
            self.years[year] = self.years.get(year, 0) + count
        for space in SPACES:
            sums = self.sums[space]
            for term, count in other.sums[space].items():
                sums[term] = sums.get(term, 0) + count
        self.merged_from.extend([other.id, *other.merged_from])
        self._widen_dates(other.first_date, other.last_date)
        self._vectors = None

    def vector(self, space: str, frequencies: DocumentFrequencies) -> tuple[SparseVector, float]:
        """The centroid of one space under the current IDF, with its norm (cached between changes)."""
        stale = self._vectors is None or frequencies.documents > self._weighed_at * _REWEIGH_GROWTH
        if stale or self._vectors is None:
            self._vectors = {}
            self._top_names = None
            self._weighed_at = frequencies.documents
            for name in SPACES:
                weighed = frequencies.weigh(name, self.sums[name])
                self._vectors[name] = weighed
                self._norms2[name] = norm(weighed) ** 2
        return self._vectors[space], math.sqrt(self._norms2[space])

    def vector_read(self, space: str, frequencies: DocumentFrequencies) -> tuple[SparseVector, float]:
        """What :meth:`vector` gives now, but a new weighing is not kept: a read that changes nothing.

        The topic layer reads centroids this way, so that the weights the join decisions read stay
        those they would be without it (a story weighed now rather than at its next lookup would keep
        a slightly different IDF until its next re-weighing).
        """
        if self._vectors is not None and frequencies.documents <= self._weighed_at * _REWEIGH_GROWTH:
            return self._vectors[space], math.sqrt(self._norms2[space])
        weighed = frequencies.weigh(space, self.sums[space])
        return weighed, norm(weighed)

    def drop_stale_weights(self, frequencies: DocumentFrequencies) -> bool:
        """Forget the cached weighted centroid once the corpus outgrew it; whether there was one to forget.

        A stale cache is never read again: the next :meth:`vector` or :meth:`top_names` weighs the summed
        counts afresh, and :meth:`add` only keeps it up to date meanwhile. So dropping it changes no
        value, and the story holds only its counts until an article looks it up again: in a long
        stream most stories are long past (a float object per weight, the largest part of the heap).
        """
        if self._vectors is None or frequencies.documents <= self._weighed_at * _REWEIGH_GROWTH:
            return False
        self._vectors = None
        self._top_names = None
        return True

    def to_state(self) -> dict[str, Any]:
        """Everything it holds, cached weights included, as plain JSON values (see ``stories.state``)."""
        return {
            "id": self.id,
            "order": self.order,
            "label": self.label,
            "topic": self.topic,
            "sums": self.sums,
            "members": [member.to_dict() for member in self.members],
            "title_stems": self.title_stems,
            "titles": self.titles,
            "years": [[year, count] for year, count in self.years.items()],
            "merged_from": self.merged_from,
            "vectors": None
            if self._vectors is None
            else {space: _packed(vector, self.sums[space]) for space, vector in self._vectors.items()},
            "norms2": self._norms2,
            "weighed_at": self._weighed_at,
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> Cluster:
        cluster = cls(str(state["id"]), int(state["order"]))
        cluster.label = str(state["label"])
        cluster.topic = str(state.get("topic", cluster.id))  # a state saved before topics: its own
        cluster.sums = {space: dict(state["sums"][space]) for space in SPACES}
        cluster.members = [StoryArticle.from_dict(member) for member in state["members"]]
        cluster.title_stems = [dict(counts) for counts in state["title_stems"]]
        cluster.titles = [str(title) for title in state["titles"]]
        cluster.years = {int(year): int(count) for year, count in state["years"]}
        cluster.merged_from = [str(story) for story in state["merged_from"]]
        for member in cluster.members:
            cluster._widen_dates(member.published, member.published)
        vectors = state["vectors"]
        cluster._vectors = (
            None
            if vectors is None
            else {space: _unpacked(vectors[space], cluster.sums[space]) for space in SPACES}
        )
        cluster._norms2 = {space: float(value) for space, value in state["norms2"].items()}
        cluster._weighed_at = int(state["weighed_at"])
        cluster._names_years = any(term.startswith(YEAR_PREFIX) for term in cluster.sums["figures"])
        return cluster

    @property
    def names_years(self) -> bool:
        """Whether any member's text names a year (see ``features.YEAR_PREFIX``)."""
        return self._names_years

    def top_names(self, frequencies: DocumentFrequencies, count: int) -> list[tuple[str, float]]:
        """Its ``count`` most telling names (title or body centroid), with weights; cached between changes.

        The best ``count`` of each space are found apart (in C), then pooled: a name's weight is the
        higher of its two, and ties go to the name that sorts first.
        """
        fresh = self._vectors is not None and frequencies.documents <= self._weighed_at * _REWEIGH_GROWTH
        if fresh and self._top_names is not None and self._top_names[0] == count:
            return self._top_names[1]
        title, _ = self.vector("entities_title", frequencies)
        body, _ = self.vector("entities_body", frequencies)
        if self._top_names is None or self._top_names[0] != count:
            pooled: dict[str, float] = {}
            for vector in (title, body):
                for term, weight in heapq.nlargest(count, vector.items(), key=itemgetter(1)):
                    if weight > pooled.get(term, 0.0):
                        pooled[term] = weight
            names = sorted(pooled.items(), key=lambda item: (-item[1], item[0]))[:count]
            self._top_names = (count, names)
        return self._top_names[1]

    def main_year(self) -> int | None:
        """The year most of its dated members are about (the earliest on a tie); None when none says."""
        if not self.years:
            return None
        return min(self.years, key=lambda year: (-self.years[year], year))

    def days_away(self, day: dt.date | None) -> int | None:
        """Days between ``day`` and the story's date span; None when either is undated."""
        if day is None or self.first_date is None or self.last_date is None:
            return None
        if day < self.first_date:
            return (self.first_date - day).days
        if day > self.last_date:
            return (day - self.last_date).days
        return 0

    def days_between(self, other: Cluster) -> int | None:
        """Days between two stories' date spans (0 when they overlap); None when either is undated."""
        if other.first_date is None or other.last_date is None:
            return None
        return (
            min(
                value
                for value in (self.days_away(other.first_date), self.days_away(other.last_date))
                if value is not None
            )
            if self.first_date is not None
            else None
        )

    def _widen_dates(self, first: dt.date | None, last: dt.date | None) -> None:
        if first is not None and (self.first_date is None or first < self.first_date):
            self.first_date = first
        if last is not None and (self.last_date is None or last > self.last_date):
            self.last_date = last


def _packed(vector: SparseVector, sums: dict[str, int]) -> str | SparseVector:
    """A centroid's weights as base64 float64s in the order of its summed terms (its keys are those terms,
    in that order, unless a re-weighing dropped one): a fifth of the JSON and many times faster to write.
    Order matters: a cosine sums in the dict's order, so a resumed story must iterate as the saved one did.
    """
    if len(vector) != len(sums) or any(a != b for a, b in zip(vector, sums, strict=True)):
        return vector
    values = array("d", vector.values())
    if sys.byteorder == "big":  # saved little-endian, so a state moves between machines
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


def _unpacked(saved: str | Mapping[str, float], sums: dict[str, int]) -> SparseVector:
    if not isinstance(saved, str):
        return dict(saved)
    values = array("d")
    values.frombytes(base64.b64decode(saved))
    if sys.byteorder == "big":
        values.byteswap()
    if len(values) != len(sums):
        raise ValueError(f"a saved centroid holds {len(values)} weights for {len(sums)} terms")
    return dict(zip(sums, values, strict=True))
