"""Grammatical gender of the people an article names, from evidence in that article only.

"She said" must not resolve to a man. Nothing outside the text is consulted
(no first-name lists: they guess wrong across languages and cultures); a
person's gender is known only when the article shows it:

* a title or role word that carries it ("Mr", "Ms", "spokeswoman"), or
* a gendered pronoun ("he", "her", "himself") that follows the person's name
  in the same or the next sentence, when that person is the only one the
  sentence names and nobody else is mentioned in between.

Conflicting pronoun evidence leaves the gender unknown, and an unknown gender
is compatible with every pronoun, so the rules can only remove wrong
antecedents, never invent a speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from dossier.quotes.words import FEMALE_WORDS, MALE_WORDS

if TYPE_CHECKING:  # speakers imports this module to resolve pronouns
    from dossier.quotes.speakers import SpeakerCandidate

Gender = Literal["male", "female"]

_GENDERED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
#: A pronoun further than this from the name is no evidence about it (and bounds the work per name).
_PRONOUN_REACH = 400
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam)\.? $")
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_PRONOUN_GENDER: dict[str, Gender] = {"he": "male", "she": "female"}


def pronoun_gender(mention: SpeakerCandidate) -> Gender | None:
    """The gender a pronoun mention ("he", "she") requires of its antecedent; None for "they"."""
    for word in mention.role:
        if word in _PRONOUN_GENDER:
            return _PRONOUN_GENDER[word]
    return None


def role_gender(role: Iterable[str]) -> Gender | None:
    """The gender that title or role words fix, or None when they fix none (or disagree)."""
    words = set(role)
    male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
    if male == female:
        return None
    return "male" if male else "female"


def infer_genders(
    text: str,
    mentions: Sequence[SpeakerCandidate],
    sentence_starts: Sequence[int],
    masked: Sequence[tuple[int, int]] = (),
) -> dict[str, Gender]:
    """The known gender of each person name (canonical ``SpeakerCandidate.name``) of one article.

    ``masked`` ranges (the quotations) hold the speaker's own words, whose
    pronouns point at other people, so they give no evidence.
    """
    pronouns = _pronouns_outside(text, masked)
    pronoun_starts = [start for start, _ in pronouns]
    votes: dict[str, set[Gender]] = {}
    titled: dict[str, Gender] = {}
    person_like = [m for m in mentions if m.person or m.kind in ("unnamed", "nominal")]
    starts = [m.start for m in person_like]
    for mention in person_like:
        if mention.kind != "name":
            continue
        fixed = role_gender(mention.role) or _honorific_gender(text, mention.start)
        if fixed is not None:
            titled.setdefault(mention.name, fixed)
            continue
        voted = _pronoun_vote(mention, person_like, starts, pronouns, pronoun_starts, sentence_starts)
        if voted is not None:
            votes.setdefault(mention.name, set()).add(voted)
    genders: dict[str, Gender] = {name: next(iter(seen)) for name, seen in votes.items() if len(seen) == 1}
    genders.update(titled)  # a title outranks pronouns
    return genders


def compatible(required: Gender | None, known: Gender | None) -> bool:
    """Whether an antecedent of ``known`` gender may stand for a pronoun requiring ``required``."""
    return required is None or known is None or required == known


def gender_of(mention: SpeakerCandidate, genders: Mapping[str, Gender]) -> Gender | None:
    """The known gender of a candidate antecedent: its name's, else its role words'."""
    if mention.kind == "name":
        known = genders.get(mention.name)
        if known is not None:
            return known
    return role_gender(mention.role)


def _honorific_gender(text: str, name_start: int) -> Gender | None:
    """The gender of an honorific right before a name ("Mr. ", "Ms "), which name finding leaves out."""
    match = _HONORIFIC_BEFORE.search(text, max(0, name_start - 8), name_start)
    return None if match is None else role_gender({match.group(1).lower()})


def _pronouns_outside(text: str, masked: Sequence[tuple[int, int]]) -> list[tuple[int, Gender]]:
    ordered = sorted(masked)
    mask_starts = [start for start, _ in ordered]
    found: list[tuple[int, Gender]] = []
    for match in _GENDERED_PRONOUN.finditer(text):
        index = bisect.bisect_right(mask_starts, match.start()) - 1
        if index >= 0 and match.start() < ordered[index][1]:
            continue
        found.append((match.start(), "female" if match.group().lower() in _FEMALE_PRONOUNS else "male"))
    return found


def _pronoun_vote(
    mention: SpeakerCandidate,
    person_like: Sequence[SpeakerCandidate],
    starts: Sequence[int],
    pronouns: Sequence[tuple[int, Gender]],
    pronoun_starts: Sequence[int],
    sentence_starts: Sequence[int],
) -> Gender | None:
    """The gender of the first pronoun after a name, if the name is its sentence's only person."""
    sentence = bisect.bisect_right(sentence_starts, mention.start) - 1
    sentence_start = sentence_starts[sentence] if sentence >= 0 else 0
    # The pronoun may sit in this sentence or the next one, not further.
    reach_index = sentence + 2
    reach = sentence_starts[reach_index] if reach_index < len(sentence_starts) else None
    first_pronoun = bisect.bisect_left(pronoun_starts, mention.end)
    if first_pronoun >= len(pronouns):
        return None
    at, gender = pronouns[first_pronoun]
    if (reach is not None and at >= reach) or at - mention.end > _PRONOUN_REACH:
        return None
    # Bounded windows keep a gigantic unpunctuated "sentence" linear.
    low = bisect.bisect_left(starts, max(sentence_start, mention.start - _PRONOUN_REACH))
    high = bisect.bisect_left(starts, at)
    others = [m for m in person_like[low:high] if m.name != mention.name]
    # Anybody else in the name's sentence, or between it and the pronoun, makes the pronoun ambiguous.
    return None if others else gender
