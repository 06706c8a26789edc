"""One reading of one article: everything the story stages need, as spans of the article's text.

An :class:`Analysis` is made once per article by :mod:`dossier.analyze` (the
spaCy backbone plus our extractors), stored beside the article, and read by
every story stage; no story stage tokenizes or extracts again. It is keyed by
:class:`AnalyzerKey` (this code's version and the pipeline's name and
version), so a stored analysis made by another analyzer or model is recomputed
rather than trusted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Self

from dossier.article import Span
from dossier.briefing import EntityType, QuoteKind
from dossier.figures.extract import Measure
from dossier.records import Record
from dossier.timex.resolve import TimeExpression, resolve_again

#: Bump when anything an analysis holds is computed differently: stored analyses are then recomputed.
ANALYZER_VERSION = "14"


@dataclass(frozen=True, slots=True)
class AnalyzerKey(Record):
    """What made an analysis: this analyzer's version and the spaCy pipeline's name and version."""

    analyzer: str
    model: str
    model_version: str

    def text(self) -> str:
        return f"dossier-analyzer-{self.analyzer}/{self.model}/{self.model_version}"


@dataclass(frozen=True, slots=True)
class Tokens(Record):
    """The tokens of an article, column by column (one row per token, in text order).

    ``heads[i]`` is the index of token ``i``'s syntactic head (itself for a root).
    Columns rather than one record per token keep a stored analysis small and quick to load.
    """

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    lemmas: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    deps: tuple[str, ...] = ()
    heads: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.starts)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        # Hundreds of thousands of cells: skip the generic per-value conversion.
        return cls(
            *(tuple(data.get(name, ())) for name in ("starts", "ends", "lemmas", "pos", "deps", "heads"))
        )


@dataclass(frozen=True, slots=True)
class NameMention(Record):
    """A named entity in the text: ``text[start:end]`` is ``surface``; ``titles`` are spans of its titles."""

    start: int
    end: int
    type: EntityType
    surface: str
    titles: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakerMention(Record):
    """The words a quote's speaker was found by: a name, or the name a pronoun or nominal resolved to.

    ``kind`` is the kind of mention the cue found (name, pronoun, nominal,
    organization, unnamed); ``name`` the display name.
    """

    start: int
    end: int
    name: str
    kind: str
    #: The words at the cue that stand for the speaker, when a cue found them ("the governor said").
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True)
class QuoteFinding(Record):
    """A quotation in one article with its kind, cue, speaker and how the speaker was reached."""

    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    speaker: SpeakerMention | None = None
    resolution: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything read from one article. Every offset points into that article's ``text``."""

    article_id: str
    key: AnalyzerKey
    #: The publication date ``times`` were resolved against (see :meth:`anchored`).
    anchor: dt.date | None = None
    sentences: tuple[Span, ...] = ()
    tokens: Tokens = Tokens()
    names: tuple[NameMention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    figures: tuple[Measure, ...] = ()
    quotes: tuple[QuoteFinding, ...] = ()
    #: Full person names the article gives ("Jane Roe"), to complete bare surnames across a story.
    person_names: tuple[str, ...] = ()
    #: What the reading left out of an oversized article, in words ("kept the first 1,000 of 5,310 figures").
    limits: tuple[str, ...] = ()

    def anchored(self, published: dt.date | None) -> Analysis:
        """This analysis with its time expressions resolved against ``published`` (an inferred date, say)."""
        if published == self.anchor:
            return self
        return dataclasses.replace(self, anchor=published, times=resolve_again(self.times, published))
