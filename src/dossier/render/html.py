"""The briefing as one self-contained HTML5 page.

Everything the page needs is inside it: the stylesheet is inlined, there are no
scripts, fonts or images, so it opens offline and prints cleanly. Every
citation ``[n]`` links into the full text of article ``n`` at the bottom of the
page, where the cited spans are highlighted (see :mod:`dossier.render.highlight`).

All article-derived text is escaped: an article containing markup shows that
markup as text. URLs become links only when they are plain http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from dossier.article import Article
from dossier.briefing import Briefing, Citation, CitedText, Conflict, Entity, Issue, Quote
from dossier.render.highlight import anchor_id, escape_html, highlight
from dossier.render.view import (
    Numbering,
    QuoteGroup,
    coverage,
    empty_message,
    entity_groups,
    first_mentions,
    fold,
    is_web_url,
    issue_quotes,
    outlet_label,
    outlets,
    published_label,
    quote_groups,
    source_label,
    story_title,
    value_note,
)

#: (anchor, heading) of each section, in page order; the navigation lists them too.
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


def to_html(briefing: Briefing) -> str:
    """The whole briefing as one HTML document, ending with a newline."""
    numbering = Numbering(briefing.articles)
    citer = Citer(numbering)
    bodies = {
        "sources": _sources(briefing, numbering),
        "summary": _cited_list(briefing.summary, citer),
        "issues": _issues(briefing, citer),
        "entities": _entities(briefing, citer),
        "quotes": _quotes(briefing, citer),
        "figures": _figures(briefing, citer),
        "conflicts": _conflicts(briefing, citer),
        "timeline": _timeline(briefing, citer),
        "coverage": _coverage(briefing, citer),
        "stripped": _stripped(briefing, numbering),
        "failures": _failures(briefing),
    }
    # Full texts come last because only now does the citer know every span to highlight.
    bodies["texts"] = _texts(briefing, numbering, citer)
    sections = [
        _section(key, heading, bodies[key], empty_message(briefing, key)) for key, heading in SECTIONS
    ]
    return _page(briefing, sections)


class Citer:
    """Turns citations into links and remembers each linked span, to highlight it later."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._spans: dict[str, set[tuple[int, int]]] = {}

    def links(self, citations: Iterable[Citation]) -> str:
        """One ``[n]`` link per cited article, to the first span cited in it."""
        first: dict[str, Citation] = {}
        broken = False
        for citation in citations:
            if self._numbering.resolves(citation):
                first.setdefault(citation.article_id, citation)
            else:
                broken = True
        pieces = [self._link(citation) for citation in first.values()]
        if broken:
            pieces.append('<span class="cite broken" title="this citation does not resolve">[?]</span>')
        return "".join(pieces)

    @property
    def numbering(self) -> Numbering:
        return self._numbering

    def article_links(self, article_ids: Iterable[str]) -> str:
        return _article_links(article_ids, self._numbering)

    def spans(self, article_id: str) -> tuple[tuple[int, int], ...]:
        return tuple(sorted(self._spans.get(article_id, ())))

    def _link(self, citation: Citation) -> str:
        number = self._numbering.number(citation.article_id) or 0
        article = self._numbering.article(citation.article_id)
        self._spans.setdefault(citation.article_id, set()).add((citation.start, citation.end))
        title = escape_html(source_label(article, number), attribute=True) if article else ""
        href = "#" + anchor_id(number, citation.start)
        return f'<a class="cite" href="{href}" title="{title}">[{number}]</a>'


def _article_links(article_ids: Iterable[str], numbering: Numbering) -> str:
    """``[n]`` links to whole articles, for things that cite an article but no span."""
    pieces = []
    for article_id in dict.fromkeys(article_ids):
        number = numbering.number(article_id)
        if number is None:
            pieces.append('<span class="cite broken" title="unknown article">[?]</span>')
        else:
            pieces.append(f'<a class="cite" href="#source-{number}">[{number}]</a>')
    return "".join(pieces)


def _e(text: str) -> str:
    """Article text shown inline: whitespace folded, markup escaped."""
    return escape_html(fold(text))


def _span_of(item: Quote | Citation) -> Citation:
    return item if isinstance(item, Citation) else Citation(item.article_id, item.start, item.end)


def _page(briefing: Briefing, sections: list[str]) -> str:
    title = _e(story_title(briefing))
    nav = "".join(f'<li><a href="#{key}">{escape_html(heading)}</a></li>' for key, heading in SECTIONS)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="dossier">',
        f"<title>{title}</title>",
        f"<style>\n{_stylesheet()}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{title}</h1>",
        _facts(briefing),
        "</header>",
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav>',
        "<main>",
        *sections,
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


@cache
def _stylesheet() -> str:
    return resources.files("dossier").joinpath("render", "briefing.css").read_text(encoding="utf-8")


def _facts(briefing: Briefing) -> str:
    duplicates = sum(1 for a in briefing.articles if a.duplicate_of is not None)
    facts = [
        _count(len(briefing.articles), "article"),
        _count(len(outlets(briefing)), "outlet"),
        _count(duplicates, "duplicate"),
        _count(len(briefing.failures), "unreadable source"),
    ]
    lines = [f'<p class="facts">{" · ".join(facts)}</p>']
    if briefing.stages:
        stages = ", ".join(escape_html(stage) for stage in briefing.stages)
        lines.append(f'<p class="meta">Stages run: {stages}</p>')
    details = [
        f"{escape_html(str(key))}: {escape_html(str(value))}"
        for key, value in briefing.metadata.items()
        if isinstance(value, str | int | float | bool)
    ]
    if details:
        lines.append(f'<p class="meta">{" · ".join(details)}</p>')
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _section(key: str, heading: str, body: str, empty: str) -> str:
    content = body or f'<p class="empty">{escape_html(empty)}</p>'
    return f'<section id="{key}">\n<h2>{escape_html(heading)}</h2>\n{content}\n</section>'


def _table(
    header: Iterable[str], rows: Iterable[Iterable[str]], numeric: frozenset[int] = frozenset()
) -> str:
    """A table from cells that are already HTML; ``numeric`` columns are right-aligned."""
    head = "".join(f'<th scope="col">{cell}</th>' for cell in header)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
        + "</tr>\n"
        for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def _sources(briefing: Briefing, numbering: Numbering) -> str:
    if not briefing.articles:
        return ""
    rows = []
    for article in briefing.articles:
        number = numbering.number(article.id) or 0
        title = f'<a href="#source-{number}">{_e(article.title or "") or "<em>untitled</em>"}</a>'
        if is_web_url(article.url):
            url = escape_html(article.url or "", attribute=True)
            title += f' <a class="ext" href="{url}" rel="noopener noreferrer">original</a>'
        note = ""
        if article.duplicate_of is not None:
            note = "duplicate of " + _article_links([article.duplicate_of], numbering)
        cells = [str(number), _e(outlet_label(article)), title]
        cells += [_e(published_label(article)), _e(article.dateline or ""), note]
        rows.append(cells)
    return _table(["#", "Outlet", "Title", "Published", "Dateline", "Note"], rows, frozenset({0}))


def _cited_list(lines: Iterable[CitedText], citer: Citer) -> str:
    items = [f"<li>{_e(line.text)} {citer.links(line.citations)}</li>" for line in lines]
    return f'<ul class="cited">\n{"".join(items)}\n</ul>' if items else ""


def _issues(briefing: Briefing, citer: Citer) -> str:
    quotes = {quote.id: quote for quote in briefing.quotes}
    return "\n".join(_issue(issue, quotes, citer) for issue in briefing.issues)


def _issue(issue: Issue, quotes: dict[str, Quote], citer: Citer) -> str:
    # An issue label is made by the program, not taken from an article; the badge says so.
    parts = [f'<h3>{_e(issue.label)}<span class="generated">generated label</span></h3>']
    parts.append(_cited_list(issue.summary, citer))
    statements = issue_quotes(issue, quotes)
    if statements:
        items = "".join(_issue_quote(members, citer) for members in statements)
        parts.append(f"<blockquote>{items}</blockquote>")
    for position in issue.positions:
        cited = [_span_of(quotes[q]) for q in position.quote_ids if q in quotes]
        parts.append(f'<p class="meta">Position of {_e(position.side)}: {citer.links(cited)}</p>')
    if issue.article_ids:
        parts.append(f'<p class="meta">Covered by {citer.article_links(issue.article_ids)}</p>')
    return "\n".join(part for part in parts if part)


def _issue_quote(members: tuple[Quote, ...], citer: Citer) -> str:
    """One statement under an issue: its first wording, its speaker, and every outlet's citation."""
    lead = members[0]
    who = f" — {_e(lead.speaker.name)}" if lead.speaker is not None else ""
    return f"<p>“{_e(lead.text)}”{who} {citer.links([_span_of(q) for q in members])}</p>"


def _entities(briefing: Briefing, citer: Citer) -> str:
    parts = []
    for heading, members in entity_groups(briefing):
        items = "".join(_entity(entity, citer) for entity in members)
        parts.append(f"<h3>{escape_html(heading)}</h3>\n<ul>{items}</ul>")
    return "\n".join(parts)


def _entity(entity: Entity, citer: Citer) -> str:
    parts = [f"<strong>{_e(entity.name)}</strong>"]
    aliases = [_e(a) for a in dict.fromkeys(entity.aliases) if fold(a) and fold(a) != fold(entity.name)]
    if aliases:
        parts.append(f'<span class="meta">(also: {", ".join(aliases)})</span>')
    if entity.roles:
        roles = "; ".join(
            f"{_e(role.title)} {citer.article_links(role.article_ids)}" for role in entity.roles
        )
        parts.append(f"— {roles}")
    mentions = first_mentions(entity, citer.numbering)
    if mentions:
        parts.append(f"— mentioned in {citer.links(mentions)}")
    return f"<li>{' '.join(parts)}</li>"


def _quotes(briefing: Briefing, citer: Citer) -> str:
    return "\n".join(_quote_group(group, citer) for group in quote_groups(briefing))


def _quote_group(group: QuoteGroup, citer: Citer) -> str:
    lines = []
    for line in group.lines:
        kind = ' <span class="kind">(partial)</span>' if line.kind == "partial" else ""
        cue = f' <span class="meta">— {_e(line.cue)}</span>' if line.cue else ""
        citations = [_span_of(q) for q in line.quotes]
        lines.append(f"<p>“{_e(line.text)}”{kind}{cue} {citer.links(citations)}</p>")
    reporters = ", ".join(_reporter(article_id, citer.numbering) for article_id in group.article_ids)
    return (
        f"<h3>{_e(group.speaker)}</h3>\n<blockquote>{''.join(lines)}</blockquote>\n"
        f'<p class="meta">Reported by {reporters}</p>'
    )


def _reporter(article_id: str, numbering: Numbering) -> str:
    article = numbering.article(article_id)
    number = numbering.number(article_id)
    if article is None or number is None:
        return _article_links([article_id], numbering)
    return f"{_e(source_label(article, number))} {_article_links([article_id], numbering)}"


def _figures(briefing: Briefing, citer: Citer) -> str:
    rows = [
        [
            _e(figure.text),
            _e(figure.about or ""),
            _e(value_note(figure.text, figure.value, figure.unit)),
            citer.links([Citation(figure.article_id, figure.start, figure.end)]),
        ]
        for figure in briefing.figures
    ]
    return _table(["Figure", "About", "Value", "Source"], rows) if rows else ""


def _conflicts(briefing: Briefing, citer: Citer) -> str:
    return "\n".join(_conflict(conflict, citer) for conflict in briefing.conflicts)


def _conflict(conflict: Conflict, citer: Citer) -> str:
    heading = "Sources disagree" if conflict.kind == "conflict" else "Sources agree"
    items = []
    for claim in conflict.claims:
        article = citer.numbering.article(claim.article_id)
        number = citer.numbering.number(claim.article_id) or 0
        who = _e(source_label(article, number)) if article is not None else "Unknown source"
        value = value_note(claim.text, claim.value, claim.unit)
        value_part = f' <span class="meta">({_e(value)})</span>' if value else ""
        link = citer.links([Citation(claim.article_id, claim.start, claim.end)])
        items.append(f"<li>{who}: “{_e(claim.text)}”{value_part} {link}</li>")
    return f"<h3>{heading}: {_e(conflict.about)}</h3>\n<ul>{''.join(items)}</ul>"


def _timeline(briefing: Briefing, citer: Citer) -> str:
    items = [
        f'<li><time datetime="{escape_html(entry.date, attribute=True)}">{_e(entry.date)}</time> '
        f"{_e(entry.text)} {citer.links(entry.evidence)}</li>"
        for entry in briefing.timeline
    ]
    return f'<ol class="timeline">{"".join(items)}</ol>' if items else ""


def _coverage(briefing: Briefing, citer: Citer) -> str:
    numbering = citer.numbering
    rows = coverage(briefing, numbering)
    if not rows:
        return ""
    header = ["#", "Source", "Quotes", "First to report", "Figures", "Mentions", "Claims", "Summary lines"]
    cells = [
        [
            f'<a href="#source-{row.number}">{row.number}</a>',
            _e(source_label(row.article, row.number)),
            *(
                str(count)
                for count in (
                    row.quotes,
                    row.statements_first,
                    row.figures,
                    row.entity_mentions,
                    row.claims,
                    row.summary_citations,
                )
            ),
        ]
        for row in rows
    ]
    cited = sum(1 for row in rows if row.summary_citations)
    note = f'<p class="note">{cited} of {len(rows)} articles are cited in the summary.</p>'
    return _table(header, cells, frozenset(range(2, 8))) + "\n" + note + _outlet_coverage(briefing, citer)


def _outlet_coverage(briefing: Briefing, citer: Citer) -> str:
    """The coverage stage's findings: issue × outlet matrix, exclusives, omissions, previews."""
    found = briefing.coverage
    if found is None:
        return ""
    labels = {issue.id: issue.label for issue in briefing.issues}
    parts: list[str] = []
    if found.rows:
        header = ["Issue", *(_e(o) for o in found.outlets)]
        rows = [[_e(labels.get(r.issue_id, r.issue_id)), *(str(n) for n in r.counts)] for r in found.rows]
        numeric = frozenset(range(1, len(found.outlets) + 1))
        parts += ["<h3>Issues by outlet</h3>", _table(header, rows, numeric)]
    if found.exclusives:
        items = "".join(
            f"<li><strong>{_e(e.outlet)}</strong>: {_e(e.text)} {citer.links(e.citations)}</li>"
            for e in found.exclusives
        )
        parts += ["<h3>Reported by one outlet only</h3>", f'<ul class="cited">{items}</ul>']
    if found.omissions:
        items = "".join(
            f"<li>{_e(labels.get(o.issue_id, o.issue_id))}: only {_e(', '.join(o.covered_by))}; "
            f"not in {len(o.missing)} other outlet(s)</li>"
            for o in found.omissions
        )
        parts += ["<h3>Left out by most outlets</h3>", f"<ul>{items}</ul>"]
    if found.previews:
        items = "".join(
            f"<li>{_e(p.text)} {citer.links(p.citations)} "
            + (f"(reported: {citer.links(p.outcome)})" if p.reported else "(not reported later)")
            + "</li>"
            for p in found.previews
        )
        when = _e(found.event_date or "date unknown")
        parts += [f"<h3>Previewed before the event ({when})</h3>", f'<ul class="cited">{items}</ul>']
    return "\n" + "\n".join(parts) if parts else ""


def _stripped(briefing: Briefing, numbering: Numbering) -> str:
    parts = []
    for article in briefing.articles:
        if not article.stripped:
            continue
        number = numbering.number(article.id) or 0
        items = "".join(
            f"<li><strong>{_e(item.kind)}</strong>: “{_e(item.text)}” "
            f'<span class="meta">— {_e(item.reason)}</span></li>'
            for item in article.stripped
        )
        label = _e(source_label(article, number))
        count = _count(len(article.stripped), "item")
        parts.append(f"<details><summary>[{number}] {label} ({count})</summary><ul>{items}</ul></details>")
    return "\n".join(parts)


def _failures(briefing: Briefing) -> str:
    items = [
        f"<li><code>{escape_html(failure.source)}</code> — <strong>{_e(failure.error)}</strong>: "
        f"{_e(failure.reason)}</li>"
        for failure in briefing.failures
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _texts(briefing: Briefing, numbering: Numbering, citer: Citer) -> str:
    # One text per article id: a repeated id would repeat element ids and break the anchors.
    unique = {article.id: article for article in reversed(briefing.articles)}
    ordered = sorted(unique.values(), key=lambda a: numbering.number(a.id) or 0)
    return "\n".join(_text(article, numbering, citer) for article in ordered)


def _text(article: Article, numbering: Numbering, citer: Citer) -> str:
    number = numbering.number(article.id) or 0
    meta = [_e(source_label(article, number)), _e(published_label(article))]
    if article.dateline:
        meta.append(_e(article.dateline))
    if is_web_url(article.url):
        url = escape_html(article.url or "", attribute=True)
        meta.append(f'<a href="{url}" rel="noopener noreferrer">{escape_html(article.url or "")}</a>')
    body = highlight(article.text, citer.spans(article.id), number)
    return (
        f'<article class="source" id="source-{number}">\n'
        f"<h3>[{number}] {_e(article.title or '') or 'Untitled'}</h3>\n"
        f'<p class="meta">{" · ".join(meta)}</p>\n'
        f'<div class="text">{body}</div>\n'
        "</article>"
    )
