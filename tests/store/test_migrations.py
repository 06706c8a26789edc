"""Named migrations: applied once, in order, each in its own transaction, and newer databases refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.errors import StoreError
from dossier.store import open_store
from dossier.store.migrations import (
    MIGRATIONS,
    Migration,
    applied_migrations,
    apply_migrations,
    split_statements,
)


@pytest.fixture
def connection() -> Iterator[sqlite3.Connection]:
    opened = sqlite3.connect(":memory:", isolation_level=None)
    yield opened
    opened.close()


def recorded(path: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(path) as reader:
        return reader.execute("SELECT name, applied_order FROM _migrations ORDER BY applied_order").fetchall()


def test_names_are_unique_well_formed_and_in_order() -> None:
    names = [migration.name for migration in MIGRATIONS]
    assert names == sorted(set(names))
    assert names[:2] == ["0001_articles", "0002_fts"]


def test_opening_a_new_database_records_every_migration(tmp_path: Path) -> None:
    open_store(tmp_path / "news.db").close()
    assert recorded(tmp_path / "news.db") == [(m.name, n) for n, m in enumerate(MIGRATIONS, start=1)]


def test_reopening_applies_nothing_again(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    open_store(path).close()
    before = recorded(path)
    open_store(path).close()
    assert recorded(path) == before
    with sqlite3.connect(path, isolation_level=None) as again:
        assert apply_migrations(again, label=str(path)) == ()


def test_only_missing_migrations_are_applied(connection: sqlite3.Connection) -> None:
    assert apply_migrations(connection, label="mem", migrations=MIGRATIONS[:1]) == ("0001_articles",)
    assert applied_migrations(connection) == ("0001_articles",)
    assert apply_migrations(connection, label="mem") == tuple(m.name for m in MIGRATIONS[1:])
    assert applied_migrations(connection) == tuple(m.name for m in MIGRATIONS)


def test_the_fts_migration_indexes_rows_stored_before_it(connection: sqlite3.Connection) -> None:
    apply_migrations(connection, label="mem", migrations=MIGRATIONS[:1])
    connection.execute(
        "INSERT INTO articles (id, source, text, extra) VALUES (?, ?, ?, ?)",
        ("a1", "old.txt", "A lighthouse keeper retired.", "{}"),
    )
    apply_migrations(connection, label="mem")
    found = connection.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'lighthouse'"
    ).fetchall()
    assert len(found) == 1


def test_an_unknown_migration_means_a_newer_dossier(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    open_store(path).close()
    with sqlite3.connect(path) as writer:
        writer.execute("INSERT INTO _migrations (name, applied_order) VALUES ('9999_from_the_future', 999)")
    with pytest.raises(StoreError, match="newer dossier: unknown migration 9999_from_the_future"):
        open_store(path)


def test_a_failing_migration_is_rolled_back_and_not_recorded(connection: sqlite3.Connection) -> None:
    broken = Migration(
        "0003_broken", "CREATE TABLE extra_notes (note TEXT);\nINSERT INTO no_such_table VALUES (1);"
    )
    with pytest.raises(StoreError, match="migration 0003_broken failed: no such table"):
        apply_migrations(connection, label="mem", migrations=(*MIGRATIONS, broken))
    assert applied_migrations(connection) == tuple(m.name for m in MIGRATIONS)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "extra_notes" not in tables
    assert not connection.in_transaction


def test_a_database_of_somebody_else_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "theirs.db"
    with sqlite3.connect(path) as writer:
        writer.execute("CREATE TABLE invoices (number INTEGER)")
    with pytest.raises(StoreError, match="not a dossier database"):
        open_store(path)
    with sqlite3.connect(path) as reader:
        names = {row[0] for row in reader.execute("SELECT name FROM sqlite_master")}
    assert names == {"invoices"}


def test_split_keeps_trigger_bodies_whole() -> None:
    script = """
    -- a comment; with a semicolon
    CREATE TABLE t (x TEXT);
    CREATE TRIGGER t_copy AFTER INSERT ON t BEGIN
        INSERT INTO t (x) VALUES ('a;b');
        SELECT 1;
    END;
    """
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    assert "'a;b'" in statements[1]


@pytest.mark.parametrize(
    "script",
    [
        "CREATE TABLE t (x TEXT); CREATE TRIGGER u AFTER INSERT ON t BEGIN SELECT 1;",
        "INSERT INTO t VALUES ('a;b);",
    ],
)
def test_split_refuses_an_unfinished_statement(script: str) -> None:
    with pytest.raises(ValueError, match="incomplete"):
        split_statements(script)


@pytest.mark.parametrize(
    ("name", "sql"), [("articles", "SELECT 1;"), ("0004_Upper", "SELECT 1;"), ("0004_x", " ")]
)
def test_a_migration_checks_its_name_and_sql(name: str, sql: str) -> None:
    with pytest.raises(ValueError, match="migration"):
        Migration(name, sql)


def test_the_porter_migration_reindexes_rows_stored_before_it(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    names = [migration.name for migration in MIGRATIONS]
    before_porter = MIGRATIONS[: names.index("0004_fts_porter")]
    with sqlite3.connect(path, isolation_level=None) as old:
        apply_migrations(old, label="old", migrations=before_porter)
        old.execute(
            "INSERT INTO articles (id, source, title, text, extra) VALUES (?, ?, ?, ?, ?)",
            ("a1", "old.txt", "Talks", "The union rejected the offer.", "{}"),
        )
        assert (
            old.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'rejecting'").fetchall()
            == []
        )
    with open_store(path) as store:
        assert [article.id for article in store.select(query="rejecting")] == ["a1"]
