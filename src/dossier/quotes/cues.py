"""Attribution cues: the reporting verb near a quotation and the mention it names.

A quotation is attributed from the text around it, in this order:

1. the *tail*: from its closing mark to the end of the sentence or the next
   opening mark (``,” Roe said.``, ``,” said the official.``);
2. the *lead*: from the start of its sentence, or the previous quotation's
   closing mark, to its opening mark (``Ferro said: “``, ``he said. “``);
3. a colon or dash lead-in without a verb (``Roe’s message was simple — “``),
   which takes the first mention of that lead.

Around a reporting verb the speaker is the mention just before it ("X said",
"X, the envoy, said"), or, when nothing stands there, the mention just after
it ("said the official", "according to X").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.quotes.speakers import SpeakerCandidate
from dossier.quotes.words import REPORTING_VERBS, ROLE_WORDS, TITLE_WORDS
from dossier.words import JOINED_WORD

ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
# How far around a quotation attribution is looked for; news cues are short.
_WINDOW = 240
#: The widest stretch of text around a quotation that any cue function reads.
CUE_WINDOW = _WINDOW
# A subject farther than this many characters from its verb is not its subject.
_SUBJECT_REACH = 180
_LEAD_INS = (":", "—", "–")


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb (``verb`` is None for a bare lead-in) and the mention it attributes to."""

    verb: str | None
    mention: SpeakerCandidate


def tail_cue(text: str, start: int, stop: int, mentions: Sequence[SpeakerCandidate]) -> Cue | None:
    """The cue in ``text[start:stop]`` right after a closing mark: the first reporting verb."""
    stop = min(stop, start + _WINDOW)
    for verb in _verbs(text, start, stop):
        cue = _around_verb(text, verb, start, stop, mentions)
        if cue is not None and _adjacent(text, start, min(cue.mention.start, verb.start())):
            return cue
        break  # only the first verb after a quotation can attribute it
    return _according_to(text, start, stop, mentions)


def _adjacent(text: str, start: int, stop: int) -> bool:
    """Only punctuation and title words between a closing mark and the cue ("Foreign Minister")."""
    for word in JOINED_WORD.finditer(text, start, stop):
        token = word.group()
        if not (token[0].isupper() or token.lower() in ROLE_WORDS or token.lower() in TITLE_WORDS):
            return False
    return True


def lead_cue(text: str, start: int, stop: int, mentions: Sequence[SpeakerCandidate]) -> Cue | None:
    """The cue in ``text[start:stop]`` right before an opening mark: the last reporting verb."""
    start = max(start, stop - _WINDOW)
    for verb in reversed(list(_verbs(text, start, stop))):
        cue = _around_verb(text, verb, start, stop, mentions)
        if cue is not None:
            return cue
    according = _according_to(text, start, stop, mentions)
    if according is not None:
        return according
    if text[start:stop].rstrip().endswith(_LEAD_INS):
        first = _first_person(mentions, start, stop)
        # A place before the colon is a dateline or a heading ("From Harwich: “…”"): nobody speaks there.
        if first is not None and not first.place:
            return Cue(None, first)
    return None


def sentence_cue(text: str, start: int, stop: int, mentions: Sequence[SpeakerCandidate]) -> Cue | None:
    """A cue anywhere in ``text[start:stop]`` (the rest of a sentence around a partial quote)."""
    for verb in _verbs(text, start, min(stop, start + _WINDOW)):
        cue = _around_verb(text, verb, start, stop, mentions)
        if cue is not None:
            return cue
    return _according_to(text, start, stop, mentions)


def _first_person(mentions: Sequence[SpeakerCandidate], start: int, stop: int) -> SpeakerCandidate | None:
    """The first person-like mention (a person, a source, a nominal) in range, else the first of any."""
    for mention in mentions:
        if start <= mention.start and mention.end <= stop and (mention.person or mention.kind != "name"):
            return mention
    return _first_mention(mentions, start, stop)


def _verbs(text: str, start: int, stop: int) -> list[re.Match[str]]:
    return [
        word for word in JOINED_WORD.finditer(text, start, stop) if word.group().lower() in REPORTING_VERBS
    ]


def _around_verb(
    text: str, verb: re.Match[str], start: int, stop: int, mentions: Sequence[SpeakerCandidate]
) -> Cue | None:
    if _PASSIVE_ADDRESS.search(text, max(start, verb.start() - 30), verb.end()):
        return None  # "Lee was asked, “…”": the one asked or told is not the speaker
    if verb.group().lower().endswith("ing"):
        # "Olby met Lin ..., stressing": a participle's subject is its clause's first person.
        subject = _first_person(mentions, max(start, verb.start() - _WINDOW), verb.start())
    else:
        subject = _subject_before(text, verb.start(), start, mentions)
    if subject is None and _nothing_before(text, start, verb.start()):
        subject = _first_mention(mentions, verb.end(), min(stop, verb.end() + _SUBJECT_REACH))
        if subject is not None and not _ends_clause(text, subject.end, stop):
            # "said Velm spokesman Ada Roe": a name that modifies the phrase whose own name ends it.
            subject = _modified_name(text, subject, mentions, stop)
        if subject is not None and not _ends_clause(text, subject.end, stop):
            subject = None  # "said Velm would go": the mention is the subject of a reported clause
    return None if subject is None else Cue(verb.group().lower(), subject)


#: "was asked", "were told", "had been asked": the subject before such a verb is spoken to.
_PASSIVE_ADDRESS = re.compile(r"\b(?:was|were|is|are|been|being|get|got)\s+(?:[a-z]+ly\s+)?(?:asked|told)$")


def _modified_name(
    text: str, first: SpeakerCandidate, mentions: Sequence[SpeakerCandidate], stop: int
) -> SpeakerCandidate | None:
    """The name that the words after ``first`` lead up to, when they are only role and title words
    ("Velm spokesman Ada Roe", "Velm campaign chief Ada Roe"): ``first`` modifies that phrase. Not
    "of" or "the" ("Ada Roe of Velm" ends in a place)."""
    for mention in mentions:
        if mention.start < first.end:
            continue
        if mention.start >= stop:
            break
        words = text[first.end : mention.start].split()
        if words and len(words) <= 3 and all(_title_like(word) for word in words):
            return mention
        break
    return first


def _title_like(word: str) -> bool:
    lowered = word.lower()
    return lowered in ROLE_WORDS or lowered in _ROLE_MODIFIERS


#: Lower-case words that make up a role with a role word ("campaign manager", "press secretary").
_ROLE_MODIFIERS = frozenset({"campaign", "press", "senior", "communications", "policy", "political"})


def _ends_clause(text: str, at: int, stop: int) -> bool:
    """Whether only punctuation (or nothing) follows ``at`` before the next word."""
    rest = text[at:stop].lstrip()
    return not rest or not rest[0].isalnum()


def _subject_before(
    text: str, verb_start: int, floor: int, mentions: Sequence[SpeakerCandidate]
) -> SpeakerCandidate | None:
    """The mention ending just before the verb, over adverbs and an appositive between commas."""
    low = max(floor, verb_start - _SUBJECT_REACH)
    for mention in reversed(mentions):
        if mention.end > verb_start:
            continue
        if mention.start < low:
            break
        gap = text[mention.end : verb_start]
        if gap.strip() == "," and text[max(0, mention.start - 2) : mention.start] != ", ":
            continue  # "met Lin and senior officials, stressing": a list, not an appositive
        if _plausible_gap(gap):
            return _enclosing(mention, mentions)
    return None


def _enclosing(mention: SpeakerCandidate, mentions: Sequence[SpeakerCandidate]) -> SpeakerCandidate:
    """The longest mention that holds ``mention`` ("a spokesperson for the Port Authority" over its name)."""
    best = mention
    for other in mentions:
        if other.start > mention.start:
            break
        if other.end >= mention.end and other.end - other.start > best.end - best.start:
            best = other
    return best


def _plausible_gap(between: str) -> bool:
    """What may stand between a subject and its verb: adverbs, or one appositive in commas."""
    stripped = between.strip()
    if not stripped:
        return True
    if stripped == ",":
        return True  # "Solvane’s president, Ottilie Brandvik, told": the appositive came first
    if stripped.startswith(",") and stripped.endswith(","):
        return stripped.count(",") == 2 and "“" not in stripped and '"' not in stripped
    if _RELATIVE_CLAUSE.fullmatch(stripped):
        return True  # "an official who spoke anonymously said": the clause describes the subject
    if len(stripped) > 40:
        return False
    words = stripped.split()
    return len(words) <= 2 and all(word.isalpha() and word.islower() for word in words)


#: A relative clause on a person, of lower-case words with no mark in them, between a subject and its
#: verb of speech.
_RELATIVE_CLAUSE = re.compile(r"who(?: [a-z][a-z\-’']*){1,12}")


def _nothing_before(text: str, start: int, verb_start: int) -> bool:
    """Only punctuation between the quotation (or clause start) and the verb: an inverted cue."""
    gap = text[start:verb_start]
    clause = re.split(r"[,.;:]", gap)[-1]
    return not clause.strip() or all(word.islower() for word in clause.split())


def _first_mention(mentions: Sequence[SpeakerCandidate], start: int, stop: int) -> SpeakerCandidate | None:
    for mention in mentions:
        if mention.start >= start and mention.end <= stop:
            return mention
        if mention.start >= stop:
            break
    return None


def _according_to(text: str, start: int, stop: int, mentions: Sequence[SpeakerCandidate]) -> Cue | None:
    match = ACCORDING_TO.search(text, start, stop)
    if match is None:
        return None
    mention = _first_mention(mentions, match.end(), min(stop, match.end() + _SUBJECT_REACH))
    return None if mention is None else Cue("according to", mention)
