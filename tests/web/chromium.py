"""Debian's Chromium driven by Playwright, shared by the browser tests (never ``playwright install``).

A page made by :func:`new_page` refuses and records every request that leaves
loopback, and records dialogs and script errors, so a test can assert the page
did none of those.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: The marks of a module whose tests drive Chromium: each skips with its reason where a piece is missing.
NEEDS_CHROMIUM = [
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="playwright is not installed"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (run `make browser`)"),
]

if importlib.util.find_spec("playwright") is not None:
    from playwright.sync_api import Browser, Dialog, Page, Route, sync_playwright


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, until the block ends."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


class Watch:
    """What a page did that it must not: requests off loopback, dialogs, script errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []


def new_page(browser: Browser, watch: Watch, width: int = 1280) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.on("dialog", lambda dialog: _dismiss(dialog, watch))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.route("**/*", lambda route: _loopback_only(route, watch))
    return page


def _dismiss(dialog: Dialog, watch: Watch) -> None:
    watch.dialogs.append(dialog.message)
    dialog.dismiss()


def _loopback_only(route: Route, watch: Watch) -> None:
    url = route.request.url
    if urlsplit(url).hostname == "127.0.0.1" or url.startswith("file:"):
        route.continue_()
    else:
        watch.outside.append(url)
        route.abort()
