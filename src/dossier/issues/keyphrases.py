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
   A phrase only one article uses is kept too, marked ``single_source``, when
   that article comes back to it in two distinct sentences or more and it
   reads as a noun phrase: a wire report that dwells on a point names an
   issue even when no other outlet picked it up.
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dossier.briefing import Entity
from dossier.embed import Encoder, Vectors
from dossier.entities.gazetteer import country_for_demonym
from dossier.issues.labels import FUNCTION_WORDS, phrases_in
from dossier.issues.sentence_words import SentenceWords
from dossier.words import JOINED_WORD

#: A phrase used in more than this share of the story's sentences names the story, not an issue.
MAX_SENTENCE_SHARE = 0.2
#: The same for a lone common word, which must be rarer still to stand for an issue.
MAX_WORD_SHARE = 0.12
#: ... except in very small stories, where a share says little; then it may be used this many times.
MIN_SENTENCE_CAP = 4
#: Strongest phrases considered as seeds (bounds the quadratic clustering step).
MAX_PHRASES = 60
#: ... plus this many of the strongest phrases that only one article uses.
MAX_SINGLE_SOURCE_PHRASES = 30
#: Two phrases are one topic when they share this share (Jaccard) of the sentences that use either...
#: (a sentence listing two issues supports both, so two names need more than a shared list to merge)
CO_OCCURRENCE = 0.4
#: ... or when this share of the rarer one's sentences (two at least) also use the other.
NESTED = 0.75
#: Phrase surfaces at least this similar (cosine of their encodings) are one topic too.
SAME_MEANING = 0.8
#: A word and a longer one starting with it (at least this long, at most this much longer) are one word.
MIN_STEM = 5
MAX_SUFFIX = 3
#: Two sentences sharing this share of their words (Jaccard) are one sentence echoed.
ECHO_OVERLAP = 0.5
#: A phrase used this share of the time inside a longer kept phrase is that phrase's fragment.
CONTAINED = 0.5
#: A sentence naming strong phrases of several clusters supports this many issues at most.
MAX_ISSUES_PER_SENTENCE = 2
#: ... when the second one's strong phrases weigh this share of the first one's: named, not just mentioned.
SECOND_ISSUE_SHARE = 0.5
#: A phrase needs at least this many sentences in the whole story.
MIN_SENTENCES = 2
#: Weight kept by a phrase that only one article uses: it seeds an issue only where nothing wider does.
SINGLE_SOURCE_DISCOUNT = 0.5
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
_TOPIC_TYPES = frozenset({"place", "organization", "other"})
#: Endings of adjectives: a phrase made of nothing else qualifies a topic without naming one.
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "able", "ible", "ary")
#: What may open a sentence before its first word.
_OPENERS = " \t\"“‘«'(["
#: "they're", "we'll": a pronoun and a verb, never a topic.
_CONTRACTION = re.compile(r"['’](?:re|ll|ve|d|m)$")
#: Endings of nationality and language adjectives ("Veldarian", "Portuguese", "Kurdish") beyond the gazetteer.
_DEMONYM_ENDINGS = ("ian", "ese", "ish")
#: Words after which the next word is a verb: "to avoid", "not delay", "will raise".
_VERB_MARKERS = frozenset(
    ("to", "not", "will", "would", "must", "should", "can", "could", "may", "might", "shall")
)


@dataclass(frozen=True, slots=True)
class KeyPhrase:
    key: str  # case-folded words joined by one space
    surface: str  # the commonest verbatim form
    weight: float
    sentences: frozenset[int]  # indexes of the sentences that use it
    single_source: bool = False  # only one article of a multi-article story uses it
    nominal: bool = True  # reads as a name or a noun phrase, not as a verb phrase ("avoid delays")


@dataclass(frozen=True, slots=True)
class PhraseGroup:
    phrases: tuple[KeyPhrase, ...]  # strongest first
    members: tuple[int, ...]  # sentence indexes, ascending


def key_phrases(
    texts: Sequence[str], article_ids: Sequence[Sequence[str]], entities: Sequence[Entity] = ()
) -> list[KeyPhrase]:
    """The story's distinctive phrases, strongest first (see the module notes)."""
    found = _occurrences(texts, entities)
    words = [SentenceWords.of(text) for text in texts]
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
        uses = _distinct_uses(sorted(rows), words)
        if uses < MIN_SENTENCES:
            continue
        single = reach < min_articles
        nominal = not (_verbal(key, rows, words) or _lone_demonym(key, surfaces))
        if single and not nominal:
            continue
        weight = _weight(key, uses, reach, len(texts)) * (SINGLE_SOURCE_DISCOUNT if single else 1.0)
        kept.append(KeyPhrase(key, _commonest(surfaces), weight, frozenset(rows), single, nominal))
    ranked = sorted(_drop_contained(kept), key=lambda p: (-p.weight, p.key))
    # One article's phrases weigh less, so they get their own quota rather than none.
    shared = [p for p in ranked if not p.single_source][:MAX_PHRASES]
    own = [p for p in ranked if p.single_source][:MAX_SINGLE_SOURCE_PHRASES]
    return sorted([*shared, *own], key=lambda p: (-p.weight, p.key))


def _weight(key: str, uses: int, reach: int, sentences: int) -> float:
    """Frequent enough to matter (log of uses and of articles), rare enough to set an issue apart."""
    rarity = math.log(1.0 + sentences / uses)
    return math.log1p(uses) * math.log1p(reach) * rarity * (1.0 + 0.2 * key.count(" "))


def _distinct_uses(rows: Sequence[int], sentences: Sequence[SentenceWords]) -> int:
    """Sentences using the phrase, counting echoes of one sentence (most words shared) once.

    Without this, every fragment of one widely syndicated quote would look like a key phrase.
    """
    seen: list[frozenset[str]] = []
    for row in rows:
        words = sentences[row].vocabulary
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
    known = _topic_names(entities)
    for row, text in enumerate(texts):
        opening = text.lstrip(_OPENERS)
        for key, surface in phrases_in(text).items():
            key = _POSSESSIVE.sub("", key)
            if key not in known and opening.startswith(surface):
                surface = _sentence_case_undone(surface)
            note(key, surface, row)
        folded = text.casefold()
        for key, needle, pattern in names:
            # Most sentences name none of them: a plain substring test rules those out first.
            match = pattern.search(text) if needle in folded else None
            if match:
                note(key, match.group(), row)
    return found


def _sentence_case_undone(surface: str) -> str:
    """A sentence's first phrase without the capital the sentence gave it ("However" → "however").

    Kept when another of its words is capitalised too ("South China Sea"): then it is a name.
    """
    words = surface.split(" ")
    if any(ch.isupper() for w in words[1:] for ch in w) or not words[0][1:].islower():
        return surface
    return surface[:1].lower() + surface[1:]


def _topic_names(entities: Sequence[Entity]) -> frozenset[str]:
    """The case-folded names of the story's places, organisations and things: capitals that stay."""
    return frozenset(
        " ".join(w.casefold() for w in JOINED_WORD.findall(name))
        for entity in entities
        if entity.type in _TOPIC_TYPES
        for name in (entity.name, *entity.aliases)
    )


def _entity_patterns(entities: Sequence[Entity]) -> list[tuple[str, str, re.Pattern[str]]]:
    """Whole-word patterns for topic names too long for the phrase window (the rest are found anyway).

    Each comes with its case-folded name, which a sentence must contain for the pattern to match.
    """
    patterns: dict[str, tuple[str, re.Pattern[str]]] = {}
    for entity in entities:
        if entity.type not in _TOPIC_TYPES:
            continue
        words = JOINED_WORD.findall(entity.name)
        if len(words) <= 3 or len(entity.name) > 80:
            continue
        key = " ".join(w.casefold() for w in words)
        pattern = re.compile(r"(?<!\w)" + re.escape(entity.name) + r"(?!\w)", re.IGNORECASE)
        patterns.setdefault(key, (entity.name.casefold(), pattern))
    return [(key, needle, pattern) for key, (needle, pattern) in sorted(patterns.items())]


def _person_words(entities: Sequence[Entity]) -> frozenset[str]:
    words: set[str] = set()
    for entity in entities:
        if entity.type == "person":
            for name in (entity.name, *entity.aliases):
                words.update(w.casefold() for w in JOINED_WORD.findall(name))
    return frozenset(words)


def _vague(key: str, people: frozenset[str]) -> bool:
    """Phrases that cannot name an issue: people's names, generic words, clause fragments, lone verbs."""
    words = key.split()
    if any(w in people or _CONTRACTION.search(w) for w in words):
        return True
    if len(words) == 1:
        word = words[0]
        return word in _GENERIC or len(word) < 3 or (word.islower() and word.endswith(_NOT_NOUN_ENDINGS))
    if any(w in FUNCTION_WORDS and w not in _NOUN_LINKS for w in words[1:-1]):
        return True  # "billion to counter", "shirt that must": a clause, not a name for something
    return words[0] in _GENERIC or words[-1] in _GENERIC


def _verbal(key: str, rows: Iterable[int], sentences: Sequence[SentenceWords]) -> bool:
    """Whether a phrase reads as a verb phrase or a bare modifier rather than as the name of something.

    Cheap signs, no tagger, and only for lower-case uses (a capitalised form
    is a name): an adverb in it ("arguably"), a first word in "-ing"
    ("flooding markets"), nothing but adjectives ("regional and global"), or,
    in most of its sentences, a first word right after "to", "not" or a modal
    ("to avoid delays").
    """
    uses = [(row, first, last) for row in rows for first, last in sentences[row].uses(key)]
    surfaces = [sentences[row].surface(first, last) for row, first, last in uses]
    if any(surface[:1].isupper() for surface in surfaces):
        return False
    words = key.split()
    if any(_adverb(w) for w in words):
        return True
    content = [w for w in words if w not in _NOUN_LINKS]
    if len(words) > 1 and (words[0].endswith("ing") or all(w.endswith(_ADJECTIVE_ENDINGS) for w in content)):
        return True
    marked = {row for row, first, _ in uses if sentences[row].after_word_in(first, _VERB_MARKERS)}
    return len(surfaces) > 0 and 2 * len(marked) >= len(surfaces)


def _lone_demonym(key: str, surfaces: dict[str, int]) -> bool:
    """A nationality word on its own ("French", "Brazilian"): it qualifies a topic without naming one.

    Joined to a noun ("French navy") it is part of a name and stays; alone it
    would label whatever that country's people did, which is the whole story.
    """
    if " " in key or not _capitalised(surfaces):
        return False
    return country_for_demonym(key) is not None or (len(key) > 5 and key.endswith(_DEMONYM_ENDINGS))


def _adverb(word: str) -> bool:
    # "largely", "arguably"; not "supply", "family", "assembly", "Italy" (capitalised anyway).
    return len(word) > 4 and word.endswith("ly") and not word.endswith(("ply", "ily", "mbly"))


def _capitalised(surfaces: dict[str, int]) -> bool:
    return any(ch.isupper() for ch in _commonest(surfaces))


def _commonest(surfaces: dict[str, int]) -> str:
    # Ties go to the form with capitals (names), then alphabetical order, for stability.
    return min(surfaces.items(), key=lambda item: (-item[1], item[0] == item[0].lower(), item[0]))[0]


def _drop_contained(phrases: Sequence[KeyPhrase]) -> list[KeyPhrase]:
    """Drop a phrase used mostly inside a longer kept phrase ("China Sea" in "South China Sea").

    Its other uses are then usually another sense ("intelligence" inside
    "artificial intelligence" and in "intelligence agency"), which must not be pulled in.
    Longer phrases are found through an index of their word runs, not by comparing every pair.
    """
    holders: dict[str, list[KeyPhrase]] = {}
    for phrase in phrases:
        for run in _word_runs(phrase.key):
            if run != phrase.key:
                holders.setdefault(run, []).append(phrase)
    return [
        phrase
        for phrase in phrases
        if not any(
            len(phrase.sentences & other.sentences) >= CONTAINED * len(phrase.sentences)
            for other in holders.get(phrase.key, ())
        )
    ]


def _word_runs(key: str) -> set[str]:
    """Every run of consecutive words of ``key`` ("a b c": "a", "b", "c", "a b", "b c", "a b c")."""
    words = key.split(" ")
    count = len(words)
    return {" ".join(words[start:end]) for start in range(count) for end in range(start + 1, count + 1)}


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
                if any(_linked(phrases, vectors, m, index) for m in c if m == c[0] or is_strong(phrases[m]))
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


def _linked(phrases: Sequence[KeyPhrase], vectors: Vectors, member: int, other: int) -> bool:
    """Whether ``other`` joins the cluster of ``member``.

    One article's own phrase joins only by being used in mostly the same
    sentences, two at least: likeness in meaning, or one shared sentence, would
    chain a point one outlet makes into a wider issue.
    """
    if phrases[member].single_source or phrases[other].single_source:
        a, b = phrases[member].sentences, phrases[other].sentences
        shared = len(a & b)
        return shared >= MIN_SENTENCES and shared >= NESTED * min(len(a), len(b))
    return _same_topic(phrases, vectors, member, other)


def _same_topic(phrases: Sequence[KeyPhrase], vectors: Vectors, seed: int, other: int) -> bool:
    """Co-used often (Jaccard), nested (most uses of one inside the other's sentences), or alike in meaning.

    Jaccard rather than plain overlap because news lists several issues in one sentence
    ("Ukraine, Taiwan and trade"); one shared list sentence must not merge two issues.
    """
    if _co_used(phrases[seed].sentences, phrases[other].sentences):
        return True
    if same_word(phrases[seed].key, phrases[other].key):
        return True
    return float(vectors[seed] @ vectors[other]) >= SAME_MEANING


def same_word(one: str, other: str) -> bool:
    """One word grown from the other ("Ukraine", "Ukrainian"; "election", "elections"): one topic.

    A lone word is also compared with the head (last word) of a longer phrase
    ("elections", "harbour election"); two longer phrases are not compared.
    """
    if " " in one and " " in other:
        return False
    one, other = one.rsplit(" ", 1)[-1], other.rsplit(" ", 1)[-1]
    if one == other:
        return False
    shorter, longer = sorted((one, other), key=len)
    stem = shorter[:-1] if shorter.endswith("e") else shorter
    return len(stem) >= MIN_STEM and longer.startswith(stem) and len(longer) - len(shorter) <= MAX_SUFFIX


def _co_used(a: frozenset[int], b: frozenset[int]) -> bool:
    shared = len(a & b)
    if shared >= CO_OCCURRENCE * len(a | b):
        return True
    return shared >= MIN_SENTENCES and shared >= NESTED * min(len(a), len(b))


def is_strong(phrase: KeyPhrase) -> bool:
    """A name (capitalised) or a phrase of several words: specific enough to name an issue alone.

    A lone nationality word ("French") is capitalised but names no topic: it is not strong.
    """
    if " " in phrase.key:
        return True
    return phrase.nominal and any(ch.isupper() for ch in phrase.surface)


def assign_sentences(
    clusters: Sequence[Sequence[KeyPhrase]], vectors: Vectors, related: float
) -> list[PhraseGroup]:
    """Sentences assigned to phrase clusters; clusters that win no sentence are left out.

    A sentence goes to the cluster whose phrases it names with the greatest
    weight. News lists issues side by side ("the strike, the ferry fares and the
    bridge"), so a sentence naming strong phrases of a second cluster as well
    supports that one too: never more than ``MAX_ISSUES_PER_SENTENCE`` in all.
    """
    if not clusters:
        return []
    count = vectors.shape[0]
    scores = np.zeros((count, len(clusters)), dtype=np.float64)
    strong = np.zeros((count, len(clusters)), dtype=np.float64)
    for column, cluster in enumerate(clusters):
        for phrase in cluster:
            for row in phrase.sentences:
                scores[row, column] += phrase.weight
                if is_strong(phrase):
                    strong[row, column] += phrase.weight
    owner = np.where(scores.max(axis=1, initial=0.0) > 0, np.argmax(scores, axis=1), -1)
    _assign_by_meaning(owner, vectors, related)
    also = _second_issues(owner, strong)
    groups: list[PhraseGroup] = []
    for column, cluster in enumerate(clusters):
        members = tuple(int(r) for r in np.flatnonzero((owner == column) | (also == column)))
        if members:
            groups.append(PhraseGroup(tuple(cluster), members))
    return groups


def _second_issues(owner: npt.NDArray[np.int64], strong: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """For each sentence, a second cluster it supports (-1 for none): both named by strong phrases."""
    also = np.full(owner.shape[0], -1, dtype=np.int64)
    if MAX_ISSUES_PER_SENTENCE < 2 or strong.shape[1] < 2:
        return also
    for row in np.flatnonzero(owner >= 0).tolist():
        first = int(owner[row])
        if strong[row, first] <= 0:
            continue
        others = strong[row].copy()
        others[first] = 0.0
        best = int(np.argmax(others))  # ties go to the lower column: the stronger cluster
        if others[best] > 0 and others[best] >= SECOND_ISSUE_SHARE * strong[row, first]:
            also[row] = best
    return also


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
