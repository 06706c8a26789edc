"""Statements: the same words, as reported by several outlets, gathered into one record.

Two full quotes belong to the same statement when their speakers are the same
and their words are similar enough. Outlets credit one person differently
("Dana Quill", "Quill", "Mayor Dana Quill"), so speakers are the same when their
names, compared case-insensitively, end in the same last name
(:func:`speaker_key`). A quote whose speaker an outlet's lead-in leaves
unknown joins a statement only on the same words (at least
:data:`MIN_SHARED_WORDS` content words) or near-identical ones
(:data:`UNATTRIBUTED_THRESHOLD`, at least :data:`MIN_UNATTRIBUTED_WORDS`
content words), and only when every quote it matches has one speaker: the
same words from two different people are never joined through it. Similarity sits behind the
:class:`Similarity` protocol so that a sentence-embedding encoder can replace
the default :class:`LexicalSimilarity` later.

The default is conservative, because a false merge (two different statements
shown as one) misleads a reader more than a missed one: it takes the larger of

* content-word containment: the share of the smaller quote's content words
  (lower-cased, punctuation removed, light suffix stemming) that the other
  quote also has, counted only when they share at least
  :data:`MIN_SHARED_WORDS` words, and
* the Dice coefficient of character trigrams of the two normalised texts,

which catches trimmed, re-punctuated and lightly reworded variants. Two
quotes that :func:`contradicts` finds at odds (other numbers, or one negated
and the other not, unless one is a trimmed piece of the other) score 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from dossier.errors import UsageError
from dossier.ids import stable_id
from dossier.words import WORD, folded_words, numbers_in, word_list

#: Two quotes with this similarity or more (and the same speaker) are one statement.
DEFAULT_THRESHOLD = 0.6
#: Containment on fewer shared content words than this proves nothing.
MIN_SHARED_WORDS = 3
#: A quote with no known speaker joins a statement only at this similarity or more...
UNATTRIBUTED_THRESHOLD = 0.85
#: ... and only when it holds this many content words: short phrases recur by chance.
MIN_UNATTRIBUTED_WORDS = 5
#: Words after a last name that are not the name ("Jr.", "III").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: An ellipsis as quotes print it: "…", "...", ". . ." or bracketed "[…]".
_ELLIPSIS = re.compile(r"\[?(?:…|\.\s?\.\s?\.)\]?")
_NEGATION = re.compile(r"\b(?:not|no|never|nor|none|nobody|nothing|neither|cannot)\b|n[’']t\b", re.IGNORECASE)


_STOP_WORDS = word_list(
    """
    a an the and or but nor so yet of to in on at by for from with without into onto over under about
    as than then that this these those there here it its it's is are was were be been being am do does
    did done have has had having will would shall should can could may might must we our us you your
    they their them he his him she her i me my not no also just very more most some any all each such
    which who whom whose what when where why how if while because since until before after again
    """
)
_SUFFIXES = ("ing", "ed", "es", "s", "ly")


class Similarity(Protocol):
    """How alike two quoted texts are, from 0 (unrelated) to 1 (the same words)."""

    def __call__(self, first: str, second: str) -> float: ...


class LexicalSimilarity:
    """Content-word containment or character-trigram Dice, whichever is higher; 0 when they contradict."""

    def __call__(self, first: str, second: str) -> float:
        if contradicts(first, second):
            return 0.0
        return max(word_containment(first, second), trigram_dice(first, second))


@dataclass(frozen=True, slots=True)
class Utterance:
    """What merging needs to know about one full quote."""

    quote_id: str
    article_id: str
    article_rank: int  # position of the article in reading order (earliest published first)
    speaker: str | None
    text: str
    duplicate: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    """One statement: its quotes in reading order and the articles that report it."""

    id: str
    speaker: str | None
    quote_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    first_article_id: str


def group_statements(
    utterances: Sequence[Utterance],
    similarity: Similarity | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[Group, ...]:
    """Cluster full quotes into statements (single-link over same-speaker pairs above ``threshold``)."""
    if not 0.0 < threshold <= 1.0:
        raise UsageError(f"statement similarity threshold must be in (0, 1], got {threshold}", stage="quotes")
    measure = similarity if similarity is not None else LexicalSimilarity()
    parent = list(range(len(utterances)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    by_speaker: dict[str, list[int]] = {}
    unknown: list[int] = []
    for index, utterance in enumerate(utterances):
        key = speaker_key(utterance.speaker)
        if key is None:
            unknown.append(index)
        else:
            by_speaker.setdefault(key, []).append(index)

    def join(first: int, second: int) -> None:
        low, high = sorted((root(first), root(second)))
        parent[high] = low

    for members in by_speaker.values():
        # Word-for-word repeats (syndication, wire copy) join without measuring, so only
        # distinct wordings are compared pairwise: n repeats of one quote cost n, not n².
        distinct: dict[str, int] = {}
        for index in members:
            seen = distinct.setdefault(_normalise(utterances[index].text), index)
            if seen != index:
                join(seen, index)
        wordings = list(distinct.values())
        for position, first in enumerate(wordings):
            for second in wordings[position + 1 :]:
                if (
                    root(first) != root(second)
                    and measure(utterances[first].text, utterances[second].text) >= threshold
                ):
                    join(first, second)
    _join_unattributed(utterances, unknown, measure, root, join)
    clusters: dict[int, list[Utterance]] = {}
    for index, utterance in enumerate(utterances):
        clusters.setdefault(root(index), []).append(utterance)
    return tuple(_group(members) for _, members in sorted(clusters.items()))


def speaker_key(speaker: str | None) -> str | None:
    """What two credits of one speaker share: the last word of the name, case-folded.

    "Mayor Dana Quill", "Dana Quill" and "QUILL" give "quill"; an apposition
    after a comma or "of" is not the name ("Joel Roe of the port board" gives
    "roe"). ``None`` when there is no speaker.
    """
    if speaker is None:
        return None
    name = re.split(r",| of ", speaker, maxsplit=1)[0]
    words = [w for w in folded_words(name) if w not in _NAME_SUFFIXES]
    return words[-1] if words else speaker.casefold()


def _join_unattributed(
    utterances: Sequence[Utterance],
    unknown: Sequence[int],
    measure: Similarity,
    root: Callable[[int], int],
    join: Callable[[int, int], None],
) -> None:
    """Quotes without a speaker join the near-identical quotes of one speaker (or of none)."""
    for index in unknown:
        text = utterances[index].text
        words = len(stemmed_words(text))
        if words < MIN_SHARED_WORDS:
            continue
        matches = [
            other
            for other in range(len(utterances))
            if other != index and _same_words(text, words, utterances[other].text, measure)
        ]
        # Every quote already in a matched statement counts: its speakers must be one person.
        roots = {root(other) for other in matches}
        speakers = {
            key
            for other in range(len(utterances))
            if root(other) in roots and (key := speaker_key(utterances[other].speaker)) is not None
        }
        if len(speakers) <= 1:
            for other in matches:
                join(index, other)


def _same_words(text: str, words: int, other: str, measure: Similarity) -> bool:
    """Whether an uncredited quote of ``words`` content words says what ``other`` says.

    Word for word (syndication, wire copy) needs fewer words than a near match does.
    """
    if _normalise(other) == _normalise(text):
        return True
    return words >= MIN_UNATTRIBUTED_WORDS and measure(text, other) >= UNATTRIBUTED_THRESHOLD


def _group(members: list[Utterance]) -> Group:
    ordered = sorted(members, key=lambda u: (u.article_rank, u.quote_id))
    originals = [u for u in ordered if not u.duplicate]
    # A syndicated copy repeats its original: it never makes a statement look multi-sourced.
    counted = originals or ordered[:1]
    article_ids = tuple(dict.fromkeys(u.article_id for u in counted))
    quote_ids = tuple(u.quote_id for u in ordered)
    return Group(
        stable_id("s", ":".join(sorted(quote_ids))),
        next((u.speaker for u in ordered if u.speaker is not None), None),
        quote_ids,
        article_ids,
        counted[0].article_id,
    )


# --- contradiction: what no rewording changes ------------------------------------------------------


def contradicts(first: str, second: str) -> bool:
    """Whether two quotes cannot be one statement: different numbers, or one negated and one not.

    A trimmed report of a quote ("We will sign" from "We will sign, but not
    today", or "We will … sign" with an ellipsis) drops words without changing
    the rest, so a quote whose pieces run in order inside the other's is never
    contradicted, and a shorter quote may lack some of the other's numbers.
    """
    if _trimmed_from(first, second) or _trimmed_from(second, first):
        return False
    numbers_a, numbers_b = numbers_in(first), numbers_in(second)
    if numbers_a and numbers_b and not (numbers_a <= numbers_b or numbers_b <= numbers_a):
        return True
    return _negated(first) != _negated(second)


def _trimmed_from(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with words cut: its pieces between ellipses run, in order, inside it."""
    whole = _normalise(long)
    at = 0
    for piece in _ELLIPSIS.split(short):
        words = _normalise(piece)
        if not words:
            continue
        found = whole.find(words, at)
        if found < 0:
            return False
        at = found + len(words)
    return True


def _negated(text: str) -> bool:
    return _NEGATION.search(text) is not None


# --- the lexical measures ---------------------------------------------------------------------------


def word_containment(first: str, second: str) -> float:
    """Share of the smaller quote's content words found in the other (0 below the shared minimum)."""
    words_a, words_b = stemmed_words(first), stemmed_words(second)
    if not words_a or not words_b:
        return 0.0
    shared = len(words_a & words_b)
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return shared / min(len(words_a), len(words_b))


def trigram_dice(first: str, second: str) -> float:
    """Dice coefficient of the character-trigram sets of the normalised texts."""
    grams_a, grams_b = _trigrams(_normalise(first)), _trigrams(_normalise(second))
    if not grams_a or not grams_b:
        return 0.0
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


@lru_cache(maxsize=4096)
def stemmed_words(text: str) -> frozenset[str]:
    """Lower-cased, stemmed words of ``text`` that carry content (no function words)."""
    words = (word.lower() for word in WORD.findall(text))
    return frozenset(_stem(word) for word in words if word not in _STOP_WORDS and not word.isdigit())


def _stem(word: str) -> str:
    """Strip one common English suffix, keeping a stem of four letters or more."""
    word = word.replace("’", "").replace("'", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    return " ".join(word.lower() for word in WORD.findall(text))


def _trigrams(text: str) -> frozenset[str]:
    return frozenset(text[index : index + 3] for index in range(len(text) - 2))
