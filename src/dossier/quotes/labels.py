"""Name labels: a person's name, and only what describes them, set above or before their words.

Vox pops, round-ups of voters and interview pages tie words to a speaker by the page's layout, not
by a verb of speech: "Ada Roe, 34, Harwich" on a line of its own above her quoted paragraphs, "Ada
Roe, 34, Harwich: “…”" on one line, "**Ada Roe**, ferry pilot" as a bold heading, "Ada Roe (Green),
Harwich:". A label is a person's name (a recognised person, or two to four capitalised words the
tagger reads as proper nouns and the recognizer gave no other kind) at its start, followed only by
descriptors, each set off by a comma or brackets (an age, a place, a role, a party), and at most a
closing colon or full stop. A byline ("By Ada Roe") or a dateline does not open with the name; a
credit ("Ada Roe/Getty") holds a slash; a sentence ("Ada Roe, 34, said so") holds a verb: none of
them is a label.

A page sets its labels one way throughout: above the words they introduce, or under them as a
signature with no dash ("“…”¶Ada Roe, 34, Harwich"). :class:`LabelLayout` tells which from where
its labels meet prose (see :meth:`LabelLayout._placement`). Only bare quotation paragraphs count as
the words labels stand by: one with its own attribution after the closing mark ("“…,” Roe said.")
is the writer's prose.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from typing import Literal

from dossier.analysis import Tokens
from dossier.quotes.dependency import token_range
from dossier.quotes.speakers import SpeakerCandidate

#: Emphasis and heading marks a label may be wrapped in ("**Ada Roe**", "## Ada Roe"): read as spaces.
_MARKUP = re.compile(r"[*_#]")
#: Characters no label holds: quotation marks (words, not a label), a slash (a photo credit).
_NOT_IN_LABEL = frozenset('“”„«»"/')
_MAX_LABEL_WORDS = 16
_MAX_DESCRIPTOR_WORDS = 7
#: Capitalised words an unrecognised name may have ("Tomas Reyes", "Ada M. Roe").
_NAME_WORDS = (2, 4)
#: One descriptor: ", 34", ", of Harwich", " (Green)".
_DESCRIPTOR = re.compile(r"\s*(?:,\s*(?P<comma>[^,():]+)|\((?P<bracket>[^()]+)\))")
#: Parts of speech the tagger gives the words of a name, a rare one included ("By", "The" are not).
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "X"})
#: An age right after a name ("Ada Roe, 34,"): only people are given one.
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*(?:[,:.(]|$)")
#: What may close a label: a colon that hands over to the words, a full stop, nothing.
_LABEL_END = re.compile(r"\s*[:.]?\s*")
#: Verbs a descriptor may hold as a modifier ("retired teacher", "registered Democrat"); any other verb
#: makes the line a clause.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def name_label(
    text: str, start: int, stop: int, mentions: Sequence[SpeakerCandidate], tokens: Tokens
) -> SpeakerCandidate | None:
    """The person whose label ``text[start:stop]`` is, or None when it is no label (see the module)."""
    plain = _MARKUP.sub(" ", text[start:stop])  # same length: offsets into it are offsets into the text
    words = plain.split()
    if not words or len(words) > _MAX_LABEL_WORDS or any(char in _NOT_IN_LABEL for char in plain):
        return None
    begin = start + len(plain) - len(plain.lstrip())
    name = _name_at(text, begin, stop, mentions, tokens)
    if name is None or not _only_descriptors(plain, name.end - start):
        return None
    return None if _holds_a_clause(tokens, name.end, stop) else name


def _name_at(
    text: str, begin: int, stop: int, mentions: Sequence[SpeakerCandidate], tokens: Tokens
) -> SpeakerCandidate | None:
    """The person's name that opens the label at ``begin``, after any title words ("Rep. Ada Roe").

    The run of capitalised words at the start is read (nouns and adjectives too: the tagger reads some
    rare names so; a preposition or a determiner, as in "By Ada Roe", ends it). A recognised person in
    it is the name; another kind of mention (a place, a body) makes it no person's label, unless an age
    follows the run ("Ada Roe, 34,": the recognizer took a rare name for a place). With no mention at
    all, two to four proper nouns (any capitalised words, before an age) are taken for a name the
    recognizer missed.
    """
    first, last = token_range(tokens, begin, stop)
    end = first
    while end < last and text[tokens.starts[end]].isupper() and tokens.pos[end] in _NAME_TAGS:
        end += 1
        if end + 1 < last and _joins_name_parts(text, tokens, end):
            end += 1  # "Adebimpe-Kwarteng", "O’Neill": the mark between two parts of one name
    if end == first or any(m.start < begin < m.end for m in mentions):
        return None
    run_end = tokens.ends[end - 1]
    aged = _AGE.match(text, run_end, stop) is not None
    inside = [m for m in mentions if begin <= m.start and m.end <= run_end]
    if inside:
        name = max(inside, key=lambda m: m.end)
        if name.kind != "name" or name.end != run_end or not (name.person or aged):
            return None
        return name if name.person else dataclasses.replace(name, person=True)
    words = [i for i in range(first, end) if tokens.pos[i] != "PUNCT"]
    proper = all(tokens.pos[i] == "PROPN" for i in words)
    # Before an age, a first name alone is a person ("Ada, 34,"); else two words at least.
    fewest = 1 if aged else _NAME_WORDS[0]
    if not (proper or aged) or not fewest <= len(words) <= _NAME_WORDS[1]:
        return None
    # An all-capitals run is a heading or a dateline ("HARWICH, England"), not a name, but before an age.
    if not aged and all(text[tokens.starts[i] : tokens.ends[i]].isupper() for i in range(first, end)):
        return None
    return SpeakerCandidate(begin, run_end, text[begin:run_end], "name", person=True)


def _joins_name_parts(text: str, tokens: Tokens, at: int) -> bool:
    """Whether token ``at`` is a hyphen or an apostrophe glued to capitalised words on both sides."""
    if text[tokens.starts[at] : tokens.ends[at]] not in ("-", "'", "’"):
        return False
    glued = tokens.ends[at - 1] == tokens.starts[at] and tokens.ends[at] == tokens.starts[at + 1]
    return glued and text[tokens.starts[at + 1]].isupper()


def _only_descriptors(plain: str, at: int) -> bool:
    """Whether ``plain`` from ``at`` on is nothing but short descriptors and a closing mark."""
    while True:
        match = _DESCRIPTOR.match(plain, at)
        if match is None:
            break
        words = (match.group("comma") or match.group("bracket") or "").split()
        if not words or len(words) > _MAX_DESCRIPTOR_WORDS:
            return False
        at = match.end()
    return _LABEL_END.fullmatch(plain, at) is not None


def _holds_a_clause(tokens: Tokens, start: int, stop: int) -> bool:
    """Whether a verb stands in ``[start, stop)`` other than as a noun's modifier ("retired teacher")."""
    first, last = token_range(tokens, start, stop)
    return any(
        tokens.pos[i] in ("VERB", "AUX") and tokens.deps[i] not in _MODIFIER_DEPS for i in range(first, last)
    )


Placement = Literal["above", "below"]


class LabelLayout:
    """The name-label lines of one article and the side of the words they stand on.

    ``opening_lines`` are the opening marks of the quotations that open their line (a quotation
    paragraph); ``mentions`` the article's speaker mentions, in text order.
    """

    def __init__(
        self, text: str, opening_lines: Sequence[int], mentions: Sequence[SpeakerCandidate], tokens: Tokens
    ) -> None:
        self._lines = _paragraphs(text)
        self._starts = [start for start, _ in self._lines]
        quoted = set(opening_lines)
        self._quoted = [start in quoted for start in self._starts]
        starts = [m.start for m in mentions]
        self._labels: dict[int, SpeakerCandidate] = {}
        for index, (start, end) in enumerate(self._lines):
            if self._quoted[index] or len(text[start:end].split()) > _MAX_LABEL_WORDS:
                continue
            near = mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            label = name_label(text, start, end, near, tokens)
            if label is not None:
                self._labels[index] = label
        self.placement = self._placement()

    def _placement(self) -> Placement | None:
        """Where the page's labels stand. A label between prose and a quotation paragraph stands above
        it (the first of a page that introduces its speakers); one between a quotation paragraph and
        prose stands under it (the last of a page that signs its words). Labels between two quotation
        paragraphs tell nothing. With no vote, labels stand above (the common layout); with as many
        votes each way, the page mixes both and no label is read (None)."""
        votes = {"above": 0, "below": 0}
        for index in self._labels:
            before = index > 0 and self._quoted[index - 1]
            after = index + 1 < len(self._lines) and self._quoted[index + 1]
            if after and not before:
                votes["above"] += 1
            elif before and not after:
                votes["below"] += 1
        if votes["above"] == votes["below"]:
            return None if votes["above"] else "above"
        return "below" if votes["below"] > votes["above"] else "above"

    def speaker(self, opening: int) -> SpeakerCandidate | None:
        """The person the label of the quotation paragraph whose first mark is at ``opening`` names."""
        index = bisect.bisect_left(self._starts, opening)
        if self.placement is None or index >= len(self._starts) or self._starts[index] != opening:
            return None
        if self.placement == "above":
            return self._labels.get(index - 1)
        # Signed below: the label after the run of quotation paragraphs this one belongs to.
        after = index + 1
        while after < len(self._lines) and self._quoted[after]:
            after += 1
        return self._labels.get(after)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text`` as ``(start, end)``, leading and trailing spaces left out."""
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            lines.append((start + lead, start + lead + len(stripped)))
        start += len(line) + 1
    return lines
