"""Quality and throughput of figures, time expressions, inferred dates and conflicts.

Usage::

    .venv/bin/python benchmarks/bench_figures.py [--repeat 40] [--check] [--update-floors]

Three annotated corpora, each run through near-duplicate marking, date
inference, figures and conflicts:

- the fictional fixture stories in ``tests/fixtures/figures`` (exhaustive figure
  annotations, so precision and recall);
- the demo corpus and its ``gold.json`` (recall only: its figure list is not
  exhaustive);
- ``../shared/seeds`` with ``benchmarks/gold/seeds_figures.json`` (offsets into the
  raw seed files plus a sha1 of each span; skipped, with a message, when
  ``../shared`` is absent).

Printed: figure precision/recall, conflict and agreement precision/recall,
accuracy of resolved time expressions, accuracy of inferred publication dates,
and sentences per second for figure + time extraction on one core (the demo
and seed articles repeated ``--repeat`` times, timed with ``perf_counter``;
``--repeat 0`` skips it).

Quality floors: each corpus's scores are returned as metrics named
``<corpus>.<measure>`` (corpora ``fixture:<stem>``, ``demo``, ``seeds``; measures
``figure_recall``, ``figure_precision``, ``conflict_recall``, ``conflict_precision``,
``agreement_recall``, ``agreement_precision``, ``time_accuracy``,
``inferred_date_accuracy``; a 0/0 ratio is left out) and checked against
``benchmarks/floors.json`` with ``--check`` or raised with ``--update-floors``.
See ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dossier.article import Article, article_id
from dossier.briefing import Briefing
from dossier.conflicts import conflicts_stage
from dossier.demo import demo_paths, gold_path
from dossier.figures import extract_measures, figures_stage
from dossier.pipeline import mark_near_duplicates, read_articles, story_of
from dossier.segment import segment
from dossier.story import Story
from dossier.timex import resolve_article, time_expressions
from dossier.timex.infer import infer_dates_stage
from floors import Measured, add_floor_arguments, apply_floor_flags, data_digest, demo_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_GOLD = ROOT / "benchmarks" / "gold" / "seeds_figures.json"
FIXTURES = ROOT / "tests" / "fixtures" / "figures"
BENCHMARK = "figures"

Key = tuple[str, int, int]  # article id, start, end


@dataclasses.dataclass
class Gold:
    """One corpus's annotations, as spans of the cleaned article texts."""

    figures: list[tuple[Key, float]] = dataclasses.field(default_factory=list)
    exhaustive: bool = False
    times: list[tuple[Key, dt.date, dt.date]] = dataclasses.field(default_factory=list)
    published: list[tuple[str, tuple[dt.date, dt.date] | None]] = dataclasses.field(default_factory=list)
    records: list[tuple[str, list[tuple[Key, float]]]] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def share(self) -> float:
        """Hits over total; NaN when nothing was counted."""
        return self.hits / self.total if self.total else float("nan")

    def __str__(self) -> str:
        return f"{self.share:6.1%} ({self.hits}/{self.total})"


def run(story: Briefing) -> Story:
    story = infer_dates_stage(mark_near_duplicates(story_of(story.articles)))
    return conflicts_stage(figures_stage(story))


def date_range(first: str, last: str | None = None) -> tuple[dt.date, dt.date]:
    """Inclusive day range of an ISO day, month or year (or of two days)."""
    if last is not None:
        return dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if len(first) == 4:
        return dt.date(int(first), 1, 1), dt.date(int(first), 12, 31)
    if len(first) == 7:
        year, month = int(first[:4]), int(first[5:])
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    if "-W" in first:
        monday = dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
        return monday, monday + dt.timedelta(days=6)
    day = dt.date.fromisoformat(first)
    return day, day


# --- loading the corpora -----------------------------------------------------------------------------


def fixture_corpus(path: Path) -> tuple[Briefing, Gold]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    articles = {}
    for entry in data["articles"]:
        paragraphs, sentences = segment(entry["text"])
        published = dt.date.fromisoformat(entry["published"]) if entry["published"] else None
        articles[entry["name"]] = Article(
            id=article_id(entry["text"]),
            source=entry["name"],
            text=entry["text"],
            published=published,
            paragraphs=paragraphs,
            sentences=sentences,
        )

    def key(name: str, text: str) -> Key:
        article = articles[name]
        start = article.text.find(text)
        return article.id, start, start + len(text)

    gold = Gold(exhaustive=True)
    gold.figures = [(key(f["article"], f["text"]), f["value"]) for f in data["figures"]]
    gold.times = [(key(t["article"], t["text"]), *date_range(t["value"])) for t in data["time"]]
    gold.published = [(articles[n].id, date_range(*window)) for n, window in data["inferred"].items()]
    gold.published += [(articles[n].id, None) for n in data.get("not_inferred", [])]
    for kind, field in (("conflict", "conflicts"), ("agreement", "agreements")):
        for record in data[field]:
            claims = [(key(name, text), 0.0) for name, text in record["claims"]]
            gold.records.append((kind, claims))
    return Briefing(articles=tuple(articles.values())), gold


def demo_corpus() -> tuple[Briefing, Gold]:
    articles = read_articles([str(path) for path in demo_paths()]).articles
    by_name = {article.source.rsplit("/", 1)[-1]: article for article in articles}
    data: dict[str, Any] = json.loads(gold_path().read_text(encoding="utf-8"))

    def key(name: str, text: str, after: str = "") -> Key:
        article = by_name[name]
        start = article.text.find(text, max(0, article.text.find(after)) if after else 0)
        return article.id, start, start + len(text)

    gold = Gold(exhaustive=False)
    figures = data["figures"]
    for record in figures["agreements"]:
        claims = [(key(m["article"], m["text"]), float(record["value"])) for m in record["mentions"]]
        gold.figures += claims
        gold.records.append(("agreement", claims))
    for record in figures["conflicts"]:
        claims = [
            (key(name, c["text"]), float(c["value"])) for c in record["claims"] for name in c["articles"]
        ]
        gold.figures += claims
        gold.records.append(("conflict", claims))
    gold.figures += [(key(o["article"], o["text"]), float(o["value"])) for o in figures["other"]]
    for entry in data["relative_dates"]:
        gold.times.append(
            (key(entry["article"], entry["text"], entry["context"]), *date_range(*entry["resolves_to"]))
        )
    for entry in data["articles"]:
        if entry["published"] is None:
            window = entry.get("published_inferred_range")
            gold.published.append((by_name[entry["file"]].id, date_range(*window) if window else None))
    return Briefing(articles=articles), gold


def seed_corpus() -> tuple[Briefing, Gold] | None:
    if not SEEDS.is_dir():
        return None
    paths = sorted(SEEDS.glob("*.txt"))
    articles = read_articles([str(path) for path in paths]).articles
    by_name = {Path(article.source).name: article for article in articles}
    raw = {path.name: path.read_text(encoding="utf-8") for path in paths}
    data: dict[str, Any] = json.loads(SEED_GOLD.read_text(encoding="utf-8"))

    def key(entry: dict[str, Any]) -> Key:
        text = raw[entry["file"]][entry["start"] : entry["end"]]
        if hashlib.sha1(text.encode()).hexdigest()[:12] != entry["sha1"]:
            raise SystemExit(
                f"{entry['file']}: seed text changed at [{entry['start']}, {entry['end']}); re-annotate"
            )
        article = by_name[entry["file"]]
        found = list(_occurrences(article.text, text))
        start = min(found, key=lambda i: abs(i - entry["start"])) if found else -1
        return article.id, start, start + len(text)

    gold = Gold(exhaustive=True)
    gold.figures = [(key(f), float(f["value"])) for f in data["figures"]]
    gold.times = [
        (key(t), *(date_range(t["first"], t["last"]) if "first" in t else date_range(t["value"])))
        for t in data["time"]
    ]
    for entry in data["published"]:
        if entry["published"] is None:
            window = entry["expected_range"]
            gold.published.append((by_name[entry["file"]].id, date_range(*window) if window else None))
    for record in data["conflicts"]:
        gold.records.append((record["kind"], [(key(c), float(c["value"])) for c in record["claims"]]))
    return Briefing(articles=articles), gold


def _occurrences(text: str, needle: str) -> Iterable[int]:
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


# --- scoring ------------------------------------------------------------------------------------------


def overlaps(a: Key, b: Key) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def score(name: str, story: Briefing, gold: Gold) -> dict[str, float]:
    """Print one corpus's quality and return it as metrics (NaN where there was nothing to count)."""
    result = run(story)
    recall, precision = Tally(), Tally()
    for key, value in gold.figures:
        recall.add(
            any(overlaps(key, (f.article_id, f.start, f.end)) and f.value == value for f in result.figures)
        )
    if gold.exhaustive:
        for f in result.figures:
            span = (f.article_id, f.start, f.end)
            precision.add(any(overlaps(span, key) and f.value == value for key, value in gold.figures))
    times = Tally()
    expressions = {a.id: time_expressions(a) for a in result.articles}
    for key, first, last in gold.times:
        values = [
            e.value for e in expressions.get(key[0], ()) if e.start < key[2] and key[1] < e.end and e.value
        ]
        times.add(
            bool(values) and values[0] is not None and first <= values[0].first and values[0].last <= last
        )
    published = Tally()
    for identifier, window in gold.published:
        date = result.article(identifier).published
        published.add(date is None if window is None else date is not None and window[0] <= date <= window[1])
    print(f"{name}:")
    print(
        f"  figures    recall {recall}   precision {precision if gold.exhaustive else '  (not exhaustive)'}"
    )
    metrics = {"figure_recall": recall.share, "figure_precision": precision.share}
    for kind in ("conflict", "agreement"):
        wanted = [claims for k, claims in gold.records if k == kind]
        records = [c for c in result.conflicts if c.kind == kind]
        hit = Tally()
        for claims in wanted:
            hit.add(any(_covers(record_keys(c), claims) for c in records))
        right = Tally()
        for record in records:
            right.add(any(_covers(record_keys(record), claims) for claims in wanted))
        print(f"  {kind + 's':<11}recall {hit}   precision {right}")
        metrics[f"{kind}_recall"], metrics[f"{kind}_precision"] = hit.share, right.share
    print(f"  time expressions resolved correctly {times}")
    print(f"  undated articles dated correctly (or left undated) {published}")
    metrics["time_accuracy"] = times.share
    metrics["inferred_date_accuracy"] = published.share
    return metrics


def record_keys(record: Any) -> list[Key]:
    return [(claim.article_id, claim.start, claim.end) for claim in record.claims]


def _covers(keys: list[Key], claims: list[tuple[Key, float]]) -> bool:
    """Whether a found record covers at least two annotated claims from different articles."""
    covered = {claim[0] for claim, _ in claims if any(overlaps(claim, key) for key in keys)}
    return len(covered) >= 2


def measure_fixture(path: Path) -> Measured:
    """Score one fictional fixture story (prints the report)."""
    name = f"fixture:{path.stem}"
    return Measured(name, data_digest([path]), score(f"fixture {path.stem}", *fixture_corpus(path)))


def measure_demo() -> tuple[Briefing, Measured]:
    """Score the demo corpus against its gold file (prints the report)."""
    story, gold = demo_corpus()
    return story, Measured("demo", data_digest(demo_files()), score("demo corpus", story, gold))


def measure_seeds() -> tuple[Briefing, Measured] | None:
    """Score ../shared/seeds against benchmarks/gold/seeds_figures.json; None when the seeds are absent."""
    corpus = seed_corpus()
    if corpus is None:
        return None
    story, gold = corpus
    digest = data_digest([*sorted(SEEDS.glob("*.txt")), SEED_GOLD])
    return story, Measured("seeds", digest, score("seeds", story, gold))


def throughput(articles: list[Article], repeat: int) -> None:
    sentences = sum(len(a.sentences) for a in articles) * repeat
    started = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            extract_measures(article.text)
            resolve_article(article.text, article.sentences, article.published)
    elapsed = time.perf_counter() - started
    rate = sentences / elapsed
    print(f"throughput: {sentences} sentences in {elapsed:.2f}s = {rate:,.0f} sentences/s (one core)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=40, help="copies of the corpus timed for throughput (0: skip)"
    )
    add_floor_arguments(parser)
    args = parser.parse_args(argv)
    measured = [measure_fixture(path) for path in sorted(FIXTURES.glob("*.json"))]
    demo, demo_measured = measure_demo()
    measured.append(demo_measured)
    corpus: list[Article] = list(demo.articles)
    seeds = measure_seeds()
    if seeds is None:
        print(
            f"seeds: {SEEDS} not found; the seed benchmark needs ../shared next to the repository",
            file=sys.stderr,
        )
    else:
        measured.append(seeds[1])
        corpus += seeds[0].articles
    if args.repeat > 0:
        throughput(corpus, args.repeat)
    status, lines = apply_floor_flags(args, BENCHMARK, measured)
    if lines:
        print("quality floors:\n" + "\n".join(f"  {line}" for line in lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
