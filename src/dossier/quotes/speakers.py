"""Who can speak: names, pronouns, role nominals and unnamed sources in an article.

Names come from the entity layer (:mod:`dossier.analyze`): a person or
organization mention with its titles ("Secretary of State Maren Olby" gives
"Maren Olby" with role words {secretary, state}).

Every candidate speaker is a :class:`SpeakerCandidate` of the article text. Pronouns
("he") and nominals ("the minister") are resolved by :func:`resolve` to the
nearest compatible earlier mention; unnamed sources ("a senior Velm
official") keep their own phrase as the speaker name and are never guessed
into a person.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from dossier.analysis import NameMention
from dossier.quotes.gender import Gender, compatible, gender_of, pronoun_gender
from dossier.quotes.words import (
    ORGANIZATION_HEADS,
    REPORTING_VERBS,
    ROLE_WORDS,
)
from dossier.segment import SENTENCE_STARTERS
from dossier.words import word_list

CandidateKind = Literal["name", "pronoun", "nominal", "unnamed", "organization"]


# Synonyms a nominal head may use for a role seen next to a name ("the Solvanian leader").
_ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": word_list("president premier chancellor king queen leader ruler emperor head monarch"),
    "diplomat": word_list("diplomat minister secretary ambassador envoy"),
    "spokesman": word_list("spokesman spokeswoman spokesperson"),
    "spokeswoman": word_list("spokesman spokeswoman spokesperson"),
    "envoy": word_list("envoy ambassador diplomat"),
}
_PRONOUNS = {"he": "he", "she": "she", "him": "he", "her": "she", "they": "they"}
_SINGULAR_UNNAMED_HEADS = ROLE_WORDS - word_list(
    "officials ministers diplomats sources aides lawmakers analysts experts negotiators"
)
_POSTMODIFIER_LEADS = (
    "in ",
    "at ",
    "from ",
    "with ",
    "involved ",
    "familiar ",
    "close ",
    "briefed ",
    "on ",
    "for ",
)

_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_ORG_HEAD_ALTERNATION = "|".join(sorted(ORGANIZATION_HEADS, key=len, reverse=True))
# "the ministry", "the foreign ministry", "the Velmish government": a body named by its lower-case head.
_ORG_NOMINAL = re.compile(rf"\b[Tt]he ((?:[\w\-]+ ){{0,2}}?)({_ORG_HEAD_ALTERNATION})\b")
# "Brell’s office", "the president’s office": a body named after its head.
_POSSESSIVE_BODY = re.compile(rf"[’']s ({_ORG_HEAD_ALTERNATION})\b")
# Lower-case words a body phrase may add that its name need not hold ("the country's foreign ministry").
_BODY_FILLERS = word_list("country’s country's nation’s nation's its their")
#: Plural unnamed heads: "officials" and the like can be "they", never "he" or "she".
PLURAL_SOURCE_HEADS = word_list(
    "officials ministers diplomats sources aides lawmakers analysts experts negotiators"
)
_ROLE_ALTERNATION = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
# "the minister", "the Solvanian leader", "the trade envoy": up to three modifiers.
_NOMINAL = re.compile(rf"\b[Tt]he ((?:[\w.\-’']+ ){{0,3}}?)({_ROLE_ALTERNATION})\b")
# "a senior State Department official", "two Western diplomats".
_UNNAMED = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome) "
    rf"((?:[\w.\-’']+ ){{0,4}}?)({_ROLE_ALTERNATION})\b"
)
# "Velmish officials", "US officials", "officials": a bare plural source, up to two modifiers.
_PLURAL_SOURCE = re.compile(
    r"(?<![\w.’'])(?:(?:[A-Z][\w.\-]*|senior|western|foreign|local)\s+){0,2}"
    r"(?:officials|diplomats|sources|aides|lawmakers|analysts|experts|negotiators)\b"
)
_MAX_NAME_TOKENS = 4
_MAX_WORD = 40  # an owner word longer than this is noise, and the cap bounds the walk back
_RELATIVE_WORDS = frozenset({"who", "that", "which", "whom", "whose"})
_POSTMOD_WINDOW = 60


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """A span that can name a speaker.

    ``name`` is the display name: the person's name for a name, the phrase for
    an unnamed source, the pronoun or head word otherwise. ``role`` holds the
    lower-cased title words seen with it ("foreign", "minister").
    """

    start: int
    end: int
    name: str
    kind: CandidateKind
    role: frozenset[str] = field(default_factory=frozenset)
    person: bool = False
    #: Whether it stands where a sentence's subject stands (see :func:`mark_subjects`).
    subject: bool = False
    #: Whether the recognizer read the name as a place: a place before a colon is a dateline or a
    #: heading ("From Harwich: “…”"), not who speaks.
    place: bool = False


def find_mentions(
    text: str, names: Sequence[NameMention] = (), masked: Sequence[tuple[int, int]] = ()
) -> tuple[SpeakerCandidate, ...]:
    """Every name, pronoun, nominal and unnamed source of ``text`` outside the ``masked`` ranges.

    Names are the entity layer's mentions (:mod:`dossier.analyze`), so quotes and entities agree on
    who is named where; the other kinds are read here.
    """
    found = [
        *names_as_speakers(text, names),
        *_pronouns(text),
        *_nominals(text),
        *_unnamed(text),
        *_plural_sources(text),
        *_organizations(text),
    ]
    ordered = sorted(masked)
    starts = [start for start, _ in ordered]
    kept = [mention for mention in found if not _inside_any(mention, ordered, starts)]
    kept.sort(key=lambda mention: (mention.start, -mention.end, mention.kind))
    return tuple(_with_appositive_role(text, mention) for mention in _drop_nested(kept))


def names_as_speakers(text: str, names: Sequence[NameMention]) -> Iterable[SpeakerCandidate]:
    """The entity layer's names as candidate speakers (a country or an agency speaks too), titles as role."""
    for name in names:
        role = frozenset(
            word.lower().rstrip(".").strip("’'")
            for title in name.titles
            for word in title.of(text).split()
            if word.lower() not in ("of", "the")
        )
        person, place = name.type == "person", name.type == "place"
        yield SpeakerCandidate(name.start, name.end, name.surface, "name", role, person, place=place)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _pronouns(text: str) -> Iterable[SpeakerCandidate]:
    for match in _PRONOUN.finditer(text):
        word = match.group()
        yield SpeakerCandidate(
            match.start(), match.end(), word, "pronoun", frozenset({_PRONOUNS[word.lower()]})
        )


def _crosses_sentence(modifiers: str) -> bool:
    """Whether the words before a role head end a sentence ("the ministry. The minister")."""
    return any(word.endswith(".") and not _ACRONYM.fullmatch(word) for word in modifiers.split())


def _nominals(text: str) -> Iterable[SpeakerCandidate]:
    for match in _NOMINAL.finditer(text):
        if _crosses_sentence(match.group(1)):
            continue
        role = frozenset(match.group(1).lower().split()) | {match.group(2).lower()}
        yield SpeakerCandidate(match.start(), match.end(), match.group(2).lower(), "nominal", role)


def _unnamed(text: str) -> Iterable[SpeakerCandidate]:
    for match in _UNNAMED.finditer(text):
        if _crosses_sentence(match.group(1)):
            continue
        if match.group(2) not in _SINGULAR_UNNAMED_HEADS and match.group(0).split()[0].lower() in ("a", "an"):
            continue
        end = _postmodifier_end(text, match.end())
        phrase = text[match.start() : end]
        role = frozenset(match.group(1).lower().split()) | {match.group(2).lower()}
        yield SpeakerCandidate(match.start(), end, phrase, "unnamed", role)


def _plural_sources(text: str) -> Iterable[SpeakerCandidate]:
    for match in _PLURAL_SOURCE.finditer(text):
        words = match.group().split()
        while words and words[0] in SENTENCE_STARTERS:
            words = words[1:]
        start = match.end() - len(" ".join(words))
        role = frozenset(word.lower() for word in words)
        yield SpeakerCandidate(start, match.end(), text[start : match.end()], "unnamed", role)


def _organizations(text: str) -> Iterable[SpeakerCandidate]:
    """Bodies that speak: "the ministry", "the foreign ministry", "Brell’s office"."""
    for match in _ORG_NOMINAL.finditer(text):
        modifiers = match.group(1)
        if _crosses_sentence(modifiers) or any(word in REPORTING_VERBS for word in modifiers.split()):
            continue
        role = frozenset(modifiers.lower().split()) | {match.group(2)}
        yield SpeakerCandidate(match.start(), match.end(), match.group(), "organization", role)
    for match in _POSSESSIVE_BODY.finditer(text):
        start = _owner_start(text, match.start())
        if start is None:
            continue
        yield SpeakerCandidate(
            start, match.end(), text[start : match.end()], "organization", frozenset({match.group(1)})
        )


def _owner_start(text: str, possessive_at: int) -> int | None:
    """Where the capitalised owner of "…’s office" starts (up to four words back), or None."""
    start = None
    at = possessive_at
    for _ in range(_MAX_NAME_TOKENS):
        word_start = at
        floor = max(0, at - _MAX_WORD)
        while word_start > floor and (text[word_start - 1].isalnum() or text[word_start - 1] in ".-"):
            word_start -= 1
        word = text[word_start:at]
        if not word or not word[0].isupper() or word in SENTENCE_STARTERS:
            break
        start = word_start
        if word_start == 0 or text[word_start - 1] != " ":
            break
        at = word_start - 1
    return start


def _postmodifier_end(text: str, head_end: int) -> int:
    """Extend "a senior official" over "in the capital" or "involved in the talks", up to a comma or verb."""
    window = text[head_end : head_end + _POSTMOD_WINDOW]
    if not window.startswith(" ") or not window[1:].startswith(_POSTMODIFIER_LEADS):
        return head_end
    stop = len(window)
    for mark in ',.;:“”"\n':
        found = window.find(mark)
        if found >= 0:
            stop = min(stop, found)
    if stop == len(window):
        return head_end
    tail = window[:stop]
    for word in re.finditer(r"\S+", tail):
        if word.group() in _RELATIVE_WORDS:
            return head_end  # "an official who said": a clause, not a modifier
        if word.group() in REPORTING_VERBS:
            # "a spokesperson for the port authority said": the modifier ends at the verb.
            tail = tail[: word.start()]
            break
    return head_end + len(tail.rstrip())


def _with_appositive_role(text: str, mention: SpeakerCandidate) -> SpeakerCandidate:
    """Add the role words of an appositive ("Ada Roe, the port’s envoy," or "its envoy, Ada Roe")."""
    if mention.kind != "name":
        return mention
    words = _appositive_words(text, mention)
    role = words & ROLE_WORDS
    if not role:
        return mention
    return SpeakerCandidate(mention.start, mention.end, mention.name, "name", mention.role | words, True)


def _appositive_words(text: str, mention: SpeakerCandidate) -> frozenset[str]:
    """Words of a verbless phrase set off by commas right after or right before the name."""
    words: set[str] = set()
    after = text[mention.end : mention.end + _POSTMOD_WINDOW]
    if after.startswith(", "):
        phrase = re.match(r"[^,;\n]*?(?=,|;|\.(?:\s|$))", after[2:])
        if phrase is not None:
            words.update(_clause_words(phrase.group()))
    before = text[max(0, mention.start - _POSTMOD_WINDOW) : mention.start]
    if before.endswith(", "):
        words.update(_clause_words(re.split(r"[,.;:!?\n]", before[:-2])[-1]))
    return frozenset(words)


def _clause_words(clause: str) -> Iterable[str]:
    """Lower-cased words of a short verbless phrase; anything longer is a clause, not an appositive."""
    words = [_strip_possessive(word).lower().strip("’'") for word in clause.split()]
    if len(words) > 6 or any(word in REPORTING_VERBS or word == "that" for word in words):
        return ()
    return words


def _inside_any(mention: SpeakerCandidate, masked: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """Whether the mention lies inside one of the sorted, non-overlapping ``masked`` ranges."""
    index = bisect.bisect_right(starts, mention.start) - 1
    return index >= 0 and mention.end <= masked[index][1]


def _drop_nested(mentions: list[SpeakerCandidate]) -> Iterable[SpeakerCandidate]:
    """Where mentions overlap keep the longer, earlier one ("a senior official" over "official")."""
    reach = -1
    for mention in mentions:
        if mention.start >= reach:
            reach = mention.end
            yield mention
        elif mention.kind == "name" and mention.person:
            yield mention  # a name inside an unnamed-source phrase stays findable


# --- resolving pronouns, nominals and short names ---------------------------------------------------


def compatible_role(nominal: SpeakerCandidate, candidate: SpeakerCandidate) -> bool:
    """Whether a nominal ("the Solvanian leader") can refer to ``candidate``."""
    head = nominal.name
    heads = _ROLE_SYNONYMS.get(head, frozenset({head}))
    if not candidate.role & heads:
        return False
    modifiers = nominal.role - {head} - ROLE_WORDS
    return modifiers <= candidate.role or (
        candidate.kind == "unnamed" and modifiers <= word_list(candidate.name.lower())
    )


def resolve(
    mention: SpeakerCandidate,
    earlier: Sequence[SpeakerCandidate],
    genders: Mapping[str, Gender] | None = None,
) -> SpeakerCandidate | None:
    """The mention a pronoun, nominal or body phrase stands for: the nearest compatible earlier one.

    A nominal takes the nearest earlier mention whose role words fit its head
    and modifiers; a body phrase ("the ministry") the nearest earlier
    organization name with that head. "He" and "she" take the nearest earlier
    *subject* that is a person or a single unnamed source of a compatible
    gender (``genders`` holds what the article shows; unknown fits both), and
    "they" the nearest group (officials, a body) when no person subject is
    nearer. Whatever finds no antecedent gives None.
    """
    if mention.kind in ("name", "unnamed"):
        return mention
    candidates = [candidate for candidate in earlier if candidate.end <= mention.start]
    if mention.kind == "nominal":
        return _nearest(candidates, lambda c: c.kind in ("name", "unnamed") and compatible_role(mention, c))
    if mention.kind == "organization":
        return _nearest(candidates, lambda c: _names_body(mention, c))
    if "they" in mention.role:
        return _resolve_plural(candidates)
    return _resolve_singular(mention, candidates, genders or {})


def _nearest(
    candidates: Sequence[SpeakerCandidate], fits: Callable[[SpeakerCandidate], bool]
) -> SpeakerCandidate | None:
    return next((candidate for candidate in reversed(candidates) if fits(candidate)), None)


def _resolve_singular(
    pronoun: SpeakerCandidate, candidates: Sequence[SpeakerCandidate], genders: Mapping[str, Gender]
) -> SpeakerCandidate | None:
    """ "He"/"she": the nearest fitting subject, or a gender-known object when a nearer subject clashes.

    "Ms Roe met Mr Lin. He said": Roe is the subject but a woman, so the man
    the sentence names, Lin, is taken.
    """
    required = pronoun_gender(pronoun)
    fallback: SpeakerCandidate | None = None
    for index in range(len(candidates) - 1, -1, -1):
        candidate = candidates[index]
        if candidate.kind == "name" and candidate.person and not candidate.subject:
            known = gender_of(candidate, genders)
            if fallback is None and required is not None and compatible(required, known):
                fallback = candidate
            continue
        if not candidate.subject:
            continue
        antecedent: SpeakerCandidate | None = None
        if candidate.person or _singular_unnamed(candidate):
            antecedent = candidate
        elif candidate.kind == "nominal":
            antecedent = resolve(candidate, candidates[:index], genders)
        if antecedent is None:
            continue
        if compatible(required, gender_of(antecedent, genders)):
            return antecedent
        if fallback is not None:
            return fallback
    return None


def _resolve_plural(candidates: Sequence[SpeakerCandidate]) -> SpeakerCandidate | None:
    """ "They": the nearest group or body, unless a person subject stands nearer (then nobody)."""
    for candidate in reversed(candidates):
        if is_group(candidate):
            return candidate
        if candidate.subject and (candidate.person or _singular_unnamed(candidate)):
            return None
    return None


def is_group(mention: SpeakerCandidate) -> bool:
    """Whether a mention names several people or a body: "Velmish officials", "the ministry", "NATO"."""
    if mention.kind == "organization":
        return True
    if mention.kind == "unnamed":
        return bool(mention.role & PLURAL_SOURCE_HEADS) and not mention.role & _SINGULAR_UNNAMED_HEADS
    if mention.kind != "name" or mention.person:
        return False
    last = mention.name.split()[-1]
    return last.lower() in ORGANIZATION_HEADS or (len(last) > 1 and last.isupper())


def _names_body(phrase: SpeakerCandidate, candidate: SpeakerCandidate) -> bool:
    """Whether an organization name ("Velmish Foreign Ministry") fits a body phrase ("the ministry")."""
    if candidate.kind != "name" or candidate.person:
        return False
    words = {word.lower() for word in candidate.name.split()}
    head = phrase.role & ORGANIZATION_HEADS
    return bool(head) and head <= words and phrase.role <= words | _BODY_FILLERS


def mark_subjects(
    text: str,
    mentions: Sequence[SpeakerCandidate],
    sentence_starts: Sequence[int],
    is_object: Callable[[SpeakerCandidate], bool] | None = None,
) -> tuple[SpeakerCandidate, ...]:
    """Flag the mentions that stand as a sentence's subject.

    The subject is the first person-like mention (a person's name, an unnamed
    source, a nominal) of its sentence, or a name set off right after it by a
    comma ("The trade envoy, Ada Roe, said"). Objects ("his meeting with
    Lin") are passed over, which keeps "he" on the person the sentence is about.
    With the parse, ``is_object`` tells which mentions are objects, owners or
    modifiers, so that one opening the sentence is passed over too ("With a
    vote for Lin ruled out, Roe said he…": Roe is the subject).
    """
    marked: list[SpeakerCandidate] = []
    starts = list(sentence_starts)
    current_sentence = -1
    subject_end = -1
    for mention in mentions:
        sentence = bisect.bisect_right(starts, mention.start) - 1
        if sentence != current_sentence:
            current_sentence = sentence
            subject_end = -1
        person_like = mention.person or mention.kind in ("unnamed", "nominal")
        is_subject = False
        if person_like and mention.kind != "pronoun" and subject_end < 0 and is_object and is_object(mention):
            marked.append(mention)
            continue
        if person_like and mention.kind != "pronoun":
            # The first person-like mention, or a name in apposition right after it.
            is_subject = subject_end < 0 or text[subject_end : mention.start] in (", ", ",")
            if is_subject:
                subject_end = mention.end
        elif mention.kind == "pronoun" and subject_end < 0:
            subject_end = mention.end
        marked.append(dataclasses.replace(mention, subject=is_subject) if is_subject else mention)
    return tuple(marked)


def _singular_unnamed(mention: SpeakerCandidate) -> bool:
    return mention.kind == "unnamed" and bool(mention.role & _SINGULAR_UNNAMED_HEADS)


class NameIndex:
    """Full person names by their last and first word, to complete short names ("Olby" -> "Maren Olby").

    Built once per article (positions known) or per story (names only), so
    completing a name costs a dictionary look-up and a binary search however
    many names the text holds.
    """

    def __init__(self, mentions: Iterable[SpeakerCandidate] = (), names: Iterable[str] = ()) -> None:
        self._ends: dict[str, list[tuple[int, str]]] = {}
        self._starts: dict[str, list[tuple[int, str]]] = {}
        self._longest_ending: dict[str, str] = {}
        self._longest_starting: dict[str, str] = {}
        for mention in mentions:
            if mention.person and " " in mention.name:
                self._add(mention.start, mention.name)
        for name in names:
            if " " in name:
                self._add(-1, name)

    def _add(self, at: int, name: str) -> None:
        words = name.split()
        if at >= 0:
            self._ends.setdefault(words[-1], []).append((at, name))
            self._starts.setdefault(words[0], []).append((at, name))
        for table, key in ((self._longest_ending, words[-1]), (self._longest_starting, words[0])):
            known = table.get(key)
            if known is None or (-len(name), name) < (-len(known), known):
                table[key] = name

    def full_name(self, short: str, at: int) -> str:
        """The nearest earlier full name ending with ``short``, then the first one starting with it
        (family name first), then the longest such name known anywhere; else ``short`` itself."""
        if " " in short:
            return short
        ending = self._ends.get(short, [])
        index = bisect.bisect_left(ending, (at, "")) - 1
        if index >= 0:
            return ending[index][1]
        starting = self._starts.get(short, [])
        if starting and starting[0][0] < at:
            return starting[0][1]
        return self._longest_ending.get(short) or self._longest_starting.get(short) or short


def canonical_name(
    short: str, at: int, names: Sequence[SpeakerCandidate], story_names: Iterable[str] = ()
) -> str:
    """The full name a short name stands for, from one article's mentions and the story's names.

    A convenience over :class:`NameIndex` for a single look-up.
    """
    return NameIndex(names, story_names).full_name(short, at)
