"""The seed gold file stores offsets and hashes only, and they still match the seed files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "gold" / "seeds_people.json"
SEEDS = ROOT.parent / "shared" / "seeds"


def test_gold_holds_no_article_text() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for person in gold["people"]:
        assert set(person) == {"name", "type", "role_keywords", "mentions"}
        for mention in person["mentions"]:
            assert set(mention) == {"file", "start", "end", "sha1"}


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")
def test_gold_spans_match_the_seed_files() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for person in gold["people"]:
        for mention in person["mentions"]:
            text = (SEEDS / mention["file"]).read_text(encoding="utf-8")
            span = text[mention["start"] : mention["end"]]
            assert hashlib.sha1(span.encode()).hexdigest()[:12] == mention["sha1"]
            assert span == person["name"]
