"""The story stage: quotes and statements in a briefing that passes the offset checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dossier.briefing import Briefing
from dossier.demo import demo_paths, gold_path
from dossier.pipeline import read_articles, run_story
from dossier.quotes import quote_id, quotes_stage
from dossier.render import to_json
from dossier.render.schema import check_offsets, validate
from dossier.segment import segmented_article
from reading import analyzed_story

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"


def story_of(paths: list[str]) -> Briefing:
    read = read_articles(paths)
    return quotes_stage(run_story(analyzed_story(articles=read.articles)))


@pytest.fixture(scope="module")
def velm() -> Briefing:
    return story_of([str(FIXTURES / "velm_strike_a.txt"), str(FIXTURES / "velm_strike_b.txt")])


@pytest.fixture(scope="module")
def demo() -> Briefing:
    return story_of([str(path) for path in demo_paths()])


def test_every_quote_and_speaker_span_checks_out(velm: Briefing, demo: Briefing) -> None:
    for story in (velm, demo):
        data = json.loads(to_json(story))
        validate(data)
        check_offsets(data)
        for quote in story.quotes:
            assert quote.text == story.article(quote.article_id).text[quote.start : quote.end]
            assert quote.id == quote_id(quote.article_id, quote.start, quote.end)


def test_full_quotes_have_statements_and_partial_quotes_never_do(velm: Briefing) -> None:
    assert velm.quotes
    for quote in velm.quotes:
        assert (quote.statement_id is not None) == (quote.kind == "full")
    listed = {qid for statement in velm.statements for qid in statement.quote_ids}
    assert listed == {quote.id for quote in velm.quotes if quote.kind == "full"}


def test_the_same_statement_in_two_articles_is_merged(velm: Briefing) -> None:
    multi = [s for s in velm.statements if len(s.article_ids) == 2]
    speakers = sorted(s.speaker_name or "" for s in multi)
    # Vask's two-piece quote, Marrow's talks and reopening lines, Vask's rail-yard warning.
    assert speakers == ["Ilse Marrow", "Ilse Marrow", "Teodor Vask", "Teodor Vask"]


def test_same_run_same_bytes(velm: Briefing) -> None:
    again = story_of([str(FIXTURES / "velm_strike_a.txt"), str(FIXTURES / "velm_strike_b.txt")])
    assert to_json(again) == to_json(velm)


def _gold_statement_of(demo: Briefing) -> dict[str, str | None]:
    """Gold statement label of each predicted full quote, matched by overlapping text."""
    gold: dict[str, Any] = json.loads(gold_path().read_text(encoding="utf-8"))
    by_file = {Path(article.source).name: article for article in demo.articles}
    labels: dict[str, str | None] = {}
    for entry in gold["quotes"]:
        article = by_file[entry["article"]]
        for piece in [entry["text"], *entry.get("continuation", [])]:
            at = article.text.find(piece.strip(" ,."))
            for quote in demo.quotes:
                if quote.article_id == article.id and quote.start <= at < quote.end:
                    labels[quote.id] = entry.get("statement") or f"solo:{entry['text']}"
    return labels


def test_demo_statements_have_no_false_merges_and_find_the_gold_groups(demo: Briefing) -> None:
    labels = _gold_statement_of(demo)
    for statement in demo.statements:
        # Quotes the gold file does not annotate (None) can't witness a false merge.
        found = {labels.get(qid) for qid in statement.quote_ids} - {None}
        assert len(found) <= 1, f"false merge: {found}"
    for name in ("falk-river-border", "rheda-three-hundred-years", "rheda-reservoir-low"):
        statements = {
            quote.statement_id
            for quote in demo.quotes
            if labels.get(quote.id) == name and quote.kind == "full"
        }
        assert len(statements) == 1, name


def test_a_syndicated_copy_does_not_add_a_source(demo: Briefing) -> None:
    duplicates = {article.id for article in demo.articles if article.duplicate_of}
    assert duplicates
    for statement in demo.statements:
        assert not set(statement.article_ids) & duplicates or len(statement.article_ids) == 1


def test_a_story_without_quotes_gets_empty_lists() -> None:
    story = quotes_stage(analyzed_story(articles=()))
    assert story.quotes == () and story.statements == ()


#: One statement as five outlets run it: credited at the cue, after a colon, with an ellipsis, as a
#: paragraph of its own with no credit, and credited to an unnamed official.
_FIVE_OUTLETS = (
    'Mayor Dana Quill spoke at the Kelport quay on Monday. "We will not sign anything that leaves the night '
    'crews without a lifeboat, and we have said so twice," Quill said.',
    "Kelport's mayor was blunt on Monday. Dana Quill said: \"We will not sign anything that leaves the night "
    'crews without a lifeboat, and we have said so twice."',
    'The talks stalled on Monday. "We will not sign anything ... and we have said so twice," '
    "Mayor Dana Quill said of the lifeboat clause.",
    "The harbour talks broke up on Monday.\n\n"
    '"We will not sign anything that leaves the night crews without a lifeboat, and we have said so twice."'
    "\n\nThe board will meet again on Friday.",
    'A senior harbour official put it plainly on Monday: "We will not sign anything that leaves the night '
    'crews without a lifeboat, and we have said so twice."',
)


def test_one_quote_run_five_ways_by_five_outlets_is_one_statement() -> None:
    articles = tuple(segmented_article(text, source=f"outlet{n}.txt") for n, text in enumerate(_FIVE_OUTLETS))
    story = quotes_stage(analyzed_story(articles=articles))
    full = [q for q in story.quotes if q.kind == "full"]
    assert len({q.article_id for q in full}) == 5
    merged = [s for s in story.statements if len(s.article_ids) > 1]
    assert len(merged) == 1
    assert len(merged[0].article_ids) == 5
