"""Story stages declare what they need and add; the runner checks the order before anything runs."""

from __future__ import annotations

import pytest

from dossier.errors import StageError
from dossier.pipeline import Options, story_stages
from dossier.story import Stage, Story, check_order, stage


def _same(story: Story) -> Story:
    return story


def test_the_pipeline_order_keeps_every_contract() -> None:
    check_order(story_stages(Options(encoder="tfidf")))


def test_a_stage_before_what_it_needs_is_named_with_the_missing_field() -> None:
    stages = (
        stage("quotes", _same, ["articles", "analyses"], ["quotes"]),
        stage("link-speakers", _same, ["quotes", "entities"], ["quotes"]),
        stage("entities", _same, ["articles", "analyses"], ["entities"]),
    )
    with pytest.raises(StageError, match="needs entities") as caught:
        check_order(stages)
    assert caught.value.stage == "link-speakers"


def test_the_real_stages_reordered_are_refused_before_any_runs() -> None:
    stages = list(story_stages(Options(encoder="tfidf")))
    coverage = next(item for item in stages if item.name == "coverage")
    stages.remove(coverage)
    stages.insert(0, coverage)
    with pytest.raises(StageError, match="needs figures, issues, pool") as caught:
        check_order(stages)
    assert caught.value.stage == "coverage"


def test_a_stage_may_only_name_story_fields() -> None:
    with pytest.raises(StageError, match="unknown story field") as caught:
        stage("typo", _same, ["artcles"])
    assert caught.value.stage == "typo"
    assert isinstance(stage("fine", _same, ["articles"]), Stage)


def test_a_story_without_an_analysis_names_the_article() -> None:
    with pytest.raises(StageError, match="no analysis"):
        Story(articles=()).analysis("abc")


def test_the_briefing_of_a_story_leaves_the_analyses_out() -> None:
    briefing = Story(articles=(), analyses={}).briefing()
    assert "analyses" not in briefing.to_dict()
