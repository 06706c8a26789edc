"""The ``issues`` story stage: sentences grouped into issues, each labelled, summarised and sourced.

1. The story's distinct readable sentences (see :mod:`dossier.issues.pool`) are embedded.
2. With a steering list, sentences naming an issue's terms, or close to them in
   meaning, go to that issue first; the rest are grouped without supervision
   (:mod:`dossier.issues.group`).
3. Groups too small to be an issue are dropped, and so are groups whose best
   phrase is only a verb phrase or a lone common word; the rest are ranked by
   how many articles cover them, then by size, and the first ``MAX_ISSUES``
   kept. An issue only one article covers (its phrases used by that article
   alone, in several sentences) ranks after the shared ones, at most
   ``MAX_SINGLE_SOURCE`` of them; coverage lists it as an omission of the others.
4. Each issue gets a label from its own key phrases (names and noun phrases
   first), a few non-redundant sentences each citing every article that says
   the same thing (a sentence shown under an earlier issue is not repeated when
   the issue has ``MIN_FRESH_LINES`` others), the quotes inside its sentences, and, when two or
   more speakers are quoted, their positions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dossier.briefing import AnyBriefing, Briefing, BriefingStage, Citation, Issue, Position, Quote
from dossier.embed import Encoder, Vectors, get_encoder
from dossier.ids import stable_id
from dossier.issues.corroborate import FactMatcher
from dossier.issues.fact_model import fact_model_for
from dossier.issues.group import group_vectors
from dossier.issues.keyphrases import KeyPhrase, PhraseGroup, is_strong, phrase_groups, same_word
from dossier.issues.labels import SEPARATOR, fallback_label, label_from, occurs_in, rank_phrases
from dossier.issues.pool import Candidate, pool_for, word_count
from dossier.issues.select import Budget, centrality_scores, cite_with_echoes, mmr, reading_order
from dossier.issues.similarity import Thresholds, similarity_matrix, thresholds_for
from dossier.issues.steer import SteeringIssue

MAX_ISSUES = 8
#: An unsupervised group needs this many sentences to count as an issue (when the story has that many).
MIN_ISSUE_SENTENCES = 2
#: A keyphrase-seeded group needs this many covering articles (when the story has that many)...
MIN_ISSUE_ARTICLES = 2
#: ... unless its phrases are one article's own; at most this many such single-source issues are kept.
MAX_SINGLE_SOURCE = 3
#: Names and multi-word phrases label better than lone common words ("industrial base", not "base").
STRONG_LABEL_BONUS = 2.0
#: A group is named by one of its best this-many phrases, or it is no issue.
LABEL_CHOICES = 3
#: A group's label must be named by at least this share of its sentences.
MIN_LABEL_SHARE = 0.4
#: A group named by one lone word, and nothing else, needs this many sentences naming it.
MIN_LONE_NAME_SENTENCES = 4
#: Bonus, on the centrality scale, for a line naming the issue's label phrases.
KEYWORD_WEIGHT = 0.5
#: Sentences shown per issue.
ISSUE_SENTENCES = 3
#: An issue with fewer sentences than this that no earlier issue shows may show those sentences again.
MIN_FRESH_LINES = 2
#: Statements listed per issue, the most widely reported first.
MAX_QUOTES = 6
#: A partial quote shorter than this is a scare quote, not a statement.
MIN_PARTIAL_WORDS = 4
#: Sides shown per issue, most quoted first.
MAX_SIDES = 4


@dataclass(frozen=True, slots=True)
class _Group:
    members: tuple[int, ...]
    steering: SteeringIssue | None = None
    phrases: tuple[KeyPhrase, ...] = ()  # the key phrases that seeded it, best first

    def articles(self, candidates: Sequence[Candidate]) -> set[str]:
        return {a for i in self.members for a in candidates[i].article_ids}


def find_issues(
    story: Briefing, encoder: Encoder, steering: Sequence[SteeringIssue] = ()
) -> tuple[Issue, ...]:
    """The issues of ``story``, most widely covered first."""
    candidates, vectors = pool_for(story, encoder).readable()
    if not candidates:
        return ()
    texts = [c.text for c in candidates]
    seeds = encoder.encode([" ".join(s.terms) for s in steering])
    limits = thresholds_for(encoder.name)
    groups = _steered_groups(candidates, vectors, seeds, steering, limits)
    taken = {i for g in groups for i in g.members}
    free = np.array([i for i in range(len(candidates)) if i not in taken], dtype=np.intp)
    if free.size:
        groups.extend(_free_groups(candidates, vectors, free, encoder, limits, story))
    kept = _keep(_rank(_substantial(groups, candidates, len(story.articles)), candidates), candidates)
    similarity = similarity_matrix(vectors)
    matcher = FactMatcher.over(candidates, story, similarity, limits, fact_model_for(encoder.name))
    phrase_lists = rank_phrases([[texts[i] for i in g.members] for g in kept])
    quotes = _quotes_by_article(story.quotes)
    shown: set[int] = set()
    issues = []
    for group, phrases in zip(kept, phrase_lists, strict=True):
        issue, lines = _issue(group, phrases, candidates, similarity, limits, matcher, quotes, story, shown)
        shown.update(lines)
        issues.append(issue)
    return tuple(issues)


def _keep(ranked: Sequence[_Group], candidates: Sequence[Candidate]) -> list[_Group]:
    """The first ``MAX_ISSUES`` groups, of which at most ``MAX_SINGLE_SOURCE`` single-source ones."""
    kept: list[_Group] = []
    single = 0
    for group in ranked:
        if len(kept) >= MAX_ISSUES:
            break
        if _single_source(group, candidates):
            if single >= MAX_SINGLE_SOURCE:
                continue
            single += 1
        kept.append(group)
    return kept


def _single_source(group: _Group, candidates: Sequence[Candidate]) -> bool:
    """A phrase-seeded group that only one article covers."""
    return bool(group.phrases) and group.steering is None and len(group.articles(candidates)) == 1


def _free_groups(
    candidates: Sequence[Candidate],
    vectors: Vectors,
    free: npt.NDArray[np.intp],
    encoder: Encoder,
    limits: Thresholds,
    story: Briefing,
) -> list[_Group]:
    """Unsteered groups: seeded by key phrases; by sentence vectors alone when the story has none."""
    texts = [candidates[int(i)].text for i in free]
    article_ids = [candidates[int(i)].article_ids for i in free]
    seeded = phrase_groups(texts, article_ids, vectors[free], encoder, limits.related, story.entities)
    if seeded:
        groups = [
            _Group(tuple(int(free[r]) for r in g.members), phrases=tuple(_ranked_in(g, g.members)))
            for g in seeded
        ]
        return [g for g in groups if g.phrases and _nameable(g.phrases) and _label_fits(g, candidates)]
    return [_Group(tuple(int(free[r]) for r in rows)) for rows in group_vectors(vectors[free], MAX_ISSUES)]


def _nameable(phrases: Sequence[KeyPhrase]) -> bool:
    """Whether a group has a name: a strong noun phrase among its best ``LABEL_CHOICES`` phrases.

    A group held together only by a verb phrase ("avoid delays") or by lone
    common words has no topic of its own: it is a manner of speaking.
    """
    if not any(is_strong(p) and p.nominal for p in phrases[:LABEL_CHOICES]):
        return False
    # A lone name ("Paris") may just be where something happened: alone it must recur to be an issue.
    names = [p for p in phrases if is_strong(p) and " " in p.key]
    return bool(names) or len(phrases) > 1 or len(phrases[0].sentences) >= MIN_LONE_NAME_SENTENCES


def _label_fits(group: _Group, candidates: Sequence[Candidate]) -> bool:
    """Whether the group's label names enough of its sentences to stand for them.

    A label that only a corner of the group uses ("red lines" in two of nine
    sentences) means the group is held together by a common word, not by a topic.
    """
    _, keywords = _seeded_label(group.phrases)
    texts = [candidates[i].text for i in group.members]
    named = _names_keyword(texts, keywords)
    return float(named.sum()) >= MIN_LABEL_SHARE * len(texts)


def _ranked_in(group: PhraseGroup, members: Sequence[int]) -> list[KeyPhrase]:
    """The group's phrases that its own sentences use, by weight times uses there."""
    inside = set(members)
    scored = [
        (p.weight * len(p.sentences & inside) * (STRONG_LABEL_BONUS if is_strong(p) else 1.0), p)
        for p in group.phrases
        if p.sentences & inside
    ]
    return [p for _, p in sorted(scored, key=lambda item: (-item[0], item[1].key))]


def _steered_groups(
    candidates: Sequence[Candidate],
    vectors: Vectors,
    seeds: Vectors,
    steering: Sequence[SteeringIssue],
    limits: Thresholds,
) -> list[_Group]:
    if not steering:
        return []
    patterns = [s.pattern() for s in steering]
    closeness = vectors @ seeds.T
    members: list[list[int]] = [[] for _ in steering]
    for index, candidate in enumerate(candidates):
        named = [k for k, pattern in enumerate(patterns) if pattern.search(candidate.text)]
        near = [k for k in range(len(steering)) if closeness[index, k] >= limits.related]
        choices = named or near
        if choices:
            best = max(choices, key=lambda k: (float(closeness[index, k]), -k))
            members[best].append(index)
    return [_Group(tuple(rows), s) for rows, s in zip(members, steering, strict=True) if rows]


def _substantial(groups: Sequence[_Group], candidates: Sequence[Candidate], articles: int) -> list[_Group]:
    """Groups big enough to be an issue: enough sentences and, in a multi-article story, two articles."""
    floor = MIN_ISSUE_SENTENCES if len(candidates) >= 2 * MIN_ISSUE_SENTENCES else 1
    reach = min(MIN_ISSUE_ARTICLES, articles)

    def widely_enough(group: _Group) -> bool:
        covered = len(group.articles(candidates))
        return not group.phrases or covered >= reach or (covered == 1 and _own_phrase(group))

    return [g for g in groups if g.steering is not None or (len(g.members) >= floor and widely_enough(g))]


def _own_phrase(group: _Group) -> bool:
    """Whether a single-source phrase of the group is in two of its sentences: the article dwells on it."""
    inside = set(group.members)
    return any(p.single_source and len(p.sentences & inside) >= MIN_ISSUE_SENTENCES for p in group.phrases)


def _rank(groups: Sequence[_Group], candidates: Sequence[Candidate]) -> list[_Group]:
    def key(group: _Group) -> tuple[int, int, int, int]:
        first = min(group.members)
        return (0 if group.steering else 1, -len(group.articles(candidates)), -len(group.members), first)

    return sorted(groups, key=key)


def _issue(
    group: _Group,
    phrases: Sequence[object],
    candidates: Sequence[Candidate],
    similarity: Vectors,
    limits: Thresholds,
    matcher: FactMatcher,
    quotes: dict[str, list[Quote]],
    story: Briefing,
    shown: set[int],
) -> tuple[Issue, list[int]]:
    """The issue, and the candidates its summary shows (``shown``: those earlier issues show)."""
    members = list(group.members)
    texts = [candidates[i].text for i in members]
    label, keywords = _label(group, phrases, texts)
    inner = similarity[np.ix_(members, members)]
    local = [candidates[i] for i in members]
    budget = Budget(sentences=ISSUE_SENTENCES)
    scores = centrality_scores(local, inner) + KEYWORD_WEIGHT * _names_keyword(texts, keywords)
    fresh = [i not in shown for i in members]
    # A sentence naming two issues is evidence for both, but is shown once when the issue has other lines.
    eligible = fresh if sum(fresh) >= MIN_FRESH_LINES else None
    picked = mmr(local, scores, inner, budget, eligible=eligible, redundancy_cap=limits.same)
    ordered = [members[i] for i in reading_order(local, picked)]
    lines = tuple(cite_with_echoes(candidates, i, matcher) for i in ordered)
    evidence = tuple(c for i in members for c in candidates[i].citations)
    issue_quotes = _quotes_in(evidence, quotes, story)
    issue = Issue(
        id=_issue_id(evidence),
        label=label,
        summary=lines,
        quote_ids=tuple(q.id for q in issue_quotes),
        article_ids=_covering(
            story, {c.article_id for line in lines for c in line.citations} | {c.article_id for c in evidence}
        ),
        positions=_positions(issue_quotes),
        keywords=keywords,
        steered=group.steering is not None,
        evidence=evidence,
    )
    return issue, ordered


def _label(group: _Group, phrases: Sequence[object], texts: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    from dossier.issues.labels import Phrase

    if group.steering is not None:
        # The user's own name for the issue, marked user-given (``Issue.steered``) wherever it is shown;
        # the keywords are the user's terms the sources do use.
        return group.steering.name, tuple(t for t in group.steering.terms if occurs_in(t, texts))
    if group.phrases:
        return _seeded_label(group.phrases)
    ranked = [p for p in phrases if isinstance(p, Phrase)]
    return label_from(ranked, fallback_label(texts))


def _seeded_label(phrases: Sequence[KeyPhrase]) -> tuple[str, tuple[str, ...]]:
    """The best seed phrase, plus the next name or longer phrase sharing no word with it ("Oslo / Bergen")."""
    first = phrases[0]
    if not is_strong(first):
        # "artificial intelligence" says more than "intelligence" does.
        first = next(
            (p for p in phrases if is_strong(p) and set(first.key.split()) <= set(p.key.split())), first
        )
    if not (is_strong(first) and first.nominal):
        # A name or noun phrase among the best few labels better than a verb phrase ("avoid delays")
        # or a lone common word ("differences").
        first = next((p for p in phrases[:LABEL_CHOICES] if is_strong(p) and p.nominal), first)
    parts = [first]
    first_words = set(first.key.split())
    for other in phrases[1:]:
        other_words = set(other.key.split())
        echoes = any(same_word(a, b) for a in first_words for b in other_words)
        if is_strong(other) and other.nominal and not first_words & other_words and not echoes:
            parts.append(other)
            break
    surfaces = tuple(p.surface for p in parts)
    return SEPARATOR.join(surfaces), surfaces


def _names_keyword(texts: Sequence[str], keywords: Sequence[str]) -> npt.NDArray[np.float64]:
    """1.0 for a sentence naming one of the label's phrases: it is plainly about the issue."""
    folded = [k.casefold() for k in keywords]
    return np.array([1.0 if any(k in t.casefold() for k in folded) else 0.0 for t in texts])


def _issue_id(evidence: Sequence[Citation]) -> str:
    key = "|".join(f"{c.article_id}:{c.start}:{c.end}" for c in evidence)
    return stable_id("i", key)


def _covering(story: Briefing, article_ids: set[str]) -> tuple[str, ...]:
    """The covering articles in reading order, with any duplicate of a covering article."""
    covered = set(article_ids)
    covered |= {a.id for a in story.articles if a.duplicate_of in article_ids}
    return tuple(a.id for a in story.articles if a.id in covered)


def _quotes_by_article(quotes: Sequence[Quote]) -> dict[str, list[Quote]]:
    by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article_id, []).append(quote)
    return by_article


def _quotes_in(evidence: Sequence[Citation], quotes: dict[str, list[Quote]], story: Briefing) -> list[Quote]:
    """The statements quoted in the issue's sentences, most widely reported first, at most ``MAX_QUOTES``.

    Scare quotes ("endless") say nothing on their own: only full quotes and
    partial ones of ``MIN_PARTIAL_WORDS`` words or more are listed. Every
    report of a listed statement is kept, so the sources of each are shown.
    """
    inside: dict[str, Quote] = {}
    for citation in evidence:
        for quote in quotes.get(citation.article_id, ()):
            if quote.start < citation.end and citation.start < quote.end and _substantive(quote):
                inside.setdefault(quote.id, quote)
    statement_ids = {q.statement_id for q in inside.values() if q.statement_id}
    for quote in story.quotes:
        if quote.statement_id in statement_ids and _substantive(quote):
            inside.setdefault(quote.id, quote)
    order = {q.id: n for n, q in enumerate(story.quotes)}
    reports: dict[str, list[Quote]] = {}
    for quote in sorted(inside.values(), key=lambda q: order[q.id]):
        reports.setdefault(quote.statement_id or quote.id, []).append(quote)
    ranked = sorted(reports.values(), key=lambda group: (-len(group), order[group[0].id]))[:MAX_QUOTES]
    return sorted((q for group in ranked for q in group), key=lambda q: order[q.id])


def _substantive(quote: Quote) -> bool:
    return quote.kind == "full" or word_count(quote.text) >= MIN_PARTIAL_WORDS


def _positions(quotes: Sequence[Quote]) -> tuple[Position, ...]:
    """Each quoted speaker's quotes, when at least two different people are quoted (a story with sides)."""
    sides: dict[str, list[Quote]] = {}
    names: dict[str, str] = {}
    for quote in quotes:
        # Only speakers the entities stage linked to someone: "an official" is not a side.
        if quote.speaker is None or quote.speaker.entity_id is None:
            continue
        key = quote.speaker.entity_id
        sides.setdefault(key, []).append(quote)
        # The fullest form of the name the articles give, e.g. "Jane Roe" over "Roe".
        current = names.get(key, "")
        if len(quote.speaker.name) > len(current):
            names[key] = quote.speaker.name
    if len(sides) < 2:
        return ()
    ranked = sorted(sides.items(), key=lambda item: (-len(item[1]), names[item[0]]))[:MAX_SIDES]
    return tuple(Position(names[key], tuple(q.id for q in side)) for key, side in ranked)


def issues_stage(encoder: Encoder | None = None, steering: Sequence[SteeringIssue] = ()) -> BriefingStage:
    """The ``issues`` story stage (the encoder is chosen on first use when not given)."""

    def stage(story: AnyBriefing) -> AnyBriefing:
        chosen = encoder if encoder is not None else get_encoder("auto")
        issues = find_issues(story, chosen, steering)
        return dataclasses.replace(story, issues=issues, metadata={**story.metadata, "encoder": chosen.name})

    return stage
