"""A store of the demo story, and the app over it, shared by the web tests of one module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dossier.demo import demo_paths
from dossier.pipeline import ingest
from dossier.store import open_store
from dossier.web import ServeSettings, create_app

#: Markup that would run, an attribute break-out, a script URL, and right-to-left / zero-width characters.
HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">\u202egnp.exe\u200b'
HOSTILE_URL = "javascript:window.__pwned=3"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "demo.db"
    with open_store(db) as store:
        ingest([str(path) for path in demo_paths()], store)
    return db


def hostile_lines() -> str:
    """Three short articles about one fictional event, every field carrying :data:`HOSTILE`."""
    lines = []
    for number, outlet in enumerate(("Gazette", "Courier", "Ledger"), start=1):
        text = (
            f"{HOSTILE} The lantern council of Brindle voted on Tuesday to close the old ferry pier. "
            f'"We cannot keep repairing it {HOSTILE}," said Mara Quell, the council chair. '
            f"The repairs cost {number * 3} million crowns last year, officials said. {HOSTILE}"
        )
        lines.append(
            json.dumps(
                {
                    "text": text,
                    "title": f"Brindle closes ferry pier {HOSTILE}",
                    "outlet": f"{outlet} {HOSTILE}",
                    "url": HOSTILE_URL,
                    "published": f"2025-04-0{number}",
                    "dateline": HOSTILE,
                    "note": HOSTILE,
                }
            )
        )
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile.jsonl"
    source.write_text(hostile_lines(), encoding="utf-8")
    db = folder / "hostile.db"
    with open_store(db) as store:
        ingest([str(source)], store)
    return db


@pytest.fixture(scope="module")
def app(demo_db: Path) -> FastAPI:
    return create_app(ServeSettings(db=demo_db, max_body_bytes=200_000, max_file_bytes=50_000, max_files=3))


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
