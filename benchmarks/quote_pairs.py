"""Pairs of quotes for scoring statement merging, made at run time from PolNeAR's real quotations.

Each direct quotation of the PolNeAR train split (its longest quoted segment
of :data:`MIN_WORDS` words or more) gives one positive pair: the quote as
written, and the same quote as another outlet might run it. The perturbation
cycles through four kinds, by the quote's position in the corpus:

- ``punctuation``: commas, semicolons and dashes dropped, apostrophes curled,
  closing punctuation removed;
- ``ellipsis``: a middle third of the words cut out and replaced by an
  ellipsis ("…" and "..." in turn);
- ``truncation``: only the first (or, in turn, the last) 60% of the words;
- ``lead-in``: the same words run into the reporter's sentence ("said that
  we will…": first word lower-cased), credited to the speaker's last name
  only, or (in turn) to no one the merger can read.

Each quote also gives one negative pair: it and the next different quotation
of the same article, both credited to the first quote's speaker, as if one
person said both (the hard case for a merger).

No text is stored: pairs are rebuilt from ``../shared/data/polnear`` each run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corpora.polnear import direct_quotes, read_document, text_paths

MIN_WORDS = 6
KINDS = ("punctuation", "ellipsis", "truncation", "lead-in")


@dataclass(frozen=True, slots=True)
class Side:
    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Pair:
    first: Side
    second: Side
    same: bool
    kind: str  # a perturbation kind, or "different" for a negative


def quote_pairs(split_folder: Path) -> Iterator[Pair]:
    """Positive and negative pairs, in corpus order (deterministic)."""
    count = 0
    for path in text_paths(split_folder):
        quotes = _quotes(path)
        for index, (text, speaker) in enumerate(quotes):
            original = Side(text, speaker)
            yield Pair(original, perturb(text, speaker, count), True, KINDS[count % len(KINDS)])
            other = next((q for q in quotes[index + 1 :] if _distinct(q[0], text)), None)
            if other is not None:
                yield Pair(original, Side(other[0], speaker), False, "different")
            count += 1


def _quotes(path: Path) -> list[tuple[str, str]]:
    document = read_document(path)
    found = []
    for quote in direct_quotes(document):
        longest = max(quote.quoted, key=lambda span: (span[1] - span[0], -span[0]))
        text = document.text[longest[0] : longest[1]].strip()
        speaker = quote.attribution.source_text.strip() or "unnamed source"
        if len(text.split()) >= MIN_WORDS:
            found.append((text, speaker))
    return found


def _distinct(first: str, second: str) -> bool:
    a, b = _plain(first), _plain(second)
    return a != b and a not in b and b not in a


def _plain(text: str) -> str:
    return " ".join("".join(c for c in word.lower() if c.isalnum()) for word in text.split())


def perturb(text: str, speaker: str, count: int) -> Side:
    """The quote as another outlet runs it (see the module docstring); ``count`` picks kind and variant."""
    kind = KINDS[count % len(KINDS)]
    turn = (count // len(KINDS)) % 2
    words = text.split()
    if kind == "punctuation":
        kept = "".join(c for c in text if c not in ",;—–").replace("'", "’")
        return Side(kept.rstrip(".!?’”\"' "), speaker)
    if kind == "ellipsis":
        third = max(1, len(words) // 3)
        mark = "…" if turn == 0 else "..."
        return Side(" ".join([*words[:third], mark, *words[2 * third :]]), speaker)
    if kind == "truncation":
        keep = max(4, (len(words) * 3 + 4) // 5)
        return Side(" ".join(words[:keep] if turn == 0 else words[-keep:]), speaker)
    run_in = " ".join([words[0][:1].lower() + words[0][1:], *words[1:]])
    return Side(run_in, _last_name(speaker) if turn == 0 else None)


def _last_name(speaker: str) -> str:
    """The last word of a source's name before any apposition ("Joel Pollak of Breitbart" → "Pollak")."""
    name = speaker.split(",")[0].split(" of ")[0].split()
    return name[-1] if name else speaker
