"""The averaged perceptron learns from examples, decodes valid BIO, and saves deterministically."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dossier.entities.perceptron import PerceptronTrainer, TaggerModel, allowed
from dossier.errors import StageError

# Invented training sentences: people are two capitalized words after "met" or before "said".
TRAIN = [
    (
        "Ana Vell met Tom Orr in Lisk .",
        ["B-person", "I-person", "O", "B-person", "I-person", "O", "B-place", "O"],
    ),
    (
        "Ida Mork said the port in Halvik was shut .",
        ["B-person", "I-person", "O", "O", "O", "O", "B-place", "O", "O", "O"],
    ),
    ("They met Oda Lunn in Terrin .", ["O", "O", "B-person", "I-person", "O", "B-place", "O"]),
    ("Per Haug said nothing .", ["B-person", "I-person", "O", "O", "O"]),
]


def train(epochs: int = 8) -> TaggerModel:
    trainer = PerceptronTrainer()
    for _ in range(epochs):
        for sentence, tags in TRAIN:
            trainer.train_sentence(sentence.split(), tags)
    return trainer.averaged()


def test_bio_constraint() -> None:
    assert allowed("I-person", "B-person")
    assert allowed("I-person", "I-person")
    assert not allowed("I-person", "O")
    assert not allowed("I-place", "B-person")
    assert allowed("B-place", "O")


def test_learns_the_training_sentences() -> None:
    model = train()
    for sentence, tags in TRAIN:
        assert model.tag(sentence.split()) == tags


def test_generalizes_to_unseen_names_in_seen_contexts() -> None:
    tags = train().tag(["Eva", "Strand", "met", "Jon", "Berg", "in", "Lisk", "."])
    assert tags[0] == "B-person"
    assert tags[3] == "B-person"
    assert tags[6] == "B-place"


def test_output_is_always_valid_bio() -> None:
    model = train()
    for sentence in ("in Lisk Lisk Lisk", ", , Ana", "Vell Orr Mork Haug Lunn", ""):
        tags = model.tag(sentence.split())
        previous = "O"
        for tag in tags:
            assert allowed(tag, previous)
            previous = tag


def test_save_and_load_round_trip_byte_for_byte(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    train().save(first)
    train().save(second)
    assert first.read_bytes() == second.read_bytes()
    loaded = TaggerModel.load(first)
    sentence = TRAIN[0][0].split()
    assert loaded.tag(sentence) == train().tag(sentence)


def test_pruning_drops_small_weights() -> None:
    trainer = PerceptronTrainer()
    for sentence, tags in TRAIN:
        trainer.train_sentence(sentence.split(), tags)
    assert len(trainer.averaged(min_weight=0.5).weights) < len(trainer.averaged().weights)


def test_a_model_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json.gz"
    path.write_bytes(gzip.compress(b'{"format": 1, "tags": [], "weights": {}}'))
    with pytest.raises(StageError, match="format"):
        TaggerModel.load(path)
