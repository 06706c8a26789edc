"""Scoring predicted entity clusters against ECB+ gold chains, on the mentions the two sides share.

A predicted mention is aligned to the shortest gold mention whose head token
(its last word before "of", a comma, a relative pronoun...) it covers, one to
one, in the validated sentences only. MUC, B³ and CEAF-e are then computed on
the aligned mentions, so they measure the linking, not the recognition, for
the system's clusters and for the "same string" baseline (two mentions
together when their text, case-folded and without a leading "the", is the same).
Both are scored once more on the aligned mentions whose gold mention is in a
coreference relation ("ours, linked", "same, linked"): ECB+ linked only the
seminal events' participants, so a mention in no relation is unlinked, not
known to be an entity of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from corpora.ecbplus import Document
from metrics.coref import Score, all_scores

MentionKey = tuple[str, str]  # (document, gold mention id)

#: The chain label :mod:`corpora.ecbplus` gives a mention that is in no coreference relation.
UNLINKED = "single:"


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A predicted mention: a character span of one document, in the cluster named ``entity``."""

    document: str
    start: int
    end: int
    entity: str


def score_linking(
    documents: Sequence[Document],
    validated: dict[str, frozenset[int]],
    predicted: Iterable[LinkedMention],
    counts: defaultdict[str, int],
) -> dict[str, dict[str, Score]]:
    """MUC, B³ and CEAF-e of the predicted clusters ("ours") and of "same string", on aligned mentions.

    ``counts`` gathers "gold mentions", "predicted mentions" (in validated
    sentences) and "aligned" across calls.
    """
    by_name = {d.name: d for d in documents}
    gold = gold_chains(documents, validated)
    counts["gold mentions"] += len(gold)
    ours: dict[MentionKey, str] = {}
    same_string: dict[MentionKey, str] = {}
    for mention in predicted:
        document = by_name[mention.document]
        tokens = document.tokens_in(mention.start, mention.end)
        if not tokens or document.token_sentences[tokens[0]] not in validated.get(document.name, ()):
            continue
        counts["predicted mentions"] += 1
        match = align(document, tokens, gold, ours)
        if match is None:
            continue
        ours[match] = mention.entity
        surface = " ".join(document.text[mention.start : mention.end].casefold().split())
        same_string[match] = surface.removeprefix("the ")
    counts["aligned"] += len(ours)
    key = clusters({m: gold[m] for m in ours})
    # The annotators linked only the seminal events' participants across documents (see
    # the corpus README); a mention in no relation is unlinked, not known to stand alone.
    linked = {m for m in ours if not gold[m].startswith(UNLINKED)}
    counts["aligned in a gold relation"] += len(linked)
    linked_key = clusters({m: gold[m] for m in linked})
    return {
        "ours": all_scores(key, clusters(ours)),
        "same string": all_scores(key, clusters(same_string)),
        "ours, linked": all_scores(linked_key, clusters({m: ours[m] for m in linked})),
        "same, linked": all_scores(linked_key, clusters({m: same_string[m] for m in linked})),
    }


def gold_chains(documents: Sequence[Document], validated: dict[str, frozenset[int]]) -> dict[MentionKey, str]:
    """The chain of every gold entity mention that starts in a validated sentence."""
    gold: dict[MentionKey, str] = {}
    for document in documents:
        kept = validated.get(document.name, frozenset())
        for mention in document.mentions:
            if document.token_sentences[mention.tokens[0]] in kept:
                gold[(document.name, mention.mention_id)] = mention.chain
    return gold


def align(
    document: Document, tokens: tuple[int, ...], gold: dict[MentionKey, str], taken: dict[MentionKey, str]
) -> MentionKey | None:
    """The shortest free gold mention of this document whose head the predicted tokens cover."""
    covered = set(tokens)
    candidates = [
        m
        for m in document.mentions
        if (document.name, m.mention_id) in gold
        and (document.name, m.mention_id) not in taken
        and m.head(document.words) in covered
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda m: (len(m.tokens), m.tokens, m.mention_id))
    return (document.name, best.mention_id)


def clusters(labels: dict[MentionKey, str]) -> list[frozenset[Hashable]]:
    """Mentions grouped by their label, in label order."""
    grouped: defaultdict[str, set[Hashable]] = defaultdict(set)
    for mention, label in labels.items():
        grouped[label].add(mention)
    return [frozenset(group) for _, group in sorted(grouped.items())]


def add_scores(totals: dict[str, dict[str, Score]], topic: dict[str, dict[str, Score]]) -> None:
    """Add one topic's scores into running totals (sums, so topics weigh by their size)."""
    for system, scores in topic.items():
        for metric, value in scores.items():
            totals.setdefault(system, {})
            totals[system][metric] = totals[system].get(metric, Score()) + value
