"""The story's sentences as candidates for the summary, the issues and the coverage.

One :class:`Candidate` per distinct sentence of the story: sentences equal up
to case, punctuation and spacing are one candidate that cites every article
carrying them, in reading order. Duplicate articles (``duplicate_of`` set) never
open a candidate of their own, but they add citations to identical text, so a
syndicated copy is counted where it repeats a sentence word for word.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.article import Article
from dossier.briefing import AnyBriefing, Briefing, BriefingStage, Citation, CitedText
from dossier.embed import Encoder, Vectors
from dossier.story import Story
from dossier.words import JOINED_WORD

#: A story larger than this many distinct sentences is cut (reading order) so every stage stays bounded.
MAX_CANDIDATES = 4000
#: Sentences outside this word range are rarely informative: datelines, captions, run-ons from bad markup.
MIN_WORDS = 6
MAX_WORDS = 90

_OPEN_QUOTES = "\"“‘«'"
_CLOSE_QUOTES = "\"”’»'"
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|asked|stated|wrote|according to|announced|noted|warned|"
    r"insisted|argued|urged|stressed|declared|explained|claimed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One distinct sentence: its text (the first citation's), every citation, and where it sits."""

    text: str
    citations: tuple[Citation, ...]
    article_order: int  # index of the first citing article in reading order
    position: int  # index of the sentence in that article
    words: int
    readable: bool

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article_id for c in self.citations))

    def cited(self, extra: Sequence[Citation] = ()) -> CitedText:
        """This sentence as a summary line, citing its own articles and then ``extra`` ones."""
        seen = {c.article_id for c in self.citations}
        more: list[Citation] = []
        for citation in extra:
            if citation.article_id not in seen:
                seen.add(citation.article_id)
                more.append(citation)
        return CitedText(self.text, (*self.citations, *more))


def comparison_key(text: str) -> str:
    """Sentences equal up to case, punctuation and spacing count as the same sentence."""
    return " ".join(JOINED_WORD.findall(text.casefold()))


def word_count(text: str) -> int:
    return len(JOINED_WORD.findall(text))


def is_readable(text: str) -> bool:
    """Whether a sentence can stand alone in a summary.

    Not a question, not a headline-like fragment (no closing punctuation, or
    most words capitalised), and not a bare quotation with no one credited.
    """
    stripped = text.strip()
    words = word_count(stripped)
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    tail = stripped.rstrip(_CLOSE_QUOTES + ")]")
    if not tail or tail[-1] not in ".!":
        return False
    if stripped.rstrip(_CLOSE_QUOTES).endswith("?"):
        return False
    if _mostly_capitalised(stripped):
        return False
    return not (stripped[0] in _OPEN_QUOTES and not _REPORTING.search(stripped))


def _mostly_capitalised(text: str) -> bool:
    words = JOINED_WORD.findall(text)
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitalised / len(words) > 0.6


@dataclass(frozen=True, slots=True)
class EncodedPool:
    """The story's sentence pool with one vector per candidate: made once, read by every stage needing it."""

    candidates: tuple[Candidate, ...]
    vectors: Vectors  # row i encodes candidates[i]
    encoder: str  # the encoder's name

    def readable(self) -> tuple[list[Candidate], Vectors]:
        """The candidates that can stand alone in a summary or an issue, and their vectors."""
        rows = [index for index, candidate in enumerate(self.candidates) if candidate.readable]
        return [self.candidates[index] for index in rows], self.vectors[rows]


def encode_pool(story: Briefing, encoder: Encoder) -> EncodedPool:
    candidates = sentence_pool(story)
    return EncodedPool(candidates, encoder.encode([c.text for c in candidates]), encoder.name)


def pool_for(story: Briefing, encoder: Encoder) -> EncodedPool:
    """The pool a :class:`~dossier.story.Story` carries, when made with ``encoder``; otherwise a new one."""
    if isinstance(story, Story) and story.pool is not None and story.pool.encoder == encoder.name:
        return story.pool
    return encode_pool(story, encoder)


def pool_stage(encoder: Encoder) -> BriefingStage:
    """The ``sentence-pool`` story stage: the pool and its vectors, shared by issues, coverage and summary."""

    def stage(story: AnyBriefing) -> AnyBriefing:
        if not isinstance(story, Story):
            return story
        return dataclasses.replace(story, pool=encode_pool(story, encoder))

    return stage


def sentence_pool(story: Briefing) -> tuple[Candidate, ...]:
    """Every distinct sentence of the story's original articles, in reading order, with all citations."""
    order = {article.id: index for index, article in enumerate(story.articles)}
    found: dict[str, _Open] = {}
    originals = [article for article in story.articles if article.duplicate_of is None]
    if sum(len(article.sentences) for article in originals) <= MAX_CANDIDATES:
        for article in originals:
            _collect(article, order[article.id], found, open_new=True)
    else:
        _collect_fairly(originals, order, found)
    for article in story.articles:
        if article.duplicate_of is not None:
            _collect(article, order[article.id], found, open_new=False)
    candidates = [entry.close() for entry in found.values()]
    return tuple(sorted(candidates, key=lambda c: (c.article_order, c.position)))


@dataclass(slots=True)
class _Open:
    text: str
    citations: list[Citation]
    article_order: int
    position: int

    def close(self) -> Candidate:
        ordered = tuple(self.citations)
        return Candidate(
            self.text,
            ordered,
            self.article_order,
            self.position,
            word_count(self.text),
            is_readable(self.text),
        )


def _collect_fairly(originals: list[Article], order: dict[str, int], found: dict[str, _Open]) -> None:
    """More sentences than the pool holds: every article's first sentence, then every second one, and so on.

    A big story's later articles then count as much as its first ones, and each brings its lead first.
    """
    longest = max(len(article.sentences) for article in originals)
    for position in range(longest):
        for article in originals:
            if position < len(article.sentences):
                open_new = len(found) < MAX_CANDIDATES
                _collect_one(article, order[article.id], position, found, open_new=open_new)


def _collect(article: Article, article_order: int, found: dict[str, _Open], *, open_new: bool) -> None:
    for position in range(len(article.sentences)):
        _collect_one(article, article_order, position, found, open_new=open_new)


def _collect_one(
    article: Article, article_order: int, position: int, found: dict[str, _Open], *, open_new: bool
) -> None:
    span = article.sentences[position]
    text = article.span_text(span)
    key = comparison_key(text)
    if not key:
        return
    citation = Citation(article.id, span.start, span.end)
    entry = found.get(key)
    if entry is None:
        if open_new:
            found[key] = _Open(text, [citation], article_order, position)
        return
    # One citation per article is enough: a sentence repeated inside one article says nothing more.
    if all(c.article_id != article.id for c in entry.citations):
        entry.citations.append(citation)
