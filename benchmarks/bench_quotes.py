"""Quality and throughput of quote extraction, attribution and statement merging.

Usage::

    .venv/bin/python benchmarks/bench_quotes.py [--repeat 40] [--check] [--update-floors]
    .venv/bin/python benchmarks/bench_quotes.py --encoder static   # meaning-aware merging

Quality is measured twice: on the demo corpus against ``src/dossier/demo/gold.json``
and on ``../shared/seeds`` against ``benchmarks/gold/seeds_quotes.json`` (skipped,
with a message, when ../shared is absent). For each it prints:

- quote span precision/recall, exact (same words, ignoring trailing ``.,;`` and
  spaces) and by overlap (the demo gold file leaves three quotes of the syndicated
  copy unannotated, and they count against precision there);
- speaker accuracy over the gold quotes that were found (a quote the gold file
  gives no speaker must get none);
- merge precision/recall over pairs of gold quotes (full quotes only; partial
  quotes never form statements) that share a statement, with every false merge listed.

Throughput: extraction + attribution (``attribute_quotes``) over the demo and seed
articles repeated ``--repeat`` times, on one core, in sentences per second
(``--repeat 0`` skips it).

Quality floors: the scores are also returned as metrics named
``<corpus>.<measure>`` (``demo.span_exact_recall``, ``seeds.merge_precision``...;
``no_false_merges`` is 1.0 when no statement joins quotes of different gold
statements, else 0.0) and checked against ``benchmarks/floors.json`` with
``--check`` (exit 1 on a broken floor) or raised with ``--update-floors``.
See ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.article import Article
from dossier.briefing import Briefing, Quote
from dossier.demo import demo_paths, gold_path
from dossier.embed import get_encoder
from dossier.pipeline import read_articles, run_story, story_of
from dossier.quotes import make_quotes_stage, quotes_stage
from dossier.quotes.attribute import attribute_quotes
from dossier.quotes.merge import LexicalSimilarity, Utterance, group_statements
from dossier.quotes.semantic import semantic_similarity
from dossier.story import Story
from floors import Measured, add_floor_arguments, apply_floor_flags, data_digest, demo_files

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_GOLD = ROOT / "benchmarks" / "gold" / "seeds_quotes.json"
_TRIM = " ,.;:\n"
BENCHMARK = "quotes"
PAIRS = ROOT / "tests" / "fixtures" / "quotes" / "reworded_pairs.json"
#: The stage measured: lexical merging unless --encoder names a sentence encoder.
STAGE: Callable[[Story], Story] = quotes_stage


@dataclass(frozen=True)
class GoldQuote:
    """One gold quotation: where it is in the cleaned article, who said it, which statement."""

    key: str
    article_id: str
    spans: tuple[tuple[int, int], ...]  # several for a quote in pieces
    speaker: str | None
    full: bool
    statement: str | None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=40, help="copies of the corpus for throughput (0: skip)"
    )
    parser.add_argument(
        "--encoder",
        default=None,
        help="merge statements with meaning too (static, minilm, tfidf); floors are lexical, so not checked",
    )
    add_floor_arguments(parser)
    args = parser.parse_args(argv)
    if args.encoder is not None and (args.check or args.update_floors):
        parser.error("--check and --update-floors measure the default (lexical) stage: drop --encoder")
    global STAGE
    STAGE = make_quotes_stage(args.encoder)
    print(f"statement merging: {args.encoder or 'lexical'}")
    fixture_pairs(args.encoder)
    demo, demo_measured = measure_demo()
    measured = [demo_measured]
    seeds: Briefing | None = None
    seed_result = measure_seeds()
    if seed_result is None:
        print(f"\n== seeds: skipped, {SEEDS} is absent (shared data is not checked out)")
    else:
        seeds, seed_measured = seed_result
        measured.append(seed_measured)
    articles = list(demo.articles) + (list(seeds.articles) if seeds else [])
    if args.repeat > 0:
        throughput(articles, args.repeat)
    status, lines = apply_floor_flags(args, BENCHMARK, measured)
    if lines:
        print("\n== quality floors\n" + "\n".join(lines))
    return status


def measure_demo() -> tuple[Briefing, Measured]:
    """Score the demo corpus against its gold file (prints the report)."""
    story = briefed([str(path) for path in demo_paths()])
    metrics = report("demo corpus", story, demo_gold(story))
    return story, Measured("demo", data_digest(demo_files()), metrics)


def measure_seeds() -> tuple[Briefing, Measured] | None:
    """Score ../shared/seeds against benchmarks/gold/seeds_quotes.json; None when the seeds are absent."""
    if not SEEDS.is_dir():
        return None
    paths = sorted(SEEDS.glob("*.txt"))
    story = briefed([str(path) for path in paths])
    metrics = report("seeds", story, seed_gold(story))
    return story, Measured("seeds", data_digest([*paths, SEED_GOLD]), metrics)


def briefed(paths: list[str]) -> Story:
    return STAGE(run_story(story_of(read_articles(paths).articles)))


def fixture_pairs(encoder: str | None) -> None:
    """Merge decisions on the hand-written same-speaker pairs of tests/fixtures/quotes/reworded_pairs.json."""
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))
    similarity = semantic_similarity(get_encoder(encoder)) if encoder else LexicalSimilarity()
    joined = {
        kind: sum(
            len(
                group_statements(
                    [Utterance("a", "a", 0, "X", one), Utterance("b", "b", 1, "X", two)], similarity
                )
            )
            == 1
            for one, two in pairs[kind]
        )
        for kind in ("same", "different")
    }
    print(
        f"\n== fixture pairs: {joined['same']}/{len(pairs['same'])} reworded pairs joined, "
        f"{joined['different']}/{len(pairs['different'])} different-statement pairs joined (should be 0)"
    )


# --- gold files -----------------------------------------------------------------------------------


def demo_gold(story: Briefing) -> list[GoldQuote]:
    gold = json.loads(gold_path().read_text(encoding="utf-8"))
    articles = _by_file(story)
    unnamed = {(u["id"], u["article"]): u["text"] for u in gold["unnamed_sources"]}
    quotes: list[GoldQuote] = []
    for index, entry in enumerate(gold["quotes"]):
        article = articles[entry["article"]]
        pieces = [entry["text"], *entry.get("continuation", [])]
        spans = tuple(span for span in (_locate(article.text, piece) for piece in pieces) if span)
        speaker = unnamed.get((entry["speaker"], entry["article"]), entry["speaker"])
        full = entry["form"] in ("full", "translated")
        quotes.append(GoldQuote(f"demo{index}", article.id, spans, speaker, full, entry.get("statement")))
    return quotes


def seed_gold(story: Briefing) -> list[GoldQuote]:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    articles = _by_file(story)
    quotes: list[GoldQuote] = []
    for index, entry in enumerate(gold["quotes"]):
        raw = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        words = raw[entry["start"] : entry["end"]]
        if hashlib.sha1(words.encode("utf-8")).hexdigest()[:12] != entry["sha1"]:
            raise SystemExit(f"{entry['file']}: gold span {entry['start']}..{entry['end']} no longer matches")
        article = articles[entry["file"]]
        span = _locate(article.text, words)
        quotes.append(
            GoldQuote(
                f"seed{index}",
                article.id,
                (span,) if span else (),
                entry["speaker"],
                entry["kind"] == "full",
                entry["statement"],
            )
        )
    return quotes


def _by_file(story: Briefing) -> dict[str, Article]:
    return {Path(article.source).name: article for article in story.articles}


def _locate(text: str, words: str) -> tuple[int, int] | None:
    words = words.strip(_TRIM)
    at = text.find(words)
    return None if at < 0 else (at, at + len(words))


# --- scoring --------------------------------------------------------------------------------------


def report(title: str, story: Briefing, gold: list[GoldQuote]) -> dict[str, float]:
    """Print the quality of one corpus and return it as metrics (NaN where there is nothing to count)."""
    quotes = story.quotes
    match = {q.id: _gold_of(q, gold) for q in quotes}
    gold_spans = [(g, span) for g in gold for span in g.spans]
    exact_found = {
        (g.key, span) for g, span in gold_spans if any(_same(q, g.article_id, span) for q in quotes)
    }
    exact_pred = [q for q in quotes if any(_same(q, g.article_id, span) for g, span in gold_spans)]
    overlap_pred = [q for q in quotes if match[q.id] is not None]
    overlap_found = {g.key for g in gold if any(match[q.id] is g for q in quotes)}
    print(f"\n== {title}: {len(quotes)} quotes found, {len(gold)} gold quotes ({len(gold_spans)} pieces)")
    _line("span exact", len(exact_pred), len(quotes), len(exact_found), len(gold_spans))
    _line("span overlap", len(overlap_pred), len(quotes), len(overlap_found), len(gold))
    return {
        "span_exact_precision": _share(len(exact_pred), len(quotes)),
        "span_exact_recall": _share(len(exact_found), len(gold_spans)),
        "span_overlap_precision": _share(len(overlap_pred), len(quotes)),
        "span_overlap_recall": _share(len(overlap_found), len(gold)),
        **speaker_report(quotes, match),
        **merge_report(story, gold, match),
    }


def speaker_report(quotes: Iterable[Quote], match: dict[str, GoldQuote | None]) -> dict[str, float]:
    right = wrong = named_right = named = 0
    misses: list[str] = []
    for quote in quotes:
        gold = match[quote.id]
        if gold is None:
            continue
        said = quote.speaker.name if quote.speaker else None
        ok = (said or "").casefold() == (gold.speaker or "").casefold()
        right, wrong = right + ok, wrong + (not ok)
        if gold.speaker is not None:
            named, named_right = named + 1, named_right + ok
        if not ok:
            misses.append(f"    {quote.text[:50]!r}: got {said!r}, gold {gold.speaker!r}")
    named_share = _ratio(named_right, named)
    print(
        f"speaker       accuracy {_ratio(right, right + wrong)}  (quotes with a gold speaker: {named_share})"
    )
    print("\n".join(misses))
    return {
        "speaker_accuracy": _share(right, right + wrong),
        "speaker_accuracy_named": _share(named_right, named),
    }


def merge_report(
    story: Briefing, gold: list[GoldQuote], match: dict[str, GoldQuote | None]
) -> dict[str, float]:
    gold_pairs = {
        _pair(a.key, b.key)
        for a, b in itertools.combinations([g for g in gold if g.full and g.statement], 2)
        if a.statement == b.statement
    }
    predicted: set[tuple[str, str]] = set()
    for statement in story.statements:
        keys = {g.key for g in (match[qid] for qid in statement.quote_ids) if g is not None and g.full}
        predicted.update(_pair(a, b) for a, b in itertools.combinations(sorted(keys), 2))
    true = predicted & gold_pairs
    _line("merge pairs", len(true), len(predicted), len(true), len(gold_pairs))
    print(f"              {len(predicted - gold_pairs)} false merges, {len(story.statements)} statements")
    for pair in sorted(predicted - gold_pairs):
        print(f"    false merge: {pair}")
    return {
        "merge_precision": _share(len(true), len(predicted)),
        "merge_recall": _share(len(true), len(gold_pairs)),
        # A ceiling of zero, written as a floor: any false merge drops it from 1.0 to 0.0.
        "no_false_merges": 0.0 if predicted - gold_pairs else 1.0,
    }


def _gold_of(quote: Quote, gold: list[GoldQuote]) -> GoldQuote | None:
    for entry in gold:
        if entry.article_id == quote.article_id and any(
            quote.start < end and start < quote.end for start, end in entry.spans
        ):
            return entry
    return None


def _same(quote: Quote, article_id: str, span: tuple[int, int]) -> bool:
    return quote.article_id == article_id and quote.text.strip(_TRIM) == _text_at(quote, span)


def _text_at(quote: Quote, span: tuple[int, int]) -> str | None:
    offset = span[0] - quote.start
    if offset < 0:
        return None
    return quote.text[offset : offset + span[1] - span[0]].strip(_TRIM) if offset == 0 else None


def _line(label: str, right: int, predicted: int, found: int, gold: int) -> None:
    print(f"{label:<13} precision {_ratio(right, predicted)}  recall {_ratio(found, gold)}")


def _pair(first: str, second: str) -> tuple[str, str]:
    return (first, second) if first <= second else (second, first)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else math.nan


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:6.1%} ({part}/{whole})" if whole else "   n/a (0/0)"


# --- throughput -----------------------------------------------------------------------------------


def throughput(articles: list[Article], repeat: int) -> None:
    sentences = sum(len(article.sentences) for article in articles) * repeat
    story = story_of(articles)
    started = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            analysis = story.analysis(article.id)
            attribute_quotes(article.text, analysis.sentences, analysis.names)
    elapsed = time.perf_counter() - started
    print(
        f"\n== throughput: {len(articles) * repeat} articles, {sentences} sentences in {elapsed:.2f}s"
        f" = {sentences / elapsed:,.0f} sentences/s (quotes and speakers on analysed text, one core)"
    )
    started = time.perf_counter()
    quotes_stage(story)
    print(f"   whole quotes_stage on {len(articles)} articles: {time.perf_counter() - started:.3f}s")


if __name__ == "__main__":
    sys.exit(main())
