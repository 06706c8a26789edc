"""The spaCy backbone: loading by name, clear errors, bounded pieces of text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dossier.errors import UsageError
from dossier.nlp import DEFAULT_MODEL, PARALLEL_FROM, load, pieces, processes_for, version


def test_the_default_pipeline_loads_once_with_its_version() -> None:
    backbone = load()
    assert backbone is load(DEFAULT_MODEL)
    assert backbone.name == DEFAULT_MODEL
    assert backbone.version.endswith("3.8.0")
    assert {"parser", "ner"} <= set(backbone.nlp.pipe_names)


def test_the_version_is_read_without_loading_and_matches_the_loaded_one(tmp_path: Path) -> None:
    assert version(DEFAULT_MODEL) == load().version
    folder = tmp_path / "pipeline"
    folder.mkdir()
    (folder / "meta.json").write_text('{"name": "my_news", "version": "2.1.0"}', encoding="utf-8")
    assert version(str(folder)) == "my_news-2.1.0"


def test_a_missing_pipeline_is_a_usage_error_that_says_what_to_do() -> None:
    with pytest.raises(UsageError, match="no_such_pipeline") as caught:
        load("no_such_pipeline")
    assert "--model" in str(caught.value)


def test_long_text_is_cut_at_spaces_into_bounded_pieces() -> None:
    text = "word " * 1000
    cut = list(pieces(text, 0, len(text), limit=97))
    assert cut[0][0] == 0 and cut[-1][1] == len(text)
    assert all(end - start <= 97 for start, end in cut)
    assert all(text[end] == " " for _, end in cut[:-1])
    assert all(first[1] == second[0] for first, second in itertools.pairwise(cut))


def test_a_text_without_spaces_is_cut_anyway() -> None:
    assert list(pieces("x" * 25, 0, 25, limit=10)) == [(0, 10), (10, 20), (20, 25)]


def test_small_batches_stay_in_one_process() -> None:
    assert processes_for(PARALLEL_FROM - 1) == 1
    assert 1 <= processes_for(PARALLEL_FROM) <= 2
