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

Text extractors lose bold and bullets but keep their marks and line breaks, so a label may open on a
list's mark ("1. Ada Roe, 34", "• Ada Roe", "- Ada Roe": a listed name needs a mention or an age, as a
list's items are as often topics), set its descriptors off by dashes or bars ("Ada Roe – 34 | Harwich"),
and, after an age, describe the person at length, clauses about them included ("Ada Roe, 34, a nurse
who voted for the first time in 2012"). A label above may stand a line or two of prose about its
person ("Roe has driven cranes since 2009.", "She …") away from the words, and heads every quotation
paragraph after it up to the next label. A sentence that opens on a name and an age ("Ada Roe, 34,
drives cranes.", "Ada Roe, a 34-year-old nurse, …") heads the words after it like a label, but only on
a page that lines up two people or more that way (a round-up, not a news story about one person).
A Q-and-A transcript's answer lines ("A: “…”") are the words of the one person its introduction names.
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
#: A list's mark before a label, as a text extractor leaves it ("1. Ada Roe", "• Ada Roe", "- Ada Roe").
_LIST_MARK = re.compile(r"\s*(?:[•·▪◦►]\s*|[\-–—]{1,2}\s*|\(?\d{1,2}[.)]\s+)")
#: Characters no label holds: quotation marks (words, not a label), a slash (a photo credit).
_NOT_IN_LABEL = frozenset('“”„«»"/')
_MAX_LABEL_WORDS = 16
_MAX_DESCRIPTOR_WORDS = 7
#: After an age the line can only be a person's label, so it may describe them at length ("Ada Roe, 29,
#: a nurse from Harwich who voted for the first time in 2012").
_MAX_AGED_LABEL_WORDS = 28
_MAX_AGED_DESCRIPTOR_WORDS = 16
#: Capitalised words an unrecognised name may have ("Tomas Reyes", "Ada M. Roe").
_NAME_WORDS = (2, 4)
#: One descriptor: ", 34", ", of Harwich", " (Green)", " – 34" (a spaced dash), " | 34" (a bar).
_DESCRIPTOR = re.compile(
    r"\s*(?:,\s*(?P<comma>[^,():|]+)|\((?P<bracket>[^()]+)\)"
    r"|(?<=\s)(?:[–—-]{1,2}|\|)\s+(?P<dash>[^,():|–—]+))"
)
#: Parts of speech the tagger gives the words of a name, a rare one included ("By", "The" are not).
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "X"})
#: An age right after a name ("Ada Roe, 34,", "Ada Roe (34)", "Ada Roe – 34,", "Ada Roe | 34"): only
#: people are given one.
_AGE = re.compile(r"\s*(?:,|\(|\s[–—-]{1,2}|\s\|)\s*\d{1,3}\s*\)?\s*(?:[,:.(|]|$)")
#: What may close a label: a colon that hands over to the words, a full stop, nothing.
_LABEL_END = re.compile(r"\s*[:.]?\s*")
#: Verbs a descriptor may hold as a modifier ("retired teacher", "registered Democrat"); any other verb
#: makes the line a clause.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
#: Clauses that describe a noun ("a nurse who voted", "a porter living in Modesto"): after an age, a
#: label's descriptors may hold them, and the verbs below them.
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


def name_label(
    text: str, start: int, stop: int, mentions: Sequence[SpeakerCandidate], tokens: Tokens
) -> SpeakerCandidate | None:
    """The person whose label ``text[start:stop]`` is, or None when it is no label (see the module)."""
    plain = _MARKUP.sub(" ", text[start:stop])  # same length: offsets into it are offsets into the text
    words = plain.split()
    if not words or len(words) > _MAX_AGED_LABEL_WORDS or any(char in _NOT_IN_LABEL for char in plain):
        return None
    listed = _LIST_MARK.match(plain)
    begin = start + (listed.end() if listed else len(plain) - len(plain.lstrip()))
    name = _name_at(text, begin, stop, mentions, tokens)
    if name is None:
        return None
    aged = _AGE.match(text, name.end, stop) is not None
    if not aged and len(words) > _MAX_LABEL_WORDS:
        return None
    # A list item is as often a topic ("2. Tax Cuts") as a person: a listed name needs a mention or an age.
    if listed and not aged and name not in mentions:
        return None
    if not _only_descriptors(plain, name.end - start, aged):
        return None
    return None if _holds_a_clause(tokens, name.end, stop, aged) else name


def is_aged(text: str, label: SpeakerCandidate, stop: int) -> bool:
    """Whether an age follows the label's name before ``stop`` ("Ada Roe, 34, Harwich")."""
    return _AGE.match(text, label.end, stop) is not None


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
        if name.end == run_end - 1 and text[name.end] == ".":
            # The recognizer left out the full stop of a suffix ("Ada Roe Jr."): the label runs to it.
            name = dataclasses.replace(name, end=run_end)
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


def _only_descriptors(plain: str, at: int, aged: bool) -> bool:
    """Whether ``plain`` from ``at`` on is nothing but short descriptors and a closing mark (longer ones
    after an age)."""
    most = _MAX_AGED_DESCRIPTOR_WORDS if aged else _MAX_DESCRIPTOR_WORDS
    while True:
        match = _DESCRIPTOR.match(plain, at)
        if match is None:
            break
        words = (match.group("comma") or match.group("bracket") or match.group("dash") or "").split()
        if not words or len(words) > most:
            return False
        at = match.end()
    return _LABEL_END.fullmatch(plain, at) is not None


def _holds_a_clause(tokens: Tokens, start: int, stop: int, aged: bool) -> bool:
    """Whether a verb stands in ``[start, stop)`` other than as a noun's modifier ("retired teacher"),
    or, after an age, in a clause that describes a noun ("a nurse who voted in 2012")."""
    first, last = token_range(tokens, start, stop)
    return any(
        tokens.pos[i] in ("VERB", "AUX")
        and tokens.deps[i] not in _MODIFIER_DEPS
        and not (aged and _in_noun_clause(tokens, i, first, last))
        for i in range(first, last)
    )


def _in_noun_clause(tokens: Tokens, index: int, first: int, last: int) -> bool:
    """Whether token ``index`` heads, or hangs below, a clause that describes a noun inside
    ``[first, last)``: climbing its heads meets such a clause before leaving the range or the root."""
    while first <= index < last:
        if tokens.deps[index] in _NOUN_CLAUSE_DEPS:
            return first <= tokens.heads[index] < last
        head = tokens.heads[index]
        if head == index:
            return False
        index = head
    return False


Placement = Literal["above", "below"]


class LabelLayout:
    """The name-label lines of one article and the side of the words they stand on.

    ``opening_lines`` are the opening marks of the quotations that open their line (a quotation
    paragraph); ``mentions`` the article's speaker mentions, in text order.
    """

    def __init__(
        self, text: str, opening_lines: Sequence[int], mentions: Sequence[SpeakerCandidate], tokens: Tokens
    ) -> None:
        self._text = text
        self._lines = _paragraphs(text)
        self._starts = [start for start, _ in self._lines]
        quoted = set(opening_lines)
        self._quoted = [start in quoted for start in self._starts]
        starts = [m.start for m in mentions]
        #: The speaker mentions of each line, outside its quotation marks.
        self._mentions = [
            mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            for start, end in self._lines
        ]
        self._labels: dict[int, SpeakerCandidate] = {}
        for index, (start, end) in enumerate(self._lines):
            if self._quoted[index] or len(text[start:end].split()) > _MAX_AGED_LABEL_WORDS:
                continue
            label = name_label(text, start, end, self._mentions[index], tokens)
            if label is not None:
                self._labels[index] = label
        profiles = self._profiles(tokens)
        self._labels.update(profiles)
        #: Profiles introduce the words after them; they never sign the words above.
        self._profile_lines = frozenset(profiles)
        self.placement = self._placement()

    def _profiles(self, tokens: Tokens) -> dict[int, SpeakerCandidate]:
        """The prose lines that open on a person's name and age ("Ada Roe, 34, drives cranes.") and head
        their words on a round-up page, as labels do. Only where they and the labels name two people or
        more: a news story profiles one person; a round-up lines several up the same way."""
        profiles: dict[int, SpeakerCandidate] = {}
        for index, (start, end) in enumerate(self._lines):
            # A line with words of its own in quotation marks attributes them itself.
            if index in self._labels or self._quoted[index] or _holds_quotation(self._text, start, end):
                continue
            name = _name_at(self._text, start, end, self._mentions[index], tokens)
            if name is not None and _PROFILE_AGE.match(self._text, name.end, end) is not None:
                profiles[index] = name
        heads = [*profiles.values(), *self._labels.values()]
        surnames = {name.name.split()[-1].casefold() for name in heads}
        return profiles if len(surnames) >= 2 else {}

    def _about(self, index: int, label: SpeakerCandidate) -> bool:
        """Whether line ``index`` is prose about the label's person, as a round-up writes a line or two on
        someone between their name and their words ("Roe has driven cranes since 2009."): it names them
        again by the label's last word (the recognizer may miss a lone surname), or opens on "he" or
        "she", and names no other person."""
        if index in self._labels or self._quoted[index]:
            return False
        surname = label.name.split()[-1].casefold()
        mentions = self._mentions[index]
        if any(m.kind == "name" and m.person and m.name.split()[-1].casefold() != surname for m in mentions):
            return False
        if mentions and mentions[0].kind == "pronoun" and mentions[0].name.casefold() in _THIRD_PERSON:
            return True
        start, end = self._lines[index]
        return any(
            word[0].isupper() and word.casefold() == surname for word in _WORD.findall(self._text, start, end)
        )

    def _placement(self) -> Placement | None:
        """Where the page's labels stand. A label between prose and a quotation paragraph stands above
        it (the first of a page that introduces its speakers); one between a quotation paragraph and
        prose stands under it (the last of a page that signs its words). Labels between two quotation
        paragraphs tell nothing. With no vote, labels stand above (the common layout); with as many
        votes each way, the page mixes both and no label is read (None)."""
        votes = {"above": 0, "below": 0}
        for index, label in self._labels.items():
            before = index > 0 and self._quoted[index - 1]
            after = index + 1 < len(self._lines) and self._quoted[index + 1]
            # Prose about the person right after their label: the label heads the person's part of the page.
            introduces = index + 1 < len(self._lines) and self._about(index + 1, label)
            if (after and not before) or introduces:
                votes["above"] += 1
            elif before and not after and index not in self._profile_lines:
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
            return self._label_above(index)
        # Signed below: the label after the run of quotation paragraphs this one belongs to.
        after = index + 1
        while after < len(self._lines) and self._quoted[after]:
            after += 1
        return self._labels.get(after)

    def _label_above(self, index: int) -> SpeakerCandidate | None:
        """The label heading the part of the page line ``index`` opens: up over the quotation paragraphs
        before it and at most :data:`_MAX_ABOUT_LINES` lines of prose about the label's person."""
        prose: list[int] = []
        above = index - 1
        while above >= 0 and above not in self._labels:
            if not self._quoted[above]:
                prose.append(above)
                if len(prose) > _MAX_ABOUT_LINES:
                    return None
            above -= 1
        label = self._labels.get(above)
        if label is None or not all(self._about(line, label) for line in prose):
            return None
        return label


#: The age a profile gives right after the name ("Ada Roe, 34, drives", "Ada Roe, a 34-year-old nurse,").
_PROFILE_AGE = re.compile(r"\s*,\s*(?:\d{1,3}\s*,|an?\s+\d{1,3}-year-old\b)")
#: Lines of prose about a person a round-up may set between their label and their words.
_MAX_ABOUT_LINES = 2
#: A word, its inner hyphens and apostrophes included ("O’Neill").
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: Pronouns a line about the person of the label above it may open on.
_THIRD_PERSON = frozenset(("he", "she"))


#: The marks of a transcript's question and answer lines ("Q: “…”", "A. “…”"), alone before the words.
_QUESTION_MARK = re.compile(r"(?m)^[ \t*_]*Q[ \t*_]*[:.][ \t*_]*[“\"]")
_ANSWER_LABEL = re.compile(r"[*_\s]*A[*_\s]*[:.]")


def interviewee(
    text: str, lead: tuple[int, int], mentions: Sequence[SpeakerCandidate], tokens: Tokens
) -> SpeakerCandidate | None:
    """The speaker of an answer line ``text[lead[0]:lead[1]]`` ("A:") of a Q-and-A transcript: the one
    person the page names before its first question line, its introduction. None when the lead is no
    answer mark, the page asks no question that way, or its introduction names nobody or may name
    several (a run of proper nouns no mention covers may be a person the recognizer missed)."""
    if _ANSWER_LABEL.fullmatch(text, *lead) is None:
        return None
    question = _QUESTION_MARK.search(text)
    if question is None or question.start() > lead[0]:
        return None
    names = [m for m in mentions if m.kind == "name" and m.end <= question.start()]
    people = [m for m in names if m.person]
    surnames = {m.name.split()[-1].casefold() for m in people}
    # A name of several words the recognizer gave another kind may be a second person it missed.
    if len(surnames) != 1 or any(not m.person and len(m.name.split()) > 1 for m in names):
        return None
    if _unnamed_proper_run(tokens, question.start(), names):
        return None
    return max(people, key=lambda m: len(m.name))


def _unnamed_proper_run(tokens: Tokens, stop: int, names: Sequence[SpeakerCandidate]) -> bool:
    """Whether two proper nouns in a row stand before ``stop`` outside every name mention."""
    first, last = token_range(tokens, 0, stop)
    run = 0
    for index in range(first, last):
        covered = any(m.start <= tokens.starts[index] < m.end for m in names)
        run = run + 1 if tokens.pos[index] == "PROPN" and not covered else 0
        if run >= 2:
            return True
    return False


def _holds_quotation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a quotation mark."""
    return any(text.find(mark, start, end) >= 0 for mark in _NOT_IN_LABEL if mark != "/")


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
