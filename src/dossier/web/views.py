"""What each page of the app shows: frozen records, rendered as HTML or returned as the page's JSON twin.

Both forms come from the same record (``to_dict`` for JSON), so the two can
never disagree. Nothing here is escaped; the templates autoescape.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.article import Article
from dossier.briefing import Briefing, Citation
from dossier.records import Record
from dossier.render.stories import date_span
from dossier.render.view import BriefingView, StrippedItem, build_view, fold, published_label, web_url
from dossier.stories.model import FoundStory

#: Characters shown on each side of a cited span that lies in no paragraph.
_EXCERPT_CONTEXT = 300
#: The kinds of span an article page marks, most telling first (a segment shows its first kind).
SPAN_KINDS = ("quote", "claim", "figure", "summary", "entity")


@dataclass(frozen=True, slots=True)
class StoryRowView(Record):
    id: str
    label: str
    size: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    span: str
    href: str


@dataclass(frozen=True, slots=True)
class StoryListView(Record):
    """One page of the story list, with the search and filters that made it."""

    query: str
    since: str
    until: str
    outlet: str
    page: int
    pages: int
    total: int
    rows: tuple[StoryRowView, ...]
    outlets: tuple[str, ...]  # every outlet of the store, for the filter
    articles: int  # how many articles the store holds


@dataclass(frozen=True, slots=True)
class StoryPageView(Record):
    """A story's briefing page: the story, its briefing's view, and the article id of each number."""

    story: StoryRowView
    article_ids: tuple[str, ...]  # article_ids[n - 1] is the article cited as [n]
    briefing: BriefingView


@dataclass(frozen=True, slots=True)
class CitationView(Record):
    """A cited span in its paragraph: the words before, the cited words, the words after."""

    story_id: str
    number: int
    article_id: str
    source: str
    title: str
    before: str
    cited: str
    after: str
    start: int
    end: int
    back: str  # the briefing page this citation belongs to
    article: str  # the article's own page


@dataclass(frozen=True, slots=True)
class MarkedRun(Record):
    """A run of article text and the kinds of extracted span that cover it (empty: none)."""

    text: str
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticlePageView(Record):
    id: str
    title: str
    outlet: str
    published: str
    dateline: str
    url: str | None
    source: str
    story_id: str | None
    kinds: tuple[str, ...]  # the kinds of span marked on this page
    runs: tuple[MarkedRun, ...]
    stripped: tuple[StrippedItem, ...]


@dataclass(frozen=True, slots=True)
class FailureView(Record):
    source: str
    error: str
    reason: str


@dataclass(frozen=True, slots=True)
class JobView(Record):
    """An add-articles job as the progress page shows it."""

    id: str
    state: str  # queued, reading, assigning, briefing, done, failed
    done: int
    total: int | None
    message: str
    added: int
    unchanged: int
    stories: tuple[str, ...]
    failures: tuple[FailureView, ...]
    finished: bool


@dataclass(frozen=True, slots=True)
class JobListView(Record):
    jobs: tuple[JobView, ...]


@dataclass(frozen=True, slots=True)
class ErrorView(Record):
    status: int
    error: str
    message: str


# --- building them ------------------------------------------------------------------------------


def story_row(story: FoundStory) -> StoryRowView:
    return StoryRowView(
        id=story.id,
        label=fold(story.label),
        size=story.size,
        outlets=tuple(fold(outlet) for outlet in story.outlets),
        first_published=None if story.first_published is None else story.first_published.isoformat(),
        last_published=None if story.last_published is None else story.last_published.isoformat(),
        span=date_span(story),
        href=f"/stories/{story.id}",
    )


def story_page(story: FoundStory, briefing: Briefing) -> StoryPageView:
    """The briefing page: the full texts stay on the article pages, not under the briefing."""
    view = build_view(briefing)
    shown = dataclasses.replace(view, texts=())
    return StoryPageView(story_row(story), numbered_ids(briefing), shown)


def numbered_ids(briefing: Briefing) -> tuple[str, ...]:
    return tuple(dict.fromkeys(article.id for article in briefing.articles))


def citation(story: FoundStory, briefing: Briefing, number: int, start: int) -> CitationView | None:
    """The span cited as ``[number]`` starting at ``start``, in its paragraph; None when none is."""
    ids = numbered_ids(briefing)
    if not 1 <= number <= len(ids):
        return None
    article = next(a for a in briefing.articles if a.id == ids[number - 1])
    end = cited_end(briefing, article, start)
    if end is None:
        return None
    low, high = _paragraph_around(article, start, end)
    return CitationView(
        story_id=story.id,
        number=number,
        article_id=article.id,
        source=fold(article.outlet or article.title or f"Source {number}"),
        title=fold(article.title or ""),
        before=article.text[low:start],
        cited=article.text[start:end],
        after=article.text[end:high],
        start=start,
        end=end,
        back=f"/stories/{story.id}",
        article=f"/articles/{article.id}",
    )


def cited_end(briefing: Briefing, article: Article, start: int) -> int | None:
    """Where the longest cited span of ``article`` that starts at ``start`` ends."""
    ends = [end for kind, s, end in article_spans(briefing, article.id) if s == start and kind]
    return max(ends) if ends else None


def _paragraph_around(article: Article, start: int, end: int) -> tuple[int, int]:
    for paragraph in article.paragraphs:
        if paragraph.start <= start and end <= paragraph.end:
            return paragraph.start, paragraph.end
    return max(0, start - _EXCERPT_CONTEXT), min(len(article.text), end + _EXCERPT_CONTEXT)


def article_spans(briefing: Briefing, article_id: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every span the briefing cites in one article."""
    spans: list[tuple[str, int, int]] = []

    def add(kind: str, citations: Iterable[Citation]) -> None:
        spans.extend((kind, c.start, c.end) for c in citations if c.article_id == article_id)

    add("quote", (Citation(q.article_id, q.start, q.end) for q in briefing.quotes))
    add("claim", (Citation(c.article_id, c.start, c.end) for k in briefing.conflicts for c in k.claims))
    add("figure", (Citation(f.article_id, f.start, f.end) for f in briefing.figures))
    add("summary", (c for line in briefing.summary for c in line.citations))
    add("summary", (c for issue in briefing.issues for line in issue.summary for c in line.citations))
    add("summary", (c for entry in briefing.timeline for c in entry.evidence))
    add("entity", (m for entity in briefing.entities for m in entity.mentions))
    return spans


def marked_runs(text: str, spans: Sequence[tuple[str, int, int]]) -> tuple[MarkedRun, ...]:
    """``text`` cut at every span boundary; each run names the kinds covering it, most telling first."""
    valid = [(kind, s, e) for kind, s, e in spans if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for _, s, _ in valid), *(e for _, _, e in valid)})
    runs: list[MarkedRun] = []
    for low, high in itertools.pairwise(cuts):
        covering = {kind for kind, s, e in valid if s <= low and high <= e}
        runs.append(MarkedRun(text[low:high], tuple(k for k in SPAN_KINDS if k in covering)))
    return tuple(runs)


def article_page(article: Article, story_id: str | None, briefing: Briefing | None) -> ArticlePageView:
    spans = article_spans(briefing, article.id) if briefing is not None else []
    return ArticlePageView(
        id=article.id,
        title=fold(article.title or ""),
        outlet=fold(article.outlet or ""),
        published=published_label(article),
        dateline=fold(article.dateline or ""),
        url=web_url(article.url),
        source=fold(article.source),
        story_id=story_id,
        kinds=tuple(kind for kind in SPAN_KINDS if any(k == kind for k, _, _ in spans)),
        runs=marked_runs(article.text, spans),
        stripped=tuple(
            StrippedItem(fold(item.kind), fold(item.text), fold(item.text)[:300], fold(item.reason))
            for item in article.stripped
        ),
    )
