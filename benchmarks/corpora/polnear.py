"""PolNeAR attributions (brat standoff) and the direct quotations among them.

A split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``;
when several annotators did one article the first file by name is used. In an
``.ann`` file, ``T`` lines are spans (``T3<TAB>Content 137 190;200 210<TAB>text``,
possibly discontinuous) and ``E`` lines tie one attribution's spans together
by role (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``).

A direct quotation is text inside quotation marks, straight or curly. A
multi-paragraph quotation that reopens at each paragraph without closing is
cut at the paragraph's end. An attribution is a direct quote when at least
half of one such quoted segment lies inside its content.
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from pathlib import Path

CharSpan = tuple[int, int]

# Inside curly quotes up to the closing mark or the end of the line; inside straight quotes on one line.
_QUOTED = re.compile(r"“([^“”\n]+)(?:”|(?=\n|\Z))|\"([^\"\n]+)\"")
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: its content pieces, its source pieces (none when unnamed) and their text."""

    content: tuple[CharSpan, ...]
    source: tuple[CharSpan, ...]
    source_text: str


@dataclass(frozen=True, slots=True)
class QuoteAttribution:
    """An attribution whose content holds direct quotations: ``quoted`` are the segments inside the marks."""

    attribution: Attribution
    quoted: tuple[CharSpan, ...]


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    attributions: tuple[Attribution, ...]


def text_paths(split_folder: Path) -> list[Path]:
    """The split's article files, sorted by name."""
    return sorted((split_folder / "text").glob("*.txt"))


def annotation_path(text_path: Path) -> Path | None:
    """The first annotation file (by name) of one article, None when it has none."""
    folder = text_path.parent.parent / "attributions"
    found = sorted(folder.glob(f"{glob.escape(text_path.stem)}_*.ann"))
    return found[0] if found else None


def read_document(text_path: Path) -> Document:
    """One article and its attributions (none when it has no annotation file)."""
    text = text_path.read_text(encoding="utf-8")
    annotation = annotation_path(text_path)
    attributions = parse_annotations(annotation.read_text(encoding="utf-8"), text) if annotation else ()
    return Document(text_path.stem, text, attributions)


def parse_annotations(annotation: str, text: str) -> tuple[Attribution, ...]:
    """The attributions an ``.ann`` file's ``E`` lines describe, in file order."""
    spans: dict[str, tuple[CharSpan, ...]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in annotation.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, ranges = fields[1].partition(" ")
            spans[fields[0]] = parse_ranges(ranges)
        elif line.startswith("E") and len(fields) >= 2:
            events.append(parse_roles(fields[1]))
    attributions: list[Attribution] = []
    for roles in events:
        content = tuple(
            span for role, tid in roles if role.startswith("Content") for span in spans.get(tid, ())
        )
        source = tuple(span for role, tid in roles if role == "Source" for span in spans.get(tid, ()))
        if content:
            words = " ".join(text[start:end] for start, end in source)
            attributions.append(Attribution(tuple(sorted(content)), tuple(sorted(source)), words))
    return tuple(attributions)


def parse_roles(event: str) -> list[tuple[str, str]]:
    """``"Attribution:T4 Content:T3"`` -> ``[("Attribution", "T4"), ("Content", "T3")]``."""
    roles: list[tuple[str, str]] = []
    for part in event.split():
        role, colon, span_id = part.partition(":")
        if colon:
            roles.append((role, span_id))
    return roles


def parse_ranges(ranges: str) -> tuple[CharSpan, ...]:
    """``"120 131;140 150"`` -> ``((120, 131), (140, 150))``."""
    found: list[CharSpan] = []
    for piece in ranges.split(";"):
        start, _, end = piece.strip().partition(" ")
        found.append((int(start), int(end)))
    return tuple(found)


def quoted_segments(text: str) -> tuple[CharSpan, ...]:
    """Every stretch of text inside quotation marks that holds a word, marks excluded."""
    segments: list[CharSpan] = []
    for match in _QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        if _WORD.search(match.group(group)):
            segments.append((match.start(group), match.end(group)))
    return tuple(segments)


def direct_quotes(document: Document) -> tuple[QuoteAttribution, ...]:
    """The attributions whose content holds at least half of a quoted segment."""
    segments = quoted_segments(document.text)
    found: list[QuoteAttribution] = []
    for attribution in document.attributions:
        inside = tuple(s for s in segments if 2 * covered(s, attribution.content) >= s[1] - s[0])
        if inside:
            found.append(QuoteAttribution(attribution, inside))
    return tuple(found)


def covered(span: CharSpan, pieces: tuple[CharSpan, ...]) -> int:
    """How many characters of ``span`` the (disjoint) pieces cover."""
    return sum(max(0, min(span[1], end) - max(span[0], start)) for start, end in pieces)
