"""Story finding on ECB+: B-cubed F1 at topic and event level, and its spread over arrival orders.

Data: ``../shared/data/ecbplus`` (982 documents in 43 topics; each topic holds
two events of the same kind, the ``ecb`` and the ``ecbplus`` half). Every
document of a split is mixed into one stream in a seeded random order and
clustered online, without being told how many stories there are.

- Events (subtopics) are scored against the stories of the clusterer's default settings.
- Topics are scored against the topics of the same run: the looser layer that
  groups related stories (``OnlineClusterer.topic_of``).

The join, topic and relation models were fitted by ``scripts/train_story_join.py`` and the
thresholds were tuned (``--tune``; the relation threshold by cross-validation, see
``docs/benchmarks.md``) on topics 1-35 only; topics 36-45 are the
held-out figures, and "all" mixes every topic into one stream. MultiLing 2011
(``../shared/data/multiling2011``, 10 WikiNews stories of 10 articles, never
tuned on) is a second real corpus: its stories and its topics are both scored
against its 10 stories. Each figure is
the mean over ``--orders`` arrival orders, with min and max to show the spread.

    PYTHONPATH=src python benchmarks/bench_stories.py            # print the figures
    PYTHONPATH=src python benchmarks/bench_stories.py --check    # and compare with floors.json
    PYTHONPATH=src python benchmarks/bench_stories.py --tune     # grid search on topics 1-35
    PYTHONPATH=src python benchmarks/bench_stories.py --parts tune multiling   # develop without 36-45
    PYTHONPATH=src python benchmarks/bench_stories.py --parts tune --errors    # where the events go wrong

``--errors`` also prints, per part, the B-cubed precision and recall of the events and how the joins
went wrong: an article that joins a story holding nothing of its own event (a stray) and the later
articles of that event that follow it into the story (followers).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import floors
from corpora import ecbplus
from dossier.article import Article, article_id
from dossier.stories import Assignment, Features, OnlineClusterer, Settings, features_of

ROOT = Path(__file__).resolve().parent.parent
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus"
MULTILING = ROOT.parent / "shared" / "data" / "multiling2011" / "SourceTexts"
TUNE_TOPICS = frozenset(range(1, 36))
TEST_TOPICS = frozenset(range(36, 46))
SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class Doc:
    article: Article
    topic: str
    event: str
    path: Path
    features: Features


def load(root: Path = ECBPLUS) -> list[Doc]:
    """Every ECB+ document as an untitled, undated article; gold topic and event from its file name."""
    docs: list[Doc] = []
    for path in sorted((root / "ECB+").glob("*/*.xml")):
        document = ecbplus.read_document(path)
        topic = document.name.split("_", 1)[0]
        event = f"{topic}{'+' if document.name.endswith('ecbplus') else ''}"
        article = Article(id=article_id(document.text), source=document.name, text=document.text)
        docs.append(Doc(article, topic, event, path, features_of(article)))
    return docs


def load_multiling(root: Path = MULTILING) -> list[Doc]:
    """MultiLing 2011's 100 WikiNews articles as untitled, undated articles (their dateline is in the text).

    A second real corpus, never tuned on: 10 news stories of 10 articles each (gold from the file name,
    ``M00TD``: story T). Two of them are of one kind (the Chile and the Haiti earthquakes).
    """
    docs: list[Doc] = []
    for path in sorted(root.glob("M*.english")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=article_id(text), source=path.name, text=text)
        story = path.name[3]
        docs.append(Doc(article, story, story, path, features_of(article)))
    return docs


def bcubed_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """B-cubed F1 of a clustering against gold labels, item by item (Bagga and Baldwin 1998)."""
    precision, recall = bcubed(predicted, gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering against gold labels."""
    by_predicted: defaultdict[str, list[int]] = defaultdict(list)
    by_gold: defaultdict[str, list[int]] = defaultdict(list)
    for index, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].append(index)
        by_gold[g].append(index)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        both = sum(1 for index in by_predicted[p] if gold[index] == g)
        precision += both / len(by_predicted[p])
        recall += both / len(by_gold[g])
    return precision / len(gold), recall / len(gold)


def cluster(docs: Sequence[Doc], settings: Settings, seed: int) -> tuple[list[str], list[str]]:
    """Story and topic id of each doc (in the docs' own order), clustered in a seeded random order."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    clusterer = OnlineClusterer(settings)
    for index in order:
        clusterer.add(docs[index].article, docs[index].features)
    stories = [clusterer.story_of(doc.article.id) or "" for doc in docs]
    return stories, [clusterer.topic_of(story) for story in stories]


@dataclass(frozen=True, slots=True)
class Joins:
    """How the placements of one run went (see :func:`join_kinds`)."""

    kinds: Counter[str]
    stray_probabilities: tuple[float, ...]


def join_kinds(placements: Iterable[tuple[str, Assignment]]) -> Joins:
    """How each placement went, from the placements in arrival order (gold group, assignment).

    An article "started" a story, or joined one: "right" when the story was led by the article's own
    group, a "stray" when it held nothing of that group, a "follower" when it held some but another
    group led. The story is taken as it was just before the article, with the merges its arrival made
    already applied. The strays' join probabilities come along.
    """
    held: defaultdict[str, Counter[str]] = defaultdict(Counter)
    kinds: Counter[str] = Counter()
    strays: list[float] = []
    for gold, assignment in placements:
        for merge in assignment.merges:
            held[merge.survivor].update(held.pop(merge.absorbed, Counter()))
        story = held[assignment.story_id]
        if assignment.started:
            kinds["started"] += 1
        elif story[gold] == 0:
            kinds["stray"] += 1
            strays.append(assignment.score)
        elif story.most_common(1)[0][1] > story[gold]:
            kinds["follower"] += 1
        else:
            kinds["right"] += 1
        story[gold] += 1
    return Joins(kinds, tuple(strays))


def errors(docs: Sequence[Doc], settings: Settings, orders: int) -> str:
    """One line on where the events go wrong, averaged over ``orders`` (see :func:`join_kinds`)."""
    kinds: Counter[str] = Counter()
    strays: list[float] = []
    precisions: list[float] = []
    recalls: list[float] = []
    for seed in range(orders):
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        clusterer = OnlineClusterer(settings)
        placements = [(docs[i].event, clusterer.add(docs[i].article, docs[i].features)) for i in order]
        joins = join_kinds(placements)
        kinds.update(joins.kinds)
        strays.extend(joins.stray_probabilities)
        precision, recall = bcubed(
            [clusterer.story_of(doc.article.id) or "" for doc in docs], [doc.event for doc in docs]
        )
        precisions.append(precision)
        recalls.append(recall)
    return (
        f"B-cubed precision {statistics.fmean(precisions):.4f}, recall {statistics.fmean(recalls):.4f}; "
        f"per order: {kinds['started'] / orders:.1f} started, {kinds['right'] / orders:.1f} right joins, "
        f"{kinds['stray'] / orders:.1f} strays (mean join probability "
        f"{statistics.fmean(strays) if strays else 0.0:.2f}), {kinds['follower'] / orders:.1f} followers"
    )


@dataclass(frozen=True, slots=True)
class Score:
    mean: float
    low: float
    high: float
    stories: float


def score(docs: Sequence[Doc], settings: Settings, orders: int) -> dict[str, Score]:
    """Events scored against the stories, topics against the topics, over ``orders`` arrival orders."""
    gold = {"events": [by_event(doc) for doc in docs], "topics": [by_topic(doc) for doc in docs]}
    values: dict[str, list[float]] = {"events": [], "topics": []}
    counts: dict[str, list[int]] = {"events": [], "topics": []}
    for seed in range(orders):
        stories, topics = cluster(docs, settings, seed)
        for grain, predicted in (("events", stories), ("topics", topics)):
            values[grain].append(bcubed_f1(predicted, gold[grain]))
            counts[grain].append(len(set(predicted)))
    return {
        grain: Score(
            statistics.fmean(values[grain]),
            min(values[grain]),
            max(values[grain]),
            statistics.fmean(counts[grain]),
        )
        for grain in values
    }


def by_topic(doc: Doc) -> str:
    return doc.topic


def by_event(doc: Doc) -> str:
    return doc.event


def split(docs: Sequence[Doc], topics: frozenset[int]) -> list[Doc]:
    return [doc for doc in docs if int(doc.topic) in topics]


#: The ECB+ splits ``measure`` can score: held-out (36-45), tuning (1-35) and every topic in one stream.
PARTS = {"test": TEST_TOPICS, "tune": TUNE_TOPICS, "all": TUNE_TOPICS | TEST_TOPICS}


def measure(
    docs: Sequence[Doc], orders: int, parts: Sequence[str] = tuple(PARTS)
) -> dict[str, dict[str, Score]]:
    """The ``parts`` asked for (see :data:`PARTS`); event and topic grain each."""
    return {name: score(split(docs, PARTS[name]), SETTINGS, orders) for name in parts}


def tune(docs: Sequence[Doc], orders: int) -> None:
    """Grid search of the thresholds on topics 1-35 only; prints the best settings for each grain.

    The join and merge thresholds make the stories (events); the topic threshold then makes the
    topics over them and leaves the stories as they are, so it is searched at the best event settings.
    """
    part = split(docs, TUNE_TOPICS)
    best_events: tuple[float, Settings] | None = None
    for join, merge in itertools.product((0.05, 0.1, 0.2, 0.3), (0.5, 0.7, 1.0)):
        settings = Settings(join_threshold=join, merge_threshold=merge)
        result = score(part, settings, orders)["events"]
        print(f"events: {result.mean:.4f} join {join} merge {merge}", flush=True)
        if best_events is None or result.mean > best_events[0]:
            best_events = (result.mean, settings)
    assert best_events is not None
    print(f"best events on topics 1-35: {best_events[0]:.4f} {best_events[1]}")
    best_topics: tuple[float, float] | None = None
    for threshold in (0.35, 0.5, 0.65, 0.75, 0.85):
        settings = Settings(
            join_threshold=best_events[1].join_threshold,
            merge_threshold=best_events[1].merge_threshold,
            topic_threshold=threshold,
        )
        result = score(part, settings, orders)["topics"]
        print(f"topics: {result.mean:.4f} topic threshold {threshold}", flush=True)
        if best_topics is None or result.mean > best_topics[0]:
            best_topics = (result.mean, threshold)
    assert best_topics is not None
    print(f"best topics on topics 1-35: {best_topics[0]:.4f} topic_threshold {best_topics[1]}")


def measure_held_out(docs: Sequence[Doc], orders: int = 10) -> tuple[dict[str, Score], floors.Measured]:
    """The held-out figures (topics 36-45), as pinned in floors.json: fast enough for the test suite."""
    part = split(docs, TEST_TOPICS)
    results = score(part, SETTINGS, orders)
    return results, measured_for_floors(part, results)


def measured_for_floors(part: Sequence[Doc], results: dict[str, Score]) -> floors.Measured:
    metrics = {
        "event_bcubed_f1": results["events"].mean,
        "event_bcubed_f1_worst_order": results["events"].low,
        "topic_bcubed_f1": results["topics"].mean,
        "topic_bcubed_f1_worst_order": results["topics"].low,
    }
    return floors.Measured("ecbplus-test", floors.data_digest(doc.path for doc in part), metrics)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10, help="arrival orders to average over (default 10)")
    parser.add_argument("--tune", action="store_true", help="grid-search the settings on topics 1-35")
    parser.add_argument(
        "--parts",
        nargs="+",
        choices=[*PARTS, "multiling"],
        default=[*PARTS, "multiling"],
        help="what to score (default: all); leave out 'test' while developing, so that the held-out "
        "topics 36-45 stay unseen (floors are only checked when 'test' is scored)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also print B-cubed precision and recall of the events and the strays and followers",
    )
    floors.add_floor_arguments(parser)
    args = parser.parse_args(argv)
    if not ECBPLUS.is_dir():
        print(f"ECB+ is absent: {ECBPLUS}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    docs = load()
    print(f"read {len(docs)} ECB+ documents in {time.perf_counter() - started:.1f} s")
    if args.tune:
        tune(docs, min(args.orders, 3))
        return 0
    started = time.perf_counter()
    results = measure(docs, args.orders, [part for part in args.parts if part in PARTS])
    elapsed = time.perf_counter() - started
    for name, grains in results.items():
        for grain, result in grains.items():
            print(
                f"{name:5} {grain:6} B-cubed F1 {result.mean:.4f} (min {result.low:.4f}, "
                f"max {result.high:.4f}, spread {result.high - result.low:.4f}) over {args.orders} orders; "
                f"{result.stories:.1f} stories",
                flush=True,
            )
    print(f"clustered in {elapsed:.1f} s", flush=True)
    if args.errors:
        for name in results:
            print(f"{name:5} events: {errors(split(docs, PARTS[name]), SETTINGS, args.orders)}", flush=True)
    if "multiling" in args.parts and MULTILING.is_dir():
        second = score(load_multiling(), SETTINGS, args.orders)
        for grain, result in second.items():
            print(
                f"multiling2011 {grain:6} vs its 10 stories: B-cubed F1 {result.mean:.4f} "
                f"(min {result.low:.4f}, max {result.high:.4f}) over {args.orders} orders; "
                f"{result.stories:.1f} groups",
                flush=True,
            )
        if args.errors:
            print(f"multiling2011 stories: {errors(load_multiling(), SETTINGS, args.orders)}", flush=True)
    if "test" not in results:
        return 0
    measured = measured_for_floors(split(docs, TEST_TOPICS), results["test"])
    status, lines = floors.apply_floor_flags(args, "stories", [measured])
    for line in lines:
        print(line)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
