"""Coverage: the issue × outlet matrix, exclusives, omissions, and previews against outcomes."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dossier.briefing import Briefing
from dossier.coverage import (
    build_coverage,
    coverage_stage,
    future_share,
    main_event_date,
    outlet_of,
    single_source_issues,
)
from dossier.embed import get_encoder
from dossier.embed.tfidf import TfidfEncoder
from dossier.issues import find_issues
from dossier.render.schema import check_offsets, validate
from issues.stories import by_source, make_article, own_issue_story, reworded_story, story

ENCODER = TfidfEncoder()


def _with_issues() -> Briefing:
    briefing = story()
    return dataclasses.replace(briefing, issues=find_issues(briefing, ENCODER))


def test_matrix_has_one_row_per_issue_and_one_column_per_outlet() -> None:
    briefing = _with_issues()
    coverage = build_coverage(briefing, ENCODER)
    assert coverage.outlets == (
        "Coastline Herald",
        "Island Times",
        "Harbour Wire",
        "Bay Courier",
        "Evening Lamp",
    )
    assert [row.issue_id for row in coverage.rows] == [issue.id for issue in briefing.issues]
    for row in coverage.rows:
        assert len(row.counts) == len(coverage.outlets)
        assert sum(row.counts) > 0


def test_event_date_and_the_preview() -> None:
    briefing = _with_issues()
    coverage = build_coverage(briefing, ENCODER)
    assert coverage.event_date == "2031-05-03"
    preview = by_source(briefing, "01_coastline_preview")
    assert coverage.preview_article_ids == (preview.id,)
    assert coverage.previews
    assert all(point.citations[0].article_id == preview.id for point in coverage.previews)
    reported = [p for p in coverage.previews if p.reported]
    assert any("nine percent" in p.text for p in reported)
    assert any(not p.reported for p in coverage.previews)
    for point in reported:
        assert point.outcome and all(c.article_id != preview.id for c in point.outcome)


def test_exclusives_come_from_one_outlet_each() -> None:
    briefing = _with_issues()
    coverage = build_coverage(briefing, ENCODER)
    assert coverage.exclusives
    outlets = {a.id: outlet_of(a) for a in briefing.articles}
    for exclusive in coverage.exclusives:
        assert {outlets[c.article_id] for c in exclusive.citations} == {exclusive.outlet}
    assert any("bakery" in e.text for e in coverage.exclusives)


def test_omissions_name_a_minority_of_outlets() -> None:
    coverage = build_coverage(_with_issues(), ENCODER)
    for omission in coverage.omissions:
        assert 2 * len(omission.covered_by) <= len(coverage.outlets)
        assert set(omission.covered_by).isdisjoint(omission.missing)


def test_stage_output_passes_the_schema_and_offset_checks() -> None:
    briefing = coverage_stage(ENCODER)(_with_issues())
    assert briefing.coverage is not None
    document = briefing.to_dict()
    validate(document)
    check_offsets(document)
    assert type(briefing).from_dict(document) == briefing


def test_helpers() -> None:
    undated = make_article("The crews will strike on Friday. The board will meet them on Thursday.")
    assert future_share(undated) == 1.0
    assert main_event_date([undated]) is None
    a = dataclasses.replace(make_article("one"), published=dt.date(2031, 5, 1))
    b = dataclasses.replace(make_article("two"), published=dt.date(2031, 5, 2))
    assert main_event_date([a, b]) == dt.date(2031, 5, 2)  # a tie goes to the later date
    assert outlet_of(dataclasses.replace(a, source="feeds/bay-courier.txt")) == "bay-courier"


def test_one_article_story_without_issues() -> None:
    article = make_article("The ferry crews will walk out on Friday over their pay and their lifeboats.")
    coverage = build_coverage(Briefing(articles=(article,)), ENCODER)
    assert coverage.rows == ()
    assert coverage.exclusives == ()
    assert coverage.omissions == ()
    assert coverage.previews == ()


def test_an_issue_one_outlet_covers_is_an_omission_and_its_exclusives_link_to_it() -> None:
    briefing = own_issue_story()
    briefing = dataclasses.replace(briefing, issues=find_issues(briefing, ENCODER))
    gull = by_source(briefing, "gull_post")
    outlet_by_article = {a.id: outlet_of(a) for a in briefing.articles}
    single = single_source_issues(briefing.issues, outlet_by_article)
    assert len(single) == 1
    (own,) = single
    assert next(i for i in briefing.issues if i.id == own).article_ids == (gull.id,)
    coverage = build_coverage(briefing, ENCODER)
    assert any(o.issue_id == own and o.covered_by == ("Gull Post",) for o in coverage.omissions)
    gull_exclusives = [e for e in coverage.exclusives if e.outlet == "Gull Post"]
    assert gull_exclusives and all(e.issue_id == own for e in gull_exclusives)


def test_no_issue_is_single_source_in_a_one_outlet_story() -> None:
    briefing = own_issue_story()
    one = {a.id: "Same Outlet" for a in briefing.articles}
    issues = find_issues(briefing, ENCODER)
    assert single_source_issues(issues, one) == frozenset()


def test_a_fact_other_outlets_report_in_other_words_is_no_exclusive() -> None:
    coverage = build_coverage(reworded_story(), get_encoder("static"))
    texts = sorted(exclusive.text for exclusive in coverage.exclusives)
    assert not any("crossings" in text or "union" in text for text in texts)
    assert any("bakery" in text for text in texts)
    assert any("quay would be repaired" in text for text in texts)
