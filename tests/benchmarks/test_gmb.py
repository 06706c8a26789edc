"""Reading and splitting the GMB-format corpus, on a tiny CSV written here."""

from __future__ import annotations

from pathlib import Path

from corpora import gmb
from corpora.tokens import Sentence

CSV = (
    "Sentence #,Word,POS,Tag\n"
    "Sentence: 1,Ana,NNP,B-per\n"
    ",Vell,NNP,I-per\n"
    ",visited,VBD,O\n"
    ",Lisk,NNP,B-geo\n"
    ",on,IN,O\n"
    ",Monday,NNP,B-tim\n"
    ',",",",",O\n'
    ",caf\xe9,NN,O\n"
    "Sentence: 2,The,DT,O\n"
    ",Harbour,NNP,B-org\n"
    ",Board,NNP,I-org\n"
    ",met,VBD,O\n"
    ",last,JJ,B-tim\n"
    ",week,NN,I-tim\n"
    ",Veskaran,JJ,B-gpe\n"
    ",Act,NNP,I-gpe\n"
)


def write_csv(tmp_path: Path) -> Path:
    path = tmp_path / "ner.csv"
    path.write_bytes(CSV.encode("latin-1"))
    return path


def test_reads_sentences_with_forward_filled_numbers(tmp_path: Path) -> None:
    sentences = gmb.read_sentences(write_csv(tmp_path))
    assert len(sentences) == 2
    assert sentences[0].words[:4] == ("Ana", "Vell", "visited", "Lisk")
    assert "," in sentences[0].words
    assert "café" in sentences[0].words
    assert sentences[0].tags[:4] == ("B-person", "I-person", "O", "B-place")


def test_time_tags_become_outside_and_bio_is_repaired() -> None:
    assert gmb.map_tag("B-tim") == "O"
    assert gmb.map_tag("I-eve") == "I-other"
    assert gmb.map_tag("B-gpe") == "B-place"
    assert gmb.repair_bio(["O", "I-place", "I-place"]) == ("O", "B-place", "I-place")


def test_split_is_seeded_and_covers_every_sentence() -> None:
    sentences = [Sentence((str(i),), ("O",)) for i in range(100)]
    first = gmb.split(sentences, seed=7)
    again = gmb.split(sentences, seed=7)
    other = gmb.split(sentences, seed=8)
    assert first == again
    assert first != other
    assert (len(first.train), len(first.dev), len(first.test)) == (80, 10, 10)
    assert sorted(s.words for s in first.train + first.dev + first.test) == sorted(s.words for s in sentences)


def test_the_seed_is_the_one_the_shipped_tagger_was_split_with() -> None:
    assert gmb.TRAIN_NER_SEED == 20240611


def test_sha256_of_file(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"abc")
    assert gmb.sha256_of(path).startswith("ba7816bf")
