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


# --- the same measured thing about the same subject, and the size of a disagreement ----------------


def _judged_texts(*texts: str) -> Briefing:
    articles = tuple(make_article(text, published=dt.date(2026, 3, 10)) for text in texts)
    return judged(analyzed_story(articles=articles))


def _conflicts_of(briefing: Briefing) -> list[Conflict]:
    return [c for c in briefing.conflicts if c.kind == "conflict"]


def test_seats_of_two_different_bodies_are_not_a_conflict() -> None:
    result = _judged_texts(
        "Opposition parties must win 23 House seats to take the chamber, Velmora analysts say.",
        "The governing party holds 51 seats in the Senate, Velmora analysts said, hoping to keep them.",
    )
    assert _conflicts_of(result) == []


def test_seats_of_one_body_still_conflict_when_both_say_which() -> None:
    result = _judged_texts(
        "The governing party won 51 Senate seats in the Velmora election, officials said on Monday.",
        "The governing party won 49 Senate seats in the Velmora election, officials said on Monday.",
    )
    (conflict,) = _conflicts_of(result)
    assert {claim.value for claim in conflict.claims} == {51.0, 49.0}
    assert conflict.gap == 2.0


def test_a_time_stamp_is_never_a_figure_nor_a_conflict() -> None:
    result = _judged_texts(
        "Updated 2224 GMT (0624 HKT) March 10, 2026. The Velmora council counted 1,800 ballots by hand.",
        "Posted 0915 ET. The Velmora council counted 1,800 ballots by hand, a clerk said.",
    )
    assert all("2224" not in figure.text and "0915" not in figure.text for figure in result.figures)
    assert _conflicts_of(result) == []


def test_a_near_disagreement_on_one_poll_is_a_conflict_with_its_gap() -> None:
    result = _judged_texts(
        "A Harlow poll released on Tuesday found 59% approve of Mayor Dana Quill's handling of the port.",
        "Mayor Dana Quill's handling of the port won approval from 60% in a Harlow poll released on Tuesday.",
    )
    (conflict,) = _conflicts_of(result)
    assert {claim.value for claim in conflict.claims} == {59.0, 60.0}
    assert conflict.gap == 1.0
    assert conflict.relative_gap == pytest.approx(1 / 60, abs=1e-4)


def test_six_against_six_and_a_half_million_is_a_conflict_with_its_gap() -> None:
    result = _judged_texts(
        "The storm left 6 million residents of the Velmora coast without power, the utility said.",
        "The storm left 6.5 million residents of the Velmora coast without power, the utility said.",
    )
    (conflict,) = _conflicts_of(result)
    assert conflict.gap == 500_000.0
    assert conflict.relative_gap == pytest.approx(0.0769, abs=1e-4)
    assert all(c.gap is None and c.relative_gap is None for c in result.conflicts if c.kind == "agreement")


def test_close_figures_in_unrelated_sentences_are_no_near_disagreement() -> None:
    result = _judged_texts(
        "Turnout in the Velmora ferry ballot reached 59%, the union said after the count.",
        "Some 60% of the harbour's cargo now arrives by rail from Brell, port figures show.",
    )
    assert _conflicts_of(result) == []


def test_two_polls_in_one_article_give_no_near_disagreement() -> None:
    result = _judged_texts(
        "A Harlow poll found 59% back Mayor Dana Quill and 31% back her rival on the port plan.",
        "A Harlow poll found 60% back Mayor Dana Quill on the port plan, its authors said.",
    )
    assert _conflicts_of(result) == []
