"""Issue labels built from the issue's own key phrases, never from words it does not contain.

Candidate phrases are runs of one to three words that sit verbatim in a
sentence (single spaces between them) and neither start nor end with a stop
word or another function word (a preposition, conjunction, determiner or
linking adverb: "disaster since", "every lifeboat" are pieces of a clause).
Each is scored class-TF-IDF style (as in BERTopic): the share of the issue's
sentences that use it, times log(1 + average issue size / uses in the whole
story), so words every issue shares (the story's protagonists) lose to words
that set this issue apart. The label is the best phrase, plus a second one
that shares no word with it when it scores close, joined with " / ".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.embed.tfidf import STOP_WORDS
from dossier.words import JOINED_WORD

MAX_PHRASE_WORDS = 3
#: A second phrase joins the label only when it scores at least this share of the first.
SECOND_PHRASE_RATIO = 0.6
SEPARATOR = " / "

#: Words that are poor labels on their own, though not stop words for similarity.
_WEAK_TEXT = (
    "year years time times week weeks day days month months people thing things way part new last "
    "first one two three many much well also even still like just told says said saying added"
)
_WEAK = frozenset(_WEAK_TEXT.split())
#: Prepositions, conjunctions, determiners and time or linking adverbs the similarity stop list lacks:
#: a phrase that opens or closes on one ("crash since", "amid protests") was cut out of a clause.
_FUNCTION_TEXT = (
    "since ago after before during than until till every each another such either neither whose whom "
    "whether onto upon across toward towards amid amidst among amongst within without via per despite "
    "besides beyond behind near around along alongside throughout unlike versus instead ahead yet "
    "although though whereas unless however meanwhile moreover therefore thus hence later earlier "
    "already still soon ever never perhaps almost nearly"
)
#: Words no phrase may start or end with.
FUNCTION_WORDS = STOP_WORDS | frozenset(_FUNCTION_TEXT.split())


@dataclass(frozen=True, slots=True)
class Phrase:
    key: str  # case-folded words joined by one space
    surface: str  # the most common verbatim form
    score: float

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.key.split())


def phrases_in(text: str) -> dict[str, str]:
    """Every candidate phrase of one sentence: case-folded key → verbatim surface."""
    tokens = list(JOINED_WORD.finditer(text))
    found: dict[str, str] = {}
    for first in range(len(tokens)):
        for size in range(1, MAX_PHRASE_WORDS + 1):
            last = first + size - 1
            if last >= len(tokens):
                break
            if last > first and text[tokens[last - 1].end() : tokens[last].start()] != " ":
                break
            words = [t.group().casefold() for t in tokens[first : last + 1]]
            if _usable(words):
                surface = text[tokens[first].start() : tokens[last].end()]
                found.setdefault(" ".join(words), surface)
    return found


def _usable(words: Sequence[str]) -> bool:
    if words[0] in FUNCTION_WORDS or words[-1] in FUNCTION_WORDS:
        return False
    if any(w.isdigit() for w in (words[0], words[-1])):
        return False
    if len(words) == 1:
        return len(words[0]) >= 3 and words[0] not in _WEAK
    return not all(w in _WEAK for w in words)


def rank_phrases(groups: Sequence[Sequence[str]]) -> list[list[Phrase]]:
    """For each group of sentences, its phrases best first (class-TF-IDF over the groups)."""
    per_group: list[tuple[Counter[str], dict[str, Counter[str]]]] = []
    uses: Counter[str] = Counter()
    for sentences in groups:
        counts: Counter[str] = Counter()
        surfaces: dict[str, Counter[str]] = {}
        for sentence in sentences:
            for key, surface in phrases_in(sentence).items():
                counts[key] += 1
                surfaces.setdefault(key, Counter())[surface] += 1
        per_group.append((counts, surfaces))
        uses.update(counts)
    average_size = sum(len(sentences) for sentences in groups) / max(len(groups), 1)
    ranked: list[list[Phrase]] = []
    for (counts, surfaces), sentences in zip(per_group, groups, strict=True):
        phrases = [
            Phrase(
                key, _commonest(surfaces[key]), _score(key, count, len(sentences), uses[key], average_size)
            )
            for key, count in counts.items()
            if count >= 2 or len(sentences) < 2
        ]
        ranked.append(sorted(phrases, key=lambda p: (-p.score, p.key)))
    return ranked


def _score(key: str, count: int, size: int, uses: int, average_size: float) -> float:
    share = count / max(size, 1)
    rarity = math.log(1.0 + average_size / uses)
    length_bonus = 1.0 + 0.25 * (key.count(" "))
    return share * rarity * length_bonus


def _commonest(surfaces: Counter[str]) -> str:
    # Most frequent form; ties go to the form with capitals (names), then alphabetical, for stability.
    return min(surfaces.items(), key=lambda item: (-item[1], item[0] == item[0].lower(), item[0]))[0]


def label_from(phrases: Sequence[Phrase], fallback: str) -> tuple[str, tuple[str, ...]]:
    """A label of one or two non-overlapping phrases, and the phrases used."""
    if not phrases:
        return fallback, (fallback,)
    first = phrases[0]
    parts = [first]
    for other in phrases[1:]:
        if other.score < first.score * SECOND_PHRASE_RATIO:
            break
        if not other.words & first.words:
            parts.append(other)
            break
    surfaces = tuple(p.surface for p in parts)
    return SEPARATOR.join(surfaces), surfaces


def fallback_label(sentences: Sequence[str]) -> str:
    """The first usable word of the first sentence: still verbatim, for groups with no shared phrase."""
    for sentence in sentences:
        for token in JOINED_WORD.finditer(sentence):
            if _usable([token.group().casefold()]):
                return token.group()
    for sentence in sentences:
        match = JOINED_WORD.search(sentence)
        if match:
            return match.group()
    return "other"


def occurs_in(label_part: str, sentences: Sequence[str]) -> bool:
    """Whether ``label_part`` occurs verbatim, ignoring case, in one of ``sentences``."""
    folded = label_part.casefold()
    return any(folded in s.casefold() for s in sentences)
