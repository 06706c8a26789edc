"""Outlet names read from an article's own byline, promo lines and syndication tails."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dossier.article import Article, Draft, Stripped
from dossier.clean import clean
from dossier.outlet import display_name, outlet_from_byline, outlet_from_stripped


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("Harbour Ledger Staff", "Harbour Ledger"),
        ("Coastline Wire Staff Writers", "Coastline Wire"),
        ("Northgate Post Wire Desk", "Northgate Post"),
        ("Valley Times Newsroom", "Valley Times"),
        ("Jane Doe", None),
        ("Thomson Example", None),
        (None, None),
    ],
)
def test_staff_bylines_name_the_outlet(byline: str | None, outlet: str | None) -> None:
    assert outlet_from_byline(byline) == outlet


@pytest.mark.parametrize(
    ("item", "found"),
    [
        (
            Stripped("boilerplate", "CLICK HERE TO READ MORE FROM THE LAKESIDE HERALD", "promo"),
            ("The Lakeside Herald", "promo-line"),
        ),
        (
            Stripped(
                "syndication-tail", "This story originally appeared on news.example read the full story", "t"
            ),
            ("news.example", "syndication-tail"),
        ),
        (
            Stripped(
                "syndication-tail", "This article was originally published by Ridge Weekly. Read more.", "t"
            ),
            ("Ridge Weekly", "syndication-tail"),
        ),
        (Stripped("credit", "(Reporting by A. Person; Editing by B. Person)", "credit"), None),
        (Stripped("boilerplate", "Advertisement", "promo"), None),
    ],
)
def test_promo_lines_and_tails_name_where_a_story_came_from(
    item: Stripped, found: tuple[str, str] | None
) -> None:
    assert outlet_from_stripped([item]) == found


def test_a_name_that_is_really_prose_is_refused() -> None:
    long_tail = "This story originally appeared on " + "a very long winding sentence " * 5
    assert outlet_from_stripped([Stripped("syndication-tail", long_tail, "t")]) is None


def test_clean_prefers_the_source_then_byline_then_dateline_then_tail() -> None:
    text = (
        "Harbour works delayed again\n\nBy Bayside Courier Staff | May 2, 2025\n\n"
        "PORT LENNA (Gull Wire) – Repairs to the north quay were delayed for a third time on Friday.\n\n"
        "This story originally appeared on Gull Wire. Read the full story there."
    )
    assert clean(Draft(source="a.txt", text=text)).outlet == "Bayside Courier"
    assert clean(Draft(source="a.txt", text=text, outlet="Given Outlet")).outlet == "Given Outlet"
    without_byline = text.replace("By Bayside Courier Staff | May 2, 2025\n\n", "")
    article = clean(Draft(source="b.txt", text=without_byline))
    assert article.outlet == "Gull Wire"
    assert article.metadata["outlet_from"] == "dateline"
    no_dateline = without_byline.replace("PORT LENNA (Gull Wire) – ", "")
    article = clean(Draft(source="c.txt", text=no_dateline))
    assert (article.outlet, article.metadata["outlet_from"]) == ("Gull Wire", "syndication-tail")


def test_an_article_goes_by_its_outlet_else_its_site_else_a_short_title() -> None:
    base = Article(id="a1", source="/news/ferry-report.txt", text="The ferry ran late.")
    assert display_name(replace(base, outlet="Harbour Ledger")) == "Harbour Ledger"
    assert display_name(replace(base, url="https://www.ledger.example/ferry")) == "ledger.example"
    titled = replace(base, title="Ferry services halted along the northern coast after the storm surge")
    assert display_name(titled) == "Ferry services halted along the…"
    assert display_name(base) == "ferry-report"
