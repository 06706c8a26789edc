"""One side of ``compare_backbone.py``: run one evaluation with the dossier found on ``sys.path``.

Usage (``compare_backbone.py`` runs this; by hand, put a tree's ``src`` first)::

    PYTHONPATH=<tree>/src:benchmarks python benchmarks/backbone_side.py --eval wikiann \\
        --api auto|analyze|legacy [--limit N] [--seed S] [--shared ../shared]

Writes one JSON object to stdout: ``{"available": true, "api": ..., "figures":
{...}, "seconds": ...}``, or ``{"available": false, "reason": ...}`` when the
tree lacks the API asked for. Everything else (logs) goes to stderr.

An adapter per API reads texts into sentences and typed mentions:

- ``analyze``: the spaCy backbone, ``dossier.analyze.analyze_texts(texts)``;
- ``legacy``: today's ``dossier.segment.split_sentences`` and
  ``dossier.entities.recognize.recognize``;
- ``auto``: legacy where it exists, else analyze (for an old commit).

Quotes (PolNeAR) and coreference (ECB+) go through the public API that both
trees have (``dossier.brief``; ``link_entities`` or the story stages), after
checking that the asked API exists, so a tree without the backbone reports
"unavailable" for every evaluation of the new side.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from corpora import ecbplus, gmb, polnear, wikiann
from corpora.alignment import Alignment
from corpora.tokens import Sentence, TokenText, join_tokens
from metrics.boundaries import BoundaryCounts, count_boundaries, gold_boundaries, predicted_boundaries
from metrics.coref import Score, conll_f1
from metrics.ecb_linking import LinkedMention, add_scores, score_linking
from metrics.ner import count_matches, entity_spans, prf, scores_from_counts
from metrics.speakers import PredictedQuote, SpeakerCounts, score_document

logger = logging.getLogger("backbone_side")

ROOT = Path(__file__).resolve().parent.parent
EVALS = ("wikiann", "gmb", "ecb-ner", "ecb-sentences", "polnear-quotes", "ecb-coref")
#: The test topics of bench_coref.py (Cybulska & Vossen 2015).
ECB_TEST_TOPICS = tuple(range(36, 46))
#: Scored entity types: the three every data set annotates; "other" is left out on both sides.
SCORED_TYPES = ("person", "organization", "place")
DEFAULT_SEED = 13

#: Ratios are floats, counts ints (the table prints them differently).
Figures = dict[str, float | int]
T = TypeVar("T")


class UnavailableError(Exception):
    """The tree lacks the API this side was asked to use."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What a backbone found in one text: sentence spans and ``(start, end, type)`` mentions."""

    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class Backbone:
    api: str
    read: Callable[[Sequence[str]], list[Reading]]


def backbone(api: str) -> Backbone:
    """The adapter for ``api``: "analyze", "legacy", or "auto" (legacy when it exists)."""
    if api == "analyze":
        return _analyze_backbone()
    if api == "legacy":
        return _legacy_backbone()
    try:
        return _legacy_backbone()
    except UnavailableError:
        return _analyze_backbone()


def _analyze_backbone() -> Backbone:
    module = _import("dossier.analyze")
    analyze_texts = module.analyze_texts

    def read(texts: Sequence[str]) -> list[Reading]:
        return [
            Reading(
                tuple((s.start, s.end) for s in analysis.sentences),
                tuple((m.start, m.end, str(m.type)) for m in analysis.names),
            )
            for analysis in analyze_texts(list(texts))
        ]

    return Backbone("analyze", read)


def _legacy_backbone() -> Backbone:
    split_sentences = _import("dossier.segment").split_sentences
    recognize = _import("dossier.entities.recognize").recognize

    def read(texts: Sequence[str]) -> list[Reading]:
        readings: list[Reading] = []
        for text in texts:
            sentences = split_sentences(text)
            mentions = recognize(text, sentences)
            readings.append(
                Reading(
                    tuple((s.start, s.end) for s in sentences),
                    tuple((m.start, m.end, str(m.type)) for m in mentions),
                )
            )
        return readings

    return Backbone("legacy", read)


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise UnavailableError(f"{name} not found ({error})") from error


def sample(items: Sequence[T], limit: int, seed: int) -> list[T]:
    """``limit`` items drawn with a fixed seed, in their original order (all of them when limit is 0)."""
    if limit <= 0 or limit >= len(items):
        return list(items)
    chosen = sorted(random.Random(seed).sample(range(len(items)), limit))
    return [items[i] for i in chosen]


# --- named entities --------------------------------------------------------------------------------------


def ner_on_sentences(side: Backbone, sentences: Sequence[Sentence]) -> Figures:
    """Exact span + type scores on tokenised sentences, each read as its own text."""
    texts = [join_tokens(s.words) for s in sentences]
    counts: Counter[tuple[str, str]] = Counter()
    for text, sentence, reading in zip(texts, sentences, side.read([t.text for t in texts]), strict=True):
        count_matches(
            counts, scored(text.char_spans(entity_spans(sentence.tags))), scored(set(reading.mentions))
        )
    return ner_figures(counts, units=len(sentences))


def scored(spans: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    return {span for span in spans if span[2] in SCORED_TYPES}


def ner_figures(counts: Counter[tuple[str, str]], units: int) -> Figures:
    figures: Figures = {"units": units}
    scores = scores_from_counts(counts)
    for kind in (*SCORED_TYPES, "all"):
        row = scores.get(kind, prf(0, 0, 0))
        for measure in ("precision", "recall", "f1", "support"):
            figures[f"{kind}.{measure}"] = row[measure]
    return figures


_ECB_TYPES = {"HUMAN_PART_PER": "person", "HUMAN_PART_ORG": "organization", "LOC_GEO": "place"}


def ecb_documents(shared: Path, limit: int, seed: int) -> tuple[list[Path], dict[str, frozenset[int]]]:
    root = shared / "data" / "ecbplus"
    paths = [p for topic in ECB_TEST_TOPICS for p in sorted((root / "ECB+" / str(topic)).glob("*.xml"))]
    validated = ecbplus.read_validated(root / "ECBplus_coreference_sentences.csv")
    return sample(paths, limit, seed), validated


def ecb_ner(side: Backbone, shared: Path, limit: int, seed: int) -> Figures:
    """Proper-name mentions of people, organizations and places in the validated sentences of ECB+ test."""
    paths, validated = ecb_documents(shared, limit, seed)
    documents = [ecbplus.read_document(path) for path in paths]
    texts = [join_tokens(d.words) for d in documents]
    counts: Counter[tuple[str, str]] = Counter()
    for document, text, reading in zip(documents, texts, side.read([t.text for t in texts]), strict=True):
        kept = validated.get(document.name, frozenset())
        starts_in_kept = {
            text.offsets[i][0] for i, sentence in enumerate(document.token_sentences) if sentence in kept
        }
        gold = {
            (*text.char_span(*name), _ECB_TYPES[m.tag])
            for m in document.mentions
            if m.tag in _ECB_TYPES
            and document.token_sentences[m.tokens[0]] in kept
            and (name := proper_name(document.words, m.tokens)) is not None
        }
        predicted = {
            m for m in scored(set(reading.mentions)) if _first_token_start(text, m[0]) in starts_in_kept
        }
        count_matches(counts, gold, predicted)
    return ner_figures(counts, units=len(documents))


def proper_name(words: Sequence[str], tokens: Sequence[int]) -> tuple[int, int] | None:
    """The token range from the first to the last capitalised word of a mention, None when it has none.

    ECB+ mentions carry their descriptors ("boss Steven Moffat", "12th Time
    Lord"); a recognizer marks the name, so the name is the gold span.
    """
    capitalised = [i for i in tokens if words[i][:1].isupper()]
    if not capitalised:
        return None
    return capitalised[0], capitalised[-1] + 1


def _first_token_start(text: TokenText, start: int) -> int:
    """The start of the token holding character ``start`` (mentions are scored in their sentence)."""
    for token_start, token_end in text.offsets:
        if token_start <= start < token_end or start < token_start:
            return token_start
    return -1


def ecb_sentences(side: Backbone, shared: Path, limit: int, seed: int) -> Figures:
    """Sentence boundary P/R/F1 on whole ECB+ test documents (tokens joined by spaces)."""
    paths, _ = ecb_documents(shared, limit, seed)
    documents = [ecbplus.read_document(path) for path in paths]
    texts = [join_tokens(d.words) for d in documents]
    total = BoundaryCounts()
    for document, text, reading in zip(documents, texts, side.read([t.text for t in texts]), strict=True):
        found, inside = predicted_boundaries(text.offsets, (start for start, _ in reading.sentences))
        total += count_boundaries(gold_boundaries(document.token_sentences), found, inside)
    row = prf(total.true_positives, total.false_positives, total.false_negatives)
    return {
        "units": len(documents),
        "boundary.precision": row["precision"],
        "boundary.recall": row["recall"],
        "boundary.f1": row["f1"],
        "gold boundaries": row["support"],
        "starts inside a token": total.inside_token,
    }


# --- quotes ----------------------------------------------------------------------------------------------


def polnear_quotes(side: Backbone, shared: Path, limit: int, seed: int) -> Figures:
    """Quote recall and speaker accuracy on PolNeAR dev, through ``dossier.brief`` on a copy of each text."""
    brief = _import("dossier").brief
    paths = sample(polnear.text_paths(shared / "data" / "polnear" / "dev"), limit, seed)
    total = SpeakerCounts()
    tallies: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="polnear-") as folder:
        for path in paths:
            document = polnear.read_document(path)
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            try:
                briefing = brief([str(copy)])
            except (
                Exception
            ) as error:  # a tree's own error types differ; one bad article must not stop the run
                logger.warning("%s: brief failed: %s", path.name, error)
                tallies["documents failed"] += 1
                continue
            predicted = predicted_quotes(briefing, document.text, tallies)
            total += score_document(document.text, polnear.direct_quotes(document), predicted)
    return speaker_figures(total, tallies, len(paths))


def predicted_quotes(briefing: Any, raw: str, tallies: Counter[str]) -> list[PredictedQuote]:
    """The briefing's quotes in raw-text offsets; spans that cannot be placed are counted, not kept."""
    article = briefing.articles[0]
    alignment = Alignment(article.text, raw)
    found: list[PredictedQuote] = []
    for quote in briefing.quotes:
        tallies["predicted quotes"] += 1
        span = alignment.span(quote.start, quote.end)
        if span is None:
            tallies["unaligned quote spans"] += 1
            continue
        speaker = quote.speaker
        speaker_span = None
        if speaker is not None:
            tallies["predicted speakers"] += 1
            # The words the quote's sentence names the speaker by, when the briefing gives them ("the
            # governor said"): PolNeAR's source is that mention, not the name it refers to.
            start = getattr(speaker, "cue_start", None)
            end = getattr(speaker, "cue_end", None)
            if start is None or end is None:
                start, end = speaker.start, speaker.end
            speaker_span = alignment.span(start, end) if speaker.article_id == article.id else None
            if speaker_span is None:
                tallies["unaligned speaker spans"] += 1
        resolution = getattr(speaker, "resolution", None)
        found.append(PredictedQuote(span, speaker.name if speaker else None, speaker_span, resolution))
    return found


def speaker_figures(total: SpeakerCounts, tallies: Counter[str], units: int) -> Figures:
    named = total.correct + total.wrong + total.missing
    pronoun = total.pronoun_correct + total.pronoun_wrong + total.pronoun_missing
    figures: Figures = {
        "units": units,
        "quote recall": _ratio(total.found, total.gold),
        "speaker accuracy (named source)": _ratio(total.correct, named),
        "speaker accuracy (pronoun source)": _ratio(total.pronoun_correct, pronoun),
    }
    figures.update(asdict(total))
    for key in ("predicted quotes", "unaligned quote spans", "predicted speakers", "unaligned speaker spans"):
        figures[key] = tallies[key]
    figures["documents failed"] = tallies["documents failed"]
    return figures


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


# --- coreference -----------------------------------------------------------------------------------------


def ecb_coref(side: Backbone, shared: Path, limit: int, seed: int) -> Figures:
    """bench_coref.py's scores (full text read, validated sentences scored) on the ECB+ test topics."""
    link = _linker()
    root = shared / "data" / "ecbplus"
    validated = ecbplus.read_validated(root / "ECBplus_coreference_sentences.csv")
    totals: dict[str, dict[str, Score]] = {}
    counts: defaultdict[str, int] = defaultdict(int)
    topics = sample(ECB_TEST_TOPICS, limit, seed)
    for topic in topics:
        documents = [ecbplus.read_document(p) for p in sorted((root / "ECB+" / str(topic)).glob("*.xml"))]
        add_scores(totals, score_linking(documents, validated, link(documents), counts))
    figures: Figures = {"units": len(topics)}
    for system, scores in totals.items():
        prefix = "" if system == "ours" else f"{system} "
        for metric in ("muc", "b3", "ceafe"):
            figures[f"{prefix}{metric}.f1"] = round(scores[metric].f1, 4)
        figures[f"{prefix}conll_f1"] = round(conll_f1(scores), 4)
    for key in ("gold mentions", "predicted mentions", "aligned"):
        figures[key] = counts[key]
    return figures


def _linker() -> Callable[[Sequence[ecbplus.Document]], list[LinkedMention]]:
    """Link a topic as one story: ``link_entities`` where the tree has it, else the story stages."""
    article_module = _import("dossier.article")
    try:
        link_entities = importlib.import_module("dossier.entities").link_entities
    except (ImportError, AttributeError):
        link_entities = None

    def link(documents: Sequence[ecbplus.Document]) -> list[LinkedMention]:
        articles = [
            article_module.Article(
                id=d.name,
                source=d.name,
                text=d.text,
                sentences=tuple(article_module.Span(s.start, s.end) for s in d.sentences),
            )
            for d in documents
        ]
        pipeline = _import("dossier.pipeline")
        if link_entities is not None and hasattr(pipeline, "analyses"):
            entities = link_entities(articles, pipeline.analyses(articles))  # the spaCy backbone
        elif link_entities is not None:
            entities = link_entities(articles)
        else:
            story = _import("dossier.briefing").Briefing(articles=tuple(articles))
            entities = pipeline.run_story(story).entities
        return [LinkedMention(c.article_id, c.start, c.end, e.id) for e in entities for c in e.mentions]

    return link


# --- the command -----------------------------------------------------------------------------------------


def run(evaluation: str, side: Backbone, shared: Path, limit: int, seed: int) -> Figures:
    data = shared / "data"
    if evaluation == "wikiann":
        return ner_on_sentences(
            side, sample(wikiann.read_sentences(data / "wikiann-en" / "test"), limit, seed)
        )
    if evaluation == "gmb":
        test = gmb.split(
            gmb.read_sentences(data / "gmb-ner" / "ner_dataset.csv"), seed=gmb.TRAIN_NER_SEED
        ).test
        return ner_on_sentences(side, sample(test, limit, seed))
    if evaluation == "ecb-ner":
        return ecb_ner(side, shared, limit, seed)
    if evaluation == "ecb-sentences":
        return ecb_sentences(side, shared, limit, seed)
    if evaluation == "polnear-quotes":
        return polnear_quotes(side, shared, limit, seed)
    return ecb_coref(side, shared, limit, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval", choices=EVALS, required=True)
    parser.add_argument("--api", choices=("auto", "analyze", "legacy"), default="auto")
    parser.add_argument("--limit", type=int, default=0, help="sample this many units (0: all)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(name)s: %(message)s")
    started = time.perf_counter()
    try:
        side = backbone(args.api)
        figures = run(args.eval, side, args.shared, args.limit, args.seed)
    except UnavailableError as error:
        result: dict[str, Any] = {"available": False, "reason": str(error)}
    else:
        result = {"available": True, "api": side.api, "figures": figures}
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["dossier"] = _dossier_location()
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


def _dossier_location() -> str | None:
    try:
        return str(Path(importlib.import_module("dossier").__file__ or "").parent)
    except ImportError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
