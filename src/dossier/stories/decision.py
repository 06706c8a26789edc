"""The join-or-start decision: a logistic model over how well an article fits a candidate story.

As in Miranda et al. 2018, the decision is learned rather than a hand-set
cut-off on one similarity. For each (article, candidate story) pair the
clusterer measures the values in :data:`DECISION_FEATURES`: one cosine per
TF-IDF space, the share of the article's top names the story lacks and of the
story's top names the article lacks, the share of the article's named years the
story never names, whether that share could not be measured (either side names
no year), the distance in time, whether the years disagree, and the story's size.
:func:`fit` learns the coefficients from labelled pairs
(``scripts/train_story_join.py`` makes them from ECB+ topics 1-35 only), and
:class:`JoinModel` turns values into the probability that the article belongs.
The same features, fitted with topics rather than events as the gold grouping,
make the topic model that relates stories of one kind. A third model, the
relation model, judges two stories as wholes: over :data:`RELATION_FEATURES`,
the cosines of their centroids, which carry no dates or figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.errors import UsageError
from dossier.logistic import check_coefficients, fit_logistic, probability
from dossier.records import Record
from dossier.stories.features import SPACES

#: What the model sees of one (article, story) pair; every value is 0 when it cannot be measured.
DECISION_FEATURES = (
    *SPACES,
    "names_missing",
    "story_names_missing",
    "years_missing",
    "years_unknown",
    "days",
    "year_mismatch",
    "log_size",
)

#: What the relation model sees of two stories: the cosine of their centroids in each word and name space.
#: No figures, years or days: two events of one kind differ in those, and a topic outlives its events.
RELATION_FEATURES = tuple(f"centroid_{space}" for space in SPACES if space != "figures")

#: Every value a model may weigh.
MODEL_FEATURES = (*DECISION_FEATURES, *RELATION_FEATURES)


@dataclass(frozen=True, slots=True)
class JoinModel(Record):
    """``P(join) = sigmoid(bias + sum(coefficient * value))`` over :data:`DECISION_FEATURES` (or, for the
    relation model, :data:`RELATION_FEATURES`)."""

    bias: float
    coefficients: dict[str, float]

    def __post_init__(self) -> None:
        check_coefficients("join", self.bias, self.coefficients, MODEL_FEATURES, "decision")

    def probability(self, values: Mapping[str, float]) -> float:
        return probability(self.bias, self.coefficients, values)


def fit(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[bool],
    l2: float = 1.0,
    features: Sequence[str] = DECISION_FEATURES,
) -> JoinModel:
    """Logistic regression by Newton's method with an L2 penalty (the bias is not penalised).

    Only ``features`` (some of :data:`MODEL_FEATURES`) get a coefficient; the model ignores the rest.
    """
    unknown = sorted(set(features) - set(MODEL_FEATURES))
    if unknown:
        raise UsageError(f"unknown decision feature(s) {unknown}; known: {', '.join(MODEL_FEATURES)}")
    bias, coefficients = fit_logistic(rows, labels, features, l2)
    return JoinModel(bias=bias, coefficients=coefficients)
