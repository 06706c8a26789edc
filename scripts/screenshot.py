"""Make the README's screenshot of ``dossier serve``: the demo story's briefing, in headless Chromium.

Usage::

    PYTHONPATH=src python scripts/screenshot.py [-o docs/img/serve.png] [--width 1280]

The demo articles (fictional, shipped in ``src/dossier/demo``) are stored in a
temporary store, the app is served on a free loopback port, and Debian's
Chromium (``/usr/bin/chromium``, never ``playwright install``) photographs the
briefing page with a citation opened in the side panel.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from dossier.demo import demo_paths  # noqa: E402
from dossier.pipeline import ingest  # noqa: E402
from dossier.store import open_store  # noqa: E402
from dossier.web import ServeSettings, create_app  # noqa: E402
from web.server import running  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "img" / "serve.png")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        with open_store(db) as store:
            ingest([str(path) for path in demo_paths()], store)
        with running(create_app(ServeSettings(db=db))) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 900})
            page.goto(base + "/")
            page.locator("ol.stories h2 a").first.click()
            page.wait_for_selector("#factbox")
            page.locator("#summary a[data-cite]").first.click()
            page.locator("#panel").wait_for(state="visible")
            page.evaluate("window.scrollTo(0, 0)")
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output))
            browser.close()
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
