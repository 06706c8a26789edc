"""Rows an analyst pastes into a spreadsheet: a briefing's findings, or stored articles, as CSV or JSON.

Every row of a briefing export keeps its citation: the outlet, the article's id
and source, and the character offsets of the cited span in the article text, so
a row can always be checked against the article it came from.

CSV is written with the :mod:`csv` module (quoting, embedded newlines) and every
text cell is neutralised against formula injection: a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a single
quote, so a spreadsheet shows it as text instead of running it. Numbers we
computed are written as numbers and are not prefixed (``-3.5`` stays a number).
JSON keeps the values as they are; it is data, not a spreadsheet.

The output is deterministic: rows follow the briefing's own order.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from dossier.article import Article
from dossier.briefing import Briefing
from dossier.errors import SchemaError, UsageError

#: What a briefing export can hold, in the order ``--help`` lists them.
WHATS = ("quotes", "entities", "figures", "timeline", "conflicts", "coverage")
FORMATS = ("csv", "json")
#: The citation columns every briefing row ends with.
CITATION_COLUMNS = ("outlet", "article_id", "source", "start", "end")
#: Cells starting with one of these would be read as a formula (or a DDE call) by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The columns of ``dossier list --format csv|json``.
ARTICLE_COLUMNS = ("id", "published", "outlet", "title", "source", "url")

Row = dict[str, Any]


def neutralised(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet: a leading formula character gets a ``'`` before it."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def to_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV document with a header row; text cells neutralised, ``None`` as an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def to_json(rows: Iterable[Mapping[str, Any]]) -> str:
    """A JSON array of row objects, one line per row, ending with a newline."""
    lines = [json.dumps(dict(row), ensure_ascii=False, allow_nan=False) for row in rows]
    return "[\n" + ",\n".join(lines) + ("\n" if lines else "") + "]\n"


def render(columns: Sequence[str], rows: Sequence[Mapping[str, Any]], format_name: str) -> str:
    if format_name == "csv":
        return to_csv(columns, rows)
    if format_name == "json":
        return to_json(rows)
    raise UsageError(f"unknown export format {format_name!r}; choose one of {', '.join(FORMATS)}")


def briefing_rows(briefing: Briefing, what: str) -> tuple[tuple[str, ...], list[Row]]:
    """The columns and rows of one part of a briefing."""
    if what not in _EXPORTERS:
        raise UsageError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")
    columns, rows_of = _EXPORTERS[what]
    return columns + CITATION_COLUMNS, list(rows_of(briefing, _Citer(briefing)))


def article_rows(articles: Iterable[Article]) -> list[Row]:
    """Stored articles as rows for ``dossier list``."""
    return [
        {
            "id": article.id,
            "published": article.published.isoformat() if article.published else None,
            "outlet": article.outlet,
            "title": article.title,
            "source": article.source,
            "url": article.url,
        }
        for article in articles
    ]


def load_briefing(path: Path) -> Briefing:
    """A briefing read back from ``briefing.json`` (or from the folder holding one)."""
    if path.is_dir():
        path = path / "briefing.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"no briefing at {path} (give a briefing.json written by `dossier brief`)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the briefing {path}: {error}") from None
    except json.JSONDecodeError as error:
        raise SchemaError(f"{path} is not JSON: {error}") from None
    if not isinstance(data, dict) or "articles" not in data:
        raise SchemaError(f"{path} is not a dossier briefing (it has no articles)")
    try:
        return Briefing.from_dict(data)
    except (TypeError, ValueError, KeyError) as error:
        raise SchemaError(f"{path} is not a briefing this dossier can read: {error}") from None


# --- one part of a briefing at a time ---------------------------------------------------------------------


class _Citer:
    """The citation columns of a span: who published the article, which article, and where in it."""

    def __init__(self, briefing: Briefing) -> None:
        self.articles = {article.id: article for article in briefing.articles}

    def __call__(self, article_id: str, start: int, end: int) -> Row:
        article = self.articles.get(article_id)
        return {
            "outlet": article.outlet if article else None,
            "article_id": article_id,
            "source": article.source if article else None,
            "start": start,
            "end": end,
        }

    def text(self, article_id: str, start: int, end: int) -> str | None:
        article = self.articles.get(article_id)
        return article.text[start:end] if article else None


def _quotes(briefing: Briefing, cite: _Citer) -> Iterator[Row]:
    for quote in briefing.quotes:
        yield {
            "quote_id": quote.id,
            "speaker": quote.speaker.name if quote.speaker else None,
            "speaker_entity_id": quote.speaker.entity_id if quote.speaker else None,
            "quote": quote.text,
            "kind": quote.kind,
            "cue": quote.cue,
            "statement_id": quote.statement_id,
            **cite(quote.article_id, quote.start, quote.end),
        }


def _entities(briefing: Briefing, cite: _Citer) -> Iterator[Row]:
    for entity in briefing.entities:
        for mention in entity.mentions:
            yield {
                "entity_id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": "; ".join(entity.aliases),
                "mention": cite.text(mention.article_id, mention.start, mention.end),
                **cite(mention.article_id, mention.start, mention.end),
            }


def _figures(briefing: Briefing, cite: _Citer) -> Iterator[Row]:
    for figure in briefing.figures:
        yield {
            "figure_id": figure.id,
            "figure": figure.text,
            "value": figure.value,
            "value_max": figure.value_max,
            "unit": figure.unit,
            "kind": figure.kind,
            "qualifier": figure.qualifier,
            "about": figure.about,
            **cite(figure.article_id, figure.start, figure.end),
        }


def _timeline(briefing: Briefing, cite: _Citer) -> Iterator[Row]:
    for entry in briefing.timeline:
        for evidence in entry.evidence:
            yield {
                "date": entry.date,
                "event": entry.text,
                "evidence": cite.text(evidence.article_id, evidence.start, evidence.end),
                **cite(evidence.article_id, evidence.start, evidence.end),
            }


def _conflicts(briefing: Briefing, cite: _Citer) -> Iterator[Row]:
    for conflict in briefing.conflicts:
        for claim in conflict.claims:
            yield {
                "conflict_id": conflict.id,
                "about": conflict.about,
                "kind": conflict.kind,
                "claim": claim.text,
                "value": claim.value,
                "unit": claim.unit,
                "gap": conflict.gap,
                **cite(claim.article_id, claim.start, claim.end),
            }


def _coverage(briefing: Briefing, cite: _Citer) -> Iterator[Row]:
    """One row per sentence of an issue, with its outlet (a pivot table makes the issue × outlet matrix)."""
    for issue in briefing.issues:
        for evidence in issue.evidence:
            yield {
                "issue_id": issue.id,
                "issue": issue.label,
                "user_given": issue.steered,
                "sentence": cite.text(evidence.article_id, evidence.start, evidence.end),
                **cite(evidence.article_id, evidence.start, evidence.end),
            }


_Exporter = tuple[tuple[str, ...], Callable[[Briefing, _Citer], Iterator[Row]]]

_EXPORTERS: dict[str, _Exporter] = {
    "quotes": (("quote_id", "speaker", "speaker_entity_id", "quote", "kind", "cue", "statement_id"), _quotes),
    "entities": (("entity_id", "name", "type", "aliases", "mention"), _entities),
    "figures": (
        ("figure_id", "figure", "value", "value_max", "unit", "kind", "qualifier", "about"),
        _figures,
    ),
    "timeline": (("date", "event", "evidence"), _timeline),
    "conflicts": (("conflict_id", "about", "kind", "claim", "value", "unit", "gap"), _conflicts),
    "coverage": (("issue_id", "issue", "user_given", "sentence"), _coverage),
}


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value  # ours, never a formula: written as a number
    return neutralised(str(value))
