"""The per-article half: read each article once and keep what was read (:class:`~dossier.analysis.Analysis`).

The spaCy backbone (:mod:`dossier.nlp`) reads every paragraph in batches
(``nlp.pipe``) and gives sentences, tokens with lemmas, parts of speech and the
dependency parse, and named entities. On top of that reading, per article:

* entity mentions get their titles ("Foreign Minister") from :mod:`dossier.entities.roles`;
* time expressions are found per sentence and resolved against the article's date;
* figures are found with what they measure;
* quotations are found and attributed, their speakers taken from the entity mentions.

Articles never look at each other here, so this is the unit a cluster maps over workers.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from dossier.analysis import ANALYZER_VERSION, Analysis, AnalyzerKey, QuoteFinding, SpeakerMention, Tokens
from dossier.article import Article, Span
from dossier.entities.names import name_mentions
from dossier.figures.extract import Measure, extract_measures
from dossier.nlp import DEFAULT_MODEL, Backbone, load, pieces, processes_for
from dossier.nlp import version as pipeline_version
from dossier.quotes.attribute import attribute_quotes
from dossier.segment import paragraph_spans, segmented_article, trimmed
from dossier.timex.resolve import resolve_article

logger = logging.getLogger(__name__)

T = TypeVar("T")
#: Characters of an article that are read (a long report is about 100,000; see :func:`read_limit`).
MAX_READ_CHARS = 200_000
#: Caps per article: enough for any real report, small enough that no story stage floods.
MAX_FIGURES = 1_000
MAX_QUOTES = 500
MAX_NAMES = 20_000

#: Called with each article's id once its analysis is made (drives progress bars).
Progress = Callable[[str], None]


def analyzer_key(model: Backbone | str) -> AnalyzerKey:
    """What the analyses of ``model`` are kept under; for a pipeline's name, found without loading it."""
    if isinstance(model, Backbone):
        return AnalyzerKey(ANALYZER_VERSION, model.name, model.version)
    return AnalyzerKey(ANALYZER_VERSION, model, pipeline_version(model))


def analyze_articles(
    articles: Sequence[Article],
    backbone: Backbone | None = None,
    progress: Progress | None = None,
    processes: int | None = None,
) -> Iterator[Analysis]:
    """The analysis of each article, in order; every paragraph goes through ``nlp.pipe`` in batches.

    ``processes`` spreads the reading over worker processes (``None``: as many as pay off, see
    :func:`dossier.nlp.processes_for`); the analyses are the same however many there are.
    """
    backbone = backbone or load(DEFAULT_MODEL)
    key = analyzer_key(backbone)
    units = [(index, start, end) for index, article in enumerate(articles) for start, end in _units(article)]
    workers = processes_for(len(articles)) if processes is None else processes
    docs = backbone.read((articles[index].text[start:end] for index, start, end in units), workers)
    readings = [_Reading() for _ in articles]
    pending = 0
    for (index, start, _), doc in zip(units, docs, strict=True):
        # Units come in article order: once a later article's unit arrives, earlier ones are complete.
        while pending < index:
            yield _finish(articles[pending], readings[pending], key, progress)
            readings[pending] = _Reading()
            pending += 1
        readings[index].add(doc, start)
    while pending < len(articles):
        yield _finish(articles[pending], readings[pending], key, progress)
        pending += 1


def analyze_texts(texts: Sequence[str], backbone: Backbone | None = None) -> list[Analysis]:
    """Analyses of plain texts (benchmarks, other corpora): each text is an undated article as it is."""
    return list(analyze_articles([segmented_article(text) for text in texts], backbone))


def _units(article: Article) -> Iterator[tuple[int, int]]:
    """What spaCy reads at once: each paragraph, a very long one cut at spaces, up to the reading limit."""
    paragraphs = article.paragraphs or paragraph_spans(article.text)
    limit = read_limit(article.text)
    for paragraph in paragraphs:
        if paragraph.start >= limit:
            return
        yield from pieces(article.text, paragraph.start, min(paragraph.end, limit))


def read_limit(text: str) -> int:
    """Where the reading of ``text`` stops: its end, or the last space before ``MAX_READ_CHARS``.

    A news article is a few thousand characters; a file of many megabytes is a dump, not an article,
    and reading all of it would take minutes and flood every stage. What lies past the limit stays
    in the article's text, unread, and the analysis says so (``Analysis.limits``).
    """
    if len(text) <= MAX_READ_CHARS:
        return len(text)
    cut = text.rfind(" ", 0, MAX_READ_CHARS)
    return cut if cut > 0 else MAX_READ_CHARS


@dataclass(slots=True)
class _Reading:
    """What spaCy gave for one article's paragraphs, in article offsets."""

    sentences: list[Span] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, doc: Any, offset: int) -> None:
        first = len(self.starts)
        for token in doc:
            self.starts.append(offset + token.idx)
            self.ends.append(offset + token.idx + len(token.text))
            self.lemmas.append(token.lemma_)
            self.pos.append(token.pos_)
            self.deps.append(token.dep_)
            self.heads.append(first + token.head.i)
        for sentence in doc.sents:
            span = trimmed(doc.text, sentence.start_char, sentence.end_char)
            if span is not None:
                self.sentences.append(Span(offset + span.start, offset + span.end))
        self.entities.extend((offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)

    def tokens(self) -> Tokens:
        return Tokens(
            tuple(self.starts),
            tuple(self.ends),
            tuple(self.lemmas),
            tuple(self.pos),
            tuple(self.deps),
            tuple(self.heads),
        )


def _finish(article: Article, reading: _Reading, key: AnalyzerKey, progress: Progress | None) -> Analysis:
    # Every extractor reads the same prefix as spaCy did: offsets into a prefix are offsets into the text.
    text = article.text[: read_limit(article.text)]
    limits = [] if len(text) == len(article.text) else [_read_note(len(text), len(article.text))]
    sentences = tuple(reading.sentences)
    tokens = reading.tokens()
    found_names = name_mentions(text, reading.entities, tokens, sentences)
    names = _capped(found_names, MAX_NAMES, "name mentions", limits)
    attributed = attribute_quotes(text, sentences, names, tokens)
    quotes = _capped(tuple(_finding(item) for item in attributed.quotes), MAX_QUOTES, "quotes", limits)
    analysis = Analysis(
        article_id=article.id,
        key=key,
        anchor=article.published,
        sentences=sentences,
        tokens=tokens,
        names=names,
        times=resolve_article(text, sentences, article.published),
        figures=_capped(_nouns_only(extract_measures(text), text, tokens), MAX_FIGURES, "figures", limits),
        quotes=quotes,
        person_names=attributed.person_names,
        limits=tuple(limits),
    )
    for note in limits:
        logger.warning("article %s: %s", article.id, note)
    if progress is not None:
        progress(article.id)
    return analysis


def _capped(items: tuple[T, ...], cap: int, what: str, notes: list[str]) -> tuple[T, ...]:
    """The first ``cap`` items, in text order; a cut is noted."""
    if len(items) <= cap:
        return items
    notes.append(f"kept the first {cap:,} of {len(items):,} {what}")
    return items[:cap]


#: How far from a figure the word it measures may stand, in characters (the extractor's own window).
_ABOUT_REACH = 80


def _nouns_only(measures: tuple[Measure, ...], text: str, tokens: Tokens) -> tuple[Measure, ...]:
    """Figures whose ``about`` the parse reads as no noun ("18 percent" of "had") measure nothing named.

    The extractor finds ``about`` by word patterns; the tagger knows a verb when it sees one.
    """
    kept: list[Measure] = []
    for measure in measures:
        if measure.about is not None and not _is_noun_near(measure, text, tokens):
            measure = dataclasses.replace(measure, about=None)
        kept.append(measure)
    return tuple(kept)


def _is_noun_near(measure: Measure, text: str, tokens: Tokens) -> bool:
    head = (measure.about or "").split()[-1:]
    if not head:
        return False
    first = bisect.bisect_left(tokens.starts, measure.start - _ABOUT_REACH)
    last = bisect.bisect_right(tokens.starts, measure.end + _ABOUT_REACH)
    tags = [
        tokens.pos[i]
        for i in range(first, last)
        if text[tokens.starts[i] : tokens.ends[i]].casefold() == head[0].casefold()
    ]
    # A word the parse never saw there (the extractor reads text the tokens split otherwise) is kept.
    return not tags or any(tag in ("NOUN", "PROPN") for tag in tags)


def _read_note(read: int, total: int) -> str:
    return f"read the first {read:,} of {total:,} characters; the rest is kept but not analysed"


def _finding(item: Any) -> QuoteFinding:
    speaker = None
    if item.speaker is not None and item.speaker_name is not None:
        cue = item.cue_mention
        speaker = SpeakerMention(
            item.speaker.start,
            item.speaker.end,
            item.speaker_name,
            item.speaker.kind,
            None if cue is None else cue.start,
            None if cue is None else cue.end,
        )
    return QuoteFinding(item.quote.start, item.quote.end, item.kind, item.cue, speaker, item.resolution)
