"""WikiANN English (Rahimi et al. 2019 split): ``en:token<TAB>tag`` lines, a blank line between sentences.

Tags are IOB2 over PER, ORG and LOC; they map onto ours as person,
organization and place. The annotation is silver (projected from Wikipedia
links), and the text is encyclopaedic, not news: an out-of-domain test.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corpora.tokens import Sentence

_TYPE_MAP = {"PER": "person", "ORG": "organization", "LOC": "place"}
_LANGUAGE_PREFIX = "en:"


def map_tag(tag: str) -> str:
    """A WikiANN tag in our tag set ("B-LOC" -> "B-place"); unknown types are outside."""
    if "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    mapped = _TYPE_MAP.get(kind)
    return f"{prefix}-{mapped}" if mapped else "O"


def read_sentences(path: Path) -> list[Sentence]:
    """Every sentence of one split file (``train``, ``dev`` or ``test``), in file order."""
    with path.open(encoding="utf-8") as handle:
        return list(parse_lines(handle))


def parse_lines(lines: Iterable[str]) -> Iterator[Sentence]:
    """Sentences from the file's lines; a line without a tab is a separator."""
    words: list[str] = []
    tags: list[str] = []
    for line in lines:
        word, tab, tag = line.rstrip("\n").partition("\t")
        if not tab:
            if words:
                yield Sentence(tuple(words), tuple(tags))
            words, tags = [], []
            continue
        words.append(word.removeprefix(_LANGUAGE_PREFIX))
        tags.append(map_tag(tag.strip()))
    if words:
        yield Sentence(tuple(words), tuple(tags))
