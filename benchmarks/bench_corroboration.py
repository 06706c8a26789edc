"""Corroboration: do briefing sentences cite every article that reports the same event, and only those?

Data: ECB+ (``../shared/data/ecbplus``), whose annotators tied mentions of one
real-world event across the documents of a topic (``CROSS_DOC_COREF`` on
actions, see :mod:`corpora.ecbplus_events`). Each subtopic (one topic's ECB
half, or its ECB+ half) is briefed as one story with the default pipeline,
each document its own outlet.

For every summary line and every issue line, the events of the sentence it
quotes (its first citation) are looked up; a line whose sentence mentions no
cross-document event is not scored. The gold articles of a line are the
other documents of the story that mention one of those events; the cited
articles are the line's other citations. Scores, micro-averaged over lines:

- ``citation_precision``: cited articles that are gold;
- ``citation_recall``: gold articles that are cited;
- ``sentence_precision``: a stricter precision, on the cited sentences that
  ECB+ annotates with some event: the share that mention one of the line's
  events themselves (not only elsewhere in their article);
- ``shared_not_exclusive``: of the story's readable sentences that one
  document alone carries word for word but whose event another document
  mentions, the share the coverage stage does *not* call exclusive (1.0: no
  sentence is wrongly called exclusive). Coverage shows at most three
  exclusives per outlet, so this is the honest-exclusive rate over every
  sentence that could have been shown.

Also printed, not pinned: ``exclusive_precision``, the share of the shown
exclusives (with an annotated event) that no other document mentions.

ECB+ annotates only some sentences of each document, so a document can report
an event in a sentence no one annotated: recall is measured against a lower
bound of the truth, and precision may be understated a little.

Topics 1-35 are for development (``--topics dev``); 36-45 are held out and
carry the floors (``ecbplus-36-45.*`` in ``benchmarks/floors.json``).

Quote merging: pairs made at run time from PolNeAR train quotations
(:mod:`quote_pairs`: one quote as written against the same quote with its
punctuation changed, an ellipsis, truncated, or run into a different lead-in;
and negatives, two different quotes given to one speaker) are each merged by
the quotes stage's merger (with the ``--encoder``'s meaning-aware similarity,
as the pipeline does). ``merge_precision`` and ``merge_recall`` are scored
over pairs; the share merged per perturbation kind is printed. The merger was
developed on the train split's pairs (printed, not pinned); the floors are on
the dev split's pairs (data ``polnear-dev-quotes``), made the same way.

Usage: ``.venv/bin/python benchmarks/bench_corroboration.py [--topics heldout|dev] [--encoder static]
[--part all|events|quotes] [--check] [--update-floors]``
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpora.ecbplus_events import EventDocument, read_event_document, subtopics
from corpora.polnear import annotation_path, text_paths
from dossier.briefing import Briefing, Citation, CitedText
from dossier.embed import get_encoder
from dossier.pipeline import Options, read_articles, run_story, story_of
from dossier.quotes.merge import Utterance, group_statements
from dossier.quotes.semantic import semantic_similarity
from dossier.story import Story
from floors import Measured, add_floor_arguments, apply_floor_flags, data_digest
from quote_pairs import quote_pairs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ecbplus"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
BENCHMARK = "corroboration"
TOPICS = {"dev": range(1, 36), "heldout": range(36, 46)}
DATA_NAMES = {"dev": "ecbplus-1-35", "heldout": "ecbplus-36-45"}


@dataclass(slots=True)
class Tally:
    """Counts summed over lines and exclusives."""

    cited_right: int = 0
    cited: int = 0
    gold: int = 0
    lines: int = 0
    sentences_right: int = 0
    sentences: int = 0
    exclusives_right: int = 0
    exclusives: int = 0
    shared_sentences: int = 0
    misses: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        return {
            "citation_precision": _ratio(self.cited_right, self.cited),
            "citation_recall": _ratio(self.cited_right, self.gold),
            "sentence_precision": _ratio(self.sentences_right, self.sentences),
            "shared_not_exclusive": 1.0
            - _ratio(self.exclusives - self.exclusives_right, self.shared_sentences),
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")


def brief_subtopic(documents: Sequence[EventDocument], options: Options) -> tuple[Story, dict[str, int]]:
    """The briefed story of one subtopic, and which document each article came from."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "subtopic.jsonl"
        rows = [json.dumps({"text": d.document.text, "outlet": d.name}) for d in documents]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        read = read_articles([str(path)], options=options)
    index = {d.name: n for n, d in enumerate(documents)}
    origin = {a.id: index[a.outlet] for a in read.articles if a.outlet in index}
    return run_story(story_of(read.articles, options=options), options), origin


def score_story(
    story: Story, documents: Sequence[EventDocument], origin: dict[str, int], tally: Tally
) -> None:
    briefing = story.briefing()
    if story.pool is not None:
        for candidate in story.pool.candidates:
            if candidate.readable and len(candidate.article_ids) == 1:
                found = _events_and_gold(candidate.citations[0], briefing, documents, origin)
                tally.shared_sentences += found is not None and bool(found[1])
    score_lines(briefing_lines(briefing), briefing, documents, origin, tally)
    if briefing.coverage is None:
        return
    for exclusive in briefing.coverage.exclusives:
        found = _events_and_gold(exclusive.citations[0], briefing, documents, origin)
        if found is None:
            continue
        tally.exclusives += 1
        tally.exclusives_right += not found[1]


def briefing_lines(briefing: Briefing) -> list[CitedText]:
    """The lines scored: the summary's and every issue's."""
    return [*briefing.summary, *(line for issue in briefing.issues for line in issue.summary)]


def score_lines(
    lines: Sequence[CitedText],
    briefing: Briefing,
    documents: Sequence[EventDocument],
    origin: dict[str, int],
    tally: Tally,
) -> None:
    """Add each line's citations to ``tally`` (``scripts/train_fact_match.py`` scores its folds so too)."""
    for line in lines:
        found = _events_and_gold(line.citations[0], briefing, documents, origin)
        if found is None:
            continue
        own, gold, events = found
        cited = {origin[c.article_id] for c in line.citations[1:] if c.article_id in origin} - {own}
        for citation in line.citations[1:]:
            other = _sentence_events(citation, briefing, documents, origin)
            if other is not None and other[0] != own and other[1]:
                tally.sentences += 1
                tally.sentences_right += bool(other[1] & events)
        tally.lines += 1
        tally.cited += len(cited)
        tally.cited_right += len(cited & gold)
        tally.gold += len(gold)
        if gold - cited:
            tally.misses.append(f"{documents[own].name}: {line.text[:90]!r} misses {len(gold - cited)}")


def _events_and_gold(
    citation: Citation, briefing: Briefing, documents: Sequence[EventDocument], origin: dict[str, int]
) -> tuple[int, set[int], frozenset[str]] | None:
    """The document a citation quotes, the other documents sharing its sentence's events, and the events."""
    found = _sentence_events(citation, briefing, documents, origin)
    if found is None or not found[1]:
        return None
    own, events = found
    gold = {n for n, other in enumerate(documents) if n != own and other.all_events() & events}
    return own, gold, events


def _sentence_events(
    citation: Citation, briefing: Briefing, documents: Sequence[EventDocument], origin: dict[str, int]
) -> tuple[int, frozenset[str]] | None:
    """The document a citation quotes and the events ECB+ marks in the sentences it covers."""
    own = origin.get(citation.article_id)
    if own is None:
        return None
    text = briefing.article(citation.article_id).text[citation.start : citation.end]
    document = documents[own]
    at = document.document.text.find(text)
    if at < 0:
        return None
    return own, document.events_in(at, at + len(text))


def measure(part: str, options: Options, *, show_misses: int = 0) -> Measured:
    groups = subtopics(DATA, TOPICS[part])
    tally = Tally()
    files: list[Path] = []
    for _, paths in sorted(groups.items()):
        if len(paths) < 2:
            continue
        files.extend(paths)
        documents = [read_event_document(path) for path in paths]
        story, origin = brief_subtopic(documents, options)
        score_story(story, documents, origin, tally)
    for miss in tally.misses[:show_misses]:
        print("  missed:", miss)
    print(
        f"{DATA_NAMES[part]}: {tally.lines} lines scored; {tally.exclusives} exclusives scored, "
        f"{tally.exclusives - tally.exclusives_right} of them wrongly (exclusive_precision "
        f"{_ratio(tally.exclusives_right, tally.exclusives):.4f}); "
        f"{tally.shared_sentences} sentences carried by one document but reported by others"
    )
    return Measured(DATA_NAMES[part], data_digest(files), tally.metrics())


def measure_quotes(encoder: str, split: str) -> Measured:
    """Statement merging on perturbed quote pairs of one PolNeAR split (see the module docstring)."""
    folder = POLNEAR / split
    similarity = semantic_similarity(get_encoder(encoder))
    merged: Counter[tuple[str, bool]] = Counter()
    total: Counter[str] = Counter()
    for pair in quote_pairs(folder):
        utterances = [
            Utterance("q1", "a1", 0, pair.first.speaker, pair.first.text),
            Utterance("q2", "a2", 1, pair.second.speaker, pair.second.text),
        ]
        groups = group_statements(utterances, similarity)
        total[pair.kind] += 1
        merged[(pair.kind, len(groups) == 1)] += 1
    positives = sum(n for kind, n in total.items() if kind != "different")
    hits = sum(n for (kind, joined), n in merged.items() if kind != "different" and joined)
    false = merged[("different", True)]
    for kind in sorted(total):
        share = merged[(kind, True)] / total[kind]
        print(f"  {kind}: {total[kind]} pairs, {share:.4f} merged")
    files = [path for path in text_paths(folder) if annotation_path(path) is not None]
    files += [p for p in (annotation_path(path) for path in files) if p is not None]
    return Measured(
        f"polnear-{split}-quotes",
        data_digest(files),
        {"merge_precision": _ratio(hits, hits + false), "merge_recall": _ratio(hits, positives)},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="corroboration of briefing sentences on ECB+")
    parser.add_argument("--topics", choices=sorted(TOPICS), default="heldout")
    parser.add_argument("--encoder", default="static")
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--part", choices=("all", "events", "quotes"), default="all")
    add_floor_arguments(parser)
    args = parser.parse_args(argv)
    if args.topics != "heldout" and (args.check or args.update_floors):
        print("bench_corroboration: floors are pinned on the held-out topics only", file=sys.stderr)
        return 2
    results: list[Measured] = []
    if args.part in ("all", "events") and DATA.is_dir():
        results.append(measure(args.topics, Options(encoder=args.encoder), show_misses=args.show_misses))
    if args.part in ("all", "quotes") and (POLNEAR / "dev").is_dir():
        print("quote merging on perturbed PolNeAR train pairs (developed on; not pinned):")
        _print(measure_quotes(args.encoder, "train"))
        print("quote merging on perturbed PolNeAR dev pairs (held out; pinned):")
        results.append(measure_quotes(args.encoder, "dev"))
    if not results:
        print(f"bench_corroboration: {DATA} and {POLNEAR} are absent; nothing to measure", file=sys.stderr)
        return 2
    for measured in results:
        _print(measured)
    status, lines = apply_floor_flags(args, BENCHMARK, results)
    if lines:
        print("\n== quality floors\n" + "\n".join(lines))
    return status


def _print(measured: Measured) -> None:
    for name, value in sorted(measured.metrics.items()):
        print(f"  {measured.data}.{name}: {value:.4f}")


if __name__ == "__main__":
    sys.exit(main())
