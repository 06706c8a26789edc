"""Keyphrase-seeded issue groups: the story's distinctive phrases, clustered, then sentences assigned.

An issue in a wire "factbox" is named by the words the outlets use for it
("export controls", "fentanyl"), so grouping starts from those words rather
than from sentence vectors alone:

1. **Candidates.** Every phrase of one to three words found verbatim in a
   sentence (see :func:`dossier.issues.labels.phrases_in`), plus the names of
   the story's places, organisations and other non-person entities. People
   are actors, not topics, so phrases inside a person's name are dropped.
2. **Distinctive.** A phrase is kept when several articles use it, in at least
   two sentences, but not in so many sentences that it names the whole story
   (the main actors). Its weight is inverse sentence frequency (the c-TF-IDF
   idea: what sets a group apart) times how widely it is reported.
   A shorter phrase that always appears inside a kept longer one is dropped.
3. **Clusters.** Phrases, strongest first, join the first cluster holding a
   phrase they mostly co-occur with (overlap of their sentence sets) or
   resemble in meaning; otherwise they open a cluster.
4. **Assignment.** Each sentence goes to the cluster whose phrases it names
   with the greatest total weight; a sentence naming none joins the cluster
   whose centre it is closest to, when it is close enough; the rest stay
   unassigned rather than being forced into an issue.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dossier.briefing import Entity
from dossier.embed import Encoder, Vectors
from dossier.embed.tfidf import STOP_WORDS
from dossier.issues.labels import phrases_in

#: A phrase used in more than this share of the story's sentences names the story, not an issue.
MAX_SENTENCE_SHARE = 0.2
#: The same for a lone common word, which must be rarer still to stand for an issue.
MAX_WORD_SHARE = 0.12
#: ... except in very small stories, where a share says little; then it may be used this many times.
MIN_SENTENCE_CAP = 4
#: Strongest phrases considered as seeds (bounds the quadratic clustering step).
MAX_PHRASES = 60
#: Two phrases are one topic when they share this share (Jaccard) of the sentences that use either...
CO_OCCURRENCE = 0.3
#: ... or when this share of the rarer one's sentences (two at least) also use the other.
NESTED = 0.75
#: Phrase surfaces at least this similar (cosine of their encodings) are one topic too.
SAME_MEANING = 0.8
#: Two sentences sharing this share of their words (Jaccard) are one sentence echoed.
ECHO_OVERLAP = 0.5
#: A phrase used this share of the time inside a longer kept phrase is that phrase's fragment.
CONTAINED = 0.5
#: A phrase needs at least this many sentences in the whole story.
MIN_SENTENCES = 2
#: Generic news words: common enough to pass the frequency test, too vague to name an issue alone.
_GENERIC_TEXT = (
    "official officials talks talk meeting meetings visit visits trip concern concerns issue issues "
    "matter matters relationship relationships relations country countries government governments "
    "president secretary minister ministry state states leader leaders side sides spokesperson "
    "spokesman spokeswoman statement statements interview reporters news conference comments remarks "
    "week weeks today tomorrow yesterday morning evening monday tuesday wednesday thursday friday "
    "saturday sunday according important importance senior top both other others several number "
    "need needs made make makes called call calls told asked added noted saying must will would could "
    "should may might met meet meets held hold holds took take takes move moves right clear foreign "
    "domestic efforts effort way ways counterpart counterparts"
)
_GENERIC = frozenset(_GENERIC_TEXT.split())
#: Stop words that may sit inside a noun phrase ("invasion of Ukraine", "trade and investment").
_NOUN_LINKS = frozenset({"of", "and", "for", "on"})
#: Endings of verb forms, adverbs and adjectives: a lone lower-case word ending so rarely names a topic.
_NOT_NOUN_ENDINGS = ("ing", "ed", "ly", "ic", "al", "ive", "ous", "ful", "able", "ize", "ise")
_POSSESSIVE = re.compile(r"['’]s\b")
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_TOPIC_TYPES = frozenset({"place", "organization", "other"})


@dataclass(frozen=True, slots=True)
class KeyPhrase:
    key: str  # case-folded words joined by one space
    surface: str  # the commonest verbatim form
    weight: float
    sentences: frozenset[int]  # indexes of the sentences that use it


@dataclass(frozen=True, slots=True)
class PhraseGroup:
    phrases: tuple[KeyPhrase, ...]  # strongest first
    members: tuple[int, ...]  # sentence indexes, ascending


def key_phrases(
    texts: Sequence[str], article_ids: Sequence[Sequence[str]], entities: Sequence[Entity] = ()
) -> list[KeyPhrase]:
    """The story's distinctive phrases, strongest first (see the module notes)."""
    found = _occurrences(texts, entities)
    people = _person_words(entities)
    articles_in_story = len({a for ids in article_ids for a in ids})
    min_articles = min(2, articles_in_story)
    cap = max(MIN_SENTENCE_CAP, int(MAX_SENTENCE_SHARE * len(texts)))
    weak_cap = max(MIN_SENTENCE_CAP, int(MAX_WORD_SHARE * len(texts)))
    kept: list[KeyPhrase] = []
    for key, (surfaces, rows) in found.items():
        limit = cap if (" " in key or _capitalised(surfaces)) else weak_cap
        if len(rows) < MIN_SENTENCES or len(rows) > limit or _vague(key, people):
            continue
        reach = len({a for r in rows for a in article_ids[r]})
        uses = _distinct_uses(sorted(rows), texts)
        if reach < min_articles or uses < MIN_SENTENCES:
            continue
        kept.append(
            KeyPhrase(key, _commonest(surfaces), _weight(key, uses, reach, len(texts)), frozenset(rows))
        )
    kept = _drop_contained(kept)
    return sorted(kept, key=lambda p: (-p.weight, p.key))[:MAX_PHRASES]


def _weight(key: str, uses: int, reach: int, sentences: int) -> float:
    """Frequent enough to matter (log of uses and of articles), rare enough to set an issue apart."""
    rarity = math.log(1.0 + sentences / uses)
    return math.log1p(uses) * math.log1p(reach) * rarity * (1.0 + 0.2 * key.count(" "))


def _distinct_uses(rows: Sequence[int], texts: Sequence[str]) -> int:
    """Sentences using the phrase, counting echoes of one sentence (most words shared) once.

    Without this, every fragment of one widely syndicated quote would look like a key phrase.
    """
    seen: list[frozenset[str]] = []
    for row in rows:
        words = frozenset(w.casefold() for w in _TOKEN.findall(texts[row]))
        if all(len(words & other) < ECHO_OVERLAP * len(words | other) for other in seen):
            seen.append(words)
    return len(seen)


def _occurrences(
    texts: Sequence[str], entities: Sequence[Entity]
) -> dict[str, tuple[dict[str, int], set[int]]]:
    found: dict[str, tuple[dict[str, int], set[int]]] = {}

    def note(key: str, surface: str, row: int) -> None:
        surfaces, rows = found.setdefault(key, ({}, set()))
        surfaces[surface] = surfaces.get(surface, 0) + 1
        rows.add(row)

    names = _entity_patterns(entities)
    for row, text in enumerate(texts):
        for key, surface in phrases_in(text).items():
            note(_POSSESSIVE.sub("", key), surface, row)
        for key, pattern in names:
            match = pattern.search(text)
            if match:
                note(key, match.group(), row)
    return found


def _entity_patterns(entities: Sequence[Entity]) -> list[tuple[str, re.Pattern[str]]]:
    """Whole-word patterns for topic names too long for the phrase window (the rest are found anyway)."""
    patterns: dict[str, re.Pattern[str]] = {}
    for entity in entities:
        if entity.type not in _TOPIC_TYPES:
            continue
        words = _TOKEN.findall(entity.name)
        if len(words) <= 3 or len(entity.name) > 80:
            continue
        key = " ".join(w.casefold() for w in words)
        patterns.setdefault(key, re.compile(r"(?<!\w)" + re.escape(entity.name) + r"(?!\w)", re.IGNORECASE))
    return sorted(patterns.items())


def _person_words(entities: Sequence[Entity]) -> frozenset[str]:
    words: set[str] = set()
    for entity in entities:
        if entity.type == "person":
            for name in (entity.name, *entity.aliases):
                words.update(w.casefold() for w in _TOKEN.findall(name))
    return frozenset(words)


def _vague(key: str, people: frozenset[str]) -> bool:
    """Phrases that cannot name an issue: people's names, generic words, clause fragments, lone verbs."""
    words = key.split()
    if any(w in people for w in words):
        return True
    if len(words) == 1:
        word = words[0]
        return word in _GENERIC or len(word) < 3 or (word.islower() and word.endswith(_NOT_NOUN_ENDINGS))
    if any(w in STOP_WORDS and w not in _NOUN_LINKS for w in words[1:-1]):
        return True  # "billion to counter", "shirt that must": a clause, not a name for something
    return words[0] in _GENERIC or words[-1] in _GENERIC


def _capitalised(surfaces: dict[str, int]) -> bool:
    return any(ch.isupper() for ch in _commonest(surfaces))


def _commonest(surfaces: dict[str, int]) -> str:
    # Ties go to the form with capitals (names), then alphabetical order, for stability.
    return min(surfaces.items(), key=lambda item: (-item[1], item[0] == item[0].lower(), item[0]))[0]


def _drop_contained(phrases: Sequence[KeyPhrase]) -> list[KeyPhrase]:
    """Drop a phrase used mostly inside a longer kept phrase ("China Sea" in "South China Sea").

    Its other uses are then usually another sense ("intelligence" inside
    "artificial intelligence" and in "intelligence agency"), which must not be pulled in.
    """
    kept: list[KeyPhrase] = []
    for phrase in phrases:
        padded = f" {phrase.key} "
        covered = any(
            other.key != phrase.key
            and padded in f" {other.key} "
            and len(phrase.sentences & other.sentences) >= CONTAINED * len(phrase.sentences)
            for other in phrases
        )
        if not covered:
            kept.append(phrase)
    return kept


def cluster_phrases(phrases: Sequence[KeyPhrase], encoder: Encoder) -> list[list[KeyPhrase]]:
    """Phrases grouped by topic, strongest cluster seed first."""
    if not phrases:
        return []
    vectors = encoder.encode([p.surface for p in phrases])
    clusters: list[list[int]] = []
    for index in range(len(phrases)):
        # Only a cluster's seed and names link to it: lone common words used all over would chain topics.
        home = next(
            (
                c
                for c in clusters
                if any(
                    _same_topic(phrases, vectors, m, index) for m in c if m == c[0] or is_strong(phrases[m])
                )
            ),
            None,
        )
        if home is None:
            clusters.append([index])
        else:
            home.append(index)
    clusters = _merge_overlapping(clusters, phrases)
    # Lone common words ("tensions") are too vague to be an issue without a name or a longer phrase.
    return [[phrases[i] for i in c] for c in clusters if any(is_strong(phrases[i]) for i in c)]


def _merge_overlapping(clusters: list[list[int]], phrases: Sequence[KeyPhrase]) -> list[list[int]]:
    """Merge clusters holding two names (or longer phrases) used together as often as one topic's are.

    The first pass compares each phrase with the clusters open at its turn, so
    two names met in the wrong order ("Bergen" before "Oslo") can end apart.
    Only strong phrases link clusters here: lone common words ("security")
    would chain every issue of the story into one.
    """
    merged = [list(c) for c in clusters]
    changed = True
    while changed:
        changed = False
        for a, b in itertools.combinations(range(len(merged)), 2):
            if any(_names_co_used(phrases[i], phrases[j]) for i in merged[a] for j in merged[b]):
                merged[a].extend(merged.pop(b))
                changed = True
                break
    return merged


def _names_co_used(one: KeyPhrase, other: KeyPhrase) -> bool:
    if not (is_strong(one) and is_strong(other)):
        return False
    return len(one.sentences & other.sentences) >= CO_OCCURRENCE * len(one.sentences | other.sentences)


def _same_topic(phrases: Sequence[KeyPhrase], vectors: Vectors, seed: int, other: int) -> bool:
    """Co-used often (Jaccard), nested (most uses of one inside the other's sentences), or alike in meaning.

    Jaccard rather than plain overlap because news lists several issues in one sentence
    ("Ukraine, Taiwan and trade"); one shared list sentence must not merge two issues.
    """
    if _co_used(phrases[seed].sentences, phrases[other].sentences):
        return True
    return float(vectors[seed] @ vectors[other]) >= SAME_MEANING


def _co_used(a: frozenset[int], b: frozenset[int]) -> bool:
    shared = len(a & b)
    if shared >= CO_OCCURRENCE * len(a | b):
        return True
    return shared >= MIN_SENTENCES and shared >= NESTED * min(len(a), len(b))


def is_strong(phrase: KeyPhrase) -> bool:
    """A name (capitalised) or a phrase of several words: specific enough to name an issue alone."""
    return " " in phrase.key or any(ch.isupper() for ch in phrase.surface)


def assign_sentences(
    clusters: Sequence[Sequence[KeyPhrase]], vectors: Vectors, related: float
) -> list[PhraseGroup]:
    """Sentences assigned to phrase clusters; clusters that win no sentence are left out."""
    count = vectors.shape[0]
    scores = np.zeros((count, len(clusters)), dtype=np.float64)
    for column, cluster in enumerate(clusters):
        for phrase in cluster:
            for row in phrase.sentences:
                scores[row, column] += phrase.weight
    owner = np.where(scores.max(axis=1, initial=0.0) > 0, np.argmax(scores, axis=1), -1) if clusters else None
    if owner is None:
        return []
    _assign_by_meaning(owner, vectors, related)
    groups: list[PhraseGroup] = []
    for column, cluster in enumerate(clusters):
        members = tuple(int(r) for r in np.flatnonzero(owner == column))
        if members:
            groups.append(PhraseGroup(tuple(cluster), members))
    return groups


def _assign_by_meaning(owner: np.ndarray, vectors: Vectors, related: float) -> None:
    """Give each sentence naming no key phrase to the nearest cluster centre, when near enough."""
    columns = sorted({int(c) for c in owner.tolist() if c >= 0})
    loose = np.flatnonzero(owner < 0)
    if not columns or loose.size == 0:
        return
    centres = np.stack([vectors[owner == c].mean(axis=0) for c in columns])
    norms = np.linalg.norm(centres, axis=1, keepdims=True)
    centres = centres / np.where(norms > 0, norms, 1.0)
    closeness = vectors[loose] @ centres.T
    best = np.argmax(closeness, axis=1)
    for position, (row, choice) in enumerate(zip(loose.tolist(), best.tolist(), strict=True)):
        if float(closeness[position, choice]) >= related:
            owner[row] = columns[choice]


def phrase_groups(
    texts: Sequence[str],
    article_ids: Sequence[Sequence[str]],
    vectors: Vectors,
    encoder: Encoder,
    related: float,
    entities: Sequence[Entity] = (),
) -> list[PhraseGroup]:
    """Keyphrase-seeded groups of the sentences ``texts`` (rows of ``vectors``)."""
    phrases = key_phrases(texts, article_ids, entities)
    return assign_sentences(cluster_phrases(phrases, encoder), vectors, related)
