"""The encoders: shape, unit length, determinism, and that similar sentences score as similar."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from dossier.embed import ENCODER_NAMES, Encoder, get_encoder, normalise_rows
from dossier.embed.static import StaticEncoder, static_available, static_metadata
from dossier.embed.tfidf import TfidfEncoder, stem, tfidf_terms
from dossier.errors import UsageError

SENTENCES = [
    "The harbour board offered the ferry crews a small pay rise.",
    "Ferry crews were offered a modest pay rise by the harbour board.",
    "Rain is forecast for the mountain villages on Sunday.",
    "",
    "!!! ??? ...",
]

needs_static = pytest.mark.skipif(not static_available(), reason="the distilled static table is not built")
needs_minilm = pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None, reason="sentence_transformers is not installed"
)


def _check_shape_and_norms(encoder: Encoder) -> np.ndarray:
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape[0] == len(SENTENCES)
    assert vectors.dtype == np.float32
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[:3], 1.0, atol=1e-4)
    assert np.allclose(norms[3:], 0.0)  # nothing to encode: a zero row, never NaN
    return vectors


def test_tfidf_vectors_are_unit_rows_and_rank_paraphrases_first() -> None:
    vectors = _check_shape_and_norms(TfidfEncoder())
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_tfidf_is_deterministic_and_handles_no_input() -> None:
    encoder = TfidfEncoder()
    assert np.array_equal(encoder.encode(SENTENCES), encoder.encode(SENTENCES))
    assert encoder.encode([]).shape == (0, encoder.dimensions)


def test_tfidf_rejects_absurd_dimensions() -> None:
    with pytest.raises(ValueError, match="dimensions"):
        TfidfEncoder(dimensions=1)


def test_stemming_is_light_and_stop_words_are_dropped() -> None:
    assert stem("talks") == stem("talk")
    assert stem("policies") == "policy"
    assert stem("glass") == "glass"
    assert tfidf_terms("The talks and the crews") == ["talk", "crew"]


def test_normalise_rows_keeps_zero_rows() -> None:
    out = normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert np.allclose(out, [[0.6, 0.8], [0.0, 0.0]])


def test_unknown_encoder_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown encoder"):
        get_encoder("word2vec")
    assert "auto" in ENCODER_NAMES


def test_tfidf_by_name() -> None:
    assert get_encoder("tfidf").name == "tfidf"


@needs_static
def test_static_encoder_loads_and_ranks_paraphrases_first() -> None:
    encoder = get_encoder("static")
    assert isinstance(encoder, StaticEncoder)
    vectors = _check_shape_and_norms(encoder)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert np.array_equal(encoder.encode(SENTENCES), vectors)


@needs_static
def test_static_table_has_provenance_and_a_quality_check() -> None:
    meta = static_metadata()
    assert meta["teacher"] == "all-MiniLM-L6-v2"
    assert meta["quality_check"]["spearman_static_vs_minilm"] > 0.3


def test_static_encoder_rejects_a_mismatched_table() -> None:
    with pytest.raises(ValueError, match="does not match"):
        StaticEncoder(np.zeros((3, 4), dtype=np.float32), {"a": 0})


@needs_minilm
def test_minilm_encoder_ranks_paraphrases_first() -> None:
    encoder = get_encoder("minilm")
    vectors = _check_shape_and_norms(encoder)
    assert vectors.shape[1] == 384
    assert vectors[0] @ vectors[1] > 0.7 > vectors[0] @ vectors[2]
    # The memo hands back the same vectors for the same texts.
    assert np.array_equal(encoder.encode(SENTENCES[:2]), vectors[:2])


def test_auto_prefers_the_fast_static_table_when_it_ships() -> None:
    expected = (
        "static"
        if static_available()
        else ("minilm" if importlib.util.find_spec("sentence_transformers") else "tfidf")
    )
    assert get_encoder("auto").name == expected
