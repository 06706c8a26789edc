"""Choosing a few central, non-redundant sentences: centrality scores and MMR.

Maximal marginal relevance (Carbonell and Goldstein, 1998) picks, at each
step, the candidate with the best trade-off between its own score and its
similarity to what is already picked. The score here is centrality (how much
of the rest of the pool a sentence resembles), nudged towards sentences that
several outlets carry and towards the top of an article, where news puts its
most important facts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dossier.briefing import Citation, CitedText
from dossier.embed import Vectors
from dossier.issues.corroborate import FactMatcher
from dossier.issues.pool import Candidate

#: Weight of relevance against novelty in MMR; 0.7 favours central sentences, still refuses repeats.
MMR_LAMBDA = 0.7
#: Weights of the score's parts, besides centrality (weight 1).
SUPPORT_WEIGHT = 0.15
POSITION_WEIGHT = 0.25

Scores = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Budget:
    """Stop after ``sentences`` sentences or, when ``words`` is set, once no further sentence fits in it."""

    sentences: int | None = None
    words: int | None = None

    def __post_init__(self) -> None:
        if self.sentences is None and self.words is None:
            raise ValueError("a budget needs a sentence count or a word count")
        for name, value in (("sentences", self.sentences), ("words", self.words)):
            if value is not None and value < 1:
                raise ValueError(f"budget {name} must be at least 1, got {value}")


def centrality_scores(candidates: Sequence[Candidate], similarity: Vectors) -> Scores:
    """Mean similarity to the rest, plus small rewards for wide support and an early position."""
    count = len(candidates)
    if count == 0:
        return np.zeros(0)
    if count == 1:
        centrality = np.ones(1)
    else:
        # Summed in float64 without a float64 copy of the matrix: a big story's would be 128 MB more.
        clipped = np.clip(similarity, 0.0, 1.0)
        sums = clipped.sum(axis=1, dtype=np.float64) - np.diag(clipped).astype(np.float64)
        centrality = sums / (count - 1)
        peak = centrality.max()
        centrality = centrality / peak if peak > 0 else centrality
    support = np.array([len(c.article_ids) for c in candidates], dtype=np.float64)
    support = np.log1p(support) / np.log1p(max(support.max(), 1.0))
    position = np.array([1.0 / np.sqrt(1.0 + c.position) for c in candidates])
    scores: Scores = centrality + SUPPORT_WEIGHT * support + POSITION_WEIGHT * position
    return scores


def mmr(
    candidates: Sequence[Candidate],
    scores: Scores,
    similarity: Vectors,
    budget: Budget,
    *,
    eligible: Sequence[bool] | None = None,
    redundancy_cap: float = 1.0,
    repeats: Callable[[int, int], bool] | None = None,
) -> list[int]:
    """Indexes picked by MMR within ``budget``, in the order picked.

    ``redundancy_cap`` refuses outright any candidate at least that similar to
    one already picked, and so does ``repeats(candidate, picked)`` when it says
    the two report the same fact in other words. Ties break on the lower index,
    so the result is stable.
    """
    allowed = np.array(eligible if eligible is not None else [True] * len(candidates), dtype=bool)
    picked: list[int] = []
    words = 0
    closest = np.zeros(len(candidates))
    while allowed.any():
        if budget.sentences is not None and len(picked) >= budget.sentences:
            break
        gain = np.where(allowed, MMR_LAMBDA * scores - (1 - MMR_LAMBDA) * closest, -np.inf)
        best = int(np.argmax(gain))
        allowed[best] = False
        if picked and closest[best] >= redundancy_cap:
            continue
        if repeats is not None and any(repeats(best, earlier) for earlier in picked):
            continue
        if budget.words is not None and words + candidates[best].words > budget.words:
            continue  # too long for what is left; a shorter one may still fit
        picked.append(best)
        words += candidates[best].words
        closest = np.maximum(closest, similarity[best].astype(np.float64))
    return picked


def cite_with_echoes(candidates: Sequence[Candidate], index: int, matcher: FactMatcher) -> CitedText:
    """Candidate ``index`` as a cited line, also citing other articles' sentences that report the same fact.

    ``matcher`` is built over ``candidates`` (see :mod:`dossier.issues.corroborate`): meaning, names and
    numbers must agree, so a rewording is cited and a sentence on the same topic is not.
    """
    own = set(candidates[index].article_ids)
    echoes: list[Citation] = []
    for other in matcher.reporting(index):
        echoes.extend(c for c in candidates[other].citations if c.article_id not in own)
    # Candidates are in reading order, so the echoes are too.
    return candidates[index].cited(echoes)


def reading_order(candidates: Sequence[Candidate], picked: Sequence[int]) -> list[int]:
    """Picked indexes sorted for reading: by the first article's date order, then position in it."""
    return sorted(picked, key=lambda i: (candidates[i].article_order, candidates[i].position))
