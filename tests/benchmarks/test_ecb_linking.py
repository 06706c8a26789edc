"""Predicted clusters scored on ECB+ gold chains (the hand-written fixture file)."""

from __future__ import annotations

from collections import defaultdict

from corpora.ecbplus import Document, GoldMention, TextRange, read_document
from metrics.coref import Score
from metrics.ecb_linking import UNLINKED, LinkedMention, add_scores, clusters, gold_chains, score_linking

from .conftest import FIXTURES

FILE = FIXTURES / "9_1ecbplus.xml"


def mention(text: str, piece: str, entity: str, occurrence: int = 0) -> LinkedMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return LinkedMention("9_1ecbplus", start, start + len(piece), entity)


def test_gold_chains_keep_validated_sentences_only() -> None:
    document = read_document(FILE)
    assert set(gold_chains([document], {"9_1ecbplus": frozenset({2})})) == {
        ("9_1ecbplus", "3"),
        ("9_1ecbplus", "4"),
    }
    assert gold_chains([document], {}) == {}


def test_linking_scored_on_aligned_mentions() -> None:
    document = read_document(FILE)
    validated = {"9_1ecbplus": frozenset({1, 2})}
    text = document.text
    predicted = [
        mention(text, "Mayor Ilse Marrow", "e1"),
        mention(text, "Marrow", "e1", occurrence=1),
        mention(text, "agreed", "e2"),  # covers no gold head: not aligned
    ]
    counts: defaultdict[str, int] = defaultdict(int)
    scores = score_linking([document], validated, predicted, counts)
    assert counts["predicted mentions"] == 3
    assert counts["aligned"] == 2
    assert counts["gold mentions"] == len(gold_chains([document], validated))
    assert scores["ours"]["muc"].f1 == 1.0  # the two aligned mentions are one gold chain, linked
    # "Mayor Ilse Marrow" and "Marrow" differ as strings: the baseline keeps them apart.
    assert scores["same string"]["muc"].recall == 0.0
    totals: dict[str, dict[str, Score]] = {}
    add_scores(totals, scores)
    add_scores(totals, scores)
    assert totals["ours"]["muc"].recall_found == 2 * scores["ours"]["muc"].recall_found


def test_clusters_group_by_label() -> None:
    groups = clusters({("d", "1"): "x", ("d", "2"): "y", ("d", "3"): "x"})
    assert groups == [frozenset({("d", "1"), ("d", "3")}), frozenset({("d", "2")})]


def two_sentence_document() -> Document:
    """'Kell Bank fell . Kell Bank rose .': the first bank mention linked to a chain, the second in none."""
    words = ("Kell", "Bank", "fell", ".", "Kell", "Bank", "rose", ".")
    text = "Kell Bank fell.\nKell Bank rose."
    offsets, at = [], 0
    for word in words:
        at = text.index(word, at)
        offsets.append(TextRange(at, at + len(word)))
        at += len(word)
    return Document(
        name="d",
        text=text,
        words=words,
        offsets=tuple(offsets),
        token_sentences=(1, 1, 1, 1, 2, 2, 2, 2),
        sentences=(TextRange(0, 15), TextRange(16, len(text))),
        mentions=(
            GoldMention("1", "HUMAN_PART_ORG", (0, 1), "HUM7"),
            GoldMention("2", "HUMAN_PART_ORG", (4, 5), f"{UNLINKED}d:2"),
        ),
    )


def test_linked_rows_leave_out_mentions_in_no_relation() -> None:
    document = two_sentence_document()
    predicted = [
        LinkedMention("d", 0, 9, "bank"),
        LinkedMention("d", 16, 25, "bank"),
    ]
    counts: defaultdict[str, int] = defaultdict(int)
    scores = score_linking([document], {"d": frozenset({1, 2})}, predicted, counts)
    assert counts["aligned"] == 2
    assert counts["aligned in a gold relation"] == 1
    # Joining the unlinked mention costs precision on all aligned mentions, nothing on the linked ones.
    assert scores["ours"]["muc"].precision == 0.0
    assert scores["ours"]["b3"].precision == 0.5
    assert scores["ours, linked"]["b3"].precision == 1.0
    assert scores["ours, linked"]["ceafe"].f1 == 1.0
