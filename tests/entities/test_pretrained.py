"""The optional spaCy pipeline, with a pipeline the tests build themselves (no model weights)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.article import Span
from dossier.briefing import Briefing
from dossier.entities import make_entities_stage, recognizer_from_option
from dossier.entities.pretrained import CHUNK_CHARS, spacy_recognizer
from dossier.errors import UsageError

from .conftest import make_article

NO_SPACY = "spaCy is an optional dependency and is not installed"

PATTERNS = [
    {"label": "PERSON", "pattern": "Ilse Marrow"},
    {"label": "PERSON", "pattern": "Marrow"},
    {"label": "ORG", "pattern": "the Tidewater Council"},
    {"label": "GPE", "pattern": "Quillon"},
    {"label": "NORP", "pattern": "Chinese"},
    {"label": "NORP", "pattern": "Quillonites"},
    {"label": "LAW", "pattern": "Harbour Safety Act"},
    {"label": "DATE", "pattern": "Monday"},
]


@pytest.fixture(scope="module")
def pipeline_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spacy = pytest.importorskip("spacy", reason=NO_SPACY)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    path = tmp_path_factory.mktemp("pipeline") / "ruler"
    nlp.to_disk(path)
    return path


TEXT = (
    "Ilse Marrow addressed the Tidewater Council in Quillon on Monday. "
    "Marrow said the Harbour Safety Act would pass, and Chinese and Quillonites traders agreed."
)


def test_labels_map_onto_our_types(pipeline_path: Path) -> None:
    mentions = spacy_recognizer(str(pipeline_path))(TEXT, ())
    found = {(m.surface, m.type) for m in mentions}
    assert ("Ilse Marrow", "person") in found
    assert ("Tidewater Council", "organization") in found  # the leading "the" is not the name
    assert ("Quillon", "place") in found
    assert ("Harbour Safety Act", "other") in found
    assert ("Chinese", "place") in found  # a demonym the gazetteer knows refers to its country
    assert not any(surface in ("Monday", "Quillonites") for surface, _ in found)
    assert all(TEXT[m.start : m.end] == m.surface for m in mentions)


def test_the_stage_links_pipeline_mentions(pipeline_path: Path) -> None:
    stage = make_entities_stage(recognizer=recognizer_from_option(f"spacy:{pipeline_path}"))
    story = stage(Briefing(articles=(make_article(TEXT),)))
    by_name = {e.name: e for e in story.entities}
    assert len(by_name["Ilse Marrow"].mentions) == 2  # "Marrow" joins the full name
    assert by_name["China"].type == "place"
    text = story.articles[0].text
    for entity in story.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)


def test_sentences_limit_what_is_read_and_long_ones_are_cut(pipeline_path: Path) -> None:
    recognizer = spacy_recognizer(str(pipeline_path))
    first = TEXT.index(".") + 1
    only_first = recognizer(TEXT, (Span(0, first),))
    assert {m.surface for m in only_first} == {"Ilse Marrow", "Tidewater Council", "Quillon"}
    long_text = "word " * (CHUNK_CHARS // 2) + "Quillon"
    assert [m.surface for m in recognizer(long_text, ())] == ["Quillon"]


def test_missing_pipeline_and_bad_options_are_usage_errors(tmp_path: Path) -> None:
    pytest.importorskip("spacy", reason=NO_SPACY)
    with pytest.raises(UsageError, match="could not be loaded"):
        spacy_recognizer(str(tmp_path / "absent"))
    with pytest.raises(UsageError, match="unknown entity recognizer"):
        recognizer_from_option("stanza:en")
    assert recognizer_from_option("builtin") is None
    assert recognizer_from_option(None) is None


def test_a_pipeline_without_entities_is_refused(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy", reason=NO_SPACY)
    spacy.blank("en").to_disk(tmp_path / "bare")
    with pytest.raises(UsageError, match="no entity recognizer"):
        spacy_recognizer(str(tmp_path / "bare"))


def test_without_spacy_the_option_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr("dossier.entities.pretrained.importlib.import_module", missing)
    with pytest.raises(UsageError, match="spaCy is not installed"):
        recognizer_from_option("spacy:en_core_web_sm")
