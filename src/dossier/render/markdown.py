"""The briefing as Markdown, for reading in a terminal, an editor or a code host.

Every cited line ends with ``[n]`` markers, where ``n`` is the article's row in
the sources table. Article text is hostile input, so everything taken from an
article is whitespace-folded and has Markdown's special characters escaped: a
headline cannot open a table, a link or an HTML tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dossier.briefing import Briefing, Citation, CitedText, Conflict, Entity, Issue, Quote
from dossier.render.view import (
    EMPTY,
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

# One character class, so escaping is linear in the length of the text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#$])")
#: Stripped text can be a whole page of boilerplate; the briefing shows its start.
STRIPPED_PREVIEW = 300


def to_markdown(briefing: Briefing) -> str:
    """The whole briefing as one Markdown document, ending with a newline."""
    numbering = Numbering(briefing.articles)
    blocks = [
        _header(briefing),
        _sources(briefing, numbering),
        _section("Summary", _cited_lines(briefing.summary, numbering), empty_message(briefing, "summary")),
        _section("Key issues", _issues(briefing, numbering), empty_message(briefing, "issues")),
        _section(
            "People, organizations and places",
            _entities(briefing, numbering),
            empty_message(briefing, "entities"),
        ),
        _section("Quotes", _quotes(briefing, numbering), empty_message(briefing, "quotes")),
        _section("Figures", _figures(briefing, numbering), empty_message(briefing, "figures")),
        _section(
            "Agreements & conflicts", _conflicts(briefing, numbering), empty_message(briefing, "conflicts")
        ),
        _section("Timeline", _timeline(briefing, numbering), empty_message(briefing, "timeline")),
        _section("Coverage", _coverage(briefing, numbering), EMPTY["coverage"]),
        _section("Stripped from sources", _stripped(briefing, numbering), EMPTY["stripped"]),
        _section("Sources that could not be read", _failures(briefing), EMPTY["failures"]),
    ]
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """Article text made inert: folded onto one line, Markdown specials backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", fold(text))


def cite(citations: Iterable[Citation], numbering: Numbering) -> str:
    """``[1][3]``: one marker per cited article, in first-cited order; ``[?]`` for a broken one."""
    markers: dict[str, None] = {}
    for citation in citations:
        number = numbering.number(citation.article_id) if numbering.resolves(citation) else None
        markers.setdefault(f"[{number}]" if number is not None else "[?]", None)
    return "".join(markers)


def _cite_articles(article_ids: Iterable[str], numbering: Numbering) -> str:
    numbers = (numbering.number(article_id) for article_id in article_ids)
    return "".join(dict.fromkeys(f"[{n}]" if n is not None else "[?]" for n in numbers))


def _section(title: str, lines: list[str], empty: str) -> str:
    body = lines if lines else [f"_{empty}_"]
    return "\n".join([f"## {title}", "", *body])


def _header(briefing: Briefing) -> str:
    duplicates = sum(1 for a in briefing.articles if a.duplicate_of is not None)
    facts = [
        _count(len(briefing.articles), "article"),
        _count(len(outlets(briefing)), "outlet"),
        _count(duplicates, "duplicate"),
        _count(len(briefing.failures), "unreadable source"),
    ]
    lines = [f"# {escape(story_title(briefing))}", "", " · ".join(facts)]
    if briefing.stages:
        lines += ["", "Stages run: " + ", ".join(escape(stage) for stage in briefing.stages)]
    details = [
        f"{escape(str(key))}: {escape(str(value))}"
        for key, value in briefing.metadata.items()
        if isinstance(value, str | int | float | bool)
    ]
    if details:
        lines += ["", " · ".join(details)]
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _sources(briefing: Briefing, numbering: Numbering) -> str:
    if not briefing.articles:
        return _section("Sources", [], EMPTY["sources"])
    rows = ["| # | Outlet | Title | Published | Dateline | Note |", "|---|---|---|---|---|---|"]
    for article in briefing.articles:
        number = numbering.number(article.id) or 0
        title = escape(article.title or "") or "_untitled_"
        if is_web_url(article.url):
            title = f"[{title}](<{_safe_url(article.url or '')}>)"
        note = ""
        if article.duplicate_of is not None:
            note = "duplicate of " + _cite_articles([article.duplicate_of], numbering)
        cells = [
            str(number),
            escape(outlet_label(article)),
            title,
            escape(published_label(article)),
            escape(article.dateline or ""),
            note,
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(["## Sources", "", *rows])


def _safe_url(url: str) -> str:
    # Inside <...> a backslash escapes and a pipe still ends a table cell; percent-encode both.
    return url.replace("\\", "%5C").replace("|", "%7C")


def _cited_lines(lines: Iterable[CitedText], numbering: Numbering) -> list[str]:
    return [f"- {escape(line.text)} {cite(line.citations, numbering)}" for line in lines]


def _issues(briefing: Briefing, numbering: Numbering) -> list[str]:
    quotes = {quote.id: quote for quote in briefing.quotes}
    out: list[str] = []
    for issue in briefing.issues:
        out += ["", f"### {escape(issue.label)}", ""] if out else [f"### {escape(issue.label)}", ""]
        out += _issue_body(issue, quotes, numbering)
    return out


def _issue_body(issue: Issue, quotes: dict[str, Quote], numbering: Numbering) -> list[str]:
    body = _cited_lines(issue.summary, numbering)
    for members in issue_quotes(issue, quotes):
        lead = members[0]
        citations = [Citation(q.article_id, q.start, q.end) for q in members]
        who = f" — {escape(lead.speaker.name)}" if lead.speaker is not None else ""
        body.append(f"- Quote: “{escape(lead.text)}”{who} {cite(citations, numbering)}")
    for position in issue.positions:
        cited = [quotes[q] for q in position.quote_ids if q in quotes]
        marks = cite((Citation(q.article_id, q.start, q.end) for q in cited), numbering)
        body.append(f"- Position of {escape(position.side)}: {len(cited)} quote(s) {marks}".rstrip())
    if issue.article_ids:
        body.append("- Covered by " + _cite_articles(issue.article_ids, numbering))
    return body or ["_No sentences or quotes attached._"]


def _entities(briefing: Briefing, numbering: Numbering) -> list[str]:
    out: list[str] = []
    for heading, members in entity_groups(briefing):
        out += ["", f"### {heading}", ""] if out else [f"### {heading}", ""]
        out += [_entity_line(entity, numbering) for entity in members]
    return out


def _entity_line(entity: Entity, numbering: Numbering) -> str:
    parts = [f"- **{escape(entity.name)}**"]
    aliases = [escape(a) for a in dict.fromkeys(entity.aliases) if fold(a) and fold(a) != fold(entity.name)]
    if aliases:
        parts.append(f"(also: {', '.join(aliases)})")
    if entity.roles:
        roles = "; ".join(
            f"{escape(role.title)} {_cite_articles(role.article_ids, numbering)}" for role in entity.roles
        )
        parts.append(f"— {roles}")
    mentions = first_mentions(entity, numbering)
    if mentions:
        parts.append(f"— mentioned in {cite(mentions, numbering)}")
    return " ".join(parts)


def _quotes(briefing: Briefing, numbering: Numbering) -> list[str]:
    out: list[str] = []
    for group in quote_groups(briefing):
        out += ["", *_quote_group(group, numbering)] if out else _quote_group(group, numbering)
    return out


def _quote_group(group: QuoteGroup, numbering: Numbering) -> list[str]:
    reporters = []
    for article_id in group.article_ids:
        article = numbering.article(article_id)
        number = numbering.number(article_id)
        if article is not None and number is not None:
            reporters.append(f"{escape(source_label(article, number))} [{number}]")
    lines = [f"### {escape(group.speaker)}", ""]
    for line in group.lines:
        citations = [Citation(q.article_id, q.start, q.end) for q in line.quotes]
        cue = f" — {escape(line.cue)}" if line.cue else ""
        kind = " (partial)" if line.kind == "partial" else ""
        lines.append(f"- “{escape(line.text)}”{kind}{cue} {cite(citations, numbering)}")
    if reporters:
        lines += ["", "Reported by " + ", ".join(reporters) + "."]
    return lines


def _figures(briefing: Briefing, numbering: Numbering) -> list[str]:
    out = []
    for figure in briefing.figures:
        value = value_note(figure.text, figure.value, figure.unit)
        details = [escape(d) for d in (figure.about or "", value) if fold(d)]
        suffix = f" — {'; '.join(details)}" if details else ""
        citation = Citation(figure.article_id, figure.start, figure.end)
        out.append(f"- **{escape(figure.text)}**{suffix} {cite([citation], numbering)}")
    return out


def _conflicts(briefing: Briefing, numbering: Numbering) -> list[str]:
    out: list[str] = []
    for conflict in briefing.conflicts:
        out += ["", *_conflict(conflict, numbering)] if out else _conflict(conflict, numbering)
    return out


def _conflict(conflict: Conflict, numbering: Numbering) -> list[str]:
    heading = "Sources disagree" if conflict.kind == "conflict" else "Sources agree"
    lines = [f"### {heading}: {escape(conflict.about)}", ""]
    for claim in conflict.claims:
        article = numbering.article(claim.article_id)
        number = numbering.number(claim.article_id) or 0
        who = escape(source_label(article, number)) if article is not None else "Unknown source"
        value = value_note(claim.text, claim.value, claim.unit)
        value_part = f" ({escape(value)})" if value else ""
        citation = Citation(claim.article_id, claim.start, claim.end)
        lines.append(f"- {who}: “{escape(claim.text)}”{value_part} {cite([citation], numbering)}")
    return lines


def _timeline(briefing: Briefing, numbering: Numbering) -> list[str]:
    return [
        f"- **{escape(entry.date)}** — {escape(entry.text)} {cite(entry.evidence, numbering)}"
        for entry in briefing.timeline
    ]


def _coverage(briefing: Briefing, numbering: Numbering) -> list[str]:
    rows = coverage(briefing, numbering)
    if not rows:
        return []
    table = [
        "| # | Source | Quotes | First to report | Figures | Mentions | Claims | Summary lines |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        counts = (row.quotes, row.statements_first, row.figures, row.entity_mentions, row.claims)
        cells = [str(row.number), escape(source_label(row.article, row.number))]
        cells += [str(count) for count in (*counts, row.summary_citations)]
        table.append("| " + " | ".join(cells) + " |")
    cited = sum(1 for row in rows if row.summary_citations)
    table += ["", f"{cited} of {len(rows)} articles are cited in the summary."]
    return table + _outlet_coverage(briefing, numbering)


def _outlet_coverage(briefing: Briefing, numbering: Numbering) -> list[str]:
    """The coverage stage's findings: issue × outlet matrix, exclusives, omissions, previews."""
    found = briefing.coverage
    if found is None:
        return []
    labels = {issue.id: issue.label for issue in briefing.issues}
    out: list[str] = []
    if found.rows:
        out += ["", "### Issues by outlet", ""]
        out.append("| Issue | " + " | ".join(escape(o) for o in found.outlets) + " |")
        out.append("|---|" + "---|" * len(found.outlets))
        for row in found.rows:
            cells = [escape(labels.get(row.issue_id, row.issue_id)), *(str(n) for n in row.counts)]
            out.append("| " + " | ".join(cells) + " |")
    if found.exclusives:
        out += ["", "### Reported by one outlet only", ""]
        out += [
            f"- {escape(e.outlet)}: {escape(e.text)} {cite(e.citations, numbering)}" for e in found.exclusives
        ]
    if found.omissions:
        out += ["", "### Left out by most outlets", ""]
        for omission in found.omissions:
            label = escape(labels.get(omission.issue_id, omission.issue_id))
            covered = ", ".join(escape(o) for o in omission.covered_by)
            out.append(f"- {label}: only {covered}; not in {len(omission.missing)} other outlet(s)")
    if found.previews:
        out += ["", f"### Previewed before the event ({found.event_date or 'date unknown'})", ""]
        for point in found.previews:
            status = "reported: " + cite(point.outcome, numbering) if point.reported else "not reported later"
            out.append(f"- {escape(point.text)} {cite(point.citations, numbering)} ({status})")
    return out


def _stripped(briefing: Briefing, numbering: Numbering) -> list[str]:
    out: list[str] = []
    for article in briefing.articles:
        if not article.stripped:
            continue
        number = numbering.number(article.id) or 0
        heading = f"### [{number}] {escape(source_label(article, number))}"
        out += ["", heading, ""] if out else [heading, ""]
        for item in article.stripped:
            text = fold(item.text)
            preview = text if len(text) <= STRIPPED_PREVIEW else text[: STRIPPED_PREVIEW - 1] + "…"
            out.append(f"- {escape(item.kind)}: “{escape(preview)}” — {escape(item.reason)}")
    return out


def _failures(briefing: Briefing) -> list[str]:
    return [
        f"- {escape(failure.source)} — {escape(failure.error)}: {escape(failure.reason)}"
        for failure in briefing.failures
    ]
