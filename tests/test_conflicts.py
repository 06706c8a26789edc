"""Tests for dossier.conflicts: agreements, conflicts and the things that must not be called conflicts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dossier.briefing import Briefing, Conflict
from dossier.conflicts import conflicts_stage
from dossier.demo import demo_paths
from dossier.figures import figures_stage
from dossier.pipeline import mark_near_duplicates, read_articles
from dossier.render.schema import check_offsets, validate
from dossier.timeline import timeline_stage
from dossier.timex import infer_dates_stage
from figures.stories import STORY_NAMES, gold, locate, make_article, story
from reading import analyzed_story


def judged(briefing: Briefing) -> Briefing:
    return conflicts_stage(figures_stage(analyzed_story(briefing.articles)))


def claim_keys(conflict: Conflict) -> set[tuple[str, int, int]]:
    return {(claim.article_id, claim.start, claim.end) for claim in conflict.claims}


@pytest.mark.parametrize("name", STORY_NAMES)
def test_annotated_agreements_and_conflicts_are_found(name: str) -> None:
    briefing = story(name)
    result = judged(briefing)
    for kind, key in (("agreement", "agreements"), ("conflict", "conflicts")):
        for expected in gold(name)[key]:
            wanted = {locate(briefing, source, text) for source, text in expected["claims"]}
            assert any(c.kind == kind and wanted <= claim_keys(c) for c in result.conflicts), (
                f"{kind} missing: {expected}"
            )


@pytest.mark.parametrize("name", STORY_NAMES)
def test_no_conflict_beyond_the_annotations(name: str) -> None:
    result = judged(story(name))
    conflicts = [c for c in result.conflicts if c.kind == "conflict"]
    assert len(conflicts) == len(gold(name)["conflicts"])


@pytest.mark.parametrize("name", STORY_NAMES)
def test_parts_of_a_whole_and_qualified_counts_are_never_conflicts(name: str) -> None:
    briefing = story(name)
    result = judged(briefing)
    in_conflict = set().union(*(claim_keys(c) for c in result.conflicts if c.kind == "conflict"))
    for source, text in gold(name)["never_in_conflict"]:
        assert locate(briefing, source, text) not in in_conflict, text


@pytest.mark.parametrize("name", STORY_NAMES)
def test_every_record_is_well_formed(name: str) -> None:
    result = judged(story(name))
    for conflict in result.conflicts:
        assert len(conflict.claims) >= 2
        assert len({claim.article_id for claim in conflict.claims}) >= 2
        for claim in conflict.claims:
            article = result.article(claim.article_id)
            assert article.text[claim.start : claim.end] == claim.text
    assert judged(story(name)) == result


def test_same_head_noun_on_different_days_is_not_a_conflict() -> None:
    first = make_article(
        "Crews ended a 30-hour operation on Monday in Brell harbour.", published=dt.date(2026, 3, 10)
    )
    second = make_article(
        "Crews began a 12-hour operation on Friday in Brell harbour.", published=dt.date(2026, 3, 14)
    )
    result = judged(analyzed_story(articles=(first, second)))
    assert [c for c in result.conflicts if c.kind == "conflict"] == []


def test_conflicting_articles_that_are_duplicates_do_not_count_twice() -> None:
    first = make_article(
        "The ferry made a 6-hour crossing of Orn sound on Monday.", published=dt.date(2026, 3, 10)
    )
    second = make_article(
        "The ferry made a 9-hour crossing of Orn sound on Monday.", published=dt.date(2026, 3, 10)
    )
    copy = dataclasses.replace(second, duplicate_of=first.id)
    result = judged(analyzed_story(articles=(first, copy)))
    assert result.conflicts == ()
    result = judged(analyzed_story(articles=(first, second)))
    assert [c.kind for c in result.conflicts] == ["conflict"]


def test_demo_conflict_agreements_and_part_whole() -> None:
    story_ = mark_near_duplicates(
        analyzed_story(articles=read_articles([str(p) for p in demo_paths()]).articles)
    )
    result = judged(story_)
    conflicts = [c for c in result.conflicts if c.kind == "conflict"]
    assert len(conflicts) == 1
    assert {claim.value for claim in conflicts[0].claims} == {9.0, 7.0}
    assert conflicts[0].about == "talks"
    agreed = {
        (claim.value, claim.unit) for c in result.conflicts if c.kind == "agreement" for claim in c.claims
    }
    assert {(240e6, "USD"), (40.0, "percent"), (3000.0, "families"), (200.0, "trucks per day")} <= agreed
    in_conflict = {claim.value for claim in conflicts[0].claims}
    assert in_conflict.isdisjoint({140e6, 70e6, 30e6, 240e6})


def all_stages(briefing: Briefing) -> Briefing:
    story = infer_dates_stage(analyzed_story(briefing.articles))
    return conflicts_stage(timeline_stage(figures_stage(story)))


@pytest.mark.parametrize("name", STORY_NAMES)
def test_stage_output_passes_the_schema_and_offset_checks(name: str) -> None:
    data = all_stages(story(name)).to_dict()
    validate(data)
    check_offsets(data)


def test_hostile_articles_pass_through_every_stage() -> None:
    garbage = (
        "On Monday " * 2_000
        + "$" * 5_000
        + " 1.000,5 " * 500
        + "9" * 500
        + " February 30, 2026 and March 1, 99999. "
        + "more than five and " * 1_000
    )
    articles = (
        make_article(garbage, published=dt.date(2026, 3, 10)),
        make_article(garbage + " Tail.", published=None),
        make_article("\x00\ufffd" * 3_000, published=dt.date(9999, 12, 31)),
    )
    result = all_stages(analyzed_story(articles=articles))
    data = result.to_dict()
    validate(data)
    check_offsets(data)
    assert all(figure.value is None or figure.value < 1e15 for figure in result.figures)
