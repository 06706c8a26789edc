"""``dossier serve`` and the static ``briefing.html`` checked by axe-core in Chromium, and by keyboard alone.

axe-core's own ``axe.min.js`` (MPL-2.0) comes inside the ``axe-playwright-python``
package of the dev extra; it is read from there and run in each page, with the
rules axe runs by default (WCAG 2 A and AA, and best practices). A serious or
critical violation fails the test; the report names each rule and the elements
it found.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI

from dossier.render.html import to_html
from dossier.web import ServeSettings, create_app

from .chromium import NEEDS_CHROMIUM, Watch, chromium, new_page
from .server import running

pytestmark = [
    *NEEDS_CHROMIUM,
    pytest.mark.skipif(
        importlib.util.find_spec("axe_playwright_python") is None,
        reason="axe-playwright-python (axe-core) is not installed: pip install -e '.[dev]'",
    ),
]

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

#: The impacts that fail a page: axe grades every violation minor, moderate, serious or critical.
FAILING = ("serious", "critical")
#: Tab presses allowed to reach an element: the briefing has many links, but not this many before a citation.
MAX_TABS = 300


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def served(demo_db: Path) -> Iterator[tuple[FastAPI, str]]:
    app = create_app(ServeSettings(db=demo_db))
    with running(app) as url:
        yield app, url


def axe_script() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def failing_violations(page: Page) -> list[str]:
    """Each serious or critical axe violation on ``page``: rule, impact and up to three elements."""
    page.evaluate(axe_script())
    results: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        if violation["impact"] in FAILING:
            nodes = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {nodes}")
    return found


def first_story(page: Page, base: str) -> str:
    page.goto(base + "/")
    href = page.locator("ol.stories h2 a").first.get_attribute("href")
    assert href, "the demo store has no story"
    return href


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_of_the_app_passes_axe(browser: Browser, served: tuple[FastAPI, str], width: int) -> None:
    _, base = served
    watch = Watch()
    page = new_page(browser, watch, width=width)
    story = first_story(page, base)
    page.goto(base + story)
    article = page.locator("#sources a").first.get_attribute("href")
    citation = page.locator("#summary a[data-cite]").first.get_attribute("href")
    paths = ["/", "/?q=river", story, str(article), str(citation), "/add", "/jobs", "/no-such-page"]
    report = {}
    for path in paths:
        page.goto(base + path)
        found = failing_violations(page)
        if found:
            report[path] = found
    assert not report, report
    assert not watch.outside and not watch.errors
    page.close()


def test_the_briefing_with_its_citation_panel_open_passes_axe(
    browser: Browser, served: tuple[FastAPI, str]
) -> None:
    _, base = served
    watch = Watch()
    page = new_page(browser, watch)
    page.goto(base + first_story(page, base))
    page.locator("#summary a[data-cite]").first.click()
    page.locator("#panel").wait_for(state="visible")
    assert failing_violations(page) == []
    assert not watch.errors
    page.close()


def test_the_static_briefing_page_passes_axe(
    browser: Browser, served: tuple[FastAPI, str], tmp_path: Path
) -> None:
    app, base = served
    watch = Watch()
    page = new_page(browser, watch)
    story_id = first_story(page, base).rsplit("/", 1)[-1]
    found = app.state.catalog.story(story_id)
    assert found is not None
    written = tmp_path / "briefing.html"
    written.write_text(to_html(app.state.catalog.briefing(found[1])), encoding="utf-8")
    page.goto(written.as_uri())
    assert failing_violations(page) == []
    assert not watch.outside
    page.close()


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focused element matches ``selector``; fail after :data:`MAX_TABS` presses."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {selector}")


def test_the_keyboard_alone_searches_opens_a_story_and_a_citation(
    browser: Browser, served: tuple[FastAPI, str]
) -> None:
    _, base = served
    watch = Watch()
    page = new_page(browser, watch)
    page.goto(base + "/")
    tab_to(page, "#q")
    page.keyboard.type("river")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=river*")
    tab_to(page, "ol.stories h2 a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("#factbox")
    story_url = page.url
    tab_to(page, "a[data-cite]")
    cite_href = page.evaluate("document.activeElement.getAttribute('href')")
    panel = page.locator("#panel")
    page.keyboard.press("Enter")
    panel.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "panel"  # focus moved into the panel
    assert panel.locator("mark.cited").inner_text().strip()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.url == story_url
    assert page.evaluate("document.activeElement.getAttribute('href')") == cite_href  # back on the link
    # The panel's own Back button, reached by Tab and pressed with Enter, returns focus the same way.
    page.keyboard.press("Enter")
    panel.wait_for(state="visible")
    tab_to(page, "#panel button.back")
    page.keyboard.press("Enter")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('href')") == cite_href
    assert not watch.outside and not watch.errors and not watch.dialogs
    page.close()
