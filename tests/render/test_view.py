"""The view shared by the Markdown and HTML renderings."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from dossier.article import Article
from dossier.briefing import Briefing, Citation, Issue, Quote
from dossier.render.view import (
    DEFAULT_TITLE,
    SECTIONS,
    UNATTRIBUTED,
    Link,
    Linker,
    Numbering,
    build_view,
    by_speaker,
    coverage,
    first_mentions,
    format_value,
    is_web_url,
    issue_quotes,
    quote_groups,
    story_title,
    value_note,
)


def titled(article: Article, title: str | None) -> Article:
    return replace(article, title=title)


def test_story_title_is_the_most_common_title(briefing: Briefing) -> None:
    assert story_title(briefing) == "Ferry evacuated after striking sandbar"


def test_story_title_tie_goes_to_the_first_article(gazette: Article, wire: Article) -> None:
    briefing = Briefing(articles=(titled(gazette, "First  title"), titled(wire, "Second title")))
    assert story_title(briefing) == "First title"


def test_story_title_without_titles_falls_back(gazette: Article) -> None:
    assert story_title(Briefing(articles=(titled(gazette, "   "),))) == DEFAULT_TITLE
    assert story_title(Briefing(articles=())) == DEFAULT_TITLE


def test_numbering_counts_from_one_and_checks_ranges(briefing: Briefing) -> None:
    numbering = Numbering(briefing.articles)
    wire = briefing.articles[1]
    assert numbering.number(wire.id) == 2
    assert numbering.number("0000000000000000") is None
    assert numbering.resolves(Citation(wire.id, 0, len(wire.text)))
    assert not numbering.resolves(Citation(wire.id, 0, len(wire.text) + 1))
    assert not numbering.resolves(Citation("0000000000000000", 0, 1))


def test_quotes_are_grouped_by_statement_and_wording(briefing: Briefing) -> None:
    groups = quote_groups(briefing, Linker(Numbering(briefing.articles)))
    assert [g.statement_id for g in groups] == ["s1", "s2"]
    first = groups[0]
    assert first.speaker == "Ilse Verhoeven"
    assert len(first.lines) == 1
    assert first.lines[0].quote_ids == ("q1", "q3", "q4")
    assert [link.number for link in first.lines[0].links] == [1, 2, 3]
    assert [link.source for link in first.reporters] == [
        "The Avelin Gazette",
        "Coastline Wire",
        "Harbor Daily",
    ]


def test_quotes_outside_statements_stand_alone(briefing: Briefing) -> None:
    loose = replace(briefing.quotes[1], statement_id=None, speaker=None)
    alone = replace(briefing, quotes=(loose,), statements=())
    groups = quote_groups(alone, Linker(Numbering(alone.articles)))
    assert len(groups) == 1
    assert groups[0].speaker == UNATTRIBUTED
    assert groups[0].statement_id is None


def test_first_mentions_keep_one_per_article(briefing: Briefing) -> None:
    numbering = Numbering(briefing.articles)
    verhoeven = briefing.entities[0]
    firsts = first_mentions(verhoeven, numbering)
    assert [numbering.number(c.article_id) for c in firsts] == [1, 2]
    gazette = briefing.articles[0]
    assert gazette.text[firsts[0].start : firsts[0].end] == "Ilse Verhoeven"


def test_coverage_counts_what_each_article_supplied(briefing: Briefing) -> None:
    rows = coverage(briefing, Numbering(briefing.articles))
    assert [row.number for row in rows] == [1, 2, 3]
    gazette, wire, daily = rows
    assert (gazette.quotes, gazette.statements_first, gazette.figures) == (2, 2, 2)
    assert (wire.claims, wire.summary_citations) == (2, 2)
    assert (daily.figures, daily.claims) == (0, 0)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (212.0, "passengers", "212 passengers"),
        (1_800_000.0, "EUR", "1,800,000 EUR"),
        (3.5, "percent", "3.5 percent"),
        (1e300, None, "1e+300"),
        (float("nan"), "km", "km"),
        (None, None, ""),
    ],
)
def test_format_value(value: float | None, unit: str | None, shown: str) -> None:
    assert format_value(value, unit) == shown


def test_value_note_skips_a_value_that_repeats_its_text() -> None:
    assert value_note("212 passengers", 212, "passengers") == ""
    assert value_note("1,200 homes", 1200, "homes") == ""
    assert value_note("a dozen homes", 12, "homes") == "12 homes"


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example/a?b=1", True),
        ("HTTP://NEWS.EXAMPLE/", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ('https://x.example/"onmouseover="alert(1)', False),
        ("https://x.example/a b", False),
        (None, False),
    ],
)
def test_only_plain_web_urls_become_links(url: str | None, linked: bool) -> None:
    assert is_web_url(url) is linked


def test_issue_quotes_show_each_statement_once_with_every_outlet() -> None:
    def quote(quote_id: str, article: str, statement: str | None) -> Quote:
        return Quote(quote_id, article, 0, 4, "same", "full", None, None, statement)

    quotes = {
        q.id: q
        for q in (
            quote("q1", "a1", "s1"),
            quote("q2", "a2", "s1"),
            quote("q3", "a1", None),
            quote("q4", "a3", "s2"),
        )
    }
    issue = Issue(id="i1", label="x", quote_ids=("q1", "q3", "q2", "q4"))
    grouped = issue_quotes(issue, quotes)
    assert [[q.id for q in members] for members in grouped] == [["q1", "q2"], ["q3"], ["q4"]]


def test_links_lead_to_the_first_span_in_each_article_and_remember_it(briefing: Briefing) -> None:
    gazette, wire = briefing.articles[:2]
    linker = Linker(Numbering(briefing.articles))
    links = linker.spans(
        [Citation(wire.id, 4, 9), Citation(gazette.id, 0, 3), Citation(wire.id, 0, 2), Citation("nope", 0, 1)]
    )
    assert links == (
        Link(2, "s2-4", "Coastline Wire"),
        Link(1, "s1-0", "The Avelin Gazette"),
        Link(None, None, ""),
    )
    # Only the linked spans are marked in the texts: wire's second span got no link of its own.
    assert linker.marked(wire.id) == ((4, 9),)
    assert linker.articles([wire.id, "nope", wire.id, "gone"]) == (
        Link(2, "source-2", "Coastline Wire"),
        Link(None, None, ""),
    )


def test_the_view_is_plain_data_that_serializes_the_same_every_time(briefing: Briefing) -> None:
    view = build_view(briefing)
    document = json.dumps(view.to_dict(), ensure_ascii=False, sort_keys=False)
    assert document == json.dumps(build_view(briefing).to_dict(), ensure_ascii=False, sort_keys=False)
    data = json.loads(document)
    assert data["title"] == "Ferry evacuated after striking sandbar"
    assert [s["key"] for s in data["sections"]] == [key for key, _ in SECTIONS]
    assert data["summary"][0]["links"][0] == {
        "number": 1,
        "target": data["summary"][0]["links"][0]["target"],
        "source": "The Avelin Gazette",
    }


def test_every_link_target_is_an_anchor_of_the_marked_texts(briefing: Briefing) -> None:
    view = build_view(briefing)
    anchors = {segment.anchor for text in view.texts for segment in text.segments if segment.anchor}
    anchors |= {text.target for text in view.texts}
    targets = {link["target"] for link in _links(view.to_dict()) if link["target"] is not None}
    assert targets
    assert targets <= anchors
    for text, article in zip(view.texts, briefing.articles, strict=True):
        assert "".join(segment.text for segment in text.segments) == article.text


def test_sections_say_why_they_are_empty(briefing: Briefing) -> None:
    view = build_view(replace(briefing, timeline=(), stages=("timeline",)))
    assert view.section("timeline").empty == "No dated events were found."
    assert view.section("quotes").empty is None
    assert build_view(replace(briefing, figures=())).section("figures").empty == (
        "Not in this briefing: the figures stage has not run in this version of dossier."
    )


def _links(data: object) -> list[dict[str, object]]:
    """Every serialized Link in a view's dict, found by its shape."""
    if isinstance(data, dict):
        if set(data) == {"number", "target", "source"}:
            return [data]
        return [link for value in data.values() for link in _links(value)]
    if isinstance(data, list):
        return [link for value in data for link in _links(value)]
    return []


def test_each_speaker_gets_one_header_over_all_their_statements(briefing: Briefing) -> None:
    groups = quote_groups(briefing, Linker(Numbering(briefing.articles)))
    speakers = by_speaker((*groups, *groups))
    assert [s.speaker for s in speakers] == list(dict.fromkeys(g.speaker for g in groups))
    assert all(len(s.statements) == 2 * sum(g.speaker == s.speaker for g in groups) for s in speakers)
