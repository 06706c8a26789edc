"""Page furniture: how close the HTML reader and the text cleaner come to the gold article bodies.

Usage::

    .venv/bin/python benchmarks/bench_furniture.py [--part dev|holdout|both] [--check] [--update-floors]

Data: ``../shared/data/article-extraction`` (Zyte's article-extraction benchmark:
181 real pages, gzipped HTML, with a hand-checked ``articleBody`` each). The
pages are split deterministically by sorted page id: every third page (index 2,
5, 8, ...) is held out, the rest is the development part. Rules were developed
on the development part only; the held-out figures are the honest ones, and
only they get quality floors.

Scored with the benchmark's own measure, 4-token shingle F1
(:mod:`metrics.shingles`), for three inputs per page:

- ``html``: the page through the HTML reader (:func:`dossier.ingest.html.read_html`)
  and cleaning, as ``dossier ingest`` does with a web page;
- ``visible``: all visible text of the page, furniture included, uncleaned (the
  baseline a text extractor hands over);
- ``cleaned``: that same visible text read as a plain-text article and cleaned
  (:func:`dossier.clean.clean`), which is what has to strip the furniture.

A page the reader or the cleaner rejects scores as an empty prediction.
Metrics are named ``<part>.<input>_<measure>`` (``holdout.cleaned_f1``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.article import Draft
from dossier.clean import clean
from dossier.errors import DossierError
from dossier.ingest.decode import decode_text
from dossier.ingest.html import declared_charset, read_html
from floors import Measured, add_floor_arguments, apply_floor_flags, data_digest
from metrics.shingles import Overlap, Score, overlap, score, visible_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "article-extraction"
BENCHMARK = "furniture"
#: Every ``HOLDOUT_EVERY``-th page by sorted id (starting at the third) is held out.
HOLDOUT_EVERY = 3
INPUTS = ("html", "visible", "cleaned")


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its id, raw bytes and gold article body."""

    key: str
    data: bytes
    gold: str


def split_keys(keys: Sequence[str]) -> dict[str, list[str]]:
    """The development and held-out page ids: every third by sorted id is held out."""
    ordered = sorted(keys)
    holdout = [key for index, key in enumerate(ordered) if index % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]
    dev = [key for index, key in enumerate(ordered) if index % HOLDOUT_EVERY != HOLDOUT_EVERY - 1]
    return {"dev": dev, "holdout": holdout}


def load_part(part: str, data: Path = DATA) -> tuple[list[Page], list[Path]]:
    """The pages of one part and the files they come from (for the data digest)."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    files = [data / "ground-truth.json"]
    for key in split_keys(list(truth))[part]:
        path = data / "html" / f"{key}.html.gz"
        files.append(path)
        pages.append(Page(key, gzip.decompress(path.read_bytes()), truth[key]["articleBody"] or ""))
    return pages, files


def html_text(page: Page) -> str:
    """The page through the HTML reader and cleaning; empty when rejected."""
    try:
        return clean(read_html(page.data, source=page.key)).text
    except DossierError:
        return ""


def page_visible_text(page: Page) -> str:
    """All visible text of the page, decoded the way the HTML reader decodes it."""
    try:
        markup = decode_text(page.data, source=page.key, declared=declared_charset(page.data))
    except DossierError:
        markup = page.data.decode("utf-8", "replace")
    return visible_text(markup)


def cleaned_text(visible: str, key: str) -> str:
    """Visible text read as a plain-text article and cleaned; empty when nothing is left."""
    try:
        return clean(Draft(source=key, text=visible)).text
    except DossierError:
        return ""


def _input_text(name: str, page: Page, visible: str) -> str:
    if name == "html":
        return html_text(page)
    return visible if name == "visible" else cleaned_text(visible, page.key)


def measure_part(part: str, data: Path = DATA, inputs: Sequence[str] = INPUTS) -> Measured:
    """Shingle precision, recall and F1 of each input on one part of the pages."""
    pages, files = load_part(part, data)
    overlaps: dict[str, list[Overlap]] = {name: [] for name in inputs}
    for page in pages:
        visible = page_visible_text(page)
        for name in inputs:
            overlaps[name].append(overlap(page.gold, _input_text(name, page, visible)))
    metrics: dict[str, float] = {}
    for name in inputs:
        result: Score = score(overlaps[name])
        metrics[f"{name}_precision"] = round(result.precision, 4)
        metrics[f"{name}_recall"] = round(result.recall, 4)
        metrics[f"{name}_f1"] = round(result.f1, 4)
    return Measured(part, data_digest(files), metrics)


def report(measured: Measured, pages: int) -> str:
    lines = [f"{measured.data} ({pages} pages):"]
    for name in INPUTS:
        if f"{name}_f1" in measured.metrics:
            values = (measured.metrics[f"{name}_{m}"] for m in ("precision", "recall", "f1"))
            lines.append("  {:<8} precision {:.4f}  recall {:.4f}  F1 {:.4f}".format(name, *values))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("dev", "holdout", "both"), default="both")
    add_floor_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if not (DATA / "ground-truth.json").is_file():
        print(f"{DATA} not found; this benchmark needs ../shared next to the repository", file=sys.stderr)
        return 0
    parts = ("dev", "holdout") if args.part == "both" else (args.part,)
    measured = []
    for part in parts:
        result = measure_part(part)
        print(report(result, len(load_part(part)[0])))
        measured.append(result)
    # Floors are pinned on the held-out part only: the development part was tuned on.
    status, lines = apply_floor_flags(args, BENCHMARK, [m for m in measured if m.data == "holdout"])
    if lines:
        print("quality floors:\n" + "\n".join(f"  {line}" for line in lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
