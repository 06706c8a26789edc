"""The GMB-derived NER corpus (Kaggle "Annotated Corpus for NER"): reading and splitting.

The CSV is latin-1 with columns ``Sentence #, Word, POS, Tag``; the sentence
number appears only on a sentence's first row. Its tags map onto ours:
per -> person, org -> organization, geo/gpe -> place, art/eve/nat -> other,
and tim -> outside (times are another stage's business). POS is ignored.

The held-out test split is the one the retired GMB-trained tagger was trained
without (its ``scripts/train_ner.py`` is gone with it): :func:`split` with :data:`TRAIN_NER_SEED`. Scoring tag
sequences lives in :mod:`metrics.ner`.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpora.tokens import Sentence

#: The seed the retired tagger's training split used (it was recorded in that model's ``ner.meta.json``):
#: its test part is the data that tagger never saw.
TRAIN_NER_SEED = 20240611

_TYPE_MAP = {
    "per": "person",
    "org": "organization",
    "geo": "place",
    "gpe": "place",
    "art": "other",
    "eve": "other",
    "nat": "other",
}


@dataclass(frozen=True, slots=True)
class Split:
    train: tuple[Sentence, ...]
    dev: tuple[Sentence, ...]
    test: tuple[Sentence, ...]


def map_tag(tag: str) -> str:
    """A GMB tag in our tag set ("B-gpe" -> "B-place", "I-tim" -> "O")."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    mapped = _TYPE_MAP.get(kind)
    return f"{prefix}-{mapped}" if mapped else "O"


def repair_bio(tags: Sequence[str]) -> tuple[str, ...]:
    """Turn an ``I-x`` that does not continue an ``x`` into ``B-x`` (left by the tim -> O mapping)."""
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return tuple(out)


def read_sentences(path: Path) -> list[Sentence]:
    """Every sentence of the CSV, in file order."""
    with path.open(encoding="latin-1", newline="") as handle:
        rows = csv.reader(handle)
        next(rows, None)  # header
        return list(_group(rows))


def _group(rows: Iterable[list[str]]) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    for row in rows:
        if len(row) < 4:
            continue
        if row[0].strip() and words:
            yield Sentence(tuple(words), repair_bio(tags))
            words, tags = [], []
        words.append(row[1])
        tags.append(map_tag(row[3]))
    if words:
        yield Sentence(tuple(words), repair_bio(tags))


def split(sentences: Sequence[Sentence], seed: int, dev: float = 0.1, test: float = 0.1) -> Split:
    """A seeded shuffle of whole sentences, cut into train/dev/test."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    n_test = int(len(order) * test)
    n_dev = int(len(order) * dev)
    pick = [sentences[i] for i in order]
    return Split(
        train=tuple(pick[n_test + n_dev :]),
        dev=tuple(pick[n_test : n_test + n_dev]),
        test=tuple(pick[:n_test]),
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
