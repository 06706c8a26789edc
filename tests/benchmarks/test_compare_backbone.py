"""The comparison's plumbing: sampling, ECB+ name spans, a side without the API, the table cells."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import backbone_side
import compare_backbone
from corpora.tokens import join_tokens


def test_samples_are_seeded_and_keep_their_order() -> None:
    items = list(range(100))
    first = backbone_side.sample(items, 10, seed=3)
    assert first == backbone_side.sample(items, 10, seed=3)
    assert first != backbone_side.sample(items, 10, seed=4)
    assert first == sorted(first) and len(set(first)) == 10
    assert backbone_side.sample(items, 0, seed=3) == items
    assert backbone_side.sample(items, 500, seed=3) == items


def test_an_ecb_name_runs_from_its_first_to_its_last_capitalised_word() -> None:
    words = ("the", "boss", "Steven", "Moffat", "said", "Bank", "of", "Tyre", "staff", "agreed")
    assert backbone_side.proper_name(words, (1, 2, 3)) == (2, 4)
    assert backbone_side.proper_name(words, (5, 6, 7, 8)) == (5, 8)
    assert backbone_side.proper_name(words, (0, 1)) is None


def test_a_mention_is_placed_in_the_token_it_starts_in() -> None:
    text = join_tokens(("Ada", "Brim", "spoke"))
    assert backbone_side._first_token_start(text, 5) == 4
    assert backbone_side._first_token_start(text, 3) == 4  # the space before "Brim"
    assert backbone_side._first_token_start(text, 99) == -1


def fake_tree(root: Path) -> Path:
    """A tree whose dossier has neither the backbone nor the legacy modules."""
    package = root / "src" / "dossier"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    return root


@pytest.mark.parametrize("api", ["analyze", "legacy", "auto"])
def test_a_tree_without_the_api_is_reported_unavailable(tmp_path: Path, api: str) -> None:
    args = argparse.Namespace(limit=1, seed=1, timeout=120)
    result = compare_backbone.run_side(fake_tree(tmp_path), api, "wikiann", args)
    assert result["available"] is False
    assert "not found" in result["reason"]
    assert result["dossier"] == str(tmp_path / "src" / "dossier")


def test_table_cells_and_rows() -> None:
    old = {"available": True, "figures": {"units": 3, "all.f1": 0.5}}
    new = {"available": False, "reason": "dossier.analyze not found"}
    assert compare_backbone.figure_names(old, new) == ["units", "all.f1"]
    assert compare_backbone.figure(old, "all.f1") == 0.5
    assert compare_backbone.figure(new, "all.f1") is None
    assert compare_backbone.cell(None) == "-"
    assert compare_backbone.cell(12) == "12"
    assert compare_backbone.cell(-2, signed=True) == "-2"
    assert compare_backbone.cell(0.25) == "0.250"
    assert compare_backbone.cell(0.0123, signed=True) == "+0.012"
