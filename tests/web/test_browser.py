"""``dossier serve`` in real Chromium: the flows a person follows, the phone width, and hostile articles.

Runs Debian's ``chromium`` through Playwright (never ``playwright install``);
skips with a reason where either is missing. The app runs under uvicorn on a
free loopback port; every request that leaves for anywhere else is refused
and recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dossier.web import ServeSettings, create_app

from .chromium import NEEDS_CHROMIUM, Watch, chromium, new_page
from .server import running

pytestmark = NEEDS_CHROMIUM

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def base_url(demo_db: Path) -> Iterator[str]:
    with running(create_app(ServeSettings(db=demo_db))) as url:
        yield url


def test_search_open_a_story_click_a_citation_and_come_back(browser: Browser, base_url: str) -> None:
    watch = Watch()
    page = new_page(browser, watch)
    page.goto(base_url + "/")
    page.get_by_label("Search").fill("river")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?q=river*")
    page.locator("ol.stories h2 a").first.click()
    page.wait_for_selector("#factbox")
    story_url = page.url
    link = page.locator("#summary a[data-cite]").first
    link.click()
    panel = page.locator("#panel")
    panel.wait_for(state="visible")
    cited = panel.locator("mark.cited").inner_text()
    assert cited.strip()
    assert cited in panel.locator(".passage").inner_text()
    panel.get_by_role("button", name="← Back").click()
    assert panel.is_hidden()
    assert page.url == story_url  # never left the briefing
    assert page.evaluate("document.activeElement.dataset.cite") == "1"  # focus went back to the link
    assert not watch.outside and not watch.errors and not watch.dialogs
    page.close()


def test_upload_files_and_see_them_in_a_story(browser: Browser, base_url: str, tmp_path: Path) -> None:
    watch = Watch()
    first = tmp_path / "weir-one.txt"
    second = tmp_path / "weir-two.md"
    first.write_text(
        "Otterby weir gates fail in storm\n\nThe old weir gates at Otterby failed during the storm on "
        "Sunday night, flooding twelve streets near the mill, the river authority said.\n",
        encoding="utf-8",
    )
    second.write_text(
        "# Otterby weir failure floods streets\n\nTwelve streets near the Otterby mill flooded after the "
        "weir gates failed in Sunday's storm, the river authority said on Monday.\n",
        encoding="utf-8",
    )
    page = new_page(browser, watch)
    page.goto(base_url + "/add")
    page.get_by_label("Upload files").set_input_files([str(first), str(second)])
    page.get_by_role("button", name="Add").click()
    page.wait_for_load_state("load")
    assert "/jobs/j" in page.url, page.locator("body").inner_text()[:500]
    page.wait_for_selector(".job[data-finished='yes']", timeout=120_000)
    assert "done" in page.locator(".state").inner_text()
    page.locator(".job-stories a").first.click()
    page.wait_for_selector("#sources")
    sources = page.locator("#sources").inner_text()
    assert "Otterby" in sources
    page.goto(base_url + "/?q=Otterby")
    assert page.locator("ol.stories li.story-row").count() >= 1
    assert not watch.outside and not watch.errors
    page.close()


def test_the_phone_width_does_not_overflow(browser: Browser, base_url: str) -> None:
    watch = Watch()
    page = new_page(browser, watch, width=390)
    page.goto(base_url + "/")
    story = page.locator("ol.stories h2 a").first.get_attribute("href")
    for path in ("/", str(story), "/add"):
        page.goto(base_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than a 390px screen"
    page.goto(base_url + str(story))
    page.locator("#summary a[data-cite]").first.click()
    page.locator("#panel").wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_the_json_twin_equals_the_page_data(browser: Browser, base_url: str) -> None:
    watch = Watch()
    page = new_page(browser, watch)
    page.goto(base_url + "/")
    twin = page.evaluate("fetch('/?format=json').then(r => r.json())")
    shown = page.locator("ol.stories li.story-row")
    assert shown.count() == len(twin["rows"])
    for index, row in enumerate(twin["rows"]):
        item = shown.nth(index)
        assert item.get_attribute("data-story") == row["id"]
        assert item.locator("h2").inner_text().strip() == row["label"]
        assert item.locator(".size").inner_text().startswith(str(row["size"]))
    story = twin["rows"][0]["href"]
    page.goto(base_url + story)
    data = page.evaluate(f"fetch('{story}?format=json').then(r => r.json())")
    cards = page.locator("#factbox .card h3")
    assert [
        cards.nth(i).inner_text().replace("generated label", "").strip() for i in range(cards.count())
    ] == [issue["label"] for issue in data["briefing"]["issues"]]
    summary = page.locator("#summary ul.cited > li")
    assert summary.count() == len(data["briefing"]["summary"])
    page.close()


def test_hostile_articles_run_no_script_and_send_no_request(browser: Browser, hostile_db: Path) -> None:
    with running(create_app(ServeSettings(db=hostile_db))) as url:
        watch = Watch()
        page = new_page(browser, watch)
        page.goto(url + "/")
        story = page.locator("ol.stories h2 a").first.get_attribute("href")
        data = page.evaluate(f"fetch('{story}?format=json').then(r => r.json())")
        pattern = '/data-cite="1" href="([^"]+)"/'
        cite = page.evaluate(f"fetch('{story}').then(r => r.text()).then(t => (t.match({pattern}) || [])[1])")
        paths = ["/", f"/?q=Brindle&outlet={data['story']['outlets'][0]}", str(story), "/add", "/jobs"]
        paths += [f"/articles/{article_id}" for article_id in data["article_ids"]]
        if cite:
            paths.append(cite)
        for path in paths:
            page.goto(url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") is None, path
            assert page.locator("img").count() == 0, path
            for anchor in page.locator("a[href]").all():
                assert not (anchor.get_attribute("href") or "").lower().startswith("javascript:"), path
        if cite:
            page.goto(url + str(story))
            page.locator("a[data-cite]").first.click()
            page.locator("#panel").wait_for(state="visible")
            assert page.evaluate("window.__pwned") is None
        assert not watch.outside, watch.outside
        assert not watch.dialogs and not watch.errors
        page.close()
