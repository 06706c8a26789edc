"""Entity precision, recall and F1: exact span and type, per type and overall ("all").

Spans are whatever the caller compares: ``(start, end, type)`` token ranges from
BIO tags (:func:`entity_spans`), or character ranges in a text. Counts are kept
per type so that many documents add up before dividing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence, Set

SpanKey = tuple[int, int, str]


def entity_spans(tags: Sequence[str]) -> set[SpanKey]:
    """The ``(start, end, type)`` entities a BIO sequence encodes."""
    spans: set[SpanKey] = set()
    start = -1
    kind = ""
    for index, tag in enumerate((*tags, "O")):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, index, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = index, tag[2:]
    return spans


def count_matches(counts: Counter[tuple[str, str]], truth: Set[SpanKey], guess: Set[SpanKey]) -> None:
    """Add one unit's true positives, false positives and false negatives, by type, to ``counts``."""
    for span in truth & guess:
        counts[(span[2], "tp")] += 1
    for span in guess - truth:
        counts[(span[2], "fp")] += 1
    for span in truth - guess:
        counts[(span[2], "fn")] += 1


def scores_from_counts(counts: Counter[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per type, and for all types together ("all")."""
    kinds = sorted({kind for kind, _ in counts})
    result = {kind: prf(counts[(kind, "tp")], counts[(kind, "fp")], counts[(kind, "fn")]) for kind in kinds}
    tp, fp, fn = (sum(counts[(kind, part)] for kind in kinds) for part in ("tp", "fp", "fn"))
    result["all"] = prf(tp, fp, fn)
    return result


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Exact-match entity precision, recall and F1 of BIO tag sequences, per type and overall ("all")."""
    counts: Counter[tuple[str, str]] = Counter()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        count_matches(counts, entity_spans(gold_tags), entity_spans(predicted_tags))
    return scores_from_counts(counts)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 (rounded to 4 places) and the gold count, from match counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": tp + fn,
    }
