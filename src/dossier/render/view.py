"""What the human-readable renderings show, computed once from a briefing.

:func:`build_view` turns a :class:`Briefing` into a :class:`BriefingView`:
plain frozen records that hold every word, number and link a page shows, and
nothing about how it looks. Markdown and HTML (and later the web app, as HTML
and as JSON via ``to_dict``) render the same view, so they show the same story
title, the same article numbers behind every ``[n]`` citation, the same
grouping of quotes and entities and the same coverage counts. No renderer reads
the briefing itself.

Text taken from an article is whitespace-folded here, as it is shown inline;
only the full texts keep their layout. Nothing is escaped here: escaping
belongs to each output format.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dossier.article import Article
from dossier.briefing import Briefing, Citation, CitedText, Claim, Conflict, Entity, Figure, Issue, Quote
from dossier.outlet import display_name
from dossier.records import Record
from dossier.render.highlight import Segment, anchor_id, segments

#: Section order and the words used when a section has nothing to show.
ENTITY_TYPE_HEADINGS = (
    ("person", "People"),
    ("organization", "Organizations"),
    ("place", "Places"),
    ("other", "Other names"),
)
#: (key, heading) of each section, in page order. The key is the section's element id in HTML.
SECTIONS = (
    ("sources", "Sources"),
    ("summary", "Summary"),
    ("issues", "Key issues"),
    ("entities", "People, organizations and places"),
    ("quotes", "Quotes"),
    ("figures", "Figures"),
    ("conflicts", "Agreements & conflicts"),
    ("timeline", "Timeline"),
    ("coverage", "Coverage"),
    ("stripped", "Stripped from sources"),
    ("failures", "Sources that could not be read"),
    ("texts", "Full text of the sources"),
)
EMPTY = {
    "summary": "No summary sentences were selected.",
    "issues": "No key issues were identified.",
    "entities": "No people, organizations or places were extracted.",
    "quotes": "No quotes were extracted.",
    "figures": "No figures were extracted.",
    "conflicts": "No agreements or conflicts between sources were found.",
    "timeline": "No dated events were found.",
    "coverage": "No articles.",
    "stripped": "Cleaning removed nothing from the sources.",
    "failures": "Every source could be read.",
    "sources": "No articles were read.",
    "texts": "No articles were read.",
}
#: The stage that fills each section. A section whose stage has not run says so,
#: rather than claiming that nothing was found.
SECTION_STAGES = {
    "summary": "summarize",
    "issues": "issues",
    "entities": "entities",
    "quotes": "quotes",
    "figures": "figures",
    "conflicts": "conflicts",
    "timeline": "timeline",
    "coverage": "coverage",
}
UNATTRIBUTED = "Unattributed"
DEFAULT_TITLE = "Briefing"
UNKNOWN_SOURCE = "Unknown source"
#: Stripped text can be a whole page of boilerplate; the Markdown briefing shows its start.
STRIPPED_PREVIEW = 300

#: Integral values beyond this are shown as written by Python, not as a long row of digits.
_LARGEST_PLAIN_INTEGER = 1e15


# --- The view records -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link(Record):
    """One ``[n]`` marker: the n-th article of the briefing, and the page element it leads to.

    ``number`` and ``target`` are None for a citation that does not resolve: it
    shows as ``[?]`` and leads nowhere. ``target`` is ``s{n}-{start}`` for a
    span (see :func:`anchor_id`) and ``source-{n}`` for a whole article.
    """

    number: int | None
    target: str | None
    source: str  # the article's short name (see source_label); "" when the article is unknown


@dataclass(frozen=True, slots=True)
class CitedLine(Record):
    text: str
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Section(Record):
    """A section of the page. ``empty`` is what it says instead of content, or None when it has content."""

    key: str
    heading: str
    empty: str | None


@dataclass(frozen=True, slots=True)
class SourceRow(Record):
    """One row of the sources table."""

    number: int
    target: str
    outlet: str
    title: str  # "" when the article has none
    url: str | None  # only a plain http(s) URL, safe to link
    published: str
    dateline: str
    duplicate_of: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class IssueQuote(Record):
    """One statement under an issue: its first wording, its speaker, and every outlet's citation."""

    text: str
    speaker: str | None
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class IssuePosition(Record):
    side: str
    quotes: int
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class IssueView(Record):
    """A key issue. Its label is generated from its own sentences, or given by the user (``user_given``)."""

    label: str
    summary: tuple[CitedLine, ...]
    quotes: tuple[IssueQuote, ...]
    positions: tuple[IssuePosition, ...]
    covered_by: tuple[Link, ...]
    user_given: bool = False


@dataclass(frozen=True, slots=True)
class RoleView(Record):
    title: str
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class EntityView(Record):
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RoleView, ...]
    mentions: tuple[Link, ...]  # the first mention in each article


@dataclass(frozen=True, slots=True)
class EntityGroup(Record):
    heading: str
    entities: tuple[EntityView, ...]


@dataclass(frozen=True, slots=True)
class QuoteLine(Record):
    """One wording of a statement, with the citations of every quote that carries exactly that wording."""

    text: str
    partial: bool
    cue: str | None
    quote_ids: tuple[str, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class QuoteGroup(Record):
    """The quotes of one statement (or one quote on its own), ready to show together."""

    statement_id: str | None
    speaker: str
    lines: tuple[QuoteLine, ...]
    reporters: tuple[Link, ...]  # one link per article that carries the statement


@dataclass(frozen=True, slots=True)
class SpeakerQuotes(Record):
    """Everything one speaker said in the story: one header, then each statement with its outlets."""

    speaker: str
    statements: tuple[QuoteGroup, ...]


@dataclass(frozen=True, slots=True)
class FigureLine(Record):
    text: str
    about: str
    value: str  # the parsed value, or "" when it would only repeat the text
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class ClaimLine(Record):
    source: str
    text: str
    value: str
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class ConflictView(Record):
    verdict: str  # "Sources disagree" or "Sources agree"
    about: str
    claims: tuple[ClaimLine, ...]
    gap: str = (
        ""  # how far apart a disagreement's values are ("500,000 residents, 8% of the larger"); "" if none
    )


@dataclass(frozen=True, slots=True)
class DatedLine(Record):
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    text: str
    links: tuple[Link, ...]
    also: tuple[str, ...] = ()  # other dates the same sentence gives


@dataclass(frozen=True, slots=True)
class SourceTally(Record):
    """How much of the briefing one article supplied."""

    number: int
    target: str
    source: str
    quotes: int
    statements_first: int
    figures: int
    entity_mentions: int
    claims: int
    summary_citations: int


@dataclass(frozen=True, slots=True)
class OutletRow(Record):
    """How many of an issue's sentences each outlet carries, in the order of ``OutletCoverage.outlets``."""

    issue: str
    counts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ExclusiveLine(Record):
    outlet: str
    text: str
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class OmissionLine(Record):
    issue: str
    covered_by: tuple[str, ...]
    missing: int  # how many other outlets left it out


@dataclass(frozen=True, slots=True)
class PreviewLine(Record):
    text: str
    links: tuple[Link, ...]
    reported: bool
    outcome: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class OutletCoverage(Record):
    """The coverage stage's findings: issue × outlet matrix, exclusives, omissions, previews."""

    outlets: tuple[str, ...]
    rows: tuple[OutletRow, ...]
    exclusives: tuple[ExclusiveLine, ...]
    omissions: tuple[OmissionLine, ...]
    event_date: str
    previews: tuple[PreviewLine, ...]


@dataclass(frozen=True, slots=True)
class CoverageView(Record):
    tallies: tuple[SourceTally, ...]
    cited_in_summary: int  # how many articles the summary cites
    by_outlet: OutletCoverage | None  # None when the coverage stage has not run


@dataclass(frozen=True, slots=True)
class StrippedItem(Record):
    kind: str
    text: str
    preview: str  # the start of ``text``, for formats that show it inline
    reason: str


@dataclass(frozen=True, slots=True)
class StrippedSource(Record):
    number: int
    source: str
    count: str  # "1 item", "3 items"
    items: tuple[StrippedItem, ...]


@dataclass(frozen=True, slots=True)
class FailureLine(Record):
    source: str
    error: str
    reason: str


@dataclass(frozen=True, slots=True)
class SourceText(Record):
    """The full text of one article, cut into segments so that every cited span is marked."""

    number: int
    target: str
    title: str
    source: str
    published: str
    dateline: str
    url: str | None
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class BriefingView(Record):
    """Everything a briefing page shows, in the order it shows it."""

    title: str
    facts: tuple[str, ...]  # "3 articles", "2 outlets", ...
    stages: tuple[str, ...]
    details: tuple[str, ...]  # "key: value" from the briefing's metadata
    sections: tuple[Section, ...]
    sources: tuple[SourceRow, ...]
    summary: tuple[CitedLine, ...]
    issues: tuple[IssueView, ...]
    entity_groups: tuple[EntityGroup, ...]
    quote_groups: tuple[QuoteGroup, ...]
    speakers: tuple[SpeakerQuotes, ...]  # the same quote groups under one header per speaker
    figures: tuple[FigureLine, ...]
    conflicts: tuple[ConflictView, ...]
    timeline: tuple[DatedLine, ...]
    coverage: CoverageView
    stripped: tuple[StrippedSource, ...]
    failures: tuple[FailureLine, ...]
    texts: tuple[SourceText, ...]

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


# --- Numbers and links ------------------------------------------------------------------------


class Numbering:
    """Article numbers: ``[n]`` in the text is the n-th article of the briefing, counting from 1."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles: dict[str, Article] = {}
        self._numbers: dict[str, int] = {}
        self._sources: dict[str, str] = {}  # every link carries one, so each is made once
        for article in articles:
            if article.id not in self._numbers:
                self._numbers[article.id] = len(self._numbers) + 1
                self._articles[article.id] = article
                self._sources[article.id] = source_label(article, self._numbers[article.id])

    def number(self, article_id: str) -> int | None:
        return self._numbers.get(article_id)

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def resolves(self, citation: Citation) -> bool:
        """Whether the citation names a known article and lies inside its text."""
        article = self._articles.get(citation.article_id)
        return article is not None and 0 <= citation.start <= citation.end <= len(article.text)

    def source(self, article_id: str) -> str:
        """The article's short name, or "" for an unknown article."""
        return self._sources.get(article_id, "")


class Linker:
    """Makes ``[n]`` links and remembers every span a link points at, to mark it in the full texts."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self._spans: dict[str, set[tuple[int, int]]] = {}

    def spans(self, citations: Iterable[Citation]) -> tuple[Link, ...]:
        """One link per cited article, to the first span cited in it; then one ``[?]`` if any is broken."""
        first: dict[str, Citation] = {}
        broken = False
        for citation in citations:
            if self.numbering.resolves(citation):
                first.setdefault(citation.article_id, citation)
            else:
                broken = True
        links = tuple(self._span_link(citation) for citation in first.values())
        return (*links, _BROKEN) if broken else links

    def articles(self, article_ids: Iterable[str]) -> tuple[Link, ...]:
        """Links to whole articles, for things that cite an article but no span."""
        links = []
        for article_id in dict.fromkeys(article_ids):
            number = self.numbering.number(article_id)
            if number is None:
                links.append(_BROKEN)
            else:
                links.append(Link(number, source_anchor(number), self.numbering.source(article_id)))
        return tuple(dict.fromkeys(links))

    def marked(self, article_id: str) -> tuple[tuple[int, int], ...]:
        """Every span of the article that some link points at."""
        return tuple(sorted(self._spans.get(article_id, ())))

    def _span_link(self, citation: Citation) -> Link:
        number = self.numbering.number(citation.article_id) or 0
        self._spans.setdefault(citation.article_id, set()).add((citation.start, citation.end))
        return Link(number, anchor_id(number, citation.start), self.numbering.source(citation.article_id))


_BROKEN = Link(None, None, "")


def source_anchor(number: int) -> str:
    """The id of the n-th article's full text on the page."""
    return f"source-{number}"


# --- Labels -----------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Whitespace folded to single spaces: how article text is shown inline."""
    return " ".join(text.split())


def story_title(briefing: Briefing) -> str:
    """The most common article title; the earliest one wins a tie."""
    titles = [fold(a.title) for a in briefing.articles if a.title and fold(a.title)]
    if not titles:
        return DEFAULT_TITLE
    counts = Counter(titles)
    best = max(counts.values())
    return next(title for title in titles if counts[title] == best)


def source_label(article: Article, number: int) -> str:
    """The article's name (:func:`dossier.outlet.display_name`, as in coverage), else its position."""
    return fold(display_name(article)) or f"Source {number}"


def empty_message(briefing: Briefing, key: str) -> str:
    """What an empty section says: nothing found, or no stage that finds such things has run."""
    stage = SECTION_STAGES.get(key)
    if stage is not None and stage not in briefing.stages:
        return f"Not in this briefing: the {stage} stage has not run in this version of dossier."
    return EMPTY.get(key, "Nothing to show.")


def outlet_label(article: Article) -> str:
    """The outlet as the source gave it, or a dash: never a guess."""
    return fold(article.outlet) if article.outlet and fold(article.outlet) else "—"


def published_label(article: Article) -> str:
    if article.published is None:
        return "date unknown"
    suffix = " (inferred)" if article.published_inferred else ""
    return article.published.isoformat() + suffix


def outlets(briefing: Briefing) -> tuple[str, ...]:
    """Distinct outlet names, in article order."""
    seen: dict[str, None] = {}
    for article in briefing.articles:
        if article.outlet and fold(article.outlet):
            seen.setdefault(fold(article.outlet), None)
    return tuple(seen)


def is_web_url(url: str | None) -> bool:
    """Only plain http(s) URLs become links; anything else (javascript:, data:) stays text."""
    if not url:
        return False
    lowered = url.lower()
    return lowered.startswith(("http://", "https://")) and not any(c.isspace() or c in "<>\"'`" for c in url)


def web_url(url: str | None) -> str | None:
    return url if url is not None and is_web_url(url) else None


def format_value(value: float | None, unit: str | None) -> str:
    """A parsed figure as a reader would write it: ``12``, ``3.5 percent``, ``2e+20 dollars``."""
    if value is None or not math.isfinite(value):
        number = ""
    elif float(value).is_integer() and abs(value) < _LARGEST_PLAIN_INTEGER:
        number = f"{int(value):,}"
    else:
        number = repr(float(value))
    return " ".join(part for part in (number, fold(unit or "")) if part)


def value_note(text: str, value: float | None, unit: str | None) -> str:
    """The parsed value, or "" when it would only repeat the words it was read from."""
    parsed = format_value(value, unit)
    same = parsed.replace(",", "").casefold() == fold(text).replace(",", "").casefold()
    return "" if same else parsed


def count_label(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


# --- Building the view ------------------------------------------------------------------------


def build_view(briefing: Briefing) -> BriefingView:
    """Everything a page shows about ``briefing``, computed once."""
    numbering = Numbering(briefing.articles)
    linker = Linker(numbering)
    quotes = {quote.id: quote for quote in briefing.quotes}
    sources = tuple(_source_row(article, linker) for article in briefing.articles)
    summary = cited_lines(briefing.summary, linker)
    issues = tuple(_issue(issue, quotes, linker) for issue in briefing.issues)
    groups = entity_groups(briefing, linker)
    quote_view = quote_groups(briefing, linker)
    figures = tuple(_figure_line(figure, linker) for figure in briefing.figures)
    conflicts = tuple(_conflict(conflict, linker) for conflict in briefing.conflicts)
    timeline = tuple(
        DatedLine(
            fold(entry.date), fold(entry.text), linker.spans(entry.evidence), tuple(map(fold, entry.also))
        )
        for entry in briefing.timeline
    )
    coverage_view = _coverage_view(briefing, linker)
    stripped = _stripped(briefing, numbering)
    failures = tuple(FailureLine(fold(f.source), fold(f.error), fold(f.reason)) for f in briefing.failures)
    # Full texts come last because only now does the linker know every span to mark.
    texts = _texts(briefing, linker)
    filled = {
        "sources": bool(sources),
        "summary": bool(summary),
        "issues": bool(issues),
        "entities": bool(groups),
        "quotes": bool(quote_view),
        "figures": bool(figures),
        "conflicts": bool(conflicts),
        "timeline": bool(timeline),
        "coverage": bool(coverage_view.tallies),
        "stripped": bool(stripped),
        "failures": bool(failures),
        "texts": bool(texts),
    }
    return BriefingView(
        title=story_title(briefing),
        facts=_facts(briefing),
        stages=tuple(fold(stage) for stage in briefing.stages),
        details=tuple(
            f"{key}: {value}"
            for key, value in briefing.metadata.items()
            if isinstance(value, str | int | float | bool)
        ),
        sections=tuple(
            Section(key, heading, None if filled[key] else empty_message(briefing, key))
            for key, heading in SECTIONS
        ),
        sources=sources,
        summary=summary,
        issues=issues,
        entity_groups=groups,
        quote_groups=quote_view,
        speakers=by_speaker(quote_view),
        figures=figures,
        conflicts=conflicts,
        timeline=timeline,
        coverage=coverage_view,
        stripped=stripped,
        failures=failures,
        texts=texts,
    )


def _facts(briefing: Briefing) -> tuple[str, ...]:
    duplicates = sum(1 for a in briefing.articles if a.duplicate_of is not None)
    return (
        count_label(len(briefing.articles), "article"),
        count_label(len(outlets(briefing)), "outlet"),
        count_label(duplicates, "duplicate"),
        count_label(len(briefing.failures), "unreadable source"),
    )


def _source_row(article: Article, linker: Linker) -> SourceRow:
    number = linker.numbering.number(article.id) or 0
    duplicate_of = () if article.duplicate_of is None else linker.articles([article.duplicate_of])
    return SourceRow(
        number=number,
        target=source_anchor(number),
        outlet=outlet_label(article),
        title=fold(article.title or ""),
        url=web_url(article.url),
        published=published_label(article),
        dateline=fold(article.dateline or ""),
        duplicate_of=duplicate_of,
    )


def cited_lines(lines: Iterable[CitedText], linker: Linker) -> tuple[CitedLine, ...]:
    return tuple(CitedLine(fold(line.text), linker.spans(line.citations)) for line in lines)


def _span_of(item: Quote | Claim) -> Citation:
    return Citation(item.article_id, item.start, item.end)


def _issue(issue: Issue, quotes: Mapping[str, Quote], linker: Linker) -> IssueView:
    statements = tuple(
        IssueQuote(
            text=fold(members[0].text),
            speaker=_speaker_name(members[0]),
            links=linker.spans(_span_of(q) for q in members),
        )
        for members in issue_quotes(issue, quotes)
    )
    positions = []
    for position in issue.positions:
        cited = [quotes[q] for q in position.quote_ids if q in quotes]
        positions.append(IssuePosition(fold(position.side), len(cited), linker.spans(map(_span_of, cited))))
    return IssueView(
        label=fold(issue.label),
        summary=cited_lines(issue.summary, linker),
        quotes=statements,
        positions=tuple(positions),
        covered_by=linker.articles(issue.article_ids),
        user_given=issue.steered,
    )


def _speaker_name(quote: Quote) -> str | None:
    return fold(quote.speaker.name) if quote.speaker is not None and fold(quote.speaker.name) else None


def issue_quotes(issue: Issue, quotes: Mapping[str, Quote]) -> tuple[tuple[Quote, ...], ...]:
    """An issue's quotes, one entry per statement, in the issue's order.

    Each entry holds every quote of one statement that the issue lists; the first
    gives the wording shown, the rest add their citations. A quote outside any
    statement (a partial one) is an entry of its own.
    """
    entries: dict[str, list[Quote]] = {}
    for quote_id in issue.quote_ids:
        quote = quotes.get(quote_id)
        if quote is not None:
            entries.setdefault(quote.statement_id or quote.id, []).append(quote)
    return tuple(tuple(members) for members in entries.values())


def entity_groups(briefing: Briefing, linker: Linker) -> tuple[EntityGroup, ...]:
    """Entities by type, in a fixed type order; only types that have entities."""
    groups = []
    for type_name, heading in ENTITY_TYPE_HEADINGS:
        members = tuple(_entity(e, linker) for e in briefing.entities if e.type == type_name)
        if members:
            groups.append(EntityGroup(heading, members))
    return tuple(groups)


def _entity(entity: Entity, linker: Linker) -> EntityView:
    name = fold(entity.name)
    aliases = tuple(dict.fromkeys(fold(a) for a in entity.aliases if fold(a) and fold(a) != name))
    roles = tuple(RoleView(fold(role.title), linker.articles(role.article_ids)) for role in entity.roles)
    mentions = linker.spans(first_mentions(entity, linker.numbering))
    return EntityView(name=name, aliases=aliases, roles=roles, mentions=mentions)


def first_mentions(entity: Entity, numbering: Numbering) -> tuple[Citation, ...]:
    """The first mention of the entity in each article, in article order.

    Linking every mention would drown the text in highlights; one per article
    is enough to show where the name comes from.
    """
    first: dict[str, Citation] = {}
    for mention in entity.mentions:
        known = first.get(mention.article_id)
        if known is None or mention.start < known.start:
            first[mention.article_id] = mention
    return tuple(sorted(first.values(), key=lambda c: (numbering.number(c.article_id) or 0, c.start)))


def quote_groups(briefing: Briefing, linker: Linker) -> tuple[QuoteGroup, ...]:
    """Quotes grouped by statement, in statement order, then quotes that belong to none."""
    by_id = {quote.id: quote for quote in briefing.quotes}
    grouped: set[str] = set()
    groups: list[QuoteGroup] = []
    for statement in briefing.statements:
        members = tuple(by_id[q] for q in dict.fromkeys(statement.quote_ids) if q in by_id)
        if not members:
            continue
        grouped.update(q.id for q in members)
        speaker = fold(statement.speaker_name or "") or _speaker_of(members)
        groups.append(_quote_group(statement.id, speaker, members, linker))
    for quote in briefing.quotes:
        if quote.id not in grouped:
            groups.append(_quote_group(None, _speaker_of((quote,)), (quote,), linker))
    return tuple(groups)


def by_speaker(groups: Sequence[QuoteGroup]) -> tuple[SpeakerQuotes, ...]:
    """Quote groups under one header per speaker, speakers in the order they are first quoted."""
    statements: dict[str, list[QuoteGroup]] = {}
    for group in groups:
        statements.setdefault(group.speaker, []).append(group)
    return tuple(SpeakerQuotes(speaker, tuple(found)) for speaker, found in statements.items())


def _speaker_of(quotes: tuple[Quote, ...]) -> str:
    return next((name for name in map(_speaker_name, quotes) if name), UNATTRIBUTED)


def _quote_group(
    statement_id: str | None, speaker: str, quotes: tuple[Quote, ...], linker: Linker
) -> QuoteGroup:
    # Several outlets usually carry the same words; show each wording once with all its sources.
    wordings: dict[str, list[Quote]] = {}
    for quote in quotes:
        wordings.setdefault(fold(quote.text), []).append(quote)
    lines = tuple(
        QuoteLine(
            text=text,
            partial=members[0].kind == "partial",
            cue=next((fold(q.cue) for q in members if q.cue and fold(q.cue)), None),
            quote_ids=tuple(q.id for q in members),
            links=linker.spans(map(_span_of, members)),
        )
        for text, members in wordings.items()
    )
    reporters = linker.articles(q.article_id for q in quotes)
    return QuoteGroup(statement_id=statement_id, speaker=speaker, lines=lines, reporters=reporters)


def _figure_line(figure: Figure, linker: Linker) -> FigureLine:
    return FigureLine(
        text=fold(figure.text),
        about=fold(figure.about or ""),
        value=value_note(figure.text, figure.value, figure.unit),
        links=linker.spans([Citation(figure.article_id, figure.start, figure.end)]),
    )


def _conflict(conflict: Conflict, linker: Linker) -> ConflictView:
    claims = tuple(
        ClaimLine(
            source=linker.numbering.source(claim.article_id) or UNKNOWN_SOURCE,
            text=fold(claim.text),
            value=value_note(claim.text, claim.value, claim.unit),
            links=linker.spans([_span_of(claim)]),
        )
        for claim in conflict.claims
    )
    verdict = "Sources disagree" if conflict.kind == "conflict" else "Sources agree"
    return ConflictView(verdict=verdict, about=fold(conflict.about), claims=claims, gap=gap_note(conflict))


def gap_note(conflict: Conflict) -> str:
    """A disagreement's gap as a reader would say it: "1 percentage point", "500,000 residents (8%)"."""
    if conflict.gap is None:
        return ""
    unit = conflict.claims[0].unit
    if unit == "percent":
        points = format_value(conflict.gap, None)
        return f"{points} percentage point" + ("" if conflict.gap == 1 else "s")
    note = format_value(conflict.gap, unit)
    if conflict.relative_gap is not None:
        note += f" ({conflict.relative_gap:.0%} of the larger figure)"
    return note


def coverage(briefing: Briefing, numbering: Numbering) -> tuple[SourceTally, ...]:
    """Per article, how many items of each kind cite it."""
    quotes = Counter(q.article_id for q in briefing.quotes)
    firsts = Counter(s.first_article_id for s in briefing.statements)
    figures = Counter(f.article_id for f in briefing.figures)
    mentions = Counter(m.article_id for e in briefing.entities for m in e.mentions)
    claims = Counter(c.article_id for conflict in briefing.conflicts for c in conflict.claims)
    summary = Counter(c.article_id for line in briefing.summary for c in line.citations)
    rows = []
    seen: set[str] = set()
    for article in briefing.articles:
        number = numbering.number(article.id)
        if number is None or article.id in seen:
            continue
        seen.add(article.id)
        rows.append(
            SourceTally(
                number=number,
                target=source_anchor(number),
                source=source_label(article, number),
                quotes=quotes[article.id],
                statements_first=firsts[article.id],
                figures=figures[article.id],
                entity_mentions=mentions[article.id],
                claims=claims[article.id],
                summary_citations=summary[article.id],
            )
        )
    return tuple(rows)


def _coverage_view(briefing: Briefing, linker: Linker) -> CoverageView:
    tallies = coverage(briefing, linker.numbering)
    return CoverageView(
        tallies=tallies,
        cited_in_summary=sum(1 for row in tallies if row.summary_citations),
        by_outlet=_outlet_coverage(briefing, linker),
    )


def _outlet_coverage(briefing: Briefing, linker: Linker) -> OutletCoverage | None:
    found = briefing.coverage
    if found is None:
        return None
    labels = {issue.id: fold(issue.label) for issue in briefing.issues}
    return OutletCoverage(
        outlets=tuple(fold(outlet) for outlet in found.outlets),
        rows=tuple(OutletRow(labels.get(row.issue_id, row.issue_id), row.counts) for row in found.rows),
        exclusives=tuple(
            ExclusiveLine(fold(e.outlet), fold(e.text), linker.spans(e.citations)) for e in found.exclusives
        ),
        omissions=tuple(
            OmissionLine(
                issue=labels.get(o.issue_id, o.issue_id),
                covered_by=tuple(fold(outlet) for outlet in o.covered_by),
                missing=len(o.missing),
            )
            for o in found.omissions
        ),
        event_date=found.event_date or "date unknown",
        previews=tuple(
            PreviewLine(fold(p.text), linker.spans(p.citations), p.reported, linker.spans(p.outcome))
            for p in found.previews
        ),
    )


def _stripped(briefing: Briefing, numbering: Numbering) -> tuple[StrippedSource, ...]:
    found = []
    for article in briefing.articles:
        if not article.stripped:
            continue
        number = numbering.number(article.id) or 0
        items = tuple(
            StrippedItem(fold(item.kind), fold(item.text), _preview(fold(item.text)), fold(item.reason))
            for item in article.stripped
        )
        found.append(
            StrippedSource(number, source_label(article, number), count_label(len(items), "item"), items)
        )
    return tuple(found)


def _preview(text: str) -> str:
    return text if len(text) <= STRIPPED_PREVIEW else text[: STRIPPED_PREVIEW - 1] + "…"


def _texts(briefing: Briefing, linker: Linker) -> tuple[SourceText, ...]:
    # One text per article id: a repeated id would repeat element ids and break the anchors.
    unique = {article.id: article for article in reversed(briefing.articles)}
    ordered = sorted(unique.values(), key=lambda a: linker.numbering.number(a.id) or 0)
    return tuple(_text(article, linker) for article in ordered)


def _text(article: Article, linker: Linker) -> SourceText:
    number = linker.numbering.number(article.id) or 0
    return SourceText(
        number=number,
        target=source_anchor(number),
        title=fold(article.title or ""),
        source=source_label(article, number),
        published=published_label(article),
        dateline=fold(article.dateline or ""),
        url=web_url(article.url),
        segments=segments(article.text, linker.marked(article.id), number),
    )
