"""Cross-document entity coreference on ECB+: our recognizer and canonicalizer against "same string".

Usage::

    .venv/bin/python benchmarks/bench_coref.py [--topics test|dev|train|all|1-35] [--text full|validated]
        [--model NAME_OR_PATH]

For every topic, each document is turned back into text (tokens joined with
ordinary spacing, one line per sentence) and the topic's documents go through
:func:`dossier.pipeline.analyses` and :func:`dossier.entities.link_entities` as one story.
Gold: the entity mentions
of ECB+ (human and non-human participants, locations) in the validated
sentences of ``ECBplus_coreference_sentences.csv``, chained by their
``CROSS_DOC_COREF`` instance (or ``INTRA_DOC_COREF`` chain; any other mention
is a singleton).

A predicted mention is aligned to the shortest gold mention whose head token
(its last word before "of", a comma, a relative pronoun...) it covers, one to
one. Scores are computed on the aligned mentions only, so they measure the
linking, not the recognition (how much of the gold is aligned is printed
next to them): MUC, B³ and CEAF-e precision/recall/F1 and the CoNLL average,
for our entities and for the baseline that puts two mentions together when
their text is the same (case-folded), on exactly the same mentions.

What the gold holds and what is scored. ECB+ marks every participant and
location in the validated sentences: names ("Ana Roe", "Lisk"), common nouns
("the suspect", "the city") and pronouns ("he", "they"); on topics 1-35
about 2,400 of the 5,380 have a capitalised head, and dossier recognizes
names only (it links no pronoun and only the "the minister" kind of common
noun), so about 83% of those name mentions are aligned and almost none of
the others. Scoring on aligned mentions keeps what dossier does not try to
recognize out of the linking figures; the aligned share is printed.

Mentions in no coreference relation. The README of ECB+ says the
cross-document links were made for the participants of the topic's two
seminal events; a mention the annotators put in no relation (here a
singleton of its own) is unlinked rather than known to stand alone, and the
same "FBI" or "Washington Post" in seven documents is then seven gold
entities. Joining them, as a reader would, costs MUC, B³ and above all
CEAF-e precision. The rows "ours, linked" and "same, linked" score the same
runs on the aligned mentions whose gold mention is in a relation only; the
floors and the headline figure stay on all aligned mentions ("ours").

``--text full`` (default) lets the system read whole documents, as it would
in use, and scores only the validated sentences; ``--text validated`` feeds
it the validated sentences alone. Test topics 36-45, dev topics 2, 5, 12, 18,
21, 23, 34, 35 (the split of Cybulska & Vossen 2015). Linking rules were
tuned on topics 1-35 (``--topics train``) only; 36-45 are held out. Needs ``../shared``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import floors
from corpora.ecbplus import Document, read_document, read_validated
from dossier.article import Article, Span
from dossier.entities import link_entities
from dossier.errors import UsageError
from dossier.nlp import DEFAULT_MODEL, Backbone, load
from dossier.pipeline import Options, analyses
from metrics.coref import Score, conll_f1
from metrics.ecb_linking import LinkedMention, add_scores, score_linking

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "data" / "ecbplus"
TOPICS = {
    "test": tuple(range(36, 46)),
    "dev": (2, 5, 12, 18, 21, 23, 34, 35),
    "all": tuple(range(1, 46)),
    "train": tuple(range(1, 36)),
}


def topic_list(value: str) -> tuple[str, tuple[int, ...]]:
    """A named split, or comma-separated topic numbers and ranges ("1-35", "2,5,12"), with its label."""
    if value in TOPICS:
        return value, TOPICS[value]
    topics: list[int] = []
    try:
        for part in value.split(","):
            first, _, last = part.partition("-")
            topics.extend(range(int(first), int(last or first) + 1))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r}: give {', '.join(sorted(TOPICS))}, or topic numbers and ranges such as 1-35"
        ) from None
    return value, tuple(topics)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--topics",
        type=topic_list,
        default="test",
        help="test (36-45), dev, all, train (1-35: what linking was tuned on) or numbers and ranges: 1-5,9",
    )
    parser.add_argument("--text", choices=("full", "validated"), default="full")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="the spaCy pipeline that reads the documents")
    floors.add_floor_arguments(parser)
    args = parser.parse_args(argv)
    if (args.check or args.update_floors) and (args.topics[0], args.text) != ("test", "full"):
        sys.stderr.write("floors are pinned on --topics test --text full only\n")
        return 2
    try:
        backbone = load(args.model)
    except UsageError as error:
        sys.stderr.write(f"--model {args.model}: {error}\n")
        return 2
    index = ECB / "ECBplus_coreference_sentences.csv"
    if not index.is_file():
        sys.stderr.write(f"{ECB}: ECB+ corpus not found; this benchmark needs ../shared/data/ecbplus\n")
        return 2
    validated = read_validated(index)
    totals: dict[str, dict[str, Score]] = {"ours": {}, "same string": {}}
    counts: defaultdict[str, int] = defaultdict(int)
    started = time.perf_counter()
    sentences = 0
    for topic in args.topics[1]:
        folder = ECB / "ECB+" / str(topic)
        if not folder.is_dir():
            continue  # topics 15 and 17 are not in the release
        documents = [
            read_document(path, validated.get(path.stem, frozenset()) if args.text == "validated" else None)
            for path in sorted(folder.glob("*.xml"))
        ]
        sentences += sum(len(d.sentences) for d in documents)
        add_scores(totals, score_topic(documents, validated, counts, backbone))
    elapsed = time.perf_counter() - started
    report(args, totals, counts)
    print(
        f"time: {elapsed:.1f} s for {sentences} sentences ({sentences / elapsed:,.0f} sentences/s, one core)"
    )
    status, lines = floors.apply_floor_flags(args, "coref", [measured(totals["ours"], args.topics[1])])
    for line in lines:
        print(line)
    return status


def measured(scores: dict[str, Score], topics: Sequence[int]) -> floors.Measured:
    """Our scores as floor metrics, on the ECB+ files of ``topics`` and the sentence index."""
    paths = [ECB / "ECBplus_coreference_sentences.csv"]
    for topic in topics:
        paths.extend(sorted((ECB / "ECB+" / str(topic)).glob("*.xml")))
    metrics = {f"{name}_f1": scores[name].f1 for name in ("muc", "b3", "ceafe")}
    metrics["conll_f1"] = conll_f1(scores)
    return floors.Measured("ecbplus-test", floors.data_digest(paths), metrics)


def measure_held_out(backbone: Backbone | None = None) -> floors.Measured:
    """Our scores on the held-out topics 36-45, full text read: what floors.json pins."""
    validated = read_validated(ECB / "ECBplus_coreference_sentences.csv")
    totals: dict[str, dict[str, Score]] = {}
    counts: defaultdict[str, int] = defaultdict(int)
    for topic in TOPICS["test"]:
        documents = [read_document(path) for path in sorted((ECB / "ECB+" / str(topic)).glob("*.xml"))]
        add_scores(totals, score_topic(documents, validated, counts, backbone))
    return measured(totals["ours"], TOPICS["test"])


def score_topic(
    documents: Sequence[Document],
    validated: dict[str, frozenset[int]],
    counts: defaultdict[str, int],
    backbone: Backbone | None = None,
) -> dict[str, dict[str, Score]]:
    """Link one topic's documents as a story; score ours and the baseline on the aligned mentions."""
    articles = [
        Article(
            id=d.name, source=d.name, text=d.text, sentences=tuple(Span(s.start, s.end) for s in d.sentences)
        )
        for d in documents
    ]
    entities = link_entities(articles, analyses(articles, options=Options(model=backbone or DEFAULT_MODEL)))
    predicted = (
        LinkedMention(citation.article_id, citation.start, citation.end, entity.id)
        for entity in entities
        for citation in entity.mentions
    )
    return score_linking(documents, validated, predicted, counts)


def report(args: argparse.Namespace, totals: dict[str, dict[str, Score]], counts: dict[str, int]) -> None:
    gold, aligned, predicted = counts["gold mentions"], counts["aligned"], counts["predicted mentions"]
    print(
        f"ECB+ entity coreference, {args.topics[0]} topics, system reads {args.text} text, model {args.model}"
    )
    print(
        f"  gold entity mentions in validated sentences: {gold}; aligned to a predicted mention:"
        f" {aligned} ({aligned / max(gold, 1):.1%}); predicted mentions there: {predicted}"
        f" ({predicted - aligned} not aligned); aligned to a gold mention in a coreference relation:"
        f" {counts['aligned in a gold relation']}"
    )
    print(f"  {'system':<12} {'MUC P/R/F1':<20} {'B3 P/R/F1':<20} {'CEAF-e P/R/F1':<20} CoNLL F1")
    for system, scores in totals.items():
        cells = [
            f"{s.precision:.3f}/{s.recall:.3f}/{s.f1:.3f}".ljust(20)
            for s in (scores["muc"], scores["b3"], scores["ceafe"])
        ]
        print(f"  {system:<12} {' '.join(cells)} {conll_f1(scores):.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
