"""An oversized article is read up to a limit, its items capped, and the cut reported."""

from __future__ import annotations

import pytest

from dossier import analyze
from dossier.pipeline import new_story
from dossier.segment import segmented_article
from reading import analysis_of


def test_a_small_article_is_read_whole_and_reports_nothing() -> None:
    analysis = analysis_of("Ferries stopped at 9 a.m. on Monday. Nine of 12 crews walked out.")
    assert analysis.limits == ()


def test_an_oversized_article_is_read_up_to_the_limit_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyze, "MAX_READ_CHARS", 2_000)
    paragraph = "The harbour board counted 41 ferries and 7 tugs at the quay on Tuesday."
    text = "\n\n".join(f"{paragraph} Item {n}." for n in range(100))
    article = segmented_article(text)
    found = next(analyze.analyze_articles([article]))
    assert found.limits and "read the first" in found.limits[0]
    assert max(s.end for s in found.sentences) <= 2_000
    assert all(figure.end <= 2_000 for figure in found.figures)
    story = new_story([article], {article.id: found})
    assert story.metadata["analysis_limits"] == {article.id: list(found.limits)}


def test_figures_past_the_cap_are_dropped_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyze, "MAX_FIGURES", 3)
    text = "The board counted 41 ferries, 7 tugs, 12 barges, 5 pilots and 9 cranes on Tuesday."
    found = analysis_of(text)
    assert len(found.figures) == 3
    assert any(note.startswith("kept the first 3 of") and note.endswith("figures") for note in found.limits)
