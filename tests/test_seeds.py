"""The real articles in ../shared/seeds: clean text and the dates their own text gives.

These read ../shared and skip, with a reason, where it is absent. They check
general behaviour (no credit lines, no syndication tails, a byline date read)
on real text; nothing in the code knows these articles.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dossier.pipeline import brief
from dossier.render import to_json
from dossier.render.schema import check_offsets, validate

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent (shared data is not checked out)"),
]

LEFTOVERS = re.compile(
    r"originally appeared|read the full story|CLICK HERE|Reporting by|Editing by|^By ",
    re.IGNORECASE | re.MULTILINE,
)


def test_every_seed_is_read_and_clean() -> None:
    briefing = brief([str(SEEDS)])
    assert len(briefing.articles) == len(list(SEEDS.glob("*.txt")))
    assert not briefing.failures
    for article in briefing.articles:
        assert not LEFTOVERS.search(article.text), article.source
        assert article.text == article.text.strip()
        assert "\n\n\n" not in article.text


def test_the_agency_dateline_article_is_dated_from_its_own_byline() -> None:
    briefing = brief([str(SEEDS)])
    agency = [a for a in briefing.articles if a.dateline and "(Reuters)" in a.text[:200]]
    assert len(agency) == 1
    assert agency[0].published == dt.date(2024, 4, 26)
    assert agency[0].published_inferred is False


def test_what_was_stripped_is_recorded() -> None:
    briefing = brief([str(SEEDS)])
    kinds = {item.kind for article in briefing.articles for item in article.stripped}
    assert {"syndication-tail", "credit"} <= kinds


def test_the_seed_briefing_validates() -> None:
    data = json.loads(to_json(brief([str(SEEDS)])))
    validate(data)
    check_offsets(data)
