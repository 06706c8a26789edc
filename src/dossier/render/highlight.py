"""Cutting an article's text into segments at every cited span boundary, however the spans overlap.

Nested or crossing ``<mark>`` elements cannot express two spans that overlap
without either being cut, so the text is instead cut into segments at every
span boundary. Each segment is covered by a fixed set of spans; a page writes
it once, inside one ``<mark>`` when any span covers it, with a shade saying how
many do. The output is therefore always well-formed, whatever the spans.

A citation links to the place where its span starts. Every span start is a
segment boundary, so the segment beginning there carries the anchor id; two
spans starting at the same place share one anchor, which is where both links
should land anyway.

The segments are plain data (see :class:`Segment`); the ``marked_text`` macro
in ``templates/macros.html`` turns them into HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dossier.records import Record

#: Deepest overlap with its own shade; more overlapping spans look the same as this many.
MAX_SHADE = 3


@dataclass(frozen=True, slots=True)
class Segment(Record):
    """A run of article text covered by the same spans.

    ``shade`` is how many spans cover it (capped at :data:`MAX_SHADE`; 0: none).
    ``anchor`` is the element id a citation of a span starting here links to.
    An empty segment with an anchor marks an empty span, so a link to it still lands.
    """

    text: str
    shade: int
    anchor: str | None


def anchor_id(article_number: int, start: int) -> str:
    """The id of the element where a span of the n-th article starting at ``start`` begins."""
    return f"s{article_number}-{start}"


def segments(text: str, spans: Iterable[tuple[int, int]], article_number: int) -> tuple[Segment, ...]:
    """``text`` cut at every boundary of ``spans``; joined, the segments' texts give ``text`` back.

    Spans that do not fit inside the text are ignored rather than trusted.
    """
    length = len(text)
    valid = sorted({(start, end) for start, end in spans if 0 <= start <= end <= length})
    anchors = {start for start, _ in valid}
    boundaries = sorted({0, length, *(s for s, _ in valid), *(e for _, e in valid)})
    position = {offset: index for index, offset in enumerate(boundaries)}
    # Difference array over boundaries: +1 where a span opens, -1 where it closes.
    change = [0] * len(boundaries)
    for start, end in valid:
        if start < end:
            change[position[start]] += 1
            change[position[end]] -= 1
    pieces: list[Segment] = []
    depth = 0
    for index in range(len(boundaries) - 1):
        start, end = boundaries[index], boundaries[index + 1]
        depth += change[index]
        anchor = anchor_id(article_number, start) if start in anchors else None
        if depth == 0 and anchor is not None:
            # An empty span at an uncovered place: its anchor stands alone before the text.
            pieces += [Segment("", 0, anchor), Segment(text[start:end], 0, None)]
        else:
            pieces.append(Segment(text[start:end], min(depth, MAX_SHADE), anchor))
    if length in anchors:
        # Only an empty span can start at the very end; no segment begins there.
        pieces.append(Segment("", 0, anchor_id(article_number, length)))
    return tuple(pieces)
