"""Marking cited spans inside an article's text, however the spans overlap.

Nested or crossing ``<mark>`` elements cannot express two spans that overlap
without either being cut, so the text is instead cut into segments at every
span boundary. Each segment is covered by a fixed set of spans; it is written
once, inside one ``<mark>`` when any span covers it, with a class saying how
many do. The output is therefore always well-formed, whatever the spans.

A citation links to the place where its span starts. Every span start is a
segment boundary, so the segment beginning there carries the anchor id; two
spans starting at the same place share one anchor, which is where both links
should land anyway.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

#: Deepest overlap with its own shade; more overlapping spans look the same as this many.
MAX_SHADE = 3

# Characters that are not allowed in HTML text (C0 controls other than tab and line
# breaks, DEL, lone surrogates). Each becomes one U+FFFD, so the text keeps its length.
_NOT_HTML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def escape_html(text: str, *, attribute: bool = False) -> str:
    """Text made safe to place in HTML; ``attribute=True`` also escapes quote marks."""
    return html.escape(_NOT_HTML_TEXT.sub("\ufffd", text), quote=attribute)


def anchor_id(article_number: int, start: int) -> str:
    """The id of the element where a span of the n-th article starting at ``start`` begins."""
    return f"s{article_number}-{start}"


def highlight(text: str, spans: Iterable[tuple[int, int]], article_number: int) -> str:
    """Escaped HTML of ``text`` with every span in ``spans`` marked and anchored.

    Spans that do not fit inside the text are ignored rather than trusted.
    Empty spans get an empty ``<mark>`` at their position, so a link to them
    still lands somewhere.
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
    pieces: list[str] = []
    depth = 0
    for index in range(len(boundaries) - 1):
        start, end = boundaries[index], boundaries[index + 1]
        depth += change[index]
        pieces.append(_segment(text[start:end], depth, anchor_id(article_number, start), start in anchors))
    if length in anchors:
        # Only an empty span can start at the very end; no segment begins there.
        pieces.append(_point(anchor_id(article_number, length)))
    return "".join(pieces)


def _segment(segment: str, depth: int, anchor: str, anchored: bool) -> str:
    escaped = escape_html(segment)
    if depth == 0:
        return (_point(anchor) if anchored else "") + escaped
    id_attribute = f' id="{anchor}"' if anchored else ""
    return f'<mark class="d{min(depth, MAX_SHADE)}"{id_attribute}>{escaped}</mark>'


def _point(anchor: str) -> str:
    return f'<mark class="point" id="{anchor}"></mark>'
