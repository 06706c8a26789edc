"""Named, ordered schema migrations for the PostgreSQL store.

The same rules as :mod:`dossier.store.migrations` (append only, each migration once,
in its own transaction, recorded by name in ``_migrations``, a database with an
unknown migration refused), with PostgreSQL's own tools: the check and the
migration run under a transaction-level advisory lock, so that several processes
opening a new database at once apply each migration exactly once.

Everything lives in the connection's current schema (the first one on its
``search_path``), so one database can hold several dossier stores side by side.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Final

import psycopg

from dossier.errors import StoreError
from dossier.store.migrations import Migration, split_statements
from dossier.store.ts_query import TS_CONFIG

logger = logging.getLogger(__name__)

#: Second key of the advisory lock that serialises migrations (the first is the schema's hash).
MIGRATION_LOCK: Final = 0
#: Second key of the advisory lock that serialises writes to the articles.
WRITE_LOCK: Final = 1
#: The advisory lock of this store's schema; ``%s`` is the lock's second key.
ADVISORY_LOCK_SQL: Final = "SELECT pg_advisory_xact_lock(hashtext(current_schema()), %s)"

# The words arrive folded (lower case, no diacritics, split on anything but letters and digits);
# the Snowball dictionary without a stop-word list stems every word and drops none, like SQLite's index.
_SEARCH_CONFIG = f"""
CREATE TEXT SEARCH DICTIONARY dossier_english_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION {TS_CONFIG} (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION {TS_CONFIG}
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
        hword_asciipart, hword_part, hword_numpart
    WITH dossier_english_stem;
"""

# The whole article is one JSON document (UTF-8 bytes: PostgreSQL text cannot hold a NUL, an
# article can). source and title are copies for people reading the table, NULs replaced.
_ARTICLES = """
CREATE TABLE articles (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    source text NOT NULL,
    title text,
    published date,
    document bytea NOT NULL,
    search tsvector NOT NULL
);
CREATE INDEX articles_by_published ON articles (published, id COLLATE "C");
CREATE INDEX articles_search ON articles USING GIN (search);
"""

_ANALYSES = """
CREATE TABLE analyses (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    analyzer text NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (article_id, analyzer)
);
"""

# As in SQLite: the primary key on story_articles.article_id is what keeps two ingests from giving
# an article two stories; the advisory write lock is what keeps their clusterers in step.
_STORIES = """
CREATE TABLE stories (
    id text PRIMARY KEY,
    first_article_id text NOT NULL,
    merged_into text REFERENCES stories (id)
);
CREATE TABLE story_articles (
    article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id text NOT NULL REFERENCES stories (id),
    duplicate_of text,
    thin smallint NOT NULL DEFAULT 0 CHECK (thin IN (0, 1))
);
CREATE INDEX story_articles_by_story ON story_articles (story_id);
CREATE TABLE story_merges (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survivor text NOT NULL REFERENCES stories (id),
    absorbed text NOT NULL UNIQUE REFERENCES stories (id),
    article_id text NOT NULL
);
"""

# As in SQLite (0006_story_state): the rows that let stories be listed, and a writer resume, without
# replaying the store.
_STORY_STATE = """
ALTER TABLE stories ADD COLUMN label text;
ALTER TABLE story_articles ADD COLUMN member bytea;
CREATE INDEX stories_by_merged_into ON stories (merged_into);
CREATE TABLE story_state (
    id smallint PRIMARY KEY CHECK (id = 1),
    article_seq bigint NOT NULL,
    merge_seq bigint NOT NULL,
    fingerprint text NOT NULL,
    data bytea NOT NULL
);
"""

# As in SQLite (0007_story_topics): the topic pointers the writers set, in order.
_STORY_TOPICS = """
CREATE TABLE story_relations (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story text NOT NULL REFERENCES stories (id),
    related text NOT NULL REFERENCES stories (id)
);
"""

#: Every migration, in the order it must be applied. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_search_config", _SEARCH_CONFIG),
    Migration("0002_articles", _ARTICLES),
    Migration("0003_analyses", _ANALYSES),
    Migration("0004_stories", _STORIES),
    Migration("0005_story_state", _STORY_STATE),
    Migration("0006_story_topics", _STORY_TOPICS),
)


def applied_migrations(connection: psycopg.Connection) -> tuple[str, ...]:
    """Names recorded in ``_migrations`` of the current schema, in order (empty for a new schema)."""
    if not _has_table(connection, "_migrations"):
        return ()
    rows = connection.execute("SELECT name FROM _migrations ORDER BY applied_order").fetchall()
    return tuple(str(row[0]) for row in rows)


def apply_migrations(
    connection: psycopg.Connection, *, label: str, migrations: Sequence[Migration] = MIGRATIONS
) -> tuple[str, ...]:
    """Bring the schema up to date and return the names applied now (``connection`` in autocommit)."""
    try:
        _require_schema(connection, label)
        _refuse_foreign_schema(connection, label)
        _refuse_unknown(applied_migrations(connection), migrations, label)
        if len(applied_migrations(connection)) == len(migrations):
            return ()
    except psycopg.Error as error:
        raise StoreError(f"cannot read the schema: {error_line(error)}", source=label) from error
    applied = []
    for order, migration in enumerate(migrations, start=1):
        if _apply_one(connection, migration, order, label):
            applied.append(migration.name)
    return tuple(applied)


def require_current_schema(
    connection: psycopg.Connection, *, label: str, migrations: Sequence[Migration] = MIGRATIONS
) -> None:
    """Refuse a schema that a read-only opening could not use as it is: foreign, newer, or behind."""
    try:
        _require_schema(connection, label)
        _refuse_foreign_schema(connection, label)
        applied = applied_migrations(connection)
    except psycopg.Error as error:
        raise StoreError(f"cannot read the schema: {error_line(error)}", source=label) from error
    _refuse_unknown(applied, migrations, label)
    missing = [migration.name for migration in migrations if migration.name not in applied]
    if missing:
        raise StoreError(
            f"the store needs an upgrade ({', '.join(missing)}) and is open read-only; "
            "open it once for writing (e.g. with ingest) to upgrade it",
            source=label,
        )


def _require_schema(connection: psycopg.Connection, label: str) -> None:
    row = connection.execute("SELECT current_schema()").fetchone()
    if row is None or row[0] is None:
        raise StoreError(
            "no schema to use: the search_path names no existing schema "
            "(create one, or set options=-csearch_path=SCHEMA in the URL)",
            source=label,
        )


def _has_table(connection: psycopg.Connection, name: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = %s", (name,)
    ).fetchone()
    return row is not None


def _refuse_foreign_schema(connection: psycopg.Connection, label: str) -> None:
    # Adding our tables beside somebody else's would be a silent surprise.
    if _has_table(connection, "_migrations"):
        return
    row = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()
    if row is not None and row[0]:
        raise StoreError(
            f"not a dossier database: {label} (its schema holds tables but no _migrations record); "
            "give dossier a schema of its own with options=-csearch_path=SCHEMA"
        )


def _refuse_unknown(applied: Sequence[str], migrations: Sequence[Migration], label: str) -> None:
    known = {migration.name for migration in migrations}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreError(
            f"database was written by a newer dossier: unknown migration {', '.join(unknown)}", source=label
        )


def _apply_one(connection: psycopg.Connection, migration: Migration, order: int, label: str) -> bool:
    """Apply one migration in its own transaction unless it is already recorded; say whether it ran."""
    try:
        connection.execute("BEGIN")
        # The lock comes before the check: a second process waits, then finds the migration recorded.
        connection.execute(ADVISORY_LOCK_SQL, (MIGRATION_LOCK,))
        connection.execute(
            "CREATE TABLE IF NOT EXISTS _migrations "
            "(name text PRIMARY KEY, applied_order integer NOT NULL UNIQUE)"
        )
        done = connection.execute("SELECT 1 FROM _migrations WHERE name = %s", (migration.name,)).fetchone()
        if done is None:
            for statement in split_statements(migration.sql):
                connection.execute(statement.encode())  # bytes: a literal, never a parameter template
            connection.execute(
                "INSERT INTO _migrations (name, applied_order) VALUES (%s, %s)", (migration.name, order)
            )
        connection.execute("COMMIT")
    except BaseException as error:
        # Whatever went wrong (even an interrupt), leave no half-applied migration behind.
        roll_back(connection)
        if isinstance(error, psycopg.Error):
            raise StoreError(
                f"migration {migration.name} failed: {error_line(error)}", source=label
            ) from error
        raise
    if done is None:
        logger.info("applied migration %s to %s", migration.name, label)
    return done is None


def roll_back(connection: psycopg.Connection) -> None:
    """Roll back an open transaction; a connection already gone is left alone."""
    if connection.closed or connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
        return
    try:
        connection.execute("ROLLBACK")
    except psycopg.Error:
        logger.debug("rollback failed; the connection is gone", exc_info=True)


def error_line(error: BaseException) -> str:
    """A database error on one line, for a :class:`StoreError` message."""
    return " ".join(str(error).split()) or type(error).__name__
