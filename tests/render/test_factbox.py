"""The factbox (issues with positions) and the coverage findings, in Markdown and HTML."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.briefing import Briefing, Position, Quote, Speaker
from dossier.coverage import build_coverage
from dossier.embed.tfidf import TfidfEncoder
from dossier.issues import find_issues
from dossier.render.html import to_html
from dossier.render.markdown import to_markdown
from issues.stories import by_source, story

from .htmlcheck import read_page

ENCODER = TfidfEncoder()


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    base = story()
    island = by_source(base, "02_island_times")
    words = "We cannot feed our families on promises"
    start = island.text.index(words)
    at = island.text.index("Orla Brennick")
    speaker = Speaker("Orla Brennick", None, island.id, at, at + len("Orla Brennick"))
    quote = Quote("q1", island.id, start, start + len(words), words, "partial", speaker, "said", None)
    base = dataclasses.replace(base, quotes=(quote,))
    issues = find_issues(base, ENCODER)
    first = dataclasses.replace(issues[0], positions=(Position("Orla Brennick", ("q1",)),))
    base = dataclasses.replace(base, issues=(first, *issues[1:]), stages=("issues", "coverage"))
    return dataclasses.replace(base, coverage=build_coverage(base, ENCODER))


def test_markdown_shows_positions_matrix_exclusives_and_previews(briefing: Briefing) -> None:
    document = to_markdown(briefing)
    assert "Position of Orla Brennick" in document
    assert "### Issues by outlet" in document
    assert "| Issue | Coastline Herald | Island Times |" in document
    assert "### Reported by one outlet only" in document
    assert "### Previewed before the event (2031-05-03)" in document
    assert "not reported later" in document


def test_html_shows_the_same_and_stays_well_formed(briefing: Briefing) -> None:
    document = to_html(briefing)
    for heading in ("Issues by outlet", "Reported by one outlet only", "Previewed before the event"):
        assert f"<h3>{heading}" in document
    assert "Position of Orla Brennick" in document
    page = read_page(document)
    assert page.problems == []
    targets = {href[1:] for _, href in page.hrefs if href.startswith("#")}
    assert targets <= set(page.ids)  # coverage citations land on highlighted spans


def test_no_coverage_means_no_coverage_findings(briefing: Briefing) -> None:
    plain = dataclasses.replace(briefing, coverage=None)
    assert "Issues by outlet" not in to_markdown(plain)
    assert "Issues by outlet" not in to_html(plain)
