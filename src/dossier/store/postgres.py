"""The server article store: PostgreSQL (through psycopg 3), for many processes writing at once.

The same contract as :class:`~dossier.store.sqlite.SqliteStore`, kept with
PostgreSQL's own tools:

- each ``add`` is one transaction; an article row is ``INSERT … ON CONFLICT (id)
  DO NOTHING`` on its content-hash id, so a second ingest is a no-op;
- writers take turns on a transaction-level advisory lock of the store's
  schema (``pg_advisory_xact_lock``), the counterpart of SQLite's single write
  lock: story assignment replays what others committed, places the new articles
  and writes their story rows under it, with the same clustering code
  (:mod:`dossier.store.story_keeper`) as SQLite, so two ingests never give an
  article two stories (``story_articles.article_id`` is also a primary key);
- full-text search is a ``tsvector`` column with a GIN index, queried with the
  same syntax as SQLite (parsed once in :mod:`dossier.store.fts_query`, rendered
  for PostgreSQL in :mod:`dossier.store.ts_query`);
- readers see one snapshot per call (``REPEATABLE READ``) and never wait for writers.

The article is kept whole as one JSON document (``Article.to_dict()``), so a new
Article field needs no schema change, as in SQLite.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

import psycopg
from psycopg import conninfo

from dossier.analysis import Analysis, AnalyzerKey
from dossier.article import Article
from dossier.errors import StoreError
from dossier.store.base import AddResult, OwnedConnection, check_date_range, checked_limit
from dossier.store.pg_migrations import (
    ADVISORY_LOCK_SQL,
    WRITE_LOCK,
    apply_migrations,
    error_line,
    require_current_schema,
    roll_back,
)
from dossier.store.story_keeper import StoryKeeper, listed_stories, selected_stories
from dossier.store.ts_query import TS_CONFIG, search_document, tsquery_expression
from dossier.stories import FoundStory, StoryMap

logger = logging.getLogger(__name__)

#: A ``postgresql+driver://`` URL (as SQLAlchemy writes them) is a plain libpq URL once the driver goes.
_SCHEME: Final = re.compile(r"^postgres(?:ql)?(?:\+[\w-]+)?://", re.IGNORECASE)
#: How long to wait for the server to answer a connection, in seconds.
CONNECT_TIMEOUT_S: Final = 10

_SELECT_COLUMNS: Final = "articles.document"
_INSERT: Final = (
    "INSERT INTO articles (id, source, title, published, document, search) "
    f"VALUES (%s, %s, %s, %s, %s, to_tsvector('{TS_CONFIG}', %s)) "
    "ON CONFLICT (id) DO NOTHING RETURNING seq"
)
#: Undated articles sort last (PostgreSQL's default for ascending order); the id makes the order total.
_ORDER: Final = 'articles.published ASC NULLS LAST, articles.id COLLATE "C"'


class PostgresStore(OwnedConnection[psycopg.Connection]):
    """A :class:`~dossier.store.base.Store` in a PostgreSQL database, in the URL's current schema.

    ``url`` is a libpq connection URL (``postgresql://user@host:5432/dbname``); the
    schema is the first one on the connection's ``search_path`` (set it with
    ``?options=-csearch_path%3Dname``). ``read_only`` creates and migrates nothing
    and refuses writes.
    """

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self._url = _libpq_url(url)
        self.label = safe_label(self._url)
        self.read_only = read_only
        self._stories = StoryKeeper()
        self._connection: psycopg.Connection | None = None
        self._connection = self._open()

    def _open(self) -> psycopg.Connection:
        try:
            # Autocommit: every transaction is begun and ended explicitly here, as in the SQLite store.
            connection = psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as error:
            message = _without_password(error_line(error), self._url)
            raise StoreError(f"cannot connect: {message}", source=self.label) from error
        try:
            _require_utf8(connection, self.label)
            if self.read_only:
                require_current_schema(connection, label=self.label)
                connection.execute("SET default_transaction_read_only = on")
            else:
                apply_migrations(connection, label=self.label)
        except BaseException:
            connection.close()
            raise
        return connection

    # --- the Store protocol -------------------------------------------------------------------------------

    def add(self, articles: Sequence[Article], *, assign_stories: bool = False) -> AddResult:
        """Store the articles in one transaction, under the store's write lock; known ids stay as they are."""
        connection = self._live()
        if not articles:
            return AddResult(added=(), unchanged=())
        if self.read_only:
            raise StoreError("the store is open read-only; nothing was written", source=self.label)
        runner = _QmarkRunner(connection)
        try:
            connection.execute("BEGIN")
            # Every writer takes it, so rows are numbered (seq) in commit order and a story-assigning
            # writer sees every article committed before it: its clusterer replays them in that order.
            connection.execute(ADVISORY_LOCK_SQL, (WRITE_LOCK,))
            added, unchanged, assignments = self._stories.store_batch(
                runner,
                articles,
                lambda article: self._insert(connection, article),
                assign_stories=assign_stories,
                select_columns=_SELECT_COLUMNS,
                read_row=self._read_row,
            )
            connection.execute("COMMIT")
        except BaseException as error:
            # Roll back on anything, even an interrupt: a batch is stored whole or not at all.
            self._stories.reset()
            roll_back(connection)
            if isinstance(error, psycopg.Error):
                raise StoreError(f"cannot store the batch: {error_line(error)}", source=self.label) from error
            raise
        logger.debug("%s: added %d article(s), %d unchanged", self.label, len(added), len(unchanged))
        return AddResult(added=tuple(added), unchanged=tuple(unchanged), assignments=tuple(assignments))

    def stories(
        self, *, query: str | None = None, since: dt.date | None = None, until: dt.date | None = None
    ) -> StoryMap:
        """Every story of the store as its writers stored it, filtered by articles and dates."""
        check_date_range(since, until)
        matching: set[str] | None = None
        with self._snapshot("cannot read stories") as connection:
            runner = _QmarkRunner(connection)
            listed = listed_stories(runner) or self._replayed_stories(runner)
            stories, story_of = listed
            if query is not None:
                matching = {story_of[i] for i in _matching_ids(connection, query) if i in story_of}
        return selected_stories(stories, matching, since, until)

    def story(self, story_id: str) -> tuple[FoundStory, list[Article]] | None:
        with self._snapshot("cannot read stories") as connection:
            target = _resolve_story(connection, story_id)
            if target is None:
                return None
            runner = _QmarkRunner(connection)
            listed = listed_stories(runner, target) or self._replayed_stories(runner)
            found = next((story for story in listed[0].stories if story.id == target), None)
            if found is None:
                return None
            rows = connection.execute(
                f"SELECT {_SELECT_COLUMNS} FROM articles JOIN story_articles "
                "ON story_articles.article_id = articles.id WHERE story_articles.story_id = %s "
                "ORDER BY articles.seq",
                (target,),
            ).fetchall()
        return found, [self._read_row(row) for row in rows]

    def _replayed_stories(self, runner: _QmarkRunner) -> tuple[StoryMap, dict[str, str]]:
        # A store kept before listing rows were: a reader replays into a clusterer of its own.
        clusterer = StoryKeeper().sync(runner, _SELECT_COLUMNS, self._read_row, write=False)
        stories = clusterer.stories()
        return stories, {article.id: story.id for story in stories.stories for article in story.articles}

    def matching_ids(self, query: str) -> list[str]:
        with self._snapshot("cannot search") as connection:
            return _matching_ids(connection, query)

    def get(self, article_id: str) -> Article | None:
        if "\x00" in article_id:
            return None  # no stored id holds a NUL, and PostgreSQL text cannot carry one to compare
        with self._snapshot("cannot read") as connection:
            row = connection.execute(
                f"SELECT {_SELECT_COLUMNS} FROM articles WHERE id = %s", (article_id,)
            ).fetchone()
        return None if row is None else self._read_row(row)

    def select(
        self,
        *,
        query: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        sql, parameters = _select_sql(query=query, since=since, until=until, limit=limit)
        with self._snapshot("cannot search") as connection:
            rows = connection.execute(sql, parameters).fetchall()
        return [self._read_row(row) for row in rows]

    def analyses(self, article_ids: Sequence[str], key: AnalyzerKey) -> dict[str, Analysis]:
        """The stored analyses made by ``key`` of these articles (those that have one)."""
        rows = self._analysis_rows(article_ids, key, "article_id, data")
        return {str(article_id): _analysis_from_bytes(data, self.label) for article_id, data in rows}

    def analyzed(self, article_ids: Sequence[str], key: AnalyzerKey) -> frozenset[str]:
        rows = self._analysis_rows(article_ids, key, "article_id")
        return frozenset(str(article_id) for (article_id,) in rows)

    def _analysis_rows(self, article_ids: Sequence[str], key: AnalyzerKey, columns: str) -> list[Any]:
        """``columns`` of the analyses rows made by ``key`` of these articles (no id holds a NUL byte)."""
        ids = [article_id for article_id in article_ids if "\x00" not in article_id]
        with self._snapshot("cannot read analyses") as connection:
            return connection.execute(
                f"SELECT {columns} FROM analyses WHERE analyzer = %s AND article_id = ANY(%s)",
                (key.text(), ids),
            ).fetchall()

    def add_analyses(self, analyses: Sequence[Analysis]) -> None:
        """Keep analyses of stored articles, in one transaction (one of an unstored article is skipped)."""
        connection = self._live()
        if self.read_only:
            raise StoreError("the store is open read-only; nothing was written", source=self.label)
        rows = [(a.article_id, a.key.text(), _analysis_bytes(a), a.article_id) for a in analyses]
        try:
            with connection.transaction(), connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO analyses (article_id, analyzer, data) "
                    "SELECT %s, %s, %s WHERE EXISTS (SELECT 1 FROM articles WHERE id = %s) "
                    "ON CONFLICT (article_id, analyzer) DO UPDATE SET data = excluded.data",
                    rows,
                )
        except psycopg.Error as error:
            raise StoreError(f"cannot store analyses: {error_line(error)}", source=self.label) from error
        logger.debug("%s: kept %d analyses", self.label, len(rows))

    def count(self) -> int:
        with self._snapshot("cannot count") as connection:
            row = connection.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row is not None else 0

    # --- internals ----------------------------------------------------------------------------------------

    def _before_close(self) -> None:
        """Save the story state a closing writer holds (best effort: skipped while another one writes)."""
        connection = self._connection
        if connection is None or self.read_only or not self._stories.wants_save_on_close():
            return
        try:
            connection.execute("BEGIN")
            row = connection.execute(
                "SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), %s)", (WRITE_LOCK,)
            ).fetchone()
            if row is not None and row[0]:
                self._stories.save_when_in_step(_QmarkRunner(connection))
            connection.execute("COMMIT")
        except (psycopg.Error, StoreError) as error:
            logger.warning("%s: story state not saved on close: %s", self.label, error_line(error))
            roll_back(connection)

    @contextmanager
    def _snapshot(self, doing: str) -> Iterator[psycopg.Connection]:
        """One read-only REPEATABLE READ transaction: the queries of one call see one state of the store."""
        connection = self._live()
        try:
            connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            roll_back(connection)
            if isinstance(error, psycopg.Error):
                raise StoreError(f"{doing}: {error_line(error)}", source=self.label) from error
            raise

    def _read_row(self, row: Sequence[Any]) -> Article:
        return _article_from_document(row[0], self.label)

    def _insert(self, connection: psycopg.Connection, article: Article) -> int | None:
        """Insert one article inside the open transaction; its row number when new, else None."""
        try:
            values = _row_values(article)
            row = connection.execute(_INSERT, values).fetchone()
        except (psycopg.Error, ValueError, TypeError, OverflowError, RecursionError) as error:
            raise StoreError(
                f"cannot store article {article.id} ({article.source}): {error_line(error)}; "
                "nothing from this batch was written",
                source=self.label,
            ) from error
        return None if row is None else int(row[0])


class _QmarkRunner:
    """The story keeper's SQL (``?`` placeholders, as sqlite3 takes them) run on a psycopg connection."""

    def __init__(self, connection: psycopg.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        # The keeper's statements hold no literal "?" or "%", so the swap is exact.
        return self._connection.execute(sql.replace("?", "%s"), tuple(parameters))


# --- locations ----------------------------------------------------------------------------------------------


def _libpq_url(url: str) -> str:
    # libpq knows only the lower-case schemes, and no driver suffix.
    return _SCHEME.sub("postgresql://", url.strip(), count=1)


def _without_password(message: str, url: str) -> str:
    """``message`` with the URL's password cut out, should libpq ever echo the URL."""
    try:
        password = conninfo.conninfo_to_dict(url).get("password")
    except psycopg.Error:
        return message.replace(url, "(the URL)")
    return message.replace(str(password), "***") if password else message


def safe_label(url: str) -> str:
    """The database a URL names, for messages and logs: user, host, port, database; never the password."""
    try:
        parts = conninfo.conninfo_to_dict(_libpq_url(url))
    except psycopg.Error:
        return "postgresql://(unreadable URL)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = str(parts.get("host") or "")
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname') or ''}"


# --- rows ---------------------------------------------------------------------------------------------------


def _json_bytes(data: object) -> bytes:
    # Strict UTF-8: a lone surrogate is refused here, as SQLite refuses it.
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def _readable(text: str | None) -> str | None:
    """A copy of a field for people reading the table: PostgreSQL text cannot hold a NUL."""
    return None if text is None else text.replace("\x00", "\ufffd")


def _row_values(article: Article) -> tuple[Any, ...]:
    """The column values of an article: id, readable copies, date, the whole document, the search words."""
    return (
        article.id,
        _readable(article.source),
        _readable(article.title),
        article.published,
        _json_bytes(article.to_dict()),
        search_document(article.title, article.text),
    )


def _article_from_document(document: bytes, label: str) -> Article:
    try:
        data = json.loads(bytes(document).decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the document is not a JSON object")
        return Article.from_dict(data)
    except (ValueError, TypeError, KeyError) as error:
        raise StoreError(f"a stored article is unreadable: {error_line(error)}", source=label) from error


def _analysis_bytes(analysis: Analysis) -> bytes:
    return _json_bytes(analysis.to_dict())


def _analysis_from_bytes(data: bytes, label: str) -> Analysis:
    try:
        return Analysis.from_dict(json.loads(bytes(data).decode("utf-8")))
    except (ValueError, TypeError, KeyError) as error:
        raise StoreError(f"a stored analysis cannot be read: {error_line(error)}", source=label) from error


# --- selecting ----------------------------------------------------------------------------------------------


def _matching_ids(connection: psycopg.Connection, query: str) -> list[str]:
    sql = (
        f"SELECT id FROM articles WHERE articles.search @@ to_tsquery('{TS_CONFIG}', %s)"
        ' ORDER BY id COLLATE "C"'
    )
    return [str(row[0]) for row in connection.execute(sql, (tsquery_expression(query),))]


def _select_sql(
    *,
    query: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
) -> tuple[str, list[Any]]:
    """The SELECT statement and its parameters; user text only ever travels as a parameter."""
    check_date_range(since, until)
    conditions: list[str] = []
    parameters: list[Any] = []
    if query is not None:
        conditions.append(f"articles.search @@ to_tsquery('{TS_CONFIG}', %s)")
        parameters.append(tsquery_expression(query))
    if since is not None:
        conditions.append("articles.published >= %s")
        parameters.append(since)
    if until is not None:
        conditions.append("articles.published <= %s")
        parameters.append(until)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    sql = f"SELECT {_SELECT_COLUMNS} FROM articles{where} ORDER BY {_ORDER}"
    if limit is not None:
        sql += " LIMIT %s"
        parameters.append(checked_limit(limit))
    return sql, parameters


def _resolve_story(connection: psycopg.Connection, story_id: str) -> str | None:
    """The live story an id stands for: itself, or the story it was merged into; None if unknown."""
    if "\x00" in story_id:
        return None
    row = connection.execute("SELECT merged_into FROM stories WHERE id = %s", (story_id,)).fetchone()
    if row is None:
        return None
    return story_id if row[0] is None else _resolve_story(connection, str(row[0]))


# --- checks and errors --------------------------------------------------------------------------------------


def _require_utf8(connection: psycopg.Connection, label: str) -> None:
    row = connection.execute("SHOW server_encoding").fetchone()
    encoding = str(row[0]) if row is not None else "?"
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise StoreError(
            f"the database encoding is {encoding}; dossier needs a UTF8 database "
            "(CREATE DATABASE ... ENCODING 'UTF8')",
            source=label,
        )
