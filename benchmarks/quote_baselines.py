"""Two outside references for quote speakers, run on the same raw text as dossier.

* ``textacy``: ``textacy.extract.triples.direct_quotations`` (textacy 0.13, install it with
  ``pip install textacy==0.13.0``; it is in the dev extra).
* ``dependency``: a plain dependency-parse baseline written for this benchmark: every
  stretch inside quotation marks takes the subject of the first verb outside the marks
  that its words hang from, with the subject's whole subtree as the speaker.

Both read the text with the same spaCy pipeline as dossier, so the comparison is of
attribution, not of models.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from metrics.speakers import PredictedQuote

_QUOTED = re.compile(r"“([^“”\n]+)(?:”|(?=\n|\Z))|\"([^\"\n]+)\"")
_CLIMB = 6

System = Callable[[Any], list[PredictedQuote]]  # a parsed spaCy Doc -> quotes in its text's offsets


def textacy_quotes(doc: Any) -> list[PredictedQuote]:
    from textacy.extract.triples import direct_quotations

    found: list[PredictedQuote] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on an article with an unclosed quotation: it finds nothing there
        return found
    for triple in triples:
        content = triple.content
        speaker = sorted(triple.speaker, key=lambda token: token.i)
        if speaker:
            span = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text))
            name = doc.text[span[0] : span[1]]
            found.append(PredictedQuote((content.start_char, content.end_char), name, span))
        else:
            found.append(PredictedQuote((content.start_char, content.end_char)))
    return found


def dependency_quotes(doc: Any) -> list[PredictedQuote]:
    found: list[PredictedQuote] = []
    for match in _QUOTED.finditer(doc.text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        inside = [token for token in doc if start <= token.idx < end]
        subject = _subject(inside, start, end)
        if subject is None:
            found.append(PredictedQuote((start, end)))
            continue
        left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        found.append(PredictedQuote((start, end), doc.text[left:right], (left, right)))
    return found


def _subject(inside: list[Any], start: int, end: int) -> Any | None:
    for token in inside:
        head = token.head
        if start <= head.idx < end or head is token:
            continue
        for _ in range(_CLIMB):
            if head.pos_ in ("VERB", "AUX") and not start <= head.idx < end:
                subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
            if head.head is head:
                break
            head = head.head
    return None


SYSTEMS: dict[str, System] = {"textacy": textacy_quotes, "dependency": dependency_quotes}
