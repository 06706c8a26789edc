"""The article-extraction benchmark's measure: 4-token shingle matching, and "all visible text" of a page.

The measure follows the published benchmark (Zyte's article-extraction
benchmark): a text is split into word tokens (runs of word characters), the
overlapping 4-token shingles are counted, and a page's true positives, false
positives and false negatives are the multiset overlaps, normalised by their
sum so that a long page weighs no more than a short one. Precision and recall
come from the per-page means, and F1 from those two.

:func:`visible_text` is the "all visible text" baseline input: every text node
a browser would show, with line breaks at block elements, furniture included.
Evaluation-only code: nothing in ``src/`` imports it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import lxml.html
from lxml import etree

#: Shingle length of the published benchmark.
SHINGLE = 4
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Overlap:
    """One page's shingle overlap, each count divided by their sum (they add up to 1, or are all 0)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 over pages, from the mean normalised counts."""

    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, size: int = SHINGLE) -> Counter[str]:
    """The multiset of ``size``-token shingles of ``text`` (a short text is one shingle)."""
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - size + 1)
    return Counter(shingle for shingle in (" ".join(tokens[i : i + size]) for i in range(count)) if shingle)


def overlap(gold: str, predicted: str, size: int = SHINGLE) -> Overlap:
    """The normalised true positives, false positives and false negatives of one page."""
    expected, found = shingles(gold, size), shingles(predicted, size)
    tp = fp = fn = 0
    for key in expected.keys() | found.keys():
        want, got = expected[key], found[key]
        tp += min(want, got)
        fp += max(0, got - want)
        fn += max(0, want - got)
    total = tp + fp + fn
    if total == 0:
        return Overlap(0.0, 0.0, 0.0)
    return Overlap(tp / total, fp / total, fn / total)


def score(overlaps: Iterable[Overlap]) -> Score:
    """Precision, recall and F1 from the mean per-page counts."""
    pages = list(overlaps)
    if not pages:
        return Score(0.0, 0.0, 0.0, 0)
    tp = sum(page.tp for page in pages) / len(pages)
    fp = sum(page.fp for page in pages) / len(pages)
    fn = sum(page.fn for page in pages) / len(pages)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(pages))


# --- all visible text ---------------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Table cells and form labels stay on their row's line, a space apart (as html-text does).
_CELLS = _word_set("td th button label")
_INVISIBLE = _word_set(
    "head script style noscript template svg math iframe object embed canvas select option datalist"
)
_BLOCKS = _word_set(
    """
    address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot
    tr ul
    """
)


def visible_text(markup: str) -> str:
    """Every text node a browser would show, one block element per line, furniture and all."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    pieces: list[str] = []
    _walk(root, pieces)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    hidden = tag in _INVISIBLE or element.get("hidden") is not None or not isinstance(element.tag, str)
    if not hidden:
        block = tag in _BLOCKS
        if block:
            pieces.append("\n")
        elif tag in _CELLS:
            pieces.append(" ")
        pieces.append(element.text or "")
        for child in element:
            _walk(child, pieces)
        if block:
            pieces.append("\n")
    pieces.append(element.tail or "")
