"""The learned same-fact decision: a logistic model over what two sentences share.

Hand-set rules ("three shared words covering 30% of the shorter sentence",
"a shared name and cosine 0.65") each see one signal at a time, so a rewording
that shares the event's verb and a participant but few other words slips
through all of them. The model weighs the signals together: the sentences'
cosine, the content words, names, verbs and nouns (lemmas, from the article's
analysis) they share, whether their figures agree, and the specific values
they share (clock times, numbers of two digits or more, figure values, days
the analysis resolved: what a rewording keeps when its words part ways). A
shared figure value counts among the shared values too, so ``figures_agree``
only adjusts that weight. Its coefficients are
fitted by ``scripts/train_fact_match.py`` on ECB+ topics 1-35 (pairs of
annotated sentences from different documents: positive when ECB+ ties them to
one event) and pasted into :data:`DEFAULT_FACT_MODEL`; topics 36-45 stay
unseen for ``benchmarks/bench_corroboration.py``.

Cosines are not on one scale across encoders (see
:mod:`dossier.issues.similarity`), so the model holds for the encoder it was
fitted with only: :func:`fact_model_for` gives ``None`` for the others, and
corroboration falls back to its hand-set rules there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.errors import UsageError
from dossier.logistic import check_coefficients, fit_logistic, probability
from dossier.records import Record

#: What the model sees of a pair of sentences (see :meth:`dossier.issues.corroborate.FactKey.features`).
FACT_FEATURES = (
    "cosine",
    "shared_words",
    "word_overlap",
    "shared_names",
    "names_disjoint",
    "shared_terms",
    "shared_verbs",
    "shared_nouns",
    "figures_agree",
    "named_cosine",
    "shared_values",
)


@dataclass(frozen=True, slots=True)
class FactModel(Record):
    """``P(same fact) = sigmoid(bias + sum(coefficient * value))``; a pair reports one fact at ``threshold``.

    Pairs under ``min_cosine`` are never one fact: the model was fitted on closer pairs only.
    """

    encoder: str
    bias: float
    coefficients: dict[str, float]
    threshold: float
    min_cosine: float

    def __post_init__(self) -> None:
        check_coefficients("fact", self.bias, self.coefficients, FACT_FEATURES, "fact")
        if not 0.0 < self.threshold < 1.0:
            raise UsageError(f"fact model threshold must lie strictly between 0 and 1, got {self.threshold}")

    def probability(self, values: Mapping[str, float]) -> float:
        return probability(self.bias, self.coefficients, values)

    def same_fact(self, values: Mapping[str, float]) -> bool:
        return values.get("cosine", 0.0) >= self.min_cosine and self.probability(values) >= self.threshold


def fit(
    rows: Sequence[Mapping[str, float]], labels: Sequence[bool], l2: float = 1.0
) -> tuple[float, dict[str, float]]:
    """Bias and coefficients of a logistic regression over :data:`FACT_FEATURES` (:mod:`dossier.logistic`)."""
    return fit_logistic(rows, labels, FACT_FEATURES, l2)


#: Fitted by ``scripts/train_fact_match.py`` (ECB+ topics 1-35, the static encoder). The threshold was
#: chosen on those topics' briefings with models fitted on other folds of topics (``--cv 5`` prints it):
#: the lowest at which the cited sentences' precision stayed 0.01 above the hand-set rules'.
DEFAULT_FACT_MODEL = FactModel(
    encoder="static",
    bias=-1.3602,
    coefficients={
        "cosine": 2.1411,
        "shared_words": 0.075,
        "word_overlap": 0.5928,
        "shared_names": -0.0876,
        "names_disjoint": -0.2263,
        "shared_terms": 0.2938,
        "shared_verbs": 0.6146,
        "shared_nouns": -0.0467,
        "figures_agree": -0.2937,
        "named_cosine": 0.0897,
        "shared_values": 0.5597,
    },
    threshold=0.75,
    min_cosine=0.3,
)


def fact_model_for(encoder_name: str) -> FactModel | None:
    """The learned model for sentences compared with ``encoder_name``'s cosines, if one was fitted for it."""
    return DEFAULT_FACT_MODEL if encoder_name == DEFAULT_FACT_MODEL.encoder else None
