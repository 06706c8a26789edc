"""What the human-readable renderings show, computed once from a briefing.

Markdown and HTML present the same view: the same story title, the same
article numbers behind every ``[n]`` citation, the same grouping of quotes and
entities, the same coverage counts. Keeping that logic here means the two
formats cannot drift apart, and each renderer only decides how things look.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dossier.article import Article
from dossier.briefing import Briefing, Citation, Entity, Issue, Quote

#: Section order and the words used when a section has nothing to show.
ENTITY_TYPE_HEADINGS = (
    ("person", "People"),
    ("organization", "Organizations"),
    ("place", "Places"),
    ("other", "Other names"),
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

#: Integral values beyond this are shown as written by Python, not as a long row of digits.
_LARGEST_PLAIN_INTEGER = 1e15


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """One wording of a statement and every quote that carries exactly that wording."""

    text: str
    kind: str
    cue: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The quotes of one statement (or one quote on its own), ready to show together."""

    statement_id: str | None
    speaker: str
    lines: tuple[QuoteLine, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """How much of the briefing one article supplied."""

    article: Article
    number: int
    quotes: int
    statements_first: int
    figures: int
    entity_mentions: int
    claims: int
    summary_citations: int


class Numbering:
    """Article numbers: ``[n]`` in the text is the n-th article of the briefing, counting from 1."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles: dict[str, Article] = {}
        self._numbers: dict[str, int] = {}
        for article in articles:
            if article.id not in self._numbers:
                self._numbers[article.id] = len(self._numbers) + 1
                self._articles[article.id] = article

    def number(self, article_id: str) -> int | None:
        return self._numbers.get(article_id)

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def resolves(self, citation: Citation) -> bool:
        """Whether the citation names a known article and lies inside its text."""
        article = self._articles.get(citation.article_id)
        return article is not None and 0 <= citation.start <= citation.end <= len(article.text)


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
    """A short name for an article: its outlet, else its title, else its position."""
    for candidate in (article.outlet, article.title):
        if candidate and fold(candidate):
            return fold(candidate)
    return f"Source {number}"


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


def entity_groups(briefing: Briefing) -> tuple[tuple[str, tuple[Entity, ...]], ...]:
    """Entities by type, in a fixed type order; only types that have entities."""
    groups = []
    for type_name, heading in ENTITY_TYPE_HEADINGS:
        members = tuple(e for e in briefing.entities if e.type == type_name)
        if members:
            groups.append((heading, members))
    return tuple(groups)


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


def quote_groups(briefing: Briefing) -> tuple[QuoteGroup, ...]:
    """Quotes grouped by statement, in statement order, then quotes that belong to none."""
    by_id = {quote.id: quote for quote in briefing.quotes}
    grouped: set[str] = set()
    groups: list[QuoteGroup] = []
    for statement in briefing.statements:
        members = tuple(by_id[q] for q in dict.fromkeys(statement.quote_ids) if q in by_id)
        if not members:
            continue
        grouped.update(q.id for q in members)
        speaker = statement.speaker_name or _speaker_of(members)
        groups.append(_group(statement.id, speaker, members))
    for quote in briefing.quotes:
        if quote.id not in grouped:
            groups.append(_group(None, _speaker_of((quote,)), (quote,)))
    return tuple(groups)


def _speaker_of(quotes: tuple[Quote, ...]) -> str:
    for quote in quotes:
        if quote.speaker is not None and fold(quote.speaker.name):
            return fold(quote.speaker.name)
    return UNATTRIBUTED


def _group(statement_id: str | None, speaker: str, quotes: tuple[Quote, ...]) -> QuoteGroup:
    # Several outlets usually carry the same words; show each wording once with all its sources.
    wordings: dict[str, list[Quote]] = {}
    for quote in quotes:
        wordings.setdefault(fold(quote.text), []).append(quote)
    lines = tuple(
        QuoteLine(text=text, kind=members[0].kind, cue=_first_cue(members), quotes=tuple(members))
        for text, members in wordings.items()
    )
    article_ids = tuple(dict.fromkeys(q.article_id for q in quotes))
    return QuoteGroup(statement_id=statement_id, speaker=speaker, lines=lines, article_ids=article_ids)


def _first_cue(quotes: list[Quote]) -> str | None:
    return next((fold(q.cue) for q in quotes if q.cue and fold(q.cue)), None)


def coverage(briefing: Briefing, numbering: Numbering) -> tuple[CoverageRow, ...]:
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
            CoverageRow(
                article=article,
                number=number,
                quotes=quotes[article.id],
                statements_first=firsts[article.id],
                figures=figures[article.id],
                entity_mentions=mentions[article.id],
                claims=claims[article.id],
                summary_citations=summary[article.id],
            )
        )
    return tuple(rows)
