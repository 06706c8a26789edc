"""Stories in the store: the online clusterer of one connection, kept in step with the database.

Every story-assigning write runs inside the store's write transaction (the
write lock is held), in this order: bring the clusterer up to date
(:meth:`StoryKeeper.sync`), then place each new article and write its rows
(:meth:`StoryKeeper.assign`), then save the clusterer's state when one is due
(:meth:`StoryKeeper.save_if_due`). The article row and its story row commit
together, so a kill leaves an article fully assigned or absent;
``story_articles`` has the article id as primary key, so two ingests can never
give one article two stories. When a transaction rolls back, the in-memory
clusterer is ahead of the database and is dropped (:meth:`reset`).

Nothing is replayed from the start when it need not be:

- a connection's first write resumes from the saved state (``story_state``,
  see :mod:`dossier.stories.state`) and replays only the articles and merges
  committed after it; a writer saves after every ``SAVE_EVERY_ARTICLES``
  articles once the store grew by ``SAVE_GROWTH`` since the last save (so all
  the saves of a growing store cost about two of the last one), and again when
  its connection closes with a tail worth saving (:meth:`wants_save_on_close`);
- listing stories (:func:`listed_stories`) reads rows the writers keep: each
  article's row as a story lists it (``story_articles.member``), each story's
  label (``stories.label``) and the merges. No clusterer runs.

Articles stored without a story (through a plain ``add``) are placed by the
next story-assigning write; until then a listing leaves them out. A store
whose rows predate the listing columns is listed by replaying it, and its
next story-assigning write fills the columns in.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from dossier.article import Article
from dossier.errors import StoreError

if TYPE_CHECKING:  # numpy and datasketch load only when a store first works with stories
    from dossier.stories import Assignment, OnlineClusterer, Settings, StoryMap

logger = logging.getLogger(__name__)

#: Save the clusterer's state after at least this many new articles ...
SAVE_EVERY_ARTICLES = 1000
#: ... and not before the store grew by this fraction since the last save.
SAVE_GROWTH = 1.0
#: A connection that closes saves the state when the unsaved tail is at least this fraction of the store.
CLOSE_SAVE_FRACTION = 1 / 32

#: Turns a stored row into an Article (the store's own reader, so columns stay defined in one place).
RowReader = Callable[[Sequence[Any]], Article]


class SqlRunner(Protocol):
    """What the keeper needs of a connection: ``execute`` with ``?`` placeholders, giving iterable rows.

    An ``sqlite3.Connection`` is one as it is; the PostgreSQL store passes a thin adapter.
    """

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...


class StoryKeeper:
    """Holds the clusterer of one store connection and how far into the database it has read."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        save_every: int | None = None,
        save_growth: float | None = None,
        resume: bool = True,
    ) -> None:
        self._settings = settings
        self._resume_saved = resume  # False: always replay from the first article (to compare, in benchmarks)
        # Read at construction, not at import: a test (or a deployment) may set the module's values.
        self._save_every = SAVE_EVERY_ARTICLES if save_every is None else save_every
        self._save_growth = SAVE_GROWTH if save_growth is None else save_growth
        self._clusterer: OnlineClusterer | None = None
        self._seen_seq = 0
        self._seen_merge = 0
        self._seen_relation = 0  # relations are replayed in full on a first sync: they are few and idempotent
        self._saved_seq = 0
        self._summaries_checked = False

    def reset(self) -> None:
        """Forget everything: the next sync resumes from the saved state, or replays the store."""
        self._clusterer = None
        self._seen_seq = 0
        self._seen_merge = 0
        self._seen_relation = 0
        self._saved_seq = 0

    def sync(
        self, connection: SqlRunner, select_columns: str, read_row: RowReader, *, write: bool
    ) -> OnlineClusterer:
        """Replay the articles and merges committed since the last sync; place unassigned articles.

        A connection's first sync starts from the saved clusterer state (see
        :mod:`dossier.stories.state`) when there is one made under the same settings, and replays only
        what was committed after it. With ``write`` (inside a write transaction) an unassigned article's
        placement is stored too; without it (a reader) the placement lives only in memory.
        """
        if self._clusterer is None:
            self._clusterer = self._resume(connection) if self._resume_saved else self._fresh()
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
                    _write_assignment(connection, clusterer, article, assignment)
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
        relations = connection.execute(
            "SELECT seq, story, related FROM story_relations WHERE seq > ? ORDER BY seq",
            (self._seen_relation,),
        ).fetchall()
        for seq, story, related in relations:
            clusterer.record_relation(str(story), str(related))
            self._seen_relation = max(self._seen_relation, int(seq))
        if replayed or placed:
            logger.debug("stories: replayed %d stored article(s), placed %d unassigned", replayed, placed)
        if write and not self._summaries_checked:
            _fill_missing_summaries(connection, clusterer)
            self._summaries_checked = True
        return clusterer

    def store_batch(
        self,
        connection: SqlRunner,
        articles: Sequence[Article],
        insert: Callable[[Article], int | None],
        *,
        assign_stories: bool,
        select_columns: str,
        read_row: RowReader,
    ) -> tuple[list[str], list[str], list[Assignment]]:
        """Insert the articles inside the store's open write transaction; with ``assign_stories``, sync
        first, place each new article, then note the merges and save the state when due.

        ``insert`` stores one article and gives its row number, or None when its id is known. Returns the
        ids added, the ids left unchanged and the assignments, in input order.
        """
        added: list[str] = []
        unchanged: list[str] = []
        assignments: list[Assignment] = []
        if assign_stories:
            self.sync(connection, select_columns, read_row, write=True)
        for article in articles:
            seq = insert(article)
            (added if seq is not None else unchanged).append(article.id)
            if assign_stories and seq is not None:
                assignments.append(self.assign(connection, article, seq))
        if assign_stories:
            self.note_own_merges(connection)
            self.save_if_due(connection)
        return added, unchanged, assignments

    def assign(self, connection: SqlRunner, article: Article, seq: int) -> Assignment:
        """Place a just-inserted article (row ``seq``) and write its story rows in the open transaction."""
        if self._clusterer is None:
            raise RuntimeError("sync must run before assign")  # a programming error, not bad input
        assignment = self._clusterer.add(article)
        _write_assignment(connection, self._clusterer, article, assignment)
        self._seen_seq = max(self._seen_seq, seq)
        return assignment

    def note_own_merges(self, connection: SqlRunner) -> None:
        """Our own merges and topic relations are already in memory: skip them at the next sync."""
        row = connection.execute("SELECT coalesce(max(seq), 0) FROM story_merges").fetchone()
        self._seen_merge = max(self._seen_merge, int(row[0]))
        row = connection.execute("SELECT coalesce(max(seq), 0) FROM story_relations").fetchone()
        self._seen_relation = max(self._seen_relation, int(row[0]))

    def save_if_due(self, connection: SqlRunner, *, force: bool = False) -> bool:
        """Save the clusterer's state in the open write transaction when enough arrived since the last save.

        Only a keeper in step with the database may save (inside the write transaction, after its own
        assignments and :meth:`note_own_merges`). A save is due after ``save_every`` articles, or once
        the store grew by ``save_growth`` since the last save, whichever is more: the saves of a growing
        store cost a bounded multiple of one save, and a new connection replays a bounded tail.
        """
        if self._clusterer is None:
            return False
        unsaved = self._seen_seq - self._saved_seq
        due = unsaved >= max(self._save_every, self._saved_seq * self._save_growth)
        if unsaved <= 0 or not (due or force):
            return False
        from dossier.stories.state import dump_state, fingerprint

        data = dump_state(self._clusterer)
        connection.execute("DELETE FROM story_state")
        connection.execute(
            "INSERT INTO story_state (id, article_seq, merge_seq, fingerprint, data) VALUES (1, ?, ?, ?, ?)",
            (self._seen_seq, self._seen_merge, fingerprint(self._settings_used()), data),
        )
        self._saved_seq = self._seen_seq
        logger.debug("stories: saved the clusterer state at article %d (%d bytes)", self._seen_seq, len(data))
        return True

    def wants_save_on_close(self) -> bool:
        """Whether enough is unsaved that saving now beats the next connection replaying it.

        Replaying an article costs far more than saving one: a save is worth it once the unsaved tail is
        ``CLOSE_SAVE_FRACTION`` of the store (any tail of a small store).
        """
        unsaved = self._seen_seq - self._saved_seq
        return self._clusterer is not None and unsaved > 0 and unsaved >= self._seen_seq * CLOSE_SAVE_FRACTION

    def save_when_in_step(self, connection: SqlRunner) -> bool:
        """Save (in the open write transaction) only if nothing was committed since this keeper looked."""
        articles = connection.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
        merges = connection.execute("SELECT coalesce(max(seq), 0) FROM story_merges").fetchone()
        if int(articles[0]) != self._seen_seq or int(merges[0]) != self._seen_merge:
            return False  # another writer went on: its own connection saves what it knows
        return self.save_if_due(connection, force=True)

    def _fresh(self) -> OnlineClusterer:
        from dossier.stories import OnlineClusterer

        return OnlineClusterer(self._settings_used())

    def _settings_used(self) -> Settings:
        from dossier.stories import Settings

        return self._settings or Settings()

    def _resume(self, connection: SqlRunner) -> OnlineClusterer:
        """The saved clusterer when one fits these settings (and where it stopped); else a new one."""
        from dossier.stories import OnlineClusterer
        from dossier.stories.state import fingerprint, load_state

        settings = self._settings_used()
        row = connection.execute(
            "SELECT article_seq, merge_seq, fingerprint, data FROM story_state WHERE id = 1"
        ).fetchone()
        if row is None:
            return OnlineClusterer(settings)
        article_seq, merge_seq, saved_fingerprint, data = row
        if saved_fingerprint != fingerprint(settings):
            logger.info("stories: the saved state was made under other settings; replaying the store")
            return OnlineClusterer(settings)
        try:
            clusterer = load_state(bytes(data), settings, source="story_state")
        except StoreError as error:
            logger.warning("stories: %s; replaying the store instead", error)
            return OnlineClusterer(settings)
        self._seen_seq = self._saved_seq = int(article_seq)
        self._seen_merge = int(merge_seq)
        logger.debug("stories: resumed from the state saved at article %d", self._seen_seq)
        return clusterer


def listed_stories(
    connection: SqlRunner, story_id: str | None = None
) -> tuple[StoryMap, dict[str, str]] | None:
    """The stories as stored (one story when ``story_id`` names a live one), with each article's story.

    A plain read of the rows the writers keep (a member row per article, a label per story, the
    merges): no clusterer runs. None when the store holds stories from before these rows were kept
    (the next story-assigning write fills them in): the caller replays instead.
    """
    from dossier.stories import FoundStory, StoryArticle
    from dossier.stories.model import newest_first

    where = " WHERE story_articles.story_id = ?" if story_id is not None else ""
    rows = connection.execute(
        "SELECT story_articles.article_id, story_articles.story_id, story_articles.member "
        "FROM story_articles JOIN articles ON articles.id = story_articles.article_id"
        f"{where} ORDER BY articles.seq",
        (story_id,) if story_id is not None else (),
    ).fetchall()
    members: dict[str, list[StoryArticle]] = {}
    story_of: dict[str, str] = {}
    for article_id, story, member in rows:
        if member is None:
            return None
        members.setdefault(str(story), []).append(StoryArticle.from_dict(json.loads(bytes(member))))
        story_of[str(article_id)] = str(story)
    labels = {
        str(story): label
        for story, label in connection.execute("SELECT id, label FROM stories WHERE merged_into IS NULL")
        if str(story) in members
    }
    if any(label is None for label in labels.values()):
        return None
    merged: dict[str, list[str]] = {}
    for survivor, absorbed in connection.execute(
        "SELECT stories.merged_into, stories.id FROM stories "
        "JOIN story_merges ON story_merges.absorbed = stories.id "
        "WHERE stories.merged_into IS NOT NULL ORDER BY story_merges.seq"
    ):
        merged.setdefault(str(survivor), []).append(str(absorbed))
    topic_of = _stored_topics(connection)
    found = (
        FoundStory.of(story, str(labels[story]), stored, merged.get(story, ()), topic_of(story))
        for story, stored in members.items()
        if story in labels
    )
    return newest_first(found), story_of


def _stored_topics(connection: SqlRunner) -> Callable[[str], str]:
    """A live story's topic from the recorded relations, as ``OnlineClusterer.topic_of`` finds it."""
    from dossier.stories.model import topic_root

    merged_into = {
        str(story): str(survivor)
        for story, survivor in connection.execute(
            "SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL"
        )
    }
    pointers: dict[str, str] = {}
    for story, related in connection.execute("SELECT story, related FROM story_relations ORDER BY seq"):
        pointers[str(story)] = str(related)

    def topic_of(story_id: str) -> str:
        return topic_root(story_id, pointers.get, lambda story: merged_into.get(story, story), len(pointers))

    return topic_of


def _member_json(article: Article, duplicate_of: str | None) -> bytes:
    from dossier.stories import StoryArticle

    document = StoryArticle.of(article, duplicate_of).to_dict()
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _write_assignment(
    connection: SqlRunner, clusterer: OnlineClusterer, article: Article, assignment: Assignment
) -> None:
    if assignment.started:
        connection.execute(
            "INSERT INTO stories (id, first_article_id) VALUES (?, ?)",
            (assignment.story_id, assignment.article_id),
        )
    connection.execute(
        "INSERT INTO story_articles (article_id, story_id, duplicate_of, thin, member) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            assignment.article_id,
            assignment.story_id,
            assignment.duplicate_of,
            int(assignment.thin),
            _member_json(article, assignment.duplicate_of),
        ),
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
    for relation in assignment.relations:
        connection.execute(
            "INSERT INTO story_relations (story, related) VALUES (?, ?)", (relation.story, relation.related)
        )
    story = clusterer.resolve(assignment.story_id)
    connection.execute("UPDATE stories SET label = ? WHERE id = ?", (clusterer.label(story), story))


def _fill_missing_summaries(connection: SqlRunner, clusterer: OnlineClusterer) -> None:
    """Write the member rows and labels a store from before they were kept lacks (once per connection)."""
    lacking = connection.execute(
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM story_articles WHERE member IS NULL) "
        "OR EXISTS (SELECT 1 FROM stories WHERE label IS NULL AND merged_into IS NULL)"
    ).fetchone()
    if lacking is None:
        return
    stories = clusterer.stories().stories
    for story in stories:
        connection.execute(
            "UPDATE stories SET label = ? WHERE id = ? AND label IS NULL", (story.label, story.id)
        )
        for member in story.articles:
            document = json.dumps(member.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            connection.execute(
                "UPDATE story_articles SET member = ? WHERE article_id = ? AND member IS NULL",
                (document, member.id),
            )
    logger.info("stories: wrote the listing rows of %d stor(ies) kept before they were stored", len(stories))


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
