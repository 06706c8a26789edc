"""HTML rendering: one self-contained, escaped, well-formed page whose citations all land."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import jinja2
import pytest

from dossier.article import Article, article_id
from dossier.briefing import Briefing, Citation, CitedText, Quote, Speaker
from dossier.render.html import environment, stylesheet, to_html
from dossier.render.view import EMPTY, SECTION_STAGES, build_view

from .hostile import HOSTILE, hostile
from .hostile import hostile_briefing as hostile_everywhere
from .htmlcheck import read_page

#: Fields of the hostile briefing that the page shows.
SHOWN_FIELDS = (
    "title",
    "outlet",
    "dateline",
    "body",
    "quote",
    "speaker",
    "cue",
    "alias",
    "role",
    "about",
    "unit",
    "conflict",
    "event",
    "issue",
    "side",
    "kind",
    "stripped",
    "reason",
    "failure",
    "error",
    "why",
    "stage",
)

HOSTILE_TEXT = 'Officials said <script>alert(1)</script> and "<img src=x onerror=alert(2)>" & left.'


def hostile_briefing() -> Briefing:
    article = Article(
        id=article_id(HOSTILE_TEXT),
        source="<evil>.html",
        text=HOSTILE_TEXT,
        title="</title><script>alert(3)</script>",
        outlet='Outlet "quoted" <b>',
        url='javascript:alert("x")',
        dateline="<style>body{display:none}</style>",
    )
    whole = CitedText(HOSTILE_TEXT, (Citation(article.id, 0, len(HOSTILE_TEXT)),))
    return Briefing(articles=(article,), summary=(whole,), metadata={"note": "<script>alert(4)</script>"})


def test_page_is_well_formed_with_unique_ids(briefing: Briefing) -> None:
    document = to_html(briefing)
    assert document.startswith('<!DOCTYPE html>\n<html lang="en">')
    page = read_page(document)
    assert page.problems == []
    assert len(page.ids) == len(set(page.ids))


def test_every_internal_link_lands_on_an_element(briefing: Briefing) -> None:
    page = read_page(to_html(briefing))
    targets = [href[1:] for _, href in page.hrefs if href.startswith("#")]
    assert targets
    assert set(targets) <= set(page.ids)


def test_citations_link_to_the_marked_start_of_their_span(briefing: Briefing) -> None:
    document = to_html(briefing)
    gazette = briefing.articles[0]
    start = gazette.text.index("1.8 million euros")
    assert f'href="#s1-{start}"' in document
    assert f'<mark class="d1" id="s1-{start}">1.8 million euros</mark>' in document


def test_article_texts_survive_highlighting_unchanged(briefing: Briefing) -> None:
    page = read_page(to_html(briefing))
    for number, article in enumerate(briefing.articles, start=1):
        assert page.texts[f"source-{number}"] == article.text


def test_overlapping_citations_produce_layered_marks(briefing: Briefing) -> None:
    # The summary's first line contains "Port Avelin", which an entity mention also cites.
    page = read_page(to_html(briefing))
    assert page.problems == []
    classes = [cls for cls, _ in page.marks]
    assert "d2" in classes
    assert "d1" in classes


def test_crossing_citations_are_well_formed(briefing: Briefing) -> None:
    gazette = briefing.articles[0]
    first = gazette.text.index("sandbar outside")
    second = gazette.text.index("Port Avelin on Tuesday")
    lines = (
        CitedText(gazette.text[0 : second + 4], (Citation(gazette.id, 0, second + 4),)),
        CitedText(gazette.text[first : second + 20], (Citation(gazette.id, first, second + 20),)),
    )
    page = read_page(to_html(replace(briefing, summary=lines)))
    assert page.problems == []
    assert page.texts["source-1"] == gazette.text
    assert {f"s1-{first}", "s1-0"} <= set(page.ids)


def test_no_remote_resources(briefing: Briefing) -> None:
    document = to_html(briefing)
    page = read_page(document)
    assert not {"link", "script", "img", "iframe", "object", "embed", "video", "audio"} & set(page.tags)
    assert not [attr for attr in page.attributes if attr[1] in {"src", "srcset", "data", "poster"}]
    assert "@import" not in document
    assert "url(" not in document
    assert "@font-face" not in document
    # Remote URLs appear only as plain links to the articles themselves.
    remote = [(tag, href) for tag, href in page.hrefs if not href.startswith("#")]
    assert remote
    assert all(tag == "a" and href == briefing.articles[0].url for tag, href in remote)


def test_stylesheet_is_inlined(briefing: Briefing) -> None:
    document = to_html(briefing)
    assert re.search(r"<style>\n.*max-width.*</style>", document, re.DOTALL)
    assert "system-ui" in document


def test_hostile_article_renders_as_text() -> None:
    document = to_html(hostile_briefing())
    page = read_page(document)
    assert page.problems == []
    assert "script" not in page.tags
    assert "img" not in page.tags
    assert "style" in page.tags  # only the page's own stylesheet
    assert page.tags.count("style") == 1
    assert "<script" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "javascript:" not in [href for _, href in page.hrefs]
    assert page.texts["source-1"] == HOSTILE_TEXT
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>" in document


def test_hostile_quote_and_speaker_are_escaped() -> None:
    base = hostile_briefing()
    article = base.articles[0]
    start = HOSTILE_TEXT.index("<script>")
    end = HOSTILE_TEXT.index("</script>") + len("</script>")
    speaker = Speaker("<b>Boss</b>", None, article.id, 0, 9)
    quote = Quote("q1", article.id, start, end, HOSTILE_TEXT[start:end], "partial", speaker, "said", None)
    document = to_html(replace(base, quotes=(quote,)))
    assert "<script" not in document
    assert "<h3>&lt;b&gt;Boss&lt;/b&gt;</h3>" in document
    assert "(partial)" in document


def test_sections_in_order_and_empty_ones_say_so() -> None:
    document = to_html(Briefing(articles=(), stages=tuple(SECTION_STAGES.values())))
    page = read_page(document)
    assert page.problems == []
    order = ["sources", "summary", "issues", "entities", "quotes", "figures", "conflicts", "timeline"]
    positions = [document.index(f'<section id="{key}">') for key in order]
    assert positions == sorted(positions)
    for key in order:
        assert EMPTY[key] in document


def test_full_briefing_content_is_present(briefing: Briefing) -> None:
    document = to_html(briefing)
    for expected in (
        "<h1>Ferry evacuated after striking sandbar</h1>",
        "2025-03-12 (inferred)",
        "duplicate of",
        "harbor master",
        "Reported by The Avelin Gazette",
        "Sources disagree: passengers evacuated",
        '<time datetime="2025-03-14">2025-03-14</time>',
        "generated label",
        "Distributed by Coastline Wire.",
        "<code>missing/ferry.html</code>",
        "1,800,000 EUR",
        "Café owners",
    ):
        assert expected in document


def test_unresolvable_citation_is_shown_not_linked(briefing: Briefing) -> None:
    broken = CitedText("Nothing", (Citation("ffffffffffffffff", 0, 7),))
    document = to_html(replace(briefing, summary=(broken,)))
    assert 'class="cite broken"' in document
    assert read_page(document).problems == []


def test_two_renders_are_identical(briefing: Briefing) -> None:
    assert to_html(briefing) == to_html(briefing)


def test_hostile_text_in_every_field_is_shown_as_written_and_never_runs() -> None:
    briefing = hostile_everywhere()
    document = to_html(briefing)
    page = read_page(document)
    assert page.problems == []
    assert not {"script", "img"} & set(page.tags)
    assert page.tags.count("style") == 1
    assert HOSTILE not in document  # nothing arrives unescaped
    shown = html.unescape(document)
    for field in SHOWN_FIELDS:
        assert hostile(field) in shown, field  # printed whole: the {{ }} and {% %} in it were not evaluated
    assert f"{hostile('key')}: {hostile('value')}" in shown
    assert page.texts["source-1"] == briefing.articles[0].text
    # Quote marks did not end an attribute early: each value arrives whole.
    assert ("a", "title", hostile("outlet")) in page.attributes
    assert ("a", "href", "https://news.example/a?b=1&c=2") in page.attributes
    targets = {href[1:] for _, href in page.hrefs if href.startswith("#")}
    assert targets <= set(page.ids)


def test_a_section_partial_renders_on_its_own(briefing: Briefing) -> None:
    # Another page (the web app) can show one section of a briefing with the same partial.
    fragment = environment().get_template("section_quotes.html").render(view=build_view(briefing))
    page = read_page(fragment)
    assert page.problems == []
    assert fragment.startswith('<section id="quotes">\n<h2>Quotes</h2>')
    assert "Reported by The Avelin Gazette" in fragment


def test_another_page_can_extend_the_layout_and_is_escaped_too() -> None:
    child = environment().from_string(
        '{% extends "base.html" %}{% block body %}<p>{{ note }}</p>{% endblock %}'
    )
    document = child.render(stylesheet=stylesheet(), note="<script>alert(1)</script>")
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in document
    assert "system-ui" in document


def test_a_name_missing_from_the_context_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(jinja2.UndefinedError):
        environment().get_template("section_summary.html").render()


def test_a_users_own_issue_name_carries_a_your_issue_badge(briefing: Briefing) -> None:
    issue = replace(briefing.issues[0], label="Cost of the rescue", steered=True)
    page = to_html(replace(briefing, issues=(issue, *briefing.issues[1:])))
    assert 'Cost of the rescue<span class="generated">your issue</span>' in page
