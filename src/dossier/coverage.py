"""Who reported what: the ``coverage`` story stage.

- **Matrix**: for each issue, how many of its sentences each outlet carries.
- **Exclusives**: sentences only one outlet reports, in any wording: no other
  outlet has a sentence that speaks of the same thing, whether close in meaning
  or sharing its names and words
  (:meth:`dossier.issues.corroborate.FactMatcher.mentions`). Sentences of an issue that
  outlet alone covers (a single-source issue) come first, then those of any
  issue, so an exclusive links to the issue it belongs to.
- **Omissions**: issues that at most half of the outlets cover; a single-source
  issue is one, with its one outlet as ``covered_by``.
- **Previews against outcomes**: the story's event date is the publication
  date most of its articles share (the later one on a tie, since previews come
  first). An article published before it that often looks ahead, or one that
  speaks mostly in the future tense, is a preview; each of its main points is matched by embedding
  similarity against the sentences of the later articles, and shown as
  reported (with the sentences that report it) or not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from dossier.article import Article
from dossier.briefing import (
    AnyBriefing,
    Briefing,
    BriefingStage,
    Citation,
    Coverage,
    CoverageRow,
    Exclusive,
    Issue,
    Omission,
    PreviewPoint,
)
from dossier.embed import Encoder, get_encoder
from dossier.issues.corroborate import FactMatcher
from dossier.issues.pool import Candidate, pool_for
from dossier.issues.select import Budget, centrality_scores, mmr, reading_order
from dossier.issues.similarity import similarity_matrix, thresholds_for
from dossier.outlet import display_name

MAX_EXCLUSIVES_PER_OUTLET = 3
MAX_PREVIEW_POINTS = 8
#: Later sentences shown for one reported preview point.
MAX_OUTCOME_CITATIONS = 3
#: An article from the event day (or undated) is a preview when this share of its sentences look ahead.
FUTURE_SHARE = 0.5
#: An earlier article must still look ahead this much: an early report of finished talks is no preview.
EARLIER_FUTURE_SHARE = 0.25

_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are|was|were) (?:expected|set|due|scheduled|likely|poised) to|"
    r"plans? to|intends? to|aims? to|hopes? to|next (?:week|month|year)|upcoming|ahead of)\b",
    re.IGNORECASE,
)


def outlet_of(article: Article) -> str:
    """The name the article goes by everywhere in the briefing (:func:`dossier.outlet.display_name`)."""
    return display_name(article)


def build_coverage(story: Briefing, encoder: Encoder) -> Coverage:
    outlets = tuple(dict.fromkeys(outlet_of(a) for a in story.articles))
    outlet_by_article = {a.id: outlet_of(a) for a in story.articles}
    rows = tuple(_row(issue, outlets, outlet_by_article) for issue in story.issues)
    candidates, vectors = pool_for(story, encoder).readable()
    similarity = similarity_matrix(vectors)
    limits = thresholds_for(encoder.name)
    issue_of = _issue_of_sentence(story.issues)
    event_date = main_event_date(story.articles)
    previews = preview_articles(story.articles, event_date)
    return Coverage(
        outlets=outlets,
        rows=rows,
        exclusives=_exclusives(
            candidates,
            FactMatcher.over(candidates, story, similarity, limits),
            outlet_by_article,
            issue_of,
            outlets,
            single_source_issues(story.issues, outlet_by_article),
        ),
        omissions=_omissions(story.issues, rows, outlets),
        event_date=event_date.isoformat() if event_date else None,
        preview_article_ids=previews,
        previews=_preview_points(candidates, similarity, limits.related, set(previews), story.articles),
    )


def _row(issue: Issue, outlets: Sequence[str], outlet_by_article: dict[str, str]) -> CoverageRow:
    cited = issue.evidence or tuple(c for line in issue.summary for c in line.citations)
    counts = Counter(outlet_by_article.get(c.article_id, "") for c in cited)
    return CoverageRow(issue.id, tuple(counts[o] for o in outlets))


def single_source_issues(issues: Sequence[Issue], outlet_by_article: dict[str, str]) -> frozenset[str]:
    """The ids of the issues that one outlet alone covers, when the story has several outlets."""
    if len(set(outlet_by_article.values())) < 2:
        return frozenset()
    return frozenset(
        issue.id
        for issue in issues
        if len({outlet_by_article.get(a, "") for a in issue.article_ids}) == 1 and issue.article_ids
    )


def _issue_of_sentence(issues: Sequence[Issue]) -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for issue in issues:
        for citation in issue.evidence or tuple(c for line in issue.summary for c in line.citations):
            found.setdefault((citation.article_id, citation.start), issue.id)
    return found


def _exclusives(
    candidates: Sequence[Candidate],
    matcher: FactMatcher,
    outlet_by_article: dict[str, str],
    issue_of: dict[tuple[str, int], str],
    outlets: Sequence[str],
    single_source: frozenset[str] = frozenset(),
) -> tuple[Exclusive, ...]:
    if len(outlets) < 2:
        return ()
    sources = [{outlet_by_article[c.article_id] for c in cand.citations} for cand in candidates]
    # Each sentence's one outlet (its index in ``outlets``), or -1 when several outlets carry it.
    position = {outlet: index for index, outlet in enumerate(outlets)}
    sole = np.array([position[next(iter(s))] if len(s) == 1 else -1 for s in sources], dtype=np.intp)
    chosen: dict[str, list[int]] = {}
    for index in range(len(candidates)):
        if sole[index] < 0:
            continue
        outlet = outlets[int(sole[index])]
        # Any other outlet's sentence that speaks of the same thing, in any words, takes the exclusive away.
        if not matcher.mentioned_among(index, sole != sole[index]):
            chosen.setdefault(outlet, []).append(index)
    found: list[Exclusive] = []
    for outlet in outlets:
        indexes = chosen.get(outlet, [])

        # Sentences of an issue only this outlet covers first, then of any issue (on topic), then the rest.
        def rank(index: int) -> tuple[bool, bool, int]:
            issue = _issue_key(candidates[index], issue_of)
            return (issue not in single_source, issue is None, index)

        indexes.sort(key=rank)
        for index in sorted(indexes[:MAX_EXCLUSIVES_PER_OUTLET]):
            cand = candidates[index]
            found.append(Exclusive(outlet, _issue_key(cand, issue_of), cand.text, cand.citations))
    return tuple(found)


def _issue_key(candidate: Candidate, issue_of: dict[tuple[str, int], str]) -> str | None:
    first = candidate.citations[0]
    return issue_of.get((first.article_id, first.start))


def _omissions(
    issues: Sequence[Issue], rows: Sequence[CoverageRow], outlets: Sequence[str]
) -> tuple[Omission, ...]:
    if len(outlets) < 2:
        return ()
    found = []
    for issue, row in zip(issues, rows, strict=True):
        covered = tuple(o for o, n in zip(outlets, row.counts, strict=True) if n)
        if covered and 2 * len(covered) <= len(outlets):
            missing = tuple(o for o in outlets if o not in covered)
            found.append(Omission(issue.id, covered, missing))
    return tuple(found)


def main_event_date(articles: Sequence[Article]) -> dt.date | None:
    """The publication date most original articles share; the later one on a tie."""
    dates = Counter(a.published for a in articles if a.published is not None and a.duplicate_of is None)
    if not dates:
        return None
    return max(dates.items(), key=lambda item: (item[1], item[0]))[0]


def future_share(article: Article) -> float:
    """The share of an article's sentences that speak of what is yet to happen."""
    sentences = [article.span_text(s) for s in article.sentences]
    if not sentences:
        return 0.0
    return sum(1 for s in sentences if _FUTURE.search(s)) / len(sentences)


def preview_articles(articles: Sequence[Article], event_date: dt.date | None) -> tuple[str, ...]:
    """Original articles written before the event: published earlier, or undated and looking ahead."""
    previews = []
    for article in articles:
        if article.duplicate_of is not None:
            continue
        earlier = event_date is not None and article.published is not None and article.published < event_date
        if future_share(article) >= (EARLIER_FUTURE_SHARE if earlier else FUTURE_SHARE):
            previews.append(article.id)
    return tuple(previews)


def _preview_points(
    candidates: Sequence[Candidate],
    similarity: np.ndarray,
    related: float,
    previews: set[str],
    articles: Sequence[Article],
) -> tuple[PreviewPoint, ...]:
    original = {a.id for a in articles if a.duplicate_of is None}
    later_articles = original - previews
    if not previews or not later_articles:
        return ()
    ahead = [i for i, c in enumerate(candidates) if c.citations[0].article_id in previews]
    if not ahead:
        return ()
    later = [i for i, c in enumerate(candidates) if any(x.article_id in later_articles for x in c.citations)]
    local = [candidates[i] for i in ahead]
    inner = similarity[np.ix_(ahead, ahead)]
    picked = mmr(local, centrality_scores(local, inner), inner, Budget(sentences=MAX_PREVIEW_POINTS))
    points = []
    for position in reading_order(local, picked):
        index = ahead[position]
        outcome = _outcome(index, later, candidates, similarity, related, later_articles)
        cand = candidates[index]
        points.append(PreviewPoint(cand.text, cand.citations, bool(outcome), outcome))
    return tuple(points)


def _outcome(
    index: int,
    later: Sequence[int],
    candidates: Sequence[Candidate],
    similarity: np.ndarray,
    related: float,
    later_articles: set[str],
) -> tuple[Citation, ...]:
    matches = sorted(
        (i for i in later if similarity[index, i] >= related), key=lambda i: (-similarity[index, i], i)
    )
    found: list[Citation] = []
    for match in matches:
        found.extend(c for c in candidates[match].citations if c.article_id in later_articles)
        if len(found) >= MAX_OUTCOME_CITATIONS:
            break
    return tuple(found[:MAX_OUTCOME_CITATIONS])


def coverage_stage(encoder: Encoder | None = None) -> BriefingStage:
    """The ``coverage`` story stage; runs after ``issues`` so its matrix has rows."""

    def stage(story: AnyBriefing) -> AnyBriefing:
        chosen = encoder if encoder is not None else get_encoder("auto")
        return dataclasses.replace(story, coverage=build_coverage(story, chosen))

    return stage
