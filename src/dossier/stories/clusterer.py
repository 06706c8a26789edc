"""The online, single-pass story clusterer, after Miranda et al. 2018 (streaming news clustering).

Each arriving article is compared with a few candidate stories, found through
:class:`~dossier.stories.index.CandidateIndex` (never by scanning every story),
and either joins the best one or starts a new story:

- similarity is a weighted mean of cosines between the article's TF-IDF
  sub-vectors and the story's centroid, one per space (title and body entities,
  title and body stems, figures), under IDF counts that grow with the stream;
- a time-decay term lowers the score the further the article's date lies from
  the story's date span (no penalty when either is undated);
- the article joins when the score passes ``join_threshold``; a second
  candidate that also passes ``merge_threshold`` is merged in, the older id
  surviving, and the merge is recorded;
- a near-copy (MinHash LSH) of an earlier article joins that article's story
  directly, marked as its duplicate.

Story ids are ``s-`` plus the first article's id, so the same input in the same
order always gives the same stories, and a story keeps its id as it grows.
Miranda et al. learn the join decision; here it is a weighted threshold whose
weights were tuned on ECB+ topics 1–35 (``benchmarks/bench_stories.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dossier.article import Article
from dossier.errors import UsageError
from dossier.records import Record
from dossier.stories.cluster import Cluster
from dossier.stories.copies import DEFAULT_THRESHOLD as DEFAULT_COPY_THRESHOLD
from dossier.stories.copies import CopyFinder
from dossier.stories.features import SPACES, Features, article_title, features_of
from dossier.stories.index import DEFAULT_POSTING_CAP, CandidateIndex
from dossier.stories.label import label_of
from dossier.stories.model import Assignment, FoundStory, Merge, StoryArticle, StoryMap, story_id_for
from dossier.stories.weighting import DocumentFrequencies, SparseVector, cosine, norm

logger = logging.getLogger(__name__)

#: Default weight of each space in the join score (tuned on ECB+ topics 1-35 only).
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "entities_title": 1.0,
    "entities_body": 2.0,
    "stems_title": 1.0,
    "stems_body": 2.0,
    "figures": 0.5,
}


@dataclass(frozen=True, slots=True)
class Settings(Record):
    """The knobs of the join-or-start decision and of the candidate search."""

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    join_threshold: float = 0.2
    merge_threshold: float = 0.45
    #: The score lost by an article this many days or more away from a story's date span (linear before).
    time_penalty: float = 0.15
    time_scale_days: float = 30.0
    #: The score lost when the article's year (published, or named in its opening lines) is not the story's.
    year_penalty: float = 0.0
    #: How many of the article's top terms look up candidate stories, and how many candidates are scored.
    query_terms: int = 40
    max_candidates: int = 40
    posting_cap: int = DEFAULT_POSTING_CAP
    copy_threshold: float = DEFAULT_COPY_THRESHOLD

    def __post_init__(self) -> None:
        unknown = sorted(set(self.weights) - set(SPACES))
        if unknown:
            raise UsageError(f"unknown feature space(s) {unknown}; known: {', '.join(SPACES)}")
        if any(weight < 0 for weight in self.weights.values()) or not any(self.weights.values()):
            raise UsageError("space weights must be non-negative and not all zero")
        if not 0.0 < self.join_threshold <= self.merge_threshold <= 1.0:
            raise UsageError(
                f"need 0 < join_threshold <= merge_threshold <= 1, got {self.join_threshold} "
                f"and {self.merge_threshold}"
            )
        if self.time_scale_days <= 0 or self.time_penalty < 0 or self.year_penalty < 0:
            raise UsageError("time_scale_days must be above 0, time_penalty and year_penalty not below 0")
        if self.query_terms < 1 or self.max_candidates < 1:
            raise UsageError("query_terms and max_candidates must be at least 1")


class OnlineClusterer:
    """Places articles into stories one at a time, in arrival order, never revisiting a placement."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._frequencies = DocumentFrequencies()
        self._index = CandidateIndex(self.settings.posting_cap)
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
        self._frequencies.add({space: features.space(space) for space in SPACES})
        original = self._copies.add(article.id, article.text)
        if original is not None:
            story = self._clusters[self.resolve(self._story_of[original])]
            self._join(story, article, features, duplicate_of=original)
            return Assignment(article.id, story.id, started=False, score=1.0, duplicate_of=original)
        vectors = self._vectors(features)
        scored = self._score_candidates(article, features, vectors)
        best = scored[0] if scored else None
        if best is None or best[1] < self.settings.join_threshold:
            story = self._start(article, features, vectors)
            return Assignment(
                article.id, story.id, started=True, score=best[1] if best else 0.0, thin=features.thin
            )
        story = best[0]
        self._join(story, article, features, vectors=vectors)
        merges = self._merge_bridged(story, scored[1:], article.id)
        return Assignment(
            article.id,
            self.resolve(story.id),
            started=False,
            score=best[1],
            thin=features.thin,
            merges=merges,
        )

    def place(self, article: Article, story_id: str, duplicate_of: str | None = None) -> None:
        """Put an article into a known story without deciding anything (replaying a stored history).

        The story is made when it does not exist yet; the article's terms count as if it had just arrived.
        """
        if article.id in self._story_of:
            return
        features = features_of(article)
        self._frequencies.add({space: features.space(space) for space in SPACES})
        self._copies.add(article.id, article.text)
        target = self.resolve(story_id)
        cluster = self._clusters.get(target)
        if cluster is None:
            cluster = self._clusters[target] = Cluster(target, len(self._clusters) + len(self._absorbed_into))
        self._join(cluster, article, features, duplicate_of=duplicate_of)

    def record_merge(self, survivor: str, absorbed: str) -> None:
        """Replay a stored merge: ``absorbed`` now resolves to ``survivor``."""
        if absorbed != survivor and absorbed not in self._absorbed_into:
            self._absorbed_into[absorbed] = survivor

    def resolve(self, story_id: str) -> str:
        """The live story an id stands for now (itself, or the story it was merged into)."""
        while story_id in self._absorbed_into:
            story_id = self._absorbed_into[story_id]
        return story_id

    # --- results ---------------------------------------------------------------------------------------

    @property
    def merges(self) -> tuple[Merge, ...]:
        return tuple(self._merges)

    def story_of(self, article_id: str) -> str | None:
        known = self._story_of.get(article_id)
        return self.resolve(known) if known is not None else None

    def stories(self) -> StoryMap:
        """Every story so far, newest first (by last date; undated stories after dated ones), then by id."""
        found = [self._found(cluster) for cluster in self._clusters.values()]
        found.sort(key=lambda story: story.id)
        found.sort(
            key=lambda story: story.last_published.toordinal() if story.last_published else 0, reverse=True
        )
        return StoryMap(stories=tuple(found))

    def _found(self, cluster: Cluster) -> FoundStory:
        outlets = sorted({member.outlet for member in cluster.members if member.outlet})
        return FoundStory(
            id=cluster.id,
            label=label_of(cluster, self._frequencies),
            size=len(cluster.members),
            outlets=tuple(outlets),
            first_published=cluster.first_date,
            last_published=cluster.last_date,
            articles=tuple(cluster.members),
            merged_from=tuple(cluster.merged_from),
        )

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

    def _score_candidates(
        self, article: Article, features: Features, vectors: Mapping[str, tuple[SparseVector, float]]
    ) -> list[tuple[Cluster, float]]:
        hits = self._index.lookup(self._query_terms(vectors))
        live: dict[str, float] = {}
        for story_id, weight in hits.items():
            target = self.resolve(story_id)
            live[target] = live.get(target, 0.0) + weight
        ranked = sorted(live.items(), key=lambda item: (-item[1], self._clusters[item[0]].order))
        scored = [
            (self._clusters[story_id], self._similarity(self._clusters[story_id], article, features, vectors))
            for story_id, _ in ranked[: self.settings.max_candidates]
        ]
        scored.sort(key=lambda item: (-item[1], item[0].order))
        return scored

    def _similarity(
        self,
        cluster: Cluster,
        article: Article,
        features: Features,
        vectors: Mapping[str, tuple[SparseVector, float]],
    ) -> float:
        total = weights = 0.0
        for space, (vector, vector_norm) in vectors.items():
            weight = self.settings.weights.get(space, 0.0)
            if weight == 0.0 or vector_norm == 0.0:
                continue  # an article without figures is not held against a story that has some
            centroid, centroid_norm = cluster.vector(space, self._frequencies)
            total += weight * cosine(vector, vector_norm, centroid, centroid_norm)
            weights += weight
        score = total / weights if weights else 0.0
        score -= self._time_penalty(cluster.days_away(article.published))
        story_year = cluster.main_year()
        if features.year is not None and story_year is not None and features.year != story_year:
            score -= self.settings.year_penalty
        return score

    def _time_penalty(self, days: int | None) -> float:
        if days is None:
            return 0.0
        return self.settings.time_penalty * min(1.0, days / self.settings.time_scale_days)

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
        cluster.add(StoryArticle.of(article, duplicate_of), features, article_title(article))
        self._story_of[article.id] = cluster.id
        if duplicate_of is None:
            # Copies add nothing new to look the story up by.
            self._index.add(
                cluster.id, (term for term, _ in self._query_terms(vectors or self._vectors(features)))
            )

    def _merge_bridged(
        self, story: Cluster, others: Iterable[tuple[Cluster, float]], article_id: str
    ) -> tuple[Merge, ...]:
        """Merge into one every other candidate the article matches as strongly as ``merge_threshold``."""
        merges: list[Merge] = []
        survivor = story
        for other, score in others:
            if score < self.settings.merge_threshold:
                break
            if other.id == survivor.id or other.id in self._absorbed_into:
                continue
            older, younger = (survivor, other) if survivor.order <= other.order else (other, survivor)
            older.absorb(younger)
            del self._clusters[younger.id]
            self._absorbed_into[younger.id] = older.id
            merge = Merge(survivor=older.id, absorbed=younger.id, article_id=article_id)
            self._merges.append(merge)
            merges.append(merge)
            logger.info("merged story %s into %s (bridged by %s)", younger.id, older.id, article_id)
            survivor = older
        return tuple(merges)


def find_stories(
    articles: Iterable[Article], settings: Settings | None = None
) -> tuple[StoryMap, tuple[Assignment, ...]]:
    """Batch use of the online clusterer: the articles in the order given, each placed once."""
    clusterer = OnlineClusterer(settings)
    assignments = tuple(clusterer.add(article) for article in articles)
    return clusterer.stories(), assignments


def story_count(assignments: Iterable[Assignment]) -> int:
    return len({assignment.story_id for assignment in assignments})
