"""Load on ``dossier serve``: requests/s and p95 latency of the story list and a briefing page.

Usage::

    PYTHONPATH=src python benchmarks/bench_serve.py [--articles 10000] [--seconds 10] [--clients 4]
        [--db PATH] [--add]

Data: ``../shared/data/ecbplus`` (ECB+ news documents), read at run time and
never copied into the repo. ``--articles N`` articles are made from them: the
documents in turn, each after the first round given an extra closing sentence
from another document so that every article has its own text (and id). They
are stored with story assignment into a fresh SQLite store, the app is served
by uvicorn on a free loopback port, and ``--clients`` threads send requests in
a bounded loop (``--seconds`` per page) through one keep-alive connection each.
The app replays the store's stories in the background as it starts; the time
until that is done is printed, then the first story list. The briefing page is
warmed once first (its briefing is computed once and then kept), so the figures
are for serving, not for the language pipeline; the time of that first briefing
is printed separately. ``--add`` then pastes one article through the add
form and times the story list, one request every half second, until the job
(storing with story assignment, then replaying the stories) is done.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from fastapi import FastAPI

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpora import ecbplus  # noqa: E402
from dossier.article import Article, article_id  # noqa: E402
from dossier.store import open_store  # noqa: E402
from dossier.web import ServeSettings, create_app  # noqa: E402
from web.server import running  # noqa: E402

ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus"


def texts(root: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted((root / "ECB+").glob("*/*.xml")):
        document = ecbplus.read_document(path)
        if document.text.strip():
            found.append((document.name, document.text))
    return found


def articles(count: int, documents: list[tuple[str, str]]) -> list[Article]:
    made: list[Article] = []
    for index in range(count):
        name, text = documents[index % len(documents)]
        round_ = index // len(documents)
        if round_:
            other = documents[(index * 7 + round_) % len(documents)][1].strip().split("\n")[0]
            text = f"{text.rstrip()}\n\n{other} (round {round_})"
        made.append(
            Article(id=article_id(text), source=f"{name}#{round_}", text=text, outlet=f"outlet-{index % 12}")
        )
    return made


def load(base: str, path: str, seconds: float, clients: int) -> tuple[float, float, int]:
    """(requests per second, p95 latency in ms, errors) of GET ``path`` for ``seconds``."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = http.get(path)
                took = time.perf_counter() - started
                with lock:
                    latencies.append(took)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000 if len(latencies) >= 20 else max(latencies) * 1000
    return len(latencies) / elapsed, p95, errors


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--data", type=Path, default=ECBPLUS)
    parser.add_argument(
        "--add", action="store_true", help="then paste one article and time the story list while it is added"
    )
    parser.add_argument(
        "--db", type=Path, help="keep the store here (reused when it exists) instead of a temporary one"
    )
    args = parser.parse_args()
    if not (args.data / "ECB+").is_dir():
        print(f"skipped: no ECB+ data at {args.data}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        if args.db is not None and args.db.exists():
            with open_store(db) as store:
                print(f"store: reusing {db} ({store.count()} articles)")
        else:
            made = articles(args.articles, texts(args.data))
            started = time.perf_counter()
            with open_store(db) as store:
                store.add(made, assign_stories=True)
            print(f"store: {len(made)} articles added with stories in {time.perf_counter() - started:.1f} s")
        app = create_app(ServeSettings(db=db))
        started = time.perf_counter()
        with running(app) as base, httpx.Client(base_url=base, timeout=600) as http:
            app.state.warming.join()
            took = time.perf_counter() - started
            print(f"startup: the story index replayed in the background in {took:.1f} s")
            started = time.perf_counter()
            listing = http.get("/?format=json").json()
            took = time.perf_counter() - started
            print(f"first story list after that: {took:.2f} s; {listing['total']} stories")
            chosen = max(listing["rows"], key=lambda row: (row["size"] <= 8, row["size"]))
            story = chosen["href"]
            started = time.perf_counter()
            http.get(story).raise_for_status()
            took = time.perf_counter() - started
            print(f"first briefing of {story} ({chosen['size']} articles): {took:.1f} s")
            for label, path in (
                ("story list", "/"),
                ("story list, search", "/?q=police"),
                ("briefing", story),
            ):
                rate, p95, errors = load(base, path, args.seconds, args.clients)
                print(f"{label:20s} {rate:8.1f} req/s   p95 {p95:7.1f} ms   errors {errors}")
            if args.add:
                while_adding(app, http)
    return 0


#: The article pasted by ``--add``: written for this benchmark, about nothing in ECB+.
PASTED = (
    "Quarry road closes for bridge repairs\n\nThe county closed the quarry road at Hollin Edge on Friday so "
    "that crews can replace the cracked deck of the stone bridge over the beck, the highways office said.\n"
)


def while_adding(app: FastAPI, http: httpx.Client) -> None:
    """Paste one article through the add form; time the story list, a request at a time, till the job ends."""
    posted = http.post("/add?format=json", data={"text": PASTED, "csrf": app.state.csrf.token()})
    posted.raise_for_status()
    job_path = f"/jobs/{posted.json()['id']}?format=json"
    started = time.perf_counter()
    latencies: list[float] = []
    while not http.get(job_path).json()["finished"]:
        began = time.perf_counter()
        http.get("/").raise_for_status()
        latencies.append(time.perf_counter() - began)
        time.sleep(0.5)
    job = http.get(job_path).json()
    print(
        f"adding one pasted article: job {job['state']} in {time.perf_counter() - started:.1f} s; "
        f"story list during it: {len(latencies)} requests, slowest {max(latencies, default=0) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    raise SystemExit(main())
