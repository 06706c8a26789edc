"""Shared helpers: articles built from hand-written fixture texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.article import Article
from dossier.briefing import Briefing
from dossier.segment import segmented_article
from reading import analyzed_story

FIXTURES = Path(__file__).parent.parent / "fixtures" / "entities"


def make_article(text: str, source: str = "test.txt", outlet: str | None = None) -> Article:
    return segmented_article(text, source=source, outlet=outlet)


def fixture_article(name: str, outlet: str | None = None) -> Article:
    return make_article((FIXTURES / name).read_text(encoding="utf-8"), source=name, outlet=outlet)


@pytest.fixture(scope="session")
def talks_story() -> Briefing:
    from dossier.entities import entities_stage

    articles = (
        fixture_article("a_talks.txt", outlet="Coastline Herald"),
        fixture_article("b_followup.txt", outlet="Valley Times"),
    )
    return entities_stage(analyzed_story(articles=articles))
