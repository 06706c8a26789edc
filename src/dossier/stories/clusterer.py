"""The online, single-pass story clusterer, after Miranda et al. 2018 (streaming news clustering).

Each arriving article is compared with a few candidate stories, found through
:class:`~dossier.stories.index.StoryIndex` (never by scanning every story; a
dated article only among the stories touched within ``window_days`` of its
date, an undated one among all), and either joins the best one or starts a new
story:

- the fit of an article to a story is measured as cosines between the
  article's TF-IDF sub-vectors and the story's centroid, one per space (title
  and body entities, title and body stems, figures), under IDF counts that grow
  with the stream; plus the share of the article's most telling names the
  story never mentioned, the share of the story's most telling names the
  article never mentions, the share of the years the article names that the
  story never names and whether either names none (then nothing in time ties
  them, and it takes more of the rest to join), how many days the article lies from the story's date
  span (time decay; nothing when either is undated), whether their years
  disagree, and the story's size;
- a logistic join model turns those values into a probability; the article
  joins the best candidate when it passes ``join_threshold`` (``first_join_threshold``
  when that story holds one article); another candidate
  that also passes ``merge_threshold`` (the article bridges them) is merged in,
  the older id surviving, and the merge is recorded;
- a near-copy (MinHash LSH) of an earlier article joins that article's story
  directly, marked as its duplicate;
- stories are grouped into topics, a looser layer: a second learned model (the
  topic model) judges whether the article's story and its best other candidate
  are about the same kind of thing (two earthquakes, two arrests of players of
  one team); past ``topic_threshold`` their topics join. A third model, the
  relation model, judges the two stories as wholes, by the cosines of their
  centroids (no dates, no figures): past ``relation_threshold`` their topics
  join too. The candidates are tried in the order the index ranked them, and
  the first that either model relates is the one. A topic's id is the id
  of its oldest story; when two topics join, the older id survives, just as
  when stories merge.

Story ids are ``s-`` plus the first article's id, so the same input in the same
order always gives the same stories, and a story keeps its id as it grows.
As in Miranda et al., the join decision is learned: a logistic model over the
per-space cosines and the time and year values (:mod:`dossier.stories.decision`),
fitted by ``scripts/train_story_join.py`` and thresholded with values tuned by
``benchmarks/bench_stories.py``, both on ECB+ topics 1-35 only.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dossier.article import Article
from dossier.errors import UsageError
from dossier.records import Record
from dossier.stories.cluster import Cluster
from dossier.stories.copies import DEFAULT_THRESHOLD as DEFAULT_COPY_THRESHOLD
from dossier.stories.copies import CopyFinder
from dossier.stories.decision import RELATION_FEATURES, JoinModel
from dossier.stories.features import SPACES, YEAR_PREFIX, Features, article_title, features_of
from dossier.stories.index import DEFAULT_POSTING_CAP, StoryIndex, best
from dossier.stories.label import label_due, label_of
from dossier.stories.lazy_json import LazyArray, LazyObject, materialized
from dossier.stories.model import (
    Assignment,
    FoundStory,
    Merge,
    Relation,
    StoryArticle,
    StoryMap,
    newest_first,
    story_id_for,
    topic_root,
)
from dossier.stories.weighting import DocumentFrequencies, SparseVector, cosine, norm

logger = logging.getLogger(__name__)

#: The join model learned by ``scripts/train_story_join.py`` on ECB+ topics 1-35 only (never the test
#: topics), without "names_missing" (see the script's JOIN_FEATURES); the script prints exactly this.
#: ECB+ documents are undated, so "days" could not be learned: the script sets its coefficient by hand,
#: so that a story a whole ``time_scale_days`` away needs about as much more evidence as a year
#: disagreeing.
DEFAULT_MODEL = JoinModel(
    bias=-3.5796,
    coefficients={
        "entities_title": 2.206,
        "entities_body": 8.1205,
        "stems_title": 1.6755,
        "stems_body": 5.0425,
        "figures": 3.5679,
        "story_names_missing": -1.9315,
        "years_missing": -2.617,
        "years_unknown": -1.0874,
        "days": -1.5,
        "year_mismatch": -0.9237,
        "log_size": -0.2468,
    },
)
#: The topic model, learned by the same script from the same topics with ECB+ topics as the gold
#: grouping (two events of one kind are one topic). It weighs shared words far more than the join model
#: does, so that two stories of one kind relate while their names keep them apart as stories. "days"
#: again by hand, milder: a topic outlives its stories.
DEFAULT_TOPIC_MODEL = JoinModel(
    bias=3.2766,
    coefficients={
        "entities_title": 4.4278,
        "entities_body": 7.7198,
        "stems_title": 7.5023,
        "stems_body": 7.4094,
        "figures": 0.9737,
        "names_missing": -4.7016,
        "story_names_missing": -2.7819,
        "years_missing": -0.6331,
        "years_unknown": -0.0875,
        "days": -1.0,
        "year_mismatch": -0.3792,
        "log_size": -1.1584,
    },
)

#: The relation model, learned by the same script from the same topics: stories made by a clusterer that
#: runs with the join model above, each pair of an article's story and another candidate labelled by
#: whether most of their articles so far are of one topic. It sees only the cosines of the two centroids.
DEFAULT_RELATION_MODEL = JoinModel(
    bias=-5.3709,
    coefficients={
        "centroid_entities_title": -1.4602,
        "centroid_entities_body": 16.9421,
        "centroid_stems_title": 15.8957,
        "centroid_stems_body": 4.5135,
    },
)


@dataclass(frozen=True, slots=True)
class Settings(Record):
    """The knobs of the join-or-start decision and of the candidate search."""

    model: JoinModel = DEFAULT_MODEL
    #: An article joins its best candidate when the model gives it at least this probability.
    join_threshold: float = 0.1
    #: ... and a story of one article only from this probability, if higher (None: never). One article is
    #: thin evidence of what its story is about, and an article of another event that joins it there draws
    #: that event's next articles after it, into a story half of which is now theirs.
    first_join_threshold: float | None = 0.4
    #: The model that judges whether an article's story and another candidate share a topic.
    topic_model: JoinModel = DEFAULT_TOPIC_MODEL
    #: ... and the probability from which they do: their topics join (the older topic id survives).
    topic_threshold: float = 0.85
    #: The model that judges whether two stories, as wholes, share a topic (None: only the topic model).
    relation_model: JoinModel | None = DEFAULT_RELATION_MODEL
    #: ... and the probability from which they do.
    relation_threshold: float = 0.6
    #: Another candidate the article fits at least this well is merged into the same story.
    merge_threshold: float = 0.7
    #: ... and so is one whose centroid the grown story's centroid fits this well (None: never).
    centroid_merge_threshold: float | None = None
    #: How many of the other candidates are checked for a merge after each join.
    merge_candidates: int = 5
    #: Days from a story's date span at which the "days" value reaches 1 (it grows linearly before).
    time_scale_days: float = 30.0
    #: How many of the article's top terms look up candidate stories, and how many candidates are scored.
    query_terms: int = 40
    max_candidates: int = 12
    posting_cap: int = DEFAULT_POSTING_CAP
    #: A dated article is only weighed against stories touched within about this many days of its date
    #: (see :class:`~dossier.stories.index.StoryIndex`); an undated one against all. None: no window.
    window_days: int | None = 30
    #: A dated lookup passes over a query term whose lists near the article's date hold more than this
    #: many stories (None: never). Within the window such a term is a common word: it adds the same weight
    #: to a crowd of stories and so tells none of them apart, while walking it is what grows as the
    #: window fills (in ``bench_stream.py``'s archive stream the stories near a date grow tenfold from 10k
    #: to 100k articles, and so do the lists). With it a lookup sums at most ``query_terms`` times this
    #: many entries however dense the window; the article's own story is still found by its rarer terms.
    #: Undated lookups (the all-time lists, one capped list per term) keep every term.
    crowded_term_stories: int | None = 16
    copy_threshold: float = DEFAULT_COPY_THRESHOLD

    def __post_init__(self) -> None:
        if not 0.0 < self.join_threshold <= self.merge_threshold <= 1.0:
            raise UsageError(
                f"need 0 < join_threshold <= merge_threshold <= 1, got {self.join_threshold} "
                f"and {self.merge_threshold}"
            )
        if self.first_join_threshold is not None and not 0.0 < self.first_join_threshold <= 1.0:
            raise UsageError(f"need 0 < first_join_threshold <= 1, got {self.first_join_threshold}")
        if not 0.0 < self.topic_threshold <= 1.0:
            raise UsageError(f"need 0 < topic_threshold <= 1, got {self.topic_threshold}")
        if not 0.0 < self.relation_threshold <= 1.0:
            raise UsageError(f"need 0 < relation_threshold <= 1, got {self.relation_threshold}")
        if self.time_scale_days <= 0:
            raise UsageError(f"time_scale_days must be above 0, not {self.time_scale_days}")
        if self.query_terms < 1 or self.max_candidates < 1:
            raise UsageError("query_terms and max_candidates must be at least 1")
        if self.crowded_term_stories is not None and self.crowded_term_stories < 1:
            bound = self.crowded_term_stories
            raise UsageError(f"crowded_term_stories must be at least 1 (or None: no bound), not {bound}")
        if self.window_days is not None and self.window_days < 1:
            raise UsageError(f"window_days must be at least 1 (or None: no window), not {self.window_days}")


class OnlineClusterer:
    """Places articles into stories one at a time, in arrival order, never revisiting a placement."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._frequencies = DocumentFrequencies()
        self._index = StoryIndex(self.settings.posting_cap, self.settings.window_days)
        self._copies = CopyFinder(self.settings.copy_threshold)
        self._clusters: dict[str, Cluster] = {}
        self._story_of: dict[str, str] = {}  # article id -> story id
        self._absorbed_into: dict[str, str] = {}  # merged-away story id -> the one that took it
        self._merges: list[Merge] = []

    # --- the stream ------------------------------------------------------------------------------------

    def add(self, article: Article, features: Features | None = None) -> Assignment:
        """Place one article; an article seen before (same id) keeps its story.

        ``features`` may be given when already computed (they must be ``features_of(article)``).
        """
        known = self._story_of.get(article.id)
        if known is not None:
            return Assignment(article.id, self.resolve(known), started=False, score=1.0)
        features = features or features_of(article)
        original = self._copies.add(article.id, article.text)
        if original is not None:
            self._count(features)
            story = self._clusters[self.resolve(self._story_of[original])]
            self._join(story, article, features, duplicate_of=original)
            return Assignment(article.id, story.id, started=False, score=1.0, duplicate_of=original)
        vectors = self._vectors(features)
        candidates = self._candidates(article, features, vectors)
        scored = [(cluster, self.settings.model.probability(values)) for cluster, values in candidates]
        scored.sort(key=lambda item: (-item[1], item[0].order))
        self._count(features)
        best = scored[0] if scored else None
        if best is None or best[1] < self._join_threshold(best[0]):
            story = self._start(article, features, vectors)
            relations = self._relate(story, candidates)
            return Assignment(
                article.id,
                story.id,
                started=True,
                score=best[1] if best else 0.0,
                thin=features.thin,
                relations=relations,
            )
        story = best[0]
        self._join(story, article, features, vectors=vectors)
        merges = self._merge_bridged(story, scored[1:], article.id)
        relations = self._relate(self._clusters[self.resolve(story.id)], candidates)
        return Assignment(
            article.id,
            self.resolve(story.id),
            started=False,
            score=best[1],
            thin=features.thin,
            merges=merges,
            relations=relations,
        )

    def place(self, article: Article, story_id: str, duplicate_of: str | None = None) -> None:
        """Put an article into a known story without deciding anything (replaying a stored history).

        The story is made when it does not exist yet; the article's terms count as if it had just arrived.
        """
        if article.id in self._story_of:
            return
        features = features_of(article)
        self._count(features)
        self._copies.add(article.id, article.text)
        target = self.resolve(story_id)
        cluster = self._clusters.get(target)
        if cluster is None:
            cluster = self._clusters[target] = Cluster(target, len(self._clusters) + len(self._absorbed_into))
        self._join(cluster, article, features, duplicate_of=duplicate_of)

    def record_merge(self, survivor: str, absorbed: str) -> None:
        """Replay a stored merge: ``absorbed`` now resolves to ``survivor`` (absorbed if still held)."""
        survivor = self.resolve(survivor)
        if absorbed == survivor or absorbed in self._absorbed_into:
            return
        kept = self._clusters.get(survivor)
        gone = self._clusters.pop(absorbed, None)
        self._absorbed_into[absorbed] = survivor
        if kept is not None and gone is not None:
            kept.absorb(gone)
            kept.label = label_of(kept, self._frequencies)
        elif kept is not None:
            kept.merged_from.append(absorbed)

    def resolve(self, story_id: str) -> str:
        """The live story an id stands for now (itself, or the story it was merged into)."""
        while story_id in self._absorbed_into:
            story_id = self._absorbed_into[story_id]
        return story_id

    # --- results ---------------------------------------------------------------------------------------

    @property
    def merges(self) -> tuple[Merge, ...]:
        return tuple(self._merges)

    def topic_of(self, story_id: str) -> str:
        """The topic of a live story: the oldest story in its chain of relations (its own id if none).

        A relation only ever points a story at an older one (see :meth:`_relate`), and a merge keeps the
        older id, so the chain only ever steps to older stories and ends.
        """

        def related_of(current: str) -> str | None:
            cluster = self._clusters.get(current)
            return None if cluster is None else cluster.topic

        return topic_root(story_id, related_of, self.resolve, len(self._clusters))

    def story_of(self, article_id: str) -> str | None:
        known = self._story_of.get(article_id)
        return self.resolve(known) if known is not None else None

    def stories(self) -> StoryMap:
        """Every story so far, newest first (by last date; undated stories after dated ones), then by id."""
        return newest_first(
            FoundStory.of(
                cluster.id, cluster.label, cluster.members, cluster.merged_from, self.topic_of(cluster.id)
            )
            for cluster in self._clusters.values()
        )

    def label(self, story_id: str) -> str | None:
        """The current label of a live story (None for an unknown or merged-away id)."""
        cluster = self._clusters.get(story_id)
        return cluster.label if cluster is not None else None

    # --- saving and resuming (see dossier.stories.state) -------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """Everything the clusterer has learned, as plain JSON values, so that it can resume exactly."""
        state: dict[str, Any] = materialized(self.state_tree())
        return state

    def state_tree(self) -> LazyObject:
        """:meth:`to_state` with the stories, lists and signatures made only as they are written, so that
        a save never holds a second copy of a large state (see :mod:`dossier.stories.lazy_json`)."""
        return LazyObject(
            [
                ("frequencies", self._frequencies.state_tree()),
                ("index", self._index.state_tree()),
                ("copies", self._copies.state_tree()),
                # A story's state is tens of kilobytes: a few at a time.
                ("clusters", LazyArray((cluster.to_state() for cluster in self._clusters.values()), 8)),
                ("story_of", LazyObject(self._story_of.items())),
                ("absorbed_into", LazyObject(self._absorbed_into.items())),
                ("merges", [merge.to_dict() for merge in self._merges]),
            ]
        )

    @classmethod
    def from_state(cls, state: Mapping[str, Any], settings: Settings | None = None) -> OnlineClusterer:
        """A clusterer in exactly the saved state, under ``settings`` (which must be those it ran with)."""
        clusterer = cls(settings)
        clusterer._frequencies = DocumentFrequencies.from_state(state["frequencies"])
        clusterer._index = StoryIndex.from_state(state["index"])
        clusterer._copies = CopyFinder.from_state(state["copies"])
        clusterers = (Cluster.from_state(cluster) for cluster in state["clusters"])
        clusterer._clusters = {cluster.id: cluster for cluster in clusterers}
        clusterer._story_of = {str(k): str(v) for k, v in state["story_of"].items()}
        clusterer._absorbed_into = {str(k): str(v) for k, v in state["absorbed_into"].items()}
        clusterer._merges = [Merge.from_dict(merge) for merge in state["merges"]]
        return clusterer

    # --- internals -------------------------------------------------------------------------------------

    def _vectors(self, features: Features) -> dict[str, tuple[SparseVector, float]]:
        vectors: dict[str, tuple[SparseVector, float]] = {}
        for space in SPACES:
            weighed = self._frequencies.weigh(space, features.space(space))
            vectors[space] = (weighed, norm(weighed))
        return vectors

    def _query_terms(self, vectors: Mapping[str, tuple[SparseVector, float]]) -> list[tuple[str, float]]:
        """The article's most telling terms across spaces, as (space-qualified term, weight)."""
        pooled = [
            (f"{space}|{term}", weight / vector_norm)
            for space, (vector, vector_norm) in vectors.items()
            if vector_norm > 0
            for term, weight in vector.items()
        ]
        pooled.sort(key=lambda item: (-item[1], item[0]))
        return pooled[: self.settings.query_terms]

    def candidate_values(self, article: Article) -> list[tuple[str, dict[str, float]]]:
        """The decision values of the article against each candidate story (for training the join model)."""
        features = features_of(article)
        return [
            (cluster.id, values)
            for cluster, values in self._candidates(article, features, self._vectors(features))
        ]

    def story_values(self, article: Article, story_id: str) -> dict[str, float] | None:
        """The decision values of the article against one story, if it exists (for training)."""
        cluster = self._clusters.get(self.resolve(story_id))
        if cluster is None:
            return None
        features = features_of(article)
        vectors = self._vectors(features)
        return self._values(cluster, article, features, vectors, top_names(vectors), years_named(features))

    def _candidates(
        self, article: Article, features: Features, vectors: Mapping[str, tuple[SparseVector, float]]
    ) -> list[tuple[Cluster, dict[str, float]]]:
        hits = self._index.lookup(
            self._query_terms(vectors), article.published, self.settings.crowded_term_stories
        )
        live = self._live_weights(hits)
        clusters = self._clusters
        # Only the best few are scored: a partial selection, not a sort of every story the terms reach.
        ranked = best(live, self.settings.max_candidates, lambda story_id: clusters[story_id].order)
        names, years = top_names(vectors), years_named(features)
        return [
            (clusters[story_id], self._values(clusters[story_id], article, features, vectors, names, years))
            for story_id, _ in ranked
        ]

    def _live_weights(self, hits: dict[str, float]) -> dict[str, float]:
        """The looked-up weights summed per live story: a merged-away id counts for the story that took it.

        Each live story's weight is the sum of its ids' weights in the order the lookup met them, bit for
        bit what adding them one by one in that order gives; the few merged-away ids are picked out of the
        hits in C, so the stories no merge touched (nearly all) cost nothing here. ``hits`` is the
        lookup's own dict and is changed in place (no copy of the few hundred stories a lookup meets): a
        live story keeps its place, one met only through merged-away ids comes at the end.
        """
        # The hits are checked against the merged-away ids, not the other way round: a key-view
        # intersection walked every merge of the stream (thousands in a long one) at every lookup.
        stale = list(filter(self._absorbed_into.__contains__, hits))
        if not stale:
            return hits
        groups: dict[str, list[str]] = {}
        for story_id in stale:
            target = self.resolve(story_id)
            groups.setdefault(target, [target] if target in hits else []).append(story_id)
        # Two weights give the same sum in either order (floating-point addition commutes; only a third
        # one makes the order count), so only a story with three or more ids met needs the lookup's order.
        # In a dense stretch of the stream nearly every lookup meets a merged-away id beside its survivor,
        # and the pass over every hit that finds the order was a quarter of this method's cost.
        ordered = {story_id for group in groups.values() if len(group) > 2 for story_id in group}
        met: dict[str, int] = {}
        if ordered:
            met = {story_id: place for place, story_id in enumerate(hits) if story_id in ordered}
        weights = {story_id: hits.pop(story_id) for story_id in stale}
        for target, group in groups.items():
            if len(group) > 2:
                group.sort(key=met.__getitem__)
            total = 0.0
            for story_id in group:
                total += weights[story_id] if story_id in weights else hits[story_id]
            hits[target] = total
        return hits

    def _values(
        self,
        cluster: Cluster,
        article: Article,
        features: Features,
        vectors: Mapping[str, tuple[SparseVector, float]],
        names: list[tuple[str, float]],
        years: Mapping[str, int],
    ) -> dict[str, float]:
        """How well the article fits the story, one value per decision feature (``names``: its top names)."""
        values: dict[str, float] = {}
        for space, (vector, vector_norm) in vectors.items():
            centroid, centroid_norm = cluster.vector(space, self._frequencies)
            values[space] = cosine(vector, vector_norm, centroid, centroid_norm)
        days = cluster.days_away(article.published)
        values["days"] = min(1.0, days / self.settings.time_scale_days) if days is not None else 0.0
        story_year = cluster.main_year()
        mismatch = features.year is not None and story_year is not None and features.year != story_year
        values["year_mismatch"] = 1.0 if mismatch else 0.0
        values["names_missing"] = _names_missing(names, cluster.sums)
        values["story_names_missing"] = _story_names_missing(
            cluster.top_names(self._frequencies, STORY_TOP_NAMES), features
        )
        values["years_missing"] = _years_missing(years, cluster)
        values["years_unknown"] = 0.0 if years and (cluster.years or cluster.names_years) else 1.0
        values["log_size"] = math.log(len(cluster.members))
        return values

    def _join_threshold(self, story: Cluster) -> float:
        """The probability from which an article joins ``story`` (higher for a story of one article)."""
        first = self.settings.first_join_threshold
        if first is not None and len(story.members) == 1:
            return max(first, self.settings.join_threshold)
        return self.settings.join_threshold

    def _relate(
        self, story: Cluster, candidates: list[tuple[Cluster, dict[str, float]]]
    ) -> tuple[Relation, ...]:
        """Join the topics of ``story`` and of the first other candidate a model relates it to, if any.

        Topics join like stories merge: the younger topic's root now points at the older one's. Returns
        the pointers set, for a store to record.
        """
        cluster = self._related_candidate(story, candidates)
        if cluster is None:
            return ()
        mine, theirs = self._clusters[self.topic_of(story.id)], self._clusters[self.topic_of(cluster.id)]
        older, younger = (mine, theirs) if mine.order <= theirs.order else (theirs, mine)
        # The join itself (younger root -> older root), and a shortcut for the two stories at hand, so that
        # chains of relations stay short however many topics join over a long stream.
        relations: list[Relation] = []
        for pointer in (younger, story, cluster):
            if pointer.id != older.id and pointer.topic != older.id:
                pointer.topic = older.id
                relations.append(Relation(pointer.id, older.id))
        return tuple(relations)

    def _related_candidate(
        self, story: Cluster, candidates: list[tuple[Cluster, dict[str, float]]]
    ) -> Cluster | None:
        """The first other candidate, in the index's order, that the topic or the relation model relates.

        The topic model reads the arriving article against the candidate; the relation model reads the
        two stories' centroids, so that two events of one kind whose names differ (the article's names
        weigh against the topic model) still meet through the words their stories share. The index's
        order (by the telling terms shared) decides between candidates: tried on topics 1-35 and on
        MultiLing, it related no worse than taking the most probable one.
        """
        topic_model, relation_model = self.settings.topic_model, self.settings.relation_model
        story_centroids: dict[str, tuple[SparseVector, float]] = {}  # read once for every candidate
        for cluster, values in candidates:
            if cluster.id not in self._clusters or cluster.id == story.id:
                continue
            if topic_model.probability(values) >= self.settings.topic_threshold:
                return cluster
            if relation_model is not None and self._stories_related(
                relation_model, story, story_centroids, cluster
            ):
                return cluster
        return None

    def _stories_related(
        self,
        model: JoinModel,
        story: Cluster,
        story_centroids: dict[str, tuple[SparseVector, float]],
        other: Cluster,
    ) -> bool:
        """Whether ``model`` relates two stories, reading their centroid cosines cheapest first.

        Each cosine lies between 0 and 1, so once the values read so far settle the answer whatever the
        rest are, the rest (the body centroids are the largest) are not read: the answer is the one all
        of them give (bar a margin far below any value's weight), at a fraction of the cost on most
        pairs, which are far from related. ``story_centroids`` keeps the story's side between candidates.
        """
        threshold = _logit(self.settings.relation_threshold)
        coefficients = model.coefficients
        logit = model.bias
        rising = sum(max(0.0, coefficients.get(name, 0.0)) for name in _RELATION_READING_ORDER)
        falling = sum(min(0.0, coefficients.get(name, 0.0)) for name in _RELATION_READING_ORDER)
        values: dict[str, float] = {}
        for name in _RELATION_READING_ORDER:
            if logit + rising < threshold - _SETTLED:
                return False
            if logit + falling >= threshold + _SETTLED:
                return True
            if name not in story_centroids:
                story_centroids[name] = self._centroid(story, name)
            values[name] = cosine(*story_centroids[name], *self._centroid(other, name))
            weight = coefficients.get(name, 0.0)
            logit += weight * values[name]
            rising -= max(0.0, weight)
            falling -= min(0.0, weight)
        return model.probability(values) >= self.settings.relation_threshold

    def _relation_values(self, one: Cluster, other: Cluster) -> dict[str, float]:
        """What the relation model reads of two stories: the cosine of their centroids per word space."""
        return {
            name: cosine(*self._centroid(one, name), *self._centroid(other, name))
            for name in RELATION_FEATURES
        }

    def _centroid(self, story: Cluster, feature: str) -> tuple[SparseVector, float]:
        """The story's centroid and its norm in the space a relation feature names ("centroid_stems_body")."""
        return story.vector_read(feature.removeprefix("centroid_"), self._frequencies)

    def relation_values(self, story_id: str, other_id: str) -> dict[str, float] | None:
        """The relation model's values of two live stories (for training); None when either is gone."""
        one, other = self._clusters.get(self.resolve(story_id)), self._clusters.get(self.resolve(other_id))
        if one is None or other is None or one is other:
            return None
        return self._relation_values(one, other)

    def record_relation(self, story_id: str, related: str) -> None:
        """Replay a stored topic relation: the story's topic pointer is ``related`` (no-op once absorbed)."""
        cluster = self._clusters.get(story_id)
        if cluster is not None:
            cluster.topic = related

    def _count(self, features: Features) -> None:
        self._frequencies.add({space: features.space(space) for space in SPACES})
        if self._frequencies.documents % _SWEEP_EVERY == 0:
            self._drop_stale_weights()

    def _drop_stale_weights(self) -> None:
        """Free the cached weights no story will read again (see :meth:`Cluster.drop_stale_weights`).

        On a schedule of the article count alone, so that a resumed clusterer holds what one that never
        paused holds; a sweep costs one check per story, less than one article's placing.
        """
        frequencies = self._frequencies
        dropped = sum(cluster.drop_stale_weights(frequencies) for cluster in self._clusters.values())
        logger.debug("stories: dropped the stale weights of %d of %d stories", dropped, len(self._clusters))

    def _start(
        self, article: Article, features: Features, vectors: Mapping[str, tuple[SparseVector, float]]
    ) -> Cluster:
        cluster = Cluster(story_id_for(article.id), len(self._clusters) + len(self._absorbed_into))
        self._clusters[cluster.id] = cluster
        self._join(cluster, article, features, vectors=vectors)
        return cluster

    def _join(
        self,
        cluster: Cluster,
        article: Article,
        features: Features,
        *,
        duplicate_of: str | None = None,
        vectors: Mapping[str, tuple[SparseVector, float]] | None = None,
    ) -> None:
        cluster.add(
            StoryArticle.of(article, duplicate_of), features, article_title(article), self._frequencies
        )
        if label_due(len(cluster.members)):
            cluster.label = label_of(cluster, self._frequencies)
        self._story_of[article.id] = cluster.id
        if duplicate_of is None:
            # Copies add nothing new to look the story up by. An undated article is filed at its story's
            # latest date: where in time the story was last touched.
            self._index.add(
                cluster.id,
                (term for term, _ in self._query_terms(vectors or self._vectors(features))),
                article.published or cluster.last_date,
            )

    def _centroids_match(self, one: Cluster, other: Cluster) -> bool:
        """Whether two stories' centroids fit each other as well as ``centroid_merge_threshold`` asks."""
        threshold = self.settings.centroid_merge_threshold
        if threshold is None:
            return False
        values: dict[str, float] = {}
        for space in SPACES:
            left, left_norm = one.vector(space, self._frequencies)
            right, right_norm = other.vector(space, self._frequencies)
            values[space] = cosine(left, left_norm, right, right_norm)
        gap = one.days_between(other)
        values["days"] = min(1.0, gap / self.settings.time_scale_days) if gap is not None else 0.0
        one_year, other_year = one.main_year(), other.main_year()
        values["year_mismatch"] = 1.0 if one_year and other_year and one_year != other_year else 0.0
        values["log_size"] = math.log(min(len(one.members), len(other.members)))
        return self.settings.model.probability(values) >= threshold

    def _merge_bridged(
        self, story: Cluster, others: Iterable[tuple[Cluster, float]], article_id: str
    ) -> tuple[Merge, ...]:
        """Merge into one every other candidate the article matches as strongly as ``merge_threshold``."""
        merges: list[Merge] = []
        survivor = story
        for other, score in list(others)[: self.settings.merge_candidates]:
            if other.id == survivor.id or other.id in self._absorbed_into:
                continue
            if score < self.settings.merge_threshold and not self._centroids_match(survivor, other):
                continue
            older, younger = (survivor, other) if survivor.order <= other.order else (other, survivor)
            older.absorb(younger)
            older.label = label_of(older, self._frequencies)
            del self._clusters[younger.id]
            self._absorbed_into[younger.id] = older.id
            merge = Merge(survivor=older.id, absorbed=younger.id, article_id=article_id)
            self._merges.append(merge)
            merges.append(merge)
            logger.info("merged story %s into %s (bridged by %s)", younger.id, older.id, article_id)
            survivor = older
        return tuple(merges)


#: Every this many articles, the stories' stale cached weights are dropped (see ``_drop_stale_weights``).
_SWEEP_EVERY = 1000
#: The relation model's values in the order they are read: the small title centroids before the body's.
_RELATION_READING_ORDER = (
    "centroid_stems_title",
    "centroid_entities_title",
    "centroid_entities_body",
    "centroid_stems_body",
)
#: How far past the threshold (in log-odds) a bound must lie to settle a relation before every value is read.
_SETTLED = 1e-9
#: How many of an article's most telling names are checked against a story (see ``_names_missing``).
TOP_NAMES = 5
#: How many of a story's most telling names are checked against an article (see ``_story_names_missing``).
STORY_TOP_NAMES = 5


def _logit(probability: float) -> float:
    """The log-odds of a probability in (0, 1]; infinite at 1 (nothing reaches it)."""
    return math.inf if probability >= 1.0 else math.log(probability / (1.0 - probability))


def top_names(vectors: Mapping[str, tuple[SparseVector, float]]) -> list[tuple[str, float]]:
    """The article's ``TOP_NAMES`` most telling names (title or body), with their TF-IDF weights."""
    pooled: dict[str, float] = {}
    for space in ("entities_title", "entities_body"):
        vector, _ = vectors[space]
        for term, weight in vector.items():
            if weight > pooled.get(term, 0.0):
                pooled[term] = weight
    return heapq.nsmallest(TOP_NAMES, pooled.items(), key=lambda item: (-item[1], item[0]))


def _names_missing(names: list[tuple[str, float]], story_sums: Mapping[str, Mapping[str, int]]) -> float:
    """The weight share of the article's top names that the story never mentioned.

    Two stories of one kind share most words and even some names (the team, the
    country); the names that matter most to the article (the other boxer, the
    second arrested player) are the ones a wrong story lacks.
    """
    total = sum(weight for _, weight in names)
    if total == 0.0:
        return 0.0
    seen_title, seen_body = story_sums["entities_title"], story_sums["entities_body"]
    missing = sum(weight for term, weight in names if term not in seen_body and term not in seen_title)
    return missing / total


def _story_names_missing(names: list[tuple[str, float]], features: Features) -> float:
    """The weight share of the story's top names that the article never mentions.

    The other side of ``_names_missing``: a story about one earthquake is known by
    its place and its figures' names; an article about another earthquake of the
    same kind shares the vocabulary but not the names the story is built around.
    """
    total = sum(weight for _, weight in names)
    if total == 0.0:
        return 0.0
    title, body = features.entities_title, features.entities_body
    missing = sum(weight for term, weight in names if term not in body and term not in title)
    return missing / total


def years_named(features: Features) -> dict[str, int]:
    """The years an article names, as figure terms with counts: its text's years and its own year."""
    named = {term: count for term, count in features.figures.items() if term.startswith(YEAR_PREFIX)}
    if features.year is not None:
        own = f"{YEAR_PREFIX}{features.year}"
        named[own] = named.get(own, 0) + 1
    return named


def _years_missing(years: Mapping[str, int], cluster: Cluster) -> float:
    """The share of the article's year mentions (``years_named``) that name a year the story never names.

    Two events of one kind are often years apart (a team's two wins, a country's two elections): the
    years an article names, in its dateline or its text, tell which one it reports. 0 when either side
    names no year.
    """
    total = sum(years.values())
    if total == 0 or not (cluster.years or cluster.names_years):
        return 0.0
    story = cluster.sums["figures"]
    dated = cluster.years
    missing = sum(
        count
        for term, count in years.items()
        if term not in story and int(term[len(YEAR_PREFIX) :]) not in dated
    )
    return missing / total


def find_stories(
    articles: Iterable[Article], settings: Settings | None = None
) -> tuple[StoryMap, tuple[Assignment, ...]]:
    """Batch use of the online clusterer: the articles in the order given, each placed once."""
    clusterer = OnlineClusterer(settings)
    assignments = tuple(clusterer.add(article) for article in articles)
    return clusterer.stories(), assignments


def story_count(assignments: Iterable[Assignment]) -> int:
    return len({assignment.story_id for assignment in assignments})
