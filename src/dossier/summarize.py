"""The cited summary: a few central, non-redundant sentences, each citing every outlet that carries it.

Extractive and redundancy-aware: the story's distinct readable sentences are
embedded, scored by centrality (plus small rewards for wide support and an
early position), and picked by maximal marginal relevance (never a sentence
that reports an already picked fact in other words) until the budget is
spent: ``DEFAULT_SENTENCES`` sentences, or as many as fit in a word budget.
The picked sentences are then put back in reading order (article date, then
position). A sentence is listed once, citing every article that reports the same fact,
word for word or in other words (:mod:`dossier.issues.corroborate`).
"""

from __future__ import annotations

import dataclasses
import logging

from dossier.briefing import AnyBriefing, Briefing, BriefingStage, CitedText
from dossier.embed import Encoder, Vectors, get_encoder
from dossier.issues.corroborate import FactMatcher
from dossier.issues.fact_model import fact_model_for
from dossier.issues.pool import Candidate, EncodedPool, pool_for
from dossier.issues.select import Budget, centrality_scores, cite_with_echoes, mmr, reading_order
from dossier.issues.similarity import similarity_matrix, thresholds_for

logger = logging.getLogger(__name__)

#: The default number of summary sentences.
DEFAULT_SENTENCES = 6
#: Bounds on the sentence count a caller may ask for.
MIN_SENTENCES = 1
MAX_SENTENCES = 50
#: Picked sentences may not be more alike than this, whatever the encoder: a rephrased repeat is no news.
REDUNDANCY_CAP = 0.95


def summarize_story(
    story: Briefing, encoder: Encoder, *, sentences: int = DEFAULT_SENTENCES, words: int | None = None
) -> tuple[CitedText, ...]:
    """The summary lines of ``story``: ``sentences`` of them, or as many as fit in ``words`` words."""
    budget = Budget(sentences=None, words=words) if words is not None else Budget(sentences=sentences)
    if budget.sentences is not None and budget.sentences > MAX_SENTENCES:
        raise ValueError(f"at most {MAX_SENTENCES} summary sentences, got {budget.sentences}")
    candidates, vectors = _usable(pool_for(story, encoder))
    if not candidates:
        return ()
    similarity = similarity_matrix(vectors)
    scores = centrality_scores(candidates, similarity)
    limits = thresholds_for(encoder.name)
    matcher = FactMatcher.over(candidates, story, similarity, limits, fact_model_for(encoder.name))
    # A sentence restating a picked one in other words is a repeat too (by the strict rules: see restates).
    picked = mmr(
        candidates,
        scores,
        similarity,
        budget,
        redundancy_cap=min(limits.same, REDUNDANCY_CAP),
        repeats=matcher.restates,
    )
    return tuple(cite_with_echoes(candidates, i, matcher) for i in reading_order(candidates, picked))


def _usable(pool: EncodedPool) -> tuple[list[Candidate], Vectors]:
    """Readable sentences; a story with none (all fragments) falls back to every sentence it has."""
    readable, vectors = pool.readable()
    return (readable, vectors) if readable else (list(pool.candidates), pool.vectors)


def summary_stage(
    encoder: Encoder | None = None, *, sentences: int = DEFAULT_SENTENCES, words: int | None = None
) -> BriefingStage:
    """The ``summarize`` story stage (the encoder is chosen on first use when not given)."""

    def stage(story: AnyBriefing) -> AnyBriefing:
        chosen = encoder if encoder is not None else get_encoder("auto")
        summary = summarize_story(story, chosen, sentences=sentences, words=words)
        metadata = {**story.metadata, "summary_method": "mmr", "encoder": chosen.name}
        return dataclasses.replace(story, summary=summary, metadata=metadata)

    return stage
