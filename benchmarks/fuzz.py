"""Long fuzz run: Hypothesis properties with many examples, printing cases/s and failures.

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/fuzz.py [--examples 2000] [--seed 0] [--only NAME]

Targets (each checked for: no exception but a ``DossierError`` escapes, every
span's offsets lie in the text, and the same input gives the same output):

* ``jsonl``, ``feed``, ``text``: the readers, on arbitrary bytes and JSON objects;
* ``clean``: the cleaner, on arbitrary drafts;
* ``quotes``, ``numbers``, ``dates``: quote spans, figures and time expressions on arbitrary text,
  built from news-like fragments mixed with random characters.

Each target prints its cases, cases per second and failures; a failure prints the
falsifying example Hypothesis found. The exit code is 1 if any target failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from dossier.article import Draft, Failure
from dossier.clean import clean
from dossier.errors import DossierError
from dossier.figures.extract import extract_measures
from dossier.ingest.feed import read_feed
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.limits import Limits
from dossier.ingest.text import read_markdown, read_plain
from dossier.quotes.find import find_quotes
from dossier.timex.extract import find_mentions

FRAGMENTS = st.sampled_from(
    [
        "“We will not sail,” said the union leader.",
        '"It is over," she said. ',
        "The offer rose 12 percent to $4.5 million on Monday, March 3, 2025.",
        "About 300 crews, aged 18 to 65, struck for three days last week.",
        "By Harbour Desk | Apr 26, 2024 | 11:17 AM",
        "PORT ALDER (Wire) – ",
        "\n\n",
        "« Non », a-t-il dit. ",
        "‘partly’ and “unclosed",
        "next Tuesday, in 2019, from 1990 to 2001, 3:15 p.m.",
        "-5%, 1e9, 1,000,000.5, ½, ٣٤٥",
    ]
)
MIXED_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=20).map("".join)
JSON_OBJECT = st.dictionaries(
    st.sampled_from(["text", "title", "url", "outlet", "published", "dateline", "meta"]),
    st.one_of(st.none(), st.integers(), MIXED_TEXT, st.lists(st.text(max_size=10), max_size=3)),
    max_size=7,
)


def _spans_hold(text: str, spans: object) -> None:
    for span in spans:  # type: ignore[attr-defined]
        assert 0 <= span.start <= span.end <= len(text), (span.start, span.end, len(text))


def _read(function: Callable[[], object]) -> object:
    try:
        return function()
    except DossierError as error:
        return f"{type(error).__name__}: {error}"  # a refusal, as one string


def _drafts(items: object) -> None:
    for item in items if isinstance(items, tuple) else ():
        if isinstance(item, Draft):
            item.text.encode("utf-8")
        elif not isinstance(item, Failure):
            raise AssertionError(f"a reader gave {type(item).__name__}")


def check_jsonl(objects: list[dict[str, object]]) -> None:
    import json

    data = "\n".join(json.dumps(item) for item in objects).encode("utf-8")
    first = _read(lambda: tuple(read_jsonl(data, source="f.jsonl")))
    assert first == _read(lambda: tuple(read_jsonl(data, source="f.jsonl")))
    _drafts(first)


def check_feed(data: bytes) -> None:
    def run() -> object:
        return tuple(read_feed(data, source="f.xml", limits=Limits(), read_page=None))

    first = _read(run)
    assert first == _read(run)
    _drafts(first)


def check_text(text: str) -> None:
    for reader in (read_plain, read_markdown):
        first = _read(lambda reader=reader: reader(text, source="t.txt"))  # type: ignore[misc]
        assert first == _read(lambda reader=reader: reader(text, source="t.txt"))  # type: ignore[misc]


def check_clean(text: str) -> None:
    draft = Draft(source="c.txt", text=text)
    first = _read(lambda: clean(draft))
    assert first == _read(lambda: clean(draft))
    if not isinstance(first, str):
        article = first
        _spans_hold(article.text, article.paragraphs)  # type: ignore[attr-defined]
        _spans_hold(article.text, article.sentences)  # type: ignore[attr-defined]


def check_quotes(text: str) -> None:
    first = find_quotes(text)
    assert first == find_quotes(text)
    _spans_hold(text, first)


def check_numbers(text: str) -> None:
    first = extract_measures(text)
    assert first == extract_measures(text)
    _spans_hold(text, first)


def check_dates(text: str) -> None:
    first = find_mentions(text)
    assert first == find_mentions(text)
    _spans_hold(text, first)


TARGETS: dict[str, tuple[Callable[..., None], st.SearchStrategy[object]]] = {
    "jsonl": (check_jsonl, st.lists(JSON_OBJECT, max_size=4)),
    "feed": (
        check_feed,
        st.one_of(
            st.binary(max_size=2000),
            MIXED_TEXT.map(
                lambda t: f"<rss><channel><item><description>{t}</description></item></channel></rss>".encode(
                    "utf-8", "surrogatepass"
                )
            ),
        ),
    ),
    "text": (check_text, MIXED_TEXT),
    "clean": (check_clean, MIXED_TEXT),
    "quotes": (check_quotes, MIXED_TEXT),
    "numbers": (check_numbers, MIXED_TEXT),
    "dates": (check_dates, MIXED_TEXT),
}


def run_target(name: str, examples: int, seed_value: int) -> tuple[int, float, str | None]:
    """Cases run, seconds, and the failure (with its example) if one was found."""
    check, strategy = TARGETS[name]
    count = 0

    @seed(seed_value)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def prop(value: object) -> None:
        nonlocal count
        count += 1
        check(value)

    started = time.perf_counter()
    try:
        prop()
    except Exception:  # the fuzz run reports every failure instead of stopping at the first target
        return count, time.perf_counter() - started, traceback.format_exc(limit=6)
    return count, time.perf_counter() - started, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per target")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=sorted(TARGETS), action="append", help="run only these targets")
    args = parser.parse_args()
    failed = 0
    print(f"{'target':<8} {'cases':>7} {'seconds':>8} {'cases/s':>8}  result")
    for name in args.only or TARGETS:
        count, seconds, failure = run_target(name, args.examples, args.seed)
        rate = count / seconds if seconds else 0.0
        print(
            f"{name:<8} {count:>7} {seconds:>8.1f} {rate:>8.0f}  {'FAILED' if failure else 'ok'}", flush=True
        )
        if failure:
            failed += 1
            print(failure, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
