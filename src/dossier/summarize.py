"""A first, simple extractive summary: each outlet's lead sentence.

News is written in inverted-pyramid style, so the opening sentence of each
article is the single best-supported extractive summary a first stage can give
without a model. Every summary line is verbatim article text; the same sentence
carried by several articles is listed once with every citation. The factbox
issue replaces this with a redundancy-aware (MMR) summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.article import Article, Span
from dossier.briefing import Citation, CitedText

#: The default number of summary sentences.
DEFAULT_SENTENCES = 6
#: Lead sentences shorter than this are usually datelines or fragments, not news.
MIN_LEAD_WORDS = 8

_WORD = re.compile(r"\w+")


def lead_summary(
    articles: Sequence[Article], *, max_sentences: int = DEFAULT_SENTENCES
) -> tuple[CitedText, ...]:
    """The lead sentence of each original article, in reading order, merged when equal."""
    if max_sentences < 1:
        raise ValueError(f"max_sentences must be at least 1, got {max_sentences}")
    lines: list[tuple[str, list[Citation]]] = []
    by_key: dict[str, list[Citation]] = {}
    for article in articles:
        if article.duplicate_of is not None:
            continue
        span = _lead_sentence(article)
        if span is None:
            continue
        citation = Citation(article.id, span.start, span.end)
        key = _comparison_key(article.span_text(span))
        if key in by_key:
            by_key[key].append(citation)
            continue
        if len(lines) == max_sentences:
            continue
        citations = [citation]
        by_key[key] = citations
        lines.append((article.span_text(span), citations))
    return tuple(CitedText(text, tuple(citations)) for text, citations in lines)


def _lead_sentence(article: Article) -> Span | None:
    for span in article.sentences:
        if len(_WORD.findall(article.span_text(span))) >= MIN_LEAD_WORDS:
            return span
    return None


def _comparison_key(text: str) -> str:
    """Sentences equal up to case, punctuation and spacing count as the same line."""
    return " ".join(_WORD.findall(text.casefold()))
