"""Named, ordered schema migrations for the SQLite store.

Each migration runs once, in its own transaction, and is recorded by name in
``_migrations``. Names are never reused or reordered: a released migration is
frozen, and a schema change is always a new migration at the end of the list.
A database that lists a migration this code does not know was written by a newer
dossier, and opening it is refused rather than guessed at.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.errors import StoreError

logger = logging.getLogger(__name__)

_NAME = re.compile(r"\d{4}_[a-z0-9_]+")


def split_statements(sql: str) -> tuple[str, ...]:
    """Split a script into complete statements (trigger bodies keep their inner semicolons).

    ``executescript`` would commit any open transaction first, so a migration is
    run statement by statement inside a transaction of our own instead.
    """
    statements: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            statement = _strip_comments(pending).strip()
            if statement != ";":
                statements.append(statement)
            pending = ""
    if _strip_comments(pending).strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending.strip()[:60]!r}")
    return tuple(statements)


def _strip_comments(sql: str) -> str:
    # Only whole-line ``--`` comments are used in migrations; dropping them keeps
    # a comment-only chunk from counting as a statement.
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: a unique name (``NNNN_what``) and the SQL script that performs it."""

    name: str
    sql: str

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"migration name {self.name!r} is not of the form NNNN_lower_case")
        if not split_statements(self.sql):
            raise ValueError(f"migration {self.name} has no SQL statement")


_ARTICLES = """
-- seq is an explicit INTEGER PRIMARY KEY because the full-text index refers to
-- rows by rowid, and VACUUM may renumber an implicit rowid.
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT CHECK (
        published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
    ),
    published_inferred INTEGER NOT NULL DEFAULT 0 CHECK (published_inferred IN (0, 1)),
    dateline TEXT,
    duplicate_of TEXT,
    text TEXT NOT NULL,
    -- every other Article field (paragraphs, sentences, stripped, metadata), as a JSON object
    extra TEXT NOT NULL
);
CREATE INDEX articles_by_published ON articles (published, id);
"""


# An external-content FTS5 table: the text lives once, in ``articles``; the
# triggers keep the index in step inside whatever transaction changes a row.
# Released migrations call this with their own tokenizer, so their SQL never changes.
def _fts_index(tokenizer: str) -> str:
    return f"""
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = '{tokenizer}'
);
CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_after_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- index the rows stored before this migration existed
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""


_FTS = _fts_index("unicode61 remove_diacritics 2")

# One reading per article and analyzer: a new analyzer or model version adds a row beside the old one.
_ANALYSES = """
CREATE TABLE analyses (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    analyzer   TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, analyzer)
) WITHOUT ROWID;
"""

# The same index with the Porter stemmer in front of unicode61, so "strikes" finds
# "striking"; the triggers are dropped with the table and made again unchanged.
_FTS_PORTER = """
DROP TRIGGER articles_fts_after_insert;
DROP TRIGGER articles_fts_after_delete;
DROP TRIGGER articles_fts_after_update;
DROP TABLE articles_fts;
""" + _fts_index("porter unicode61 remove_diacritics 2")

# Every article in one story: the primary key on article_id is what keeps two ingests from giving an
# article two stories. A merged story keeps its row, pointing at the story that took it.
_STORIES = """
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    first_article_id TEXT NOT NULL,
    merged_into TEXT REFERENCES stories (id)
) WITHOUT ROWID;
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories (id),
    duplicate_of TEXT,
    thin INTEGER NOT NULL DEFAULT 0 CHECK (thin IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX story_articles_by_story ON story_articles (story_id);
CREATE TABLE story_merges (
    seq INTEGER PRIMARY KEY,
    survivor TEXT NOT NULL REFERENCES stories (id),
    absorbed TEXT NOT NULL UNIQUE REFERENCES stories (id),
    article_id TEXT NOT NULL
);
"""

# What listing the stories and resuming a writer need, so that neither replays the store: each
# article's row as a story lists it (StoryArticle JSON), each story's label, and the clusterer's saved
# state (one row, see dossier.stories.state). Rows kept before this migration are filled in by the
# next story-assigning write.
_STORY_STATE = """
ALTER TABLE stories ADD COLUMN label TEXT;
ALTER TABLE story_articles ADD COLUMN member BLOB;
CREATE INDEX stories_by_merged_into ON stories (merged_into);
CREATE TABLE story_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    article_seq INTEGER NOT NULL,
    merge_seq INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    data BLOB NOT NULL
);
"""

# Topics (see dossier.stories.clusterer): each topic pointer a placement set, in order, so that listing
# and a resuming writer see the topics the writers found. A store kept before it lists every story as its
# own topic until new relations are found.
_STORY_TOPICS = """
CREATE TABLE story_relations (
    seq INTEGER PRIMARY KEY,
    story TEXT NOT NULL REFERENCES stories (id),
    related TEXT NOT NULL REFERENCES stories (id)
);
"""

#: Every migration, in the order it must be applied. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_articles", _ARTICLES),
    Migration("0002_fts", _FTS),
    Migration("0003_analyses", _ANALYSES),
    Migration("0004_fts_porter", _FTS_PORTER),
    Migration("0005_stories", _STORIES),
    Migration("0006_story_state", _STORY_STATE),
    Migration("0007_story_topics", _STORY_TOPICS),
)


def applied_migrations(connection: sqlite3.Connection) -> tuple[str, ...]:
    """Names recorded in ``_migrations``, in the order they were applied (empty for a new database)."""
    if not _has_table(connection, "_migrations"):
        return ()
    rows = connection.execute("SELECT name FROM _migrations ORDER BY applied_order").fetchall()
    return tuple(str(row[0]) for row in rows)


def apply_migrations(
    connection: sqlite3.Connection, *, label: str, migrations: Sequence[Migration] = MIGRATIONS
) -> tuple[str, ...]:
    """Bring the database up to date and return the names applied now.

    The connection must be in autocommit mode (``isolation_level=None``): each
    migration opens and commits its own transaction. ``label`` names the database
    in error messages. Raises :class:`StoreError` for a database that is not
    dossier's, one written by a newer dossier, or a migration that fails.
    """
    _refuse_foreign_database(connection, label)
    _refuse_unknown_migrations(applied_migrations(connection), migrations, label)
    if len(applied_migrations(connection)) == len(migrations):
        return ()
    _ensure_migrations_table(connection, label)
    applied: list[str] = []
    for order, migration in enumerate(migrations, start=1):
        if _apply_one(connection, migration, order, label):
            applied.append(migration.name)
    return tuple(applied)


def require_current_schema(
    connection: sqlite3.Connection, *, label: str, migrations: Sequence[Migration] = MIGRATIONS
) -> None:
    """Refuse a database that a read-only opening could not use as it is: foreign, newer, or behind."""
    _refuse_foreign_database(connection, label)
    applied = applied_migrations(connection)
    _refuse_unknown_migrations(applied, migrations, label)
    missing = [migration.name for migration in migrations if migration.name not in applied]
    if missing:
        raise StoreError(
            f"the store needs an upgrade ({', '.join(missing)}) and is open read-only; "
            "open it once for writing (e.g. with ingest) to upgrade it",
            source=label,
        )


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _refuse_foreign_database(connection: sqlite3.Connection, label: str) -> None:
    # Adding our tables to somebody else's database would be a silent surprise.
    if _has_table(connection, "_migrations"):
        return
    row = connection.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()
    if row[0]:
        raise StoreError(f"not a dossier database: {label} (it holds tables but no _migrations record)")


def _refuse_unknown_migrations(applied: Sequence[str], migrations: Sequence[Migration], label: str) -> None:
    known = {migration.name for migration in migrations}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreError(
            f"database was written by a newer dossier: unknown migration {', '.join(unknown)}", source=label
        )


def _ensure_migrations_table(connection: sqlite3.Connection, label: str) -> None:
    if _has_table(connection, "_migrations"):
        return
    try:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS _migrations "
            "(name TEXT PRIMARY KEY, applied_order INTEGER NOT NULL UNIQUE)"
        )
    except sqlite3.Error as error:
        raise StoreError(f"cannot record migrations: {_one_line(error)}", source=label) from error


def _apply_one(connection: sqlite3.Connection, migration: Migration, order: int, label: str) -> bool:
    """Apply one migration in its own transaction unless it is already recorded; say whether it ran."""
    try:
        # IMMEDIATE takes the write lock before the check, so two processes opening
        # the same new database cannot both apply the same migration.
        connection.execute("BEGIN IMMEDIATE")
        done = connection.execute("SELECT 1 FROM _migrations WHERE name = ?", (migration.name,)).fetchone()
        if done is None:
            for statement in split_statements(migration.sql):
                connection.execute(statement)
            connection.execute(
                "INSERT INTO _migrations (name, applied_order) VALUES (?, ?)", (migration.name, order)
            )
        connection.execute("COMMIT")
    except BaseException as error:
        # Whatever went wrong (even an interrupt), leave no half-applied migration behind.
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise StoreError(
                f"migration {migration.name} failed: {_one_line(error)}", source=label
            ) from error
        raise
    if done is None:
        logger.info("applied migration %s to %s", migration.name, label)
    return done is None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
