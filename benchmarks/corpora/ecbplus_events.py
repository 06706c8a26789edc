"""ECB+ event mentions: which cross-document event each annotated sentence mentions.

ECB+ marks actions (tags starting ``ACTION_`` or ``NEG_ACTION_``) in the
sentences its ``ECBplus_coreference_sentences.csv`` lists, and ties mentions of
one real-world event across documents with ``CROSS_DOC_COREF`` relations (the
``note`` names the event instance). A mention in no such relation is an event
no other document is said to share, so it is left out here.

Texts are built with :func:`benchmarks.corpora.ecbplus.read_document`'s
spacing rules, so character offsets map back onto ECB+ sentences.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from corpora.ecbplus import Document, read_document

EVENT_TAG_PREFIXES = ("ACTION_", "NEG_ACTION_")


@dataclass(frozen=True, slots=True)
class EventDocument:
    """A document's text and, per ECB+ sentence number, the cross-document events it mentions."""

    document: Document
    events: dict[int, frozenset[str]]  # sentence number -> event instance notes

    @property
    def name(self) -> str:
        return self.document.name

    def all_events(self) -> frozenset[str]:
        return frozenset(event for found in self.events.values() for event in found)

    def events_in(self, start: int, end: int) -> frozenset[str]:
        """The events mentioned in the ECB+ sentences that characters ``[start, end)`` overlap."""
        numbers = {self.document.token_sentences[i] for i in self.document.tokens_in(start, end)}
        return frozenset(event for number in numbers for event in self.events.get(number, ()))


def read_event_document(path: Path) -> EventDocument:
    """One ECB+ file: its whole text (no URL line) and the cross-document events of each sentence."""
    document = read_document(path)
    root = ElementTree.parse(path).getroot()
    sentence_of = {token.get("t_id", ""): int(token.get("sentence", "0")) for token in root.iter("token")}
    instance: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        if relation.tag == "CROSS_DOC_COREF":
            for source in relation.iter("source"):
                instance.setdefault(source.get("m_id", ""), relation.get("note", ""))
    events: dict[int, set[str]] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        note = instance.get(markable.get("m_id", ""))
        if not markable.tag.startswith(EVENT_TAG_PREFIXES) or not note:
            continue
        for anchor in markable.iter("token_anchor"):
            number = sentence_of.get(anchor.get("t_id", ""))
            if number is not None:
                events.setdefault(number, set()).add(note)
    return EventDocument(document, {number: frozenset(found) for number, found in events.items()})


def subtopics(root: Path, topics: range) -> dict[str, list[Path]]:
    """The documents of each subtopic ("36ecb", "36ecbplus"): one topic's ECB half and its ECB+ half."""
    found: dict[str, list[Path]] = {}
    for topic in topics:
        folder = root / "ECB+" / str(topic)
        for path in sorted(folder.glob("*.xml")):
            half = "ecbplus" if path.name.endswith("ecbplus.xml") else "ecb"
            found.setdefault(f"{topic}{half}", []).append(path)
    return found
