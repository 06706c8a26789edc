"""The shipped model and its sidecar are present and describe each other."""

from __future__ import annotations

import json

from dossier.entities.perceptron import TAGS
from dossier.entities.recognize import MODEL_PATH, default_model


def test_sidecar_records_data_split_params_and_scores() -> None:
    meta = json.loads((MODEL_PATH.parent / "ner.meta.json").read_text(encoding="utf-8"))
    assert len(meta["data_sha256"]) == 64
    assert isinstance(meta["split"]["seed"], int)
    assert meta["params"]["epochs"] >= 1
    for kind in ("person", "organization", "place", "all"):
        assert 0.0 < meta["test"][kind]["f1"] <= 1.0
    assert meta["features"] == len(default_model().weights)


def test_model_has_our_tag_set_and_stays_small() -> None:
    assert default_model().tags == TAGS
    assert MODEL_PATH.stat().st_size < 5_000_000
