"""The HTML briefing in a real browser: it loads nothing from the network, and citations land on their spans.

Runs headless Chromium through Playwright (Debian's ``chromium`` package; see
``make browser``). Skips with a reason where either is missing.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.demo import demo_paths
from dossier.pipeline import brief
from dossier.render import to_html, write_briefing

from .hostile import hostile_briefing

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="playwright is not installed"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (run `make browser`)"),
]

if importlib.util.find_spec("playwright") is not None:
    from playwright.sync_api import Browser, Dialog, Page, Request, Route, sync_playwright


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("briefing")
    write_briefing(brief([str(path) for path in demo_paths()]), out)
    return out / "briefing.html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


def open_page(
    browser: Browser, path: Path, requests: list[str], errors: list[str], dialogs: list[str] | None = None
) -> Page:
    page = browser.new_page()
    if dialogs is not None:
        page.on("dialog", lambda dialog: _dismiss(dialog, dialogs))
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Anything that is not the file itself would need a network (or another file): refuse and record it.
    page.route("**/*", lambda route, request: _only_the_page(route, request, path))
    page.goto(path.as_uri())
    return page


def _dismiss(dialog: Dialog, dialogs: list[str]) -> None:
    dialogs.append(dialog.message)
    dialog.dismiss()


def _only_the_page(route: Route, request: Request, path: Path) -> None:
    if request.url.split("#")[0] == path.as_uri():
        route.continue_()
    else:
        route.abort()


def test_the_page_requests_nothing_but_itself(browser: Browser, page_path: Path) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page = open_page(browser, page_path, requests, errors)
    assert requests == [page_path.as_uri()]
    assert errors == []
    assert page.locator("h1").inner_text().strip()
    page.close()


def test_a_summary_citation_lands_on_its_highlighted_span(browser: Browser, page_path: Path) -> None:
    page = open_page(browser, page_path, [], [])
    link = page.locator("#summary a.cite").first
    target = link.get_attribute("href")
    assert target is not None and target.startswith("#")
    link.click()
    assert page.evaluate("location.hash") == target
    mark = page.locator(target)
    assert mark.evaluate("element => element.tagName") == "MARK"
    assert mark.is_visible()
    page.close()


def test_every_section_is_on_the_page(browser: Browser, page_path: Path) -> None:
    page = open_page(browser, page_path, [], [])
    for section in (
        "summary",
        "issues",
        "entities",
        "quotes",
        "figures",
        "conflicts",
        "timeline",
        "coverage",
    ):
        assert page.locator(f"section#{section} h2").is_visible(), section
    page.close()


def test_hostile_text_runs_nothing_and_loads_nothing(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(to_html(hostile_briefing()), encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    page = open_page(browser, path, requests, errors, dialogs)
    page.locator("#summary a.cite").first.click()
    assert requests == [path.as_uri()]  # an <img onerror> that escaped would have asked for "x"
    assert errors == []
    assert dialogs == []  # an alert() that ran would have opened one
    assert page.evaluate("document.scripts.length + document.images.length") == 0
    assert "{{ 7*7 }}" in page.locator("h1").inner_text()
    page.close()
