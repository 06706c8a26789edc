"""Quality floors on the real articles in ../shared/seeds (skipped where ../shared is absent).

The gold file stores offsets into the raw seed files and a hash of each span,
never the text. The floors here are the ones measured by
``benchmarks/bench_quotes.py``; raise them when the code gets better, never lower them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from dossier.briefing import Briefing
from dossier.pipeline import read_articles, run_story, story_of
from dossier.quotes import quotes_stage
from dossier.story import Story

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT / "benchmarks" / "gold" / "seeds_quotes.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent (shared data is not checked out)"),
]

SPEAKER_FLOOR = 0.95


@pytest.fixture(scope="module")
def story() -> Story:
    paths = [str(path) for path in sorted(SEEDS.glob("*.txt"))]
    return quotes_stage(run_story(story_of(read_articles(paths).articles)))


@pytest.fixture(scope="module")
def gold(story: Briefing) -> list[tuple[dict[str, Any], str, int, int]]:
    """Each gold entry with its article id and its span in the cleaned article text."""
    entries = json.loads(GOLD.read_text(encoding="utf-8"))["quotes"]
    articles = {Path(article.source).name: article for article in story.articles}
    located = []
    for entry in entries:
        words = (SEEDS / entry["file"]).read_text(encoding="utf-8")[entry["start"] : entry["end"]]
        assert hashlib.sha1(words.encode("utf-8")).hexdigest()[:12] == entry["sha1"], entry["file"]
        article = articles[entry["file"]]
        at = article.text.find(words)
        assert at >= 0, f"{entry['file']}: gold quote not in the cleaned text"
        located.append((entry, article.id, at, at + len(words)))
    return located


def test_every_gold_quote_is_found_with_its_speaker(
    story: Briefing, gold: list[tuple[dict[str, Any], str, int, int]]
) -> None:
    right = 0
    for entry, article_id, start, end in gold:
        found = [q for q in story.quotes if q.article_id == article_id and q.start < end and start < q.end]
        assert found, f"{entry['file']}@{entry['start']}: gold quote not found"
        said = found[0].speaker.name if found[0].speaker else None
        right += (said or "").casefold() == (entry["speaker"] or "").casefold()
    assert right / len(gold) >= SPEAKER_FLOOR


def test_no_statement_merges_quotes_of_different_gold_statements(
    story: Briefing, gold: list[tuple[dict[str, Any], str, int, int]]
) -> None:
    def label(quote_id: str) -> str:
        quote = next(q for q in story.quotes if q.id == quote_id)
        for entry, article_id, start, end in gold:
            if article_id == quote.article_id and quote.start < end and start < quote.end:
                return entry["statement"] or f"{entry['file']}@{entry['start']}"
        return f"unannotated:{quote_id}"

    for statement in story.statements:
        assert len({label(qid) for qid in statement.quote_ids}) == 1
