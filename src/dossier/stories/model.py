"""The records of story finding: a story's articles, the stories, merges and one article's placement."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from dossier.article import Article
from dossier.records import Record

#: The contract's name and version, written into every stories.json.
SCHEMA = "dossier/stories@1"
#: A story id is this prefix and the id of the article that started the story.
STORY_ID_PREFIX = "s-"


def story_id_for(first_article_id: str) -> str:
    """The id of a story started by this article: stable, because article ids are content hashes."""
    return f"{STORY_ID_PREFIX}{first_article_id}"


@dataclass(frozen=True, slots=True)
class StoryArticle(Record):
    """One article of a story, as the contract lists it (``source`` is the path or URL as given)."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    duplicate_of: str | None

    @classmethod
    def of(cls, article: Article, duplicate_of: str | None = None) -> StoryArticle:
        return cls(
            id=article.id,
            source=article.source,
            title=article.title,
            outlet=article.outlet,
            published=article.published,
            duplicate_of=duplicate_of,
        )


@dataclass(frozen=True, slots=True)
class FoundStory(Record):
    """A story: its articles in arrival order, a verbatim label, and the stories merged into it."""

    id: str
    label: str
    size: int
    outlets: tuple[str, ...]
    first_published: dt.date | None
    last_published: dt.date | None
    articles: tuple[StoryArticle, ...]
    merged_from: tuple[str, ...] = ()
    #: The id of the oldest story of its topic (related stories share it; its own id when alone);
    #: None where it is not known (stories listed from a store's rows).
    topic: str | None = None

    @classmethod
    def of(
        cls,
        story_id: str,
        label: str,
        members: Sequence[StoryArticle],
        merged_from: Sequence[str] = (),
        topic: str | None = None,
    ) -> FoundStory:
        """A story from its members in order: size, outlets and date span follow from them."""
        dates = [member.published for member in members if member.published is not None]
        return cls(
            id=story_id,
            label=label,
            size=len(members),
            outlets=tuple(sorted({member.outlet for member in members if member.outlet})),
            first_published=min(dates) if dates else None,
            last_published=max(dates) if dates else None,
            articles=tuple(members),
            merged_from=tuple(merged_from),
            topic=topic,
        )

    @property
    def copies(self) -> int:
        """How many of its articles are near-copies of another one (syndication)."""
        return sum(1 for article in self.articles if article.duplicate_of is not None)

    @property
    def undated(self) -> int:
        return sum(1 for article in self.articles if article.published is None)

    def meets_dates(self, since: dt.date | None, until: dt.date | None) -> bool:
        """Whether its date span meets ``since``..``until``; an undated story only when neither is given."""
        if since is None and until is None:
            return True
        if self.first_published is None or self.last_published is None:
            return False
        return (since is None or self.last_published >= since) and (
            until is None or self.first_published <= until
        )


@dataclass(frozen=True, slots=True)
class Merge(Record):
    """Two stories became one: the older id survives, the other is recorded here."""

    survivor: str
    absorbed: str
    article_id: str  # the article whose arrival joined them


@dataclass(frozen=True, slots=True)
class Relation(Record):
    """A story's topic now points at an older story's (see ``OnlineClusterer.topic_of``)."""

    story: str
    related: str


def topic_root(
    story_id: str, related_of: Callable[[str], str | None], resolve: Callable[[str], str], limit: int
) -> str:
    """A story's topic: the end of its chain of relations, each step resolved through merges.

    ``related_of`` gives a live story's topic pointer (None when it has none). A relation only ever
    points at an older story, so the walk ends; ``limit`` bounds it all the same.
    """
    current = resolve(story_id)
    for _ in range(limit + 1):
        related = related_of(current)
        if related is None:
            return current
        related = resolve(related)
        if related == current:
            return current
        current = related
    return current


@dataclass(frozen=True, slots=True)
class Assignment(Record):
    """Where one arriving article went, and why.

    ``thin`` marks an article too short to judge by content (empty or one line):
    when it also starts a story, the caller must report it, never accept it silently.
    """

    article_id: str
    story_id: str
    started: bool
    score: float
    duplicate_of: str | None = None
    thin: bool = False
    merges: tuple[Merge, ...] = ()
    #: The topic pointers this placement set, in order: a store records them to list and resume topics.
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryMap(Record):
    """Every story found in a set of articles, newest first: what stories.json holds."""

    stories: tuple[FoundStory, ...]
    schema: str = SCHEMA

    def without_topics(self) -> StoryMap:
        """The same stories with no topic (a document of the contract's first form)."""
        return StoryMap(
            stories=tuple(dataclasses.replace(story, topic=None) for story in self.stories),
            schema=self.schema,
        )

    def to_json_dict(self) -> dict[str, object]:
        """The contract's document: ``schema`` first, then the stories."""
        return {"schema": self.schema, "stories": [story.to_dict() for story in self.stories]}


def newest_first(stories: Iterable[FoundStory]) -> StoryMap:
    """The stories newest first (by last date; undated stories after dated ones), then by id."""
    found = sorted(stories, key=lambda story: story.id)
    found.sort(
        key=lambda story: story.last_published.toordinal() if story.last_published else 0, reverse=True
    )
    return StoryMap(stories=tuple(found))
