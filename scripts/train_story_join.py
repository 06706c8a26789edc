"""Learn the story clusterer's join and topic models (``dossier.stories.clusterer``) from ECB+ topics 1-35.

Data: ``../shared/data/ecbplus`` (ECB+, Cybulska and Vossen 2014), topics 1-35
only; topics 36-45 stay unseen for ``benchmarks/bench_stories.py``. Each
topic holds two events of one kind, and the gold event of a document is its
half (``ecb`` or ``ecbplus``).

The documents are streamed in a few seeded orders through an
:class:`~dossier.stories.OnlineClusterer` that places every article in its gold
event (an oracle). Before each placement, the article's decision values
against every candidate story the index offers (and against its gold story)
become training pairs: joining the gold story is positive, any other is
negative. A logistic model is fitted and printed as Python to paste in:
``DEFAULT_MODEL`` with events as the gold grouping, ``DEFAULT_TOPIC_MODEL``
with topics (the two events of a kind together).

``DEFAULT_RELATION_MODEL`` judges two stories as wholes, so it is learned from
the stories a real clusterer makes (no oracle: an oracle's story is a whole
topic, and has no other story of its topic to meet). The documents are streamed
through a clusterer that runs with the join model just fitted; after each
placement, the article's story and every other candidate the index offered
make a pair, positive when most of the articles each story holds so far are of
one topic.

    PYTHONPATH=src python scripts/train_story_join.py [--orders 3] [--l2 1.0]
    PYTHONPATH=src python scripts/train_story_join.py --cv 5   # judge a change: folds of topics 1-35
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import random
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_stories  # noqa: E402
from dossier.stories import OnlineClusterer, Settings, story_id_for  # noqa: E402
from dossier.stories.decision import DECISION_FEATURES, RELATION_FEATURES, JoinModel, fit  # noqa: E402

logger = logging.getLogger(__name__)

#: The join model leaves out "names_missing": cross-validated on topics 1-35 it moved the event score
#: by less than the spread over orders, while the held-out worst order fell below its floor with it.
JOIN_FEATURES = tuple(name for name in DECISION_FEATURES if name != "names_missing")
#: ECB+ documents are undated, so "days" cannot be learned from them: its coefficient is set by hand
#: (a story a whole ``time_scale_days`` away needs about as much more evidence as a year disagreeing;
#: milder for topics, which outlive their stories) and printed with the fitted ones.
DAYS = {"DEFAULT_MODEL": -1.5, "DEFAULT_TOPIC_MODEL": -1.0}


def _arrival_orders(docs: Sequence[bench_stories.Doc], orders: int) -> Iterator[list[bench_stories.Doc]]:
    """The documents in ``orders`` seeded arrival orders, the same for every model fitted."""
    for seed in range(orders):
        shuffled = list(docs)
        random.Random(1000 + seed).shuffle(shuffled)
        yield shuffled


def training_pairs(
    docs: Sequence[bench_stories.Doc],
    orders: int,
    grain: Callable[[bench_stories.Doc], str] = bench_stories.by_event,
) -> tuple[list[dict[str, float]], list[bool]]:
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for shuffled in _arrival_orders(docs, orders):
        clusterer = OnlineClusterer()
        gold_story: dict[str, str] = {}
        for doc in shuffled:
            gold = gold_story.get(grain(doc))
            offered = clusterer.candidate_values(doc.article)
            for story_id, values in offered:
                rows.append(values)
                labels.append(story_id == gold)
            if gold is not None and all(story_id != gold for story_id, _ in offered):
                values_or_none = clusterer.story_values(doc.article, gold)
                if values_or_none is not None:
                    rows.append(values_or_none)
                    labels.append(True)
            target = gold if gold is not None else story_id_for(doc.article.id)
            gold_story.setdefault(grain(doc), target)
            clusterer.place(doc.article, target)
    return rows, labels


def relation_pairs(
    docs: Sequence[bench_stories.Doc], orders: int, settings: Settings
) -> tuple[list[dict[str, float]], list[bool]]:
    """Pairs of stories as a clusterer under ``settings`` makes them, labelled by their main topics."""
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for shuffled in _arrival_orders(docs, orders):
        clusterer = OnlineClusterer(settings)
        held: defaultdict[str, Counter[str]] = defaultdict(Counter)  # story id -> topics of its articles
        for doc in shuffled:
            offered = [story_id for story_id, _ in clusterer.candidate_values(doc.article)]
            assignment = clusterer.add(doc.article, doc.features)
            for merge in assignment.merges:
                held[merge.survivor].update(held.pop(merge.absorbed, Counter()))
            held[assignment.story_id][doc.topic] += 1
            if assignment.duplicate_of is not None:
                continue  # a near-copy joins its original's story and relates nothing
            for story_id in offered:
                values = clusterer.relation_values(assignment.story_id, story_id)
                if values is not None:
                    rows.append(values)
                    labels.append(_main_topic(held[assignment.story_id]) == _main_topic(held[story_id]))
    return rows, labels


def _main_topic(topics: Counter[str]) -> str:
    return topics.most_common(1)[0][0]


MODELS = (
    ("DEFAULT_MODEL", bench_stories.by_event, JOIN_FEATURES),
    ("DEFAULT_TOPIC_MODEL", bench_stories.by_topic, DECISION_FEATURES),
)


def fit_models(docs: Sequence[bench_stories.Doc], orders: int, l2: float) -> dict[str, JoinModel]:
    """The join, topic and relation models fitted on ``docs``, "days" set by hand (see ``DAYS``)."""
    models: dict[str, JoinModel] = {}
    for name, grain, features in MODELS:
        rows, labels = training_pairs(docs, orders, grain)
        fitted = fit(rows, labels, l2=l2, features=features)
        models[name] = dataclasses.replace(fitted, coefficients={**fitted.coefficients, "days": DAYS[name]})
        logger.info("%s: %d pairs (%d joining) from %d documents", name, len(rows), sum(labels), len(docs))
    settings = dataclasses.replace(bench_stories.SETTINGS, model=models["DEFAULT_MODEL"])
    rows, labels = relation_pairs(docs, orders, settings)
    models["DEFAULT_RELATION_MODEL"] = fit(rows, labels, l2=l2, features=RELATION_FEATURES)
    logger.info("DEFAULT_RELATION_MODEL: %d pairs (%d related)", len(rows), sum(labels))
    return models


def cross_validate(docs: Sequence[bench_stories.Doc], folds: int, orders: int, l2: float) -> None:
    """Fit on all but one fold of the topics, score the held-back fold; print each fold and the mean.

    Topics, not documents, are split, so that a fold's two events of one kind are never seen in training:
    this is how a change is judged on topics 1-35 before anything is run on 36-45.
    """
    topics = sorted({int(doc.topic) for doc in docs})
    scores: dict[str, list[float]] = {"events": [], "topics": []}
    for fold in range(folds):
        held = set(topics[fold::folds])
        models = fit_models([doc for doc in docs if int(doc.topic) not in held], orders, l2)
        settings = dataclasses.replace(
            bench_stories.SETTINGS,
            model=models["DEFAULT_MODEL"],
            topic_model=models["DEFAULT_TOPIC_MODEL"],
            relation_model=models["DEFAULT_RELATION_MODEL"],
        )
        result = bench_stories.score([doc for doc in docs if int(doc.topic) in held], settings, orders)
        for grain in scores:
            scores[grain].append(result[grain].mean)
        print(
            f"fold {fold + 1}/{folds} (topics {sorted(held)}): events {result['events'].mean:.4f} "
            f"topics {result['topics'].mean:.4f}",
            flush=True,
        )
    print(
        f"cross-validated on topics 1-35, {folds} folds, {orders} orders: "
        f"events {statistics.fmean(scores['events']):.4f} topics {statistics.fmean(scores['topics']):.4f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=3, help="seeded arrival orders to draw pairs from")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic fit")
    parser.add_argument(
        "--cv",
        type=int,
        metavar="FOLDS",
        help="cross-validate by topic inside 1-35 instead of printing models",
    )
    args = parser.parse_args(argv)
    docs = bench_stories.split(bench_stories.load(), bench_stories.TUNE_TOPICS)
    if args.cv:
        cross_validate(docs, args.cv, args.orders, args.l2)
        return 0
    print(f"# fitted on {len(docs)} documents of ECB+ topics 1-35, {args.orders} orders, l2 {args.l2}")
    for name, model in fit_models(docs, args.orders, args.l2).items():
        print(f"{name} = {model!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
