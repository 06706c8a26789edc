"""The embedded article store: one SQLite file (WAL mode) with an FTS5 index.

Each article is one row of ``articles``: the fields that are filtered or shown
get columns of their own, and the rest (spans, stripped text, metadata) is kept
as a JSON object written by ``Article.to_dict()``, so a new Article field is
stored without a schema change. Nothing time-dependent is written: the same
articles added in the same order give the same database content.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from dossier.analysis import Analysis, AnalyzerKey
from dossier.article import Article
from dossier.errors import StoreError
from dossier.store.base import AddResult, OwnedConnection, check_date_range, checked_limit
from dossier.store.fts_query import match_expression
from dossier.store.migrations import apply_migrations, require_current_schema
from dossier.store.story_keeper import StoryKeeper, listed_stories, selected_stories

if TYPE_CHECKING:  # the story clusterer pulls in numpy and datasketch: imported when stories are used
    from dossier.stories import FoundStory, StoryMap

logger = logging.getLogger(__name__)

MEMORY: Final = ":memory:"
#: How long one attempt at the write lock waits inside SQLite, in milliseconds. A writer
#: that does not get the lock logs that it is waiting, and tries again until ``write_wait_s``.
BUSY_TIMEOUT_MS: Final = 2_000
#: How long a writer waits for another writer (a long ingest) before giving up, in seconds.
DEFAULT_WRITE_WAIT_S: Final = 600.0

#: The page cache of a writing connection, in KiB (SQLite's default is 2 MB); it is only filled as used.
WRITER_CACHE_KIB: Final = 64 * 1024

#: Article fields that have a column of their own; every other field goes into ``extra``.
_COLUMNS: Final = (
    "id",
    "source",
    "title",
    "outlet",
    "url",
    "published",
    "published_inferred",
    "dateline",
    "duplicate_of",
    "text",
)
_SELECT_COLUMNS: Final = ", ".join(f"articles.{name}" for name in (*_COLUMNS, "extra"))
_INSERT: Final = (
    f"INSERT INTO articles ({', '.join(_COLUMNS)}, extra) "
    f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))}) ON CONFLICT (id) DO NOTHING"
)
#: Undated articles sort after dated ones; the id makes the order total.
_ORDER: Final = "articles.published IS NULL, articles.published"
_FTS_PROBE: Final = (
    "CREATE VIRTUAL TABLE temp.dossier_fts5_probe USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')"
)


class SqliteStore(OwnedConnection[sqlite3.Connection]):
    """A :class:`~dossier.store.base.Store` in one SQLite file, or in memory for ``":memory:"``.

    Writers take turns: a second writer waits for the first (logging that it
    waits) for up to ``write_wait_s`` seconds. Readers are never blocked (WAL
    mode). ``read_only`` opens an existing store for reading only (``mode=ro``),
    so a store in a folder one cannot write to can still be listed and searched.
    """

    def __init__(
        self, location: str | Path, *, read_only: bool = False, write_wait_s: float = DEFAULT_WRITE_WAIT_S
    ) -> None:
        self._memory = str(location) == MEMORY
        self.label = MEMORY if self._memory else str(location)
        self.read_only = read_only and not self._memory
        self._write_wait_s = write_wait_s
        self._connection: sqlite3.Connection | None = None
        self._stories = StoryKeeper()
        self._connection = self._open_read_only(Path(location)) if self.read_only else self._open(location)

    # --- opening ------------------------------------------------------------------------------------------

    def _open(self, location: str | Path) -> sqlite3.Connection:
        if not self._memory:
            _check_path(Path(location))
        try:
            # Autocommit mode: every transaction is begun and ended explicitly here.
            connection = sqlite3.connect(
                MEMORY if self._memory else location, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
        except sqlite3.Error as error:
            raise _store_error(error, self.label, "cannot open database") from error
        try:
            self._configure(connection)
            _require_fts5(connection, self.label)
            apply_migrations(connection, label=self.label)
        except BaseException:
            connection.close()
            raise
        return connection

    def _open_read_only(self, path: Path) -> sqlite3.Connection:
        _check_path(path)
        if not path.is_file():
            raise StoreError(
                "no store here to read (it is opened read-only, so none is made)", source=str(path)
            )
        connection = _connect_read_only(path, self.label, immutable=False)
        try:
            _probe(connection)
        except sqlite3.OperationalError:
            # A WAL database needs its -shm file, which a read-only folder cannot hold. Nobody can
            # write there either, so the file cannot change while we read it: immutable is true.
            connection.close()
            logger.info("%s: folder is not writable; reading the store as immutable", self.label)
            connection = _connect_read_only(path, self.label, immutable=True)
        try:
            with _translated(self.label, "cannot open database"):
                _probe(connection)
            _require_fts5(connection, self.label)  # its probe is a temporary table: before query_only
            require_current_schema(connection, label=self.label)
            with _translated(self.label, "cannot open database"):
                connection.execute("PRAGMA query_only = ON")
        except BaseException:
            connection.close()
            raise
        return connection

    def _configure(self, connection: sqlite3.Connection) -> None:
        with _translated(self.label, "cannot open database"):
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA foreign_keys = ON")
            # Each insert touches the id index and the FTS index at pages all over the file: past
            # SQLite's default 2 MB cache a big store reads them back again and again.
            connection.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
            if not self._memory:
                mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    logger.warning("%s: journal mode is %s, not WAL", self.label, mode)

    # --- the Store protocol -------------------------------------------------------------------------------

    def add(self, articles: Sequence[Article], *, assign_stories: bool = False) -> AddResult:
        """Store the articles in one transaction; an id already stored is left as it is.

        With ``assign_stories``, each new article is placed in a story inside the same transaction
        (see :mod:`dossier.store.story_keeper`), and articles stored earlier without one are placed too.
        """
        connection = self._live()
        if not articles:
            return AddResult(added=(), unchanged=())
        if self.read_only:
            raise StoreError("the store is open read-only; nothing was written", source=self.label)
        self._begin_write(connection)
        try:
            added, unchanged, assignments = self._stories.store_batch(
                connection,
                articles,
                lambda article: self._insert(connection, article),
                assign_stories=assign_stories,
                select_columns=_SELECT_COLUMNS,
                read_row=self._read_row,
            )
            connection.execute("COMMIT")
        except BaseException as error:
            # Roll back on anything, even an interrupt: a batch is stored whole or not at all.
            # The clusterer saw articles that are not stored now: it replays the store next time.
            self._stories.reset()
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise _store_error(error, self.label, "cannot store the batch") from error
            raise
        logger.debug("%s: added %d article(s), %d unchanged", self.label, len(added), len(unchanged))
        return AddResult(added=tuple(added), unchanged=tuple(unchanged), assignments=tuple(assignments))

    def stories(
        self, *, query: str | None = None, since: dt.date | None = None, until: dt.date | None = None
    ) -> StoryMap:
        """Every story of the store as its writers stored it, filtered by articles and dates."""
        connection = self._live()
        check_date_range(since, until)
        with _translated(self.label, "cannot read stories"):
            connection.execute("BEGIN")  # one read transaction: the rows of one state of the store
            try:
                listed = listed_stories(connection)
                if listed is None:  # kept before listing rows were: replay, as an older store must
                    listed = self._replayed_stories(connection)
                stories, story_of = listed
                matching: set[str] | None = None
                if query is not None:
                    matching = {story_of[i] for i in self.matching_ids(query) if i in story_of}
            finally:
                connection.execute("COMMIT")
        return selected_stories(stories, matching, since, until)

    def story(self, story_id: str) -> tuple[FoundStory, list[Article]] | None:
        connection = self._live()
        with _translated(self.label, "cannot read stories"):
            connection.execute("BEGIN")
            try:
                target = _resolve_story(connection, story_id)
                if target is None:
                    return None
                listed = listed_stories(connection, target) or self._replayed_stories(connection)
                found = next((story for story in listed[0].stories if story.id == target), None)
                if found is None:
                    return None
                rows = connection.execute(
                    f"SELECT {_SELECT_COLUMNS} FROM articles JOIN story_articles "
                    "ON story_articles.article_id = articles.id WHERE story_articles.story_id = ? "
                    "ORDER BY articles.seq",
                    (target,),
                ).fetchall()
            finally:
                connection.execute("COMMIT")
        return found, [self._read_row(row) for row in rows]

    def _replayed_stories(self, connection: sqlite3.Connection) -> tuple[StoryMap, dict[str, str]]:
        # A reader replays into a clusterer of its own: placements it makes are never written.
        clusterer = StoryKeeper().sync(connection, _SELECT_COLUMNS, self._read_row, write=False)
        stories = clusterer.stories()
        return stories, {article.id: story.id for story in stories.stories for article in story.articles}

    def matching_ids(self, query: str) -> list[str]:
        connection = self._live()
        sql = (
            "SELECT articles.id FROM articles_fts JOIN articles ON articles.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY articles.id"
        )
        with _translated(self.label, "cannot search"):
            return [str(row[0]) for row in connection.execute(sql, (match_expression(query),))]

    def get(self, article_id: str) -> Article | None:
        connection = self._live()
        with _translated(self.label, "cannot read"):
            row = connection.execute(
                f"SELECT {_SELECT_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        return None if row is None else _article_from_row(row, self.label)

    def select(
        self,
        *,
        query: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        connection = self._live()
        sql, parameters = _select_sql(query=query, since=since, until=until, limit=limit)
        with _translated(self.label, "cannot search"):
            rows = connection.execute(sql, parameters).fetchall()
        return [_article_from_row(row, self.label) for row in rows]

    def analyses(self, article_ids: Sequence[str], key: AnalyzerKey) -> dict[str, Analysis]:
        """The stored analyses made by ``key`` of these articles (those that have one)."""
        rows = self._analysis_rows(article_ids, key, "article_id, data")
        return {str(article_id): _analysis_from_json(data, self.label) for article_id, data in rows}

    def analyzed(self, article_ids: Sequence[str], key: AnalyzerKey) -> frozenset[str]:
        rows = self._analysis_rows(article_ids, key, "article_id")
        return frozenset(str(article_id) for (article_id,) in rows)

    def _analysis_rows(self, article_ids: Sequence[str], key: AnalyzerKey, columns: str) -> list[Any]:
        """``columns`` of the analyses rows made by ``key`` of these articles, read in chunks of ids."""
        connection = self._live()
        found: list[Any] = []
        with _translated(self.label, "cannot read analyses"):
            for chunk in _chunks(article_ids, _SQL_VARIABLES):
                marks = ",".join("?" * len(chunk))
                found.extend(
                    connection.execute(
                        f"SELECT {columns} FROM analyses WHERE analyzer = ? AND article_id IN ({marks})",
                        (key.text(), *chunk),
                    )
                )
        return found

    def add_analyses(self, analyses: Sequence[Analysis]) -> None:
        """Keep analyses of stored articles, in one transaction (one of an unstored article is skipped)."""
        connection = self._live()
        rows = [(a.article_id, a.key.text(), _analysis_json(a)) for a in analyses]
        with _translated(self.label, "cannot store analyses"), connection:
            connection.executemany(
                "INSERT OR REPLACE INTO analyses (article_id, analyzer, data) "
                "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
                rows,
            )
        logger.debug("%s: kept %d analyses", self.label, len(rows))

    def count(self) -> int:
        connection = self._live()
        with _translated(self.label, "cannot count"):
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])

    # --- internals ----------------------------------------------------------------------------------------

    def _begin_write(self, connection: sqlite3.Connection) -> None:
        """Take the write lock, waiting for another writer as long as ``write_wait_s`` allows.

        Each attempt waits up to BUSY_TIMEOUT_MS inside SQLite; between
        attempts the wait is logged, so that a second ``ingest`` says why it
        is not moving instead of failing after a few seconds.
        """
        started = time.monotonic()
        waiting = False
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                waited = time.monotonic() - started
                if not _is_busy(error) or waited >= self._write_wait_s:
                    why = (
                        f"{_one_line(error)} (waited {waited:.0f} s for another writer)" if waiting else None
                    )
                    raise StoreError(
                        f"cannot start a write: {why or _one_line(error)}", source=self.label
                    ) from error
                if not waiting:
                    logger.warning("%s: another process is writing to the store; waiting for it", self.label)
                waiting = True
                continue
            except sqlite3.Error as error:
                raise _store_error(error, self.label, "cannot start a write") from error
            if waiting:
                logger.info("%s: the other writer is done; writing now", self.label)
            return

    def _before_close(self) -> None:
        """Save the story state a closing writer holds, so the next connection resumes from it.

        Best effort: when another writer holds the lock past the busy timeout, or anything fails,
        nothing is saved (the next connection replays the tail) and the store closes all the same.
        """
        connection = self._connection
        if connection is None or self.read_only or not self._stories.wants_save_on_close():
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            self._stories.save_when_in_step(connection)
            connection.execute("COMMIT")
        except (sqlite3.Error, StoreError) as error:
            logger.warning("%s: story state not saved on close: %s", self.label, _one_line(error))
            if connection.in_transaction:
                connection.execute("ROLLBACK")

    def _read_row(self, row: Sequence[Any]) -> Article:
        return _article_from_row(row, self.label)

    def _insert(self, connection: sqlite3.Connection, article: Article) -> int | None:
        """Insert one article inside the open transaction; its row number when new, else None."""
        try:
            cursor = connection.execute(_INSERT, _row_values(article))
        except (sqlite3.Error, ValueError, TypeError, OverflowError, RecursionError) as error:
            raise StoreError(
                f"cannot store article {_name_of(article)}: {_one_line(error)}; "
                "nothing from this batch was written",
                source=self.label,
            ) from error
        return cursor.lastrowid if cursor.rowcount == 1 else None


def _resolve_story(connection: sqlite3.Connection, story_id: str) -> str | None:
    """The live story an id stands for: itself, or the story it was merged into; None if unknown."""
    row = connection.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    return story_id if row[0] is None else _resolve_story(connection, str(row[0]))


# --- rows ---------------------------------------------------------------------------------------------------

#: SQLite's default limit on bound variables per statement is far above this; chunks keep IN lists short.
_SQL_VARIABLES = 500


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _analysis_json(analysis: Analysis) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _analysis_from_json(data: str, label: str) -> Analysis:
    try:
        return Analysis.from_dict(json.loads(data))
    except (ValueError, TypeError, KeyError) as error:
        raise StoreError(f"a stored analysis cannot be read: {_one_line(error)}", source=label) from error


def _row_values(article: Article) -> tuple[Any, ...]:
    """The column values of an article: its own columns, then the JSON of every other field."""
    data = article.to_dict()
    columns = [data.pop(name) for name in _COLUMNS]
    columns[_COLUMNS.index("published_inferred")] = int(bool(article.published_inferred))
    # Insertion order of metadata is kept (no sort_keys), so a stored article reads back exactly.
    extra = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (*columns, extra)


def _article_from_row(row: Sequence[Any], label: str) -> Article:
    values = dict(zip((*_COLUMNS, "extra"), row, strict=True))
    try:
        extra = json.loads(values.pop("extra"))
        if not isinstance(extra, dict):
            raise ValueError("extra is not a JSON object")
        values["published_inferred"] = bool(values["published_inferred"])
        # Columns win over JSON keys, should an old row ever carry both.
        return Article.from_dict({**extra, **values})
    except (ValueError, TypeError, KeyError) as error:
        raise StoreError(
            f"stored article {values.get('id')} is unreadable: {_one_line(error)}", source=label
        ) from error


def _name_of(article: Article) -> str:
    return f"{article.id} ({article.source})"


# --- selecting ----------------------------------------------------------------------------------------------


def _select_sql(
    *, query: str | None, since: dt.date | None, until: dt.date | None, limit: int | None
) -> tuple[str, list[Any]]:
    """The SELECT statement and its parameters; user text only ever travels as a parameter."""
    check_date_range(since, until)
    conditions: list[str] = []
    parameters: list[Any] = []
    if query is not None:
        source = "articles_fts JOIN articles ON articles.seq = articles_fts.rowid"
        conditions.append("articles_fts MATCH ?")
        parameters.append(match_expression(query))
        # bm25 only breaks ties between articles of the same date.
        order = f"{_ORDER}, articles_fts.rank, articles.id"
    else:
        source = "articles"
        order = f"{_ORDER}, articles.id"
    if since is not None:
        conditions.append("articles.published >= ?")
        parameters.append(since.isoformat())
    if until is not None:
        conditions.append("articles.published <= ?")
        parameters.append(until.isoformat())
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    sql = f"SELECT {_SELECT_COLUMNS} FROM {source}{where} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        parameters.append(checked_limit(limit))
    return sql, parameters


# --- read-only opening -------------------------------------------------------------------------------------


def _connect_read_only(path: Path, label: str, *, immutable: bool) -> sqlite3.Connection:
    # as_uri() percent-encodes the path, so "?" or "#" in a folder name cannot be read as URI syntax.
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise _store_error(error, label, "cannot open database") from error


def _probe(connection: sqlite3.Connection) -> None:
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _is_busy(error: sqlite3.Error) -> bool:
    name = str(getattr(error, "sqlite_errorname", ""))
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(error)


# --- checks and errors --------------------------------------------------------------------------------------


def _check_path(path: Path) -> None:
    # pathlib answers False for a name with a NUL byte, which SQLite would then reject obscurely.
    if "\x00" in str(path):
        raise StoreError("not a usable file path: it contains a NUL character", source=repr(str(path)))
    try:
        is_folder, parent_exists = path.is_dir(), path.parent.is_dir()
    except OSError as error:  # e.g. a name too long for the file system
        raise StoreError(f"not a usable file path: {_one_line(error)}", source=str(path)) from error
    if is_folder:
        raise StoreError("is a folder, not a database file", source=str(path))
    if not parent_exists:
        raise StoreError(f"folder {path.parent} does not exist", source=str(path))


def _require_fts5(connection: sqlite3.Connection, label: str) -> None:
    """Refuse to go on with an SQLite built without FTS5 (or too old for its tokenizer options)."""
    try:
        connection.execute(_FTS_PROBE)
        connection.execute("DROP TABLE temp.dossier_fts5_probe")
    except sqlite3.OperationalError as error:
        raise StoreError(
            f"this SQLite ({sqlite3.sqlite_version}) lacks FTS5 full-text search with unicode61 "
            f"remove_diacritics 2: {_one_line(error)}",
            source=label,
        ) from error


@contextmanager
def _translated(label: str, doing: str) -> Iterator[None]:
    """Turn sqlite3 errors into StoreError that names the database."""
    try:
        yield
    except sqlite3.Error as error:
        raise _store_error(error, label, doing) from error


def _store_error(error: sqlite3.Error, label: str, doing: str) -> StoreError:
    if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return StoreError(f"not a dossier database: {label}")
    return StoreError(f"{doing}: {_one_line(error)}", source=label)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
