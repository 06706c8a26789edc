"""The app keeps answering while an add-articles job runs.

A job is held in the middle of its work: it uploads two files and names a URL
whose server (on loopback, so the app runs with ``allow_private``) does not
answer until the test lets it. While the job is held, the story list, a
briefing and the job's own page must all answer, and the job must still say
it is running, so the answers came during the job, whatever the machine's
speed. Then the job is let go, and every page keeps answering while it stores,
assigns and briefs; the bound on each answer is loose on purpose (a busy CI
machine), it only catches a request that waits for the whole job.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from dossier.web import ServeSettings, create_app
from ingest.local_server import Page, local_server

from .server import running

#: Seconds any one answer may take while a job runs: far above a normal answer, far below a stuck one.
LOOSE_BOUND_S = 30.0

FIRST = (
    "Quarry road closes for bridge repairs\n\nThe county closed the quarry road at Hollin Edge on Friday so "
    "that crews can replace the cracked deck of the stone bridge over the beck, the highways office said. A "
    "diversion through Marl Green adds about six miles, and the work should last five weeks.\n"
)
SECOND = (
    "# Hollin Edge bridge work shuts quarry road\n\nDrivers face a six-mile diversion through Marl Green for "
    "five weeks while the stone bridge on the quarry road at Hollin Edge gets a new deck, the county "
    "highways office said on Friday.\n"
)
FETCHED = Page(
    b"<html><head><title>Hollin Edge bridge deck replaced early</title></head><body><article><p>Crews "
    b"finished the new deck of the Hollin Edge bridge a week early, and the quarry road will reopen on "
    b"Monday, the county highways office said.</p></article></body></html>"
)


@pytest.fixture()
def served(demo_db: Path) -> Iterator[tuple[FastAPI, str]]:
    app = create_app(ServeSettings(db=demo_db, allow_private=True))
    with running(app) as url:
        yield app, url


def timed_get(http: httpx.Client, path: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = http.get(path)
    return response, time.monotonic() - started


def job_state(http: httpx.Client, job_id: str) -> dict[str, Any]:
    state: dict[str, Any] = http.get(f"/jobs/{job_id}?format=json").json()
    return state


def test_pages_answer_while_an_upload_is_being_added(served: tuple[FastAPI, str], tmp_path: Path) -> None:
    app, base = served
    gate = threading.Event()
    with (
        local_server({"/late": Page(FETCHED.body, gate=gate)}) as server,
        httpx.Client(base_url=base, timeout=LOOSE_BOUND_S + 30) as http,
    ):
        story = http.get("/?format=json").json()["rows"][0]["href"]
        http.get(story).raise_for_status()  # brief it once, so the held job is what the app is busy with
        form = {"csrf": app.state.csrf.token(), "url": server.url("/late")}
        files = [("files", ("quarry-one.txt", FIRST.encode())), ("files", ("quarry-two.md", SECOND.encode()))]
        try:
            posted = http.post("/add?format=json", data=form, files=files)
            assert posted.status_code == 202, posted.text
            job_id = posted.json()["id"]
            deadline = time.monotonic() + 60
            while server.requested != ["/late"]:  # the job has reached the held URL
                assert time.monotonic() < deadline, "the job never fetched the URL"
                time.sleep(0.05)
            for path in ("/", "/?q=bridge", story, f"/jobs/{job_id}", "/add"):
                response, took = timed_get(http, path)
                assert response.status_code == 200, path
                assert took < LOOSE_BOUND_S, f"{path} took {took:.1f} s while a job was held"
            held = job_state(http, job_id)
            assert not held["finished"] and held["state"] == "reading"
        finally:
            gate.set()
        # Let go: the job stores, assigns and briefs, and the pages answer all along.
        deadline = time.monotonic() + 300
        while not job_state(http, job_id)["finished"]:
            assert time.monotonic() < deadline, "the job did not finish"
            for path in ("/", story):
                response, took = timed_get(http, path)
                assert response.status_code == 200 and took < LOOSE_BOUND_S, (path, took)
        done = job_state(http, job_id)
        listed = http.get("/?q=Hollin&format=json").json()
    assert done["state"] == "done" and done["added"] == 3, done
    assert listed["total"] >= 1
