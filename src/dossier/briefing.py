"""The briefing: every cross-article finding, each one pointing at article spans.

These records mirror ``docs/briefing.schema.json`` field for field. Text held in
a record (a quote's ``text``, a summary line) is always a copy of the span it
cites, so a reader can check every line against the article it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

from dossier.article import Article, Failure
from dossier.records import Record

SCHEMA_ID = "dossier/briefing@1"

EntityType = Literal["person", "organization", "place", "other"]
QuoteKind = Literal["full", "partial"]
ConflictKind = Literal["conflict", "agreement"]


@dataclass(frozen=True, slots=True)
class Citation(Record):
    """A span of one article's text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role(Record):
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entity(Record):
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker(Record):
    """Who said a quote. ``start``/``end`` span the named mention the speaker was resolved to.

    ``resolution`` says how the quote reached that mention: ``name`` (named at the cue), ``pronoun``,
    ``nominal`` ("the minister"), ``continuation`` (the previous quote's speaker), ``organization``, or
    ``unnamed`` (an unnamed source, which is never given a name).
    """

    name: str
    entity_id: str | None
    article_id: str
    start: int
    end: int
    resolution: str | None = None
    #: The words in the quote's own sentence that stand for the speaker ("the governor said"), when a cue
    #: found them: the evidence for the attribution, where ``start``/``end`` may be a name far before it.
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True)
class Quote(Record):
    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: str | None
    statement_id: str | None


@dataclass(frozen=True, slots=True)
class Statement(Record):
    id: str
    speaker_name: str | None
    speaker_entity_id: str | None
    quote_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    first_article_id: str


@dataclass(frozen=True, slots=True)
class Figure(Record):
    """A number in the text. ``value`` is the lower bound of a range, ``value_max`` its upper bound."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    about: str | None
    kind: str | None = None  # money | count | duration | percent | age
    qualifier: str | None = None  # more than, fewer than, about, up to, ...
    value_max: float | None = None


@dataclass(frozen=True, slots=True)
class Claim(Record):
    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Conflict(Record):
    """Claims that agree or disagree; a disagreement says how far apart its values are."""

    id: str
    about: str
    kind: ConflictKind
    claims: tuple[Claim, ...]
    gap: float | None = None  # largest value less the smallest, in the claims' unit (conflicts only)
    relative_gap: float | None = None  # ``gap`` as a share of the largest value (conflicts only)


@dataclass(frozen=True, slots=True)
class TimelineEntry(Record):
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    text: str
    evidence: tuple[Citation, ...]
    also: tuple[str, ...] = ()  # other dates the same sentence gives, shown beside it rather than twice


@dataclass(frozen=True, slots=True)
class CitedText(Record):
    """A verbatim sentence: ``text`` equals the text of ``citations[0]``."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Position(Record):
    """One side of an issue, as its own quotes state it. ``side`` is a speaker's name as the text gives it."""

    side: str
    quote_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Issue(Record):
    id: str
    label: str
    summary: tuple[CitedText, ...] = ()
    quote_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    keywords: tuple[str, ...] = ()  # the key phrases the label was built from, each found in the issue's text
    steered: bool = False  # True when the issue comes from a user-supplied list of issues
    evidence: tuple[Citation, ...] = ()  # every sentence grouped into the issue


@dataclass(frozen=True, slots=True)
class CoverageRow(Record):
    """How many of an issue's sentences each outlet carries, in the order of ``Coverage.outlets``."""

    issue_id: str
    counts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Exclusive(Record):
    """A sentence only one outlet reports: no other outlet says the same thing."""

    outlet: str
    issue_id: str | None
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Omission(Record):
    """An issue that most outlets left out: the few that cover it and the many that do not."""

    issue_id: str
    covered_by: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PreviewPoint(Record):
    """A point an article made before the event, and the later sentences that report on it (if any)."""

    text: str
    citations: tuple[Citation, ...]
    reported: bool
    outcome: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Coverage(Record):
    """Who reported what: the issue × outlet matrix, exclusives, omissions, previews against outcomes."""

    outlets: tuple[str, ...]
    rows: tuple[CoverageRow, ...] = ()
    exclusives: tuple[Exclusive, ...] = ()
    omissions: tuple[Omission, ...] = ()
    event_date: str | None = None  # YYYY-MM-DD: the date most articles report from
    preview_article_ids: tuple[str, ...] = ()
    previews: tuple[PreviewPoint, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing(Record):
    """Everything a briefing says. Lists a stage has not filled stay empty."""

    articles: tuple[Article, ...]
    schema: str = SCHEMA_ID
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    figures: tuple[Figure, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    issues: tuple[Issue, ...] = ()
    summary: tuple[CitedText, ...] = ()
    failures: tuple[Failure, ...] = ()
    stages: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    coverage: Coverage | None = None

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


#: Any briefing, a :class:`~dossier.story.Story` included: stages that only read the briefing's own
#: fields are typed ``(AnyBriefing) -> AnyBriefing`` and keep whatever else the story carries.
AnyBriefing = TypeVar("AnyBriefing", bound=Briefing)


class BriefingStage(Protocol):
    """A story stage that reads and fills only briefing fields, whatever else the story carries."""

    def __call__(self, story: AnyBriefing, /) -> AnyBriefing: ...
