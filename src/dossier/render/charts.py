"""Charts of a briefing as inline SVG, made here from the view: no script, no library, no network.

Two charts: the timeline (how many dated events fall on each date) and the
coverage heat map (how many of an issue's sentences each outlet carries, with
exclusives and omissions marked). Both are plain markup strings built with
:func:`markupsafe.escape` around every piece of text, so an article's words
can never become markup; they carry a ``<title>`` and an ``aria-label`` so a
screen reader gets what the picture shows. Shading is done with classes and
presentation attributes, never ``style`` attributes, so a strict
Content-Security-Policy does not block any of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup, escape

from dossier.render.view import DatedLine, OutletCoverage

#: Geometry in SVG user units; the SVG scales to its container through its viewBox.
_BAR_WIDTH = 28
_BAR_GAP = 10
_CHART_HEIGHT = 120
_LABEL_BAND = 46
_CELL = 40
_ROW_LABEL = 190
_COLUMN_LABEL = 90
_MAX_LABEL = 28


def short(text: str, limit: int = _MAX_LABEL) -> str:
    """A label cut to ``limit`` characters (with an ellipsis), so it fits its place in the chart."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline_svg(entries: Sequence[DatedLine]) -> Markup:
    """Bars of dated events per date, oldest left; empty markup when nothing is dated."""
    counts = Counter(entry.date for entry in entries)
    if not counts:
        return Markup("")
    dates = sorted(counts)
    tallest = max(counts.values())
    width = len(dates) * (_BAR_WIDTH + _BAR_GAP) + _BAR_GAP
    height = _CHART_HEIGHT + _LABEL_BAND
    parts = [
        f'<svg class="chart timeline-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
        f'aria-label="{escape(_timeline_summary(counts))}">',
        f"<title>{escape(_timeline_summary(counts))}</title>",
        f'<line class="axis" x1="0" y1="{_CHART_HEIGHT}" x2="{width}" y2="{_CHART_HEIGHT}"/>',
    ]
    for index, date in enumerate(dates):
        count = counts[date]
        bar = max(4, round(count / tallest * (_CHART_HEIGHT - 16)))
        x = _BAR_GAP + index * (_BAR_WIDTH + _BAR_GAP)
        label = escape(f"{date}: {count} event{'s' if count != 1 else ''}")
        parts.append(
            f'<g><title>{label}</title><rect class="bar" x="{x}" y="{_CHART_HEIGHT - bar}" '
            f'width="{_BAR_WIDTH}" height="{bar}"/>'
            f'<text class="count" x="{x + _BAR_WIDTH / 2}" y="{_CHART_HEIGHT - bar - 3}" '
            f'text-anchor="middle">{count}</text>'
            f'<text class="tick" transform="translate({x + _BAR_WIDTH / 2} {_CHART_HEIGHT + 8}) rotate(60)">'
            f"{escape(date)}</text></g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _timeline_summary(counts: Counter[str]) -> str:
    dates = sorted(counts)
    events = sum(counts.values())
    span = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    return f"Timeline: {events} dated event{'s' if events != 1 else ''} on {len(dates)} dates, {span}"


def heatmap_svg(coverage: OutletCoverage | None) -> Markup:
    """Issues (rows) against outlets (columns), shaded by sentence count; empty markup without rows.

    A cell an omitted issue's outlets left empty is crossed; an outlet with
    exclusives has a star and their number under its name.
    """
    if coverage is None or not coverage.rows or not coverage.outlets:
        return Markup("")
    outlets = coverage.outlets
    most = max((count for row in coverage.rows for count in row.counts), default=0) or 1
    omitted = {omission.issue for omission in coverage.omissions}
    exclusives = Counter(line.outlet for line in coverage.exclusives)
    width = _ROW_LABEL + len(outlets) * _CELL + 8
    height = _COLUMN_LABEL + len(coverage.rows) * _CELL + 24
    summary = (
        f"Coverage: {len(coverage.rows)} issues by {len(outlets)} outlets; darker cells carry more sentences"
    )
    parts = [
        f'<svg class="chart heatmap" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg" aria-label="{escape(summary)}">',
        f"<title>{escape(summary)}</title>",
    ]
    for column, outlet in enumerate(outlets):
        x = _ROW_LABEL + column * _CELL + _CELL / 2
        star = f" ★{exclusives[outlet]}" if exclusives[outlet] else ""
        parts.append(
            f'<text class="tick" transform="translate({x} {_COLUMN_LABEL - 6}) rotate(-50)">'
            f"<title>{escape(outlet)}{escape(star)}</title>{escape(short(outlet, 16))}{escape(star)}</text>"
        )
    for line, row in enumerate(coverage.rows):
        y = _COLUMN_LABEL + line * _CELL
        flag = " (omitted by most)" if row.issue in omitted else ""
        parts.append(
            f'<text class="row-label" x="{_ROW_LABEL - 6}" y="{y + _CELL / 2 + 4}" text-anchor="end">'
            f"<title>{escape(row.issue)}{escape(flag)}</title>{escape(short(row.issue))}"
            f"{'*' if flag else ''}</text>"
        )
        for column, count in enumerate(row.counts):
            parts.append(_cell(column, y, count, most, row.issue, outlets[column], row.issue in omitted))
    parts.append(
        f'<text class="note" x="4" y="{height - 6}">'
        "★ exclusives · * omitted by most outlets · ✕ left out</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def _cell(column: int, y: int, count: int, most: int, issue: str, outlet: str, omitted: bool) -> str:
    x = _ROW_LABEL + column * _CELL
    level = 0 if count == 0 else 1 + min(3, (count * 4 - 1) // most)
    label = escape(f"{issue} × {outlet}: {count} sentence{'s' if count != 1 else ''}")
    mark = "✕" if count == 0 and omitted else (str(count) if count else "")
    return (
        f'<g><title>{label}</title><rect class="heat h{level}" x="{x + 1}" y="{y + 1}" '
        f'width="{_CELL - 2}" height="{_CELL - 2}"/>'
        f'<text class="cell" x="{x + _CELL / 2}" y="{y + _CELL / 2 + 4}" text-anchor="middle">'
        f"{mark}</text></g>"
    )
