"""The ECB+ coreference corpus: documents as text, gold entity mentions and their chains.

An ECB+ file (``<topic>_<n>ecb.xml`` or ``...ecbplus.xml``) holds tokens
with sentence numbers, mentions anchored to token ids, and relations: a
``CROSS_DOC_COREF`` names the instance its source mentions denote (the
``note`` attribute), an ``INTRA_DOC_COREF`` a chain inside one document.
Only entity mentions are read here: human and non-human participants and
locations (tags starting ``HUMAN_PART``, ``NON_HUMAN_PART``, ``LOC``).

Tokens are joined back into text with the usual spacing rules (no space
before a comma, after an opening bracket...), keeping each token's offsets,
so the recognizer reads ordinary text and its spans map back onto tokens.
"""

from __future__ import annotations

import bisect
import csv
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class TextRange:
    """Characters ``start`` .. ``end - 1`` of a document's text.

    Its own type, not ``dossier.article.Span``: the readers must import in a
    tree whose package differs (``compare_backbone.py`` runs them against old
    and new), so nothing here imports ``dossier``.
    """

    start: int
    end: int


ENTITY_TAG_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC")

_NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
# Words that end a noun phrase's head and start what modifies it.
_HEAD_STOPS = frozenset({"of", ",", "(", "who", "which", "that", "in", "at", "from", "on", "with", "for"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    """An entity mention: its token positions (indices into the document's tokens) and its chain."""

    mention_id: str
    tag: str
    tokens: tuple[int, ...]
    chain: str

    def head(self, words: tuple[str, ...]) -> int:
        """The head token: the last word before a post-modifier ("leaders" in "leaders of the group")."""
        kept = list(self.tokens[:1])
        for position in self.tokens[1:]:
            if words[position].casefold() in _HEAD_STOPS:
                break
            kept.append(position)
        while len(kept) > 1 and words[kept[-1]] in {"'s", "'", "’s"}:
            kept.pop()
        return kept[-1]


@dataclass(frozen=True, slots=True)
class Document:
    """One ECB+ document as text: tokens, their offsets and sentences, and its gold entity mentions."""

    name: str
    text: str
    words: tuple[str, ...]
    offsets: tuple[TextRange, ...]
    token_sentences: tuple[int, ...]
    sentences: tuple[TextRange, ...]
    mentions: tuple[GoldMention, ...]

    def tokens_in(self, start: int, end: int) -> tuple[int, ...]:
        """Positions of the tokens that overlap the character range ``[start, end)``."""
        first = bisect.bisect_right([span.end for span in self.offsets], start)
        found: list[int] = []
        for index in range(first, len(self.offsets)):
            if self.offsets[index].start >= end:
                break
            found.append(index)
        return tuple(found)


def read_validated(path: Path) -> dict[str, frozenset[int]]:
    """The sentence index: document name ("36_1ecb") -> numbers of its fully annotated sentences."""
    found: defaultdict[str, set[int]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return {name: frozenset(numbers) for name, numbers in found.items()}


def read_document(path: Path, keep: frozenset[int] | None = None) -> Document:
    """Parse one file; ``keep`` limits the text to those sentence numbers (all but a URL line when None)."""
    root = ElementTree.parse(path).getroot()
    name = path.name.removesuffix(".xml")
    raw = [
        (token.get("t_id", ""), int(token.get("sentence", "0")), token.text or "")
        for token in root.iter("token")
    ]
    if keep is None:
        # In the ECB+ half of the corpus sentence 0 is the source URL, not text.
        keep = frozenset(s for _, s, _ in raw if s != 0 or not name.endswith("ecbplus"))
    raw = [item for item in raw if item[1] in keep and item[2].strip()]
    text, offsets, sentences = _detokenize([(word, sentence) for _, sentence, word in raw])
    position = {t_id: index for index, (t_id, _, _) in enumerate(raw)}
    return Document(
        name=name,
        text=text,
        words=tuple(word for _, _, word in raw),
        offsets=offsets,
        token_sentences=tuple(sentence for _, sentence, _ in raw),
        sentences=sentences,
        mentions=_gold_mentions(root, name, position),
    )


def _detokenize(tokens: list[tuple[str, int]]) -> tuple[str, tuple[TextRange, ...], tuple[TextRange, ...]]:
    """Text from tokens, one line per sentence, with each token's span and each sentence's span."""
    parts: list[str] = []
    offsets: list[TextRange] = []
    sentences: list[TextRange] = []
    length = 0
    previous: tuple[str, int] | None = None
    sentence_start = 0
    open_quote = False
    for word, sentence in tokens:
        if previous is not None and sentence != previous[1]:
            sentences.append(TextRange(sentence_start, length))
            parts.append("\n")
            length += 1
            sentence_start = length
            open_quote = False
        elif previous is not None and _space_between(previous[0], word, open_quote):
            parts.append(" ")
            length += 1
        if word == '"':
            open_quote = not open_quote
        offsets.append(TextRange(length, length + len(word)))
        parts.append(word)
        length += len(word)
        previous = (word, sentence)
    if previous is not None:
        sentences.append(TextRange(sentence_start, length))
    return "".join(parts), tuple(offsets), tuple(sentences)


def _space_between(before: str, word: str, quote_open_before_word: bool) -> bool:
    if word in _NO_SPACE_BEFORE or before in _NO_SPACE_AFTER or "-" in (word, before):
        # A lone hyphen was cut out of a compound ("T", "-", "Mobile"): glue it back.
        return False
    if word == '"':
        # A closing quote hugs the word before it; an opening one stands apart.
        return not quote_open_before_word
    # The word right after an opening quote hugs it.
    return not (before == '"' and quote_open_before_word)


def _gold_mentions(root: ElementTree.Element, name: str, position: dict[str, int]) -> tuple[GoldMention, ...]:
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        sources = [source.get("m_id", "") for source in relation.iter("source")]
        if relation.tag == "CROSS_DOC_COREF":
            chain = relation.get("note", "")
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"intra:{name}:{relation.get('r_id', '')}"
            sources += [target.get("m_id", "") for target in relation.iter("target")]
        else:
            continue
        for mention_id in sources:
            chains.setdefault(mention_id, chain)
    mentions: list[GoldMention] = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        if not markable.tag.startswith(ENTITY_TAG_PREFIXES):
            continue
        anchors = [position.get(a.get("t_id", "")) for a in markable.iter("token_anchor")]
        tokens = tuple(sorted(p for p in anchors if p is not None))
        # A mention partly outside the kept sentences is not scored.
        if not tokens or len(tokens) != len(anchors):
            continue
        mention_id = markable.get("m_id", "")
        chain = chains.get(mention_id, f"single:{name}:{mention_id}")
        mentions.append(GoldMention(mention_id, markable.tag, tokens, chain))
    return tuple(sorted(mentions, key=lambda m: (m.tokens, m.mention_id)))
