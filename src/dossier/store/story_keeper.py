"""Stories in the store: the online clusterer of one connection, kept in step with the database.

Every story-assigning write runs inside the store's write transaction (the
write lock is held), in this order: replay what other writers committed since
this connection last looked (:meth:`StoryKeeper.sync`), then place each new
article and write its rows (:meth:`StoryKeeper.assign`). The article row and
its story row commit together, so a kill leaves an article fully assigned or
absent; ``story_articles`` has the article id as primary key, so two ingests
can never give one article two stories. When a transaction rolls back, the
in-memory clusterer is ahead of the database and is dropped (:meth:`reset`);
the next write replays the store from the start.

Articles stored without a story (before this migration, or through a plain
``add``) are placed when the next story-assigning write replays them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from dossier.article import Article

if TYPE_CHECKING:  # numpy and datasketch load only when a store first works with stories
    from dossier.stories import Assignment, OnlineClusterer, Settings, StoryMap

logger = logging.getLogger(__name__)

#: Turns a stored row into an Article (the store's own reader, so columns stay defined in one place).
RowReader = Callable[[Sequence[Any]], Article]


class SqlRunner(Protocol):
    """What the keeper needs of a connection: ``execute`` with ``?`` placeholders, giving iterable rows.

    An ``sqlite3.Connection`` is one as it is; the PostgreSQL store passes a thin adapter.
    """

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...


class StoryKeeper:
    """Holds the clusterer of one store connection and how far into the database it has read."""

    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings
        self._clusterer: OnlineClusterer | None = None
        self._seen_seq = 0
        self._seen_merge = 0

    def reset(self) -> None:
        """Forget everything: the next sync replays the store from its first article."""
        self._clusterer = None
        self._seen_seq = 0
        self._seen_merge = 0

    def sync(
        self, connection: SqlRunner, select_columns: str, read_row: RowReader, *, write: bool
    ) -> OnlineClusterer:
        """Replay the articles and merges committed since the last sync; place unassigned articles.

        With ``write`` (inside a write transaction) an unassigned article's placement is stored too;
        without it (a reader) the placement lives only in memory.
        """
        if self._clusterer is None:
            from dossier.stories import OnlineClusterer

            self._clusterer = OnlineClusterer(self._settings)
        clusterer = self._clusterer
        rows = connection.execute(
            f"SELECT articles.seq, story_articles.story_id, story_articles.duplicate_of, {select_columns} "
            "FROM articles LEFT JOIN story_articles ON story_articles.article_id = articles.id "
            "WHERE articles.seq > ? ORDER BY articles.seq",
            (self._seen_seq,),
        )
        replayed = placed = 0
        for row in rows:
            seq, story_id, duplicate_of, *columns = row
            article = read_row(columns)
            if story_id is None:
                assignment = clusterer.add(article)
                if write:
                    _write_assignment(connection, assignment)
                placed += 1
            else:
                clusterer.place(article, story_id, duplicate_of)
                replayed += 1
            self._seen_seq = max(self._seen_seq, int(seq))
        merges = connection.execute(
            "SELECT seq, survivor, absorbed FROM story_merges WHERE seq > ? ORDER BY seq", (self._seen_merge,)
        ).fetchall()
        for seq, survivor, absorbed in merges:
            clusterer.record_merge(survivor, absorbed)
            self._seen_merge = max(self._seen_merge, int(seq))
        if replayed or placed:
            logger.debug("stories: replayed %d stored article(s), placed %d unassigned", replayed, placed)
        return clusterer

    def assign(self, connection: SqlRunner, article: Article, seq: int) -> Assignment:
        """Place a just-inserted article (row ``seq``) and write its story rows in the open transaction."""
        if self._clusterer is None:
            raise RuntimeError("sync must run before assign")  # a programming error, not bad input
        assignment = self._clusterer.add(article)
        _write_assignment(connection, assignment)
        self._seen_seq = max(self._seen_seq, seq)
        return assignment

    def note_own_merges(self, connection: SqlRunner) -> None:
        """Our own merges are already in memory: skip them at the next sync."""
        row = connection.execute("SELECT coalesce(max(seq), 0) FROM story_merges").fetchone()
        self._seen_merge = max(self._seen_merge, int(row[0]))


def _write_assignment(connection: SqlRunner, assignment: Assignment) -> None:
    if assignment.started:
        connection.execute(
            "INSERT INTO stories (id, first_article_id) VALUES (?, ?)",
            (assignment.story_id, assignment.article_id),
        )
    connection.execute(
        "INSERT INTO story_articles (article_id, story_id, duplicate_of, thin) VALUES (?, ?, ?, ?)",
        (assignment.article_id, assignment.story_id, assignment.duplicate_of, int(assignment.thin)),
    )
    for merge in assignment.merges:
        connection.execute(
            "UPDATE story_articles SET story_id = ? WHERE story_id = ?", (merge.survivor, merge.absorbed)
        )
        connection.execute(
            "UPDATE stories SET merged_into = ? WHERE id = ? OR merged_into = ?",
            (merge.survivor, merge.absorbed, merge.absorbed),
        )
        connection.execute(
            "INSERT INTO story_merges (survivor, absorbed, article_id) VALUES (?, ?, ?)",
            (merge.survivor, merge.absorbed, merge.article_id),
        )


def selected_stories(
    stories: StoryMap, matching: set[str] | None, since: dt.date | None, until: dt.date | None
) -> StoryMap:
    """The stories holding a matching article (all when ``matching`` is None) whose dates meet the range."""
    from dossier.stories import StoryMap

    kept = [
        story
        for story in stories.stories
        if (matching is None or story.id in matching) and story.meets_dates(since, until)
    ]
    return StoryMap(stories=tuple(kept))
