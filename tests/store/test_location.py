"""Choosing and opening a store from a location: default path, memory, files, URLs, bad files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import psycopg
import pytest

from dossier.article import Article, article_id
from dossier.datadir import DB_ENV
from dossier.errors import StoreError, UsageError
from dossier.store import SqliteStore, default_db_path, open_store


def test_the_default_path_is_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    path = default_db_path()
    assert path.name == "dossier.db"
    assert "dossier" in path.parent.as_posix().lower()


def test_the_environment_overrides_the_default_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "elsewhere.db"))
    assert default_db_path() == tmp_path / "elsewhere.db"


def test_opening_the_default_creates_its_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "store.db"
    monkeypatch.setenv(DB_ENV, str(target))
    with open_store() as store:
        assert store.count() == 0
    assert target.is_file()


def test_the_environment_may_ask_for_memory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV, ":memory:")
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        assert store.count() == 0
    assert list(tmp_path.iterdir()) == []


def test_memory_and_paths(tmp_path: Path) -> None:
    with open_store(":memory:") as store:
        assert isinstance(store, SqliteStore) and store.label == ":memory:"
    for location in (tmp_path / "a.db", str(tmp_path / "b.db")):
        with open_store(location) as store:
            assert store.count() == 0
    assert (tmp_path / "a.db").is_file() and (tmp_path / "b.db").is_file()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://user:s3cret@/news?host=/nonexistent-dossier-socket-dir",
        "postgres://user:s3cret@/news?host=/nonexistent-dossier-socket-dir",
        "POSTGRESQL+psycopg://user:s3cret@/news?host=/nonexistent-dossier-socket-dir",
    ],
)
def test_an_unreachable_postgres_server_is_a_store_error_without_the_password(url: str) -> None:
    with pytest.raises(StoreError, match="cannot connect") as raised:
        open_store(url)
    assert "s3cret" not in str(raised.value)
    assert "news" in str(raised.value)


def test_a_postgres_url_opens_the_postgres_store(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert type(store).__name__ == "PostgresStore"
        assert store.count() == 0


def test_the_environment_may_name_a_postgres_server(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, pg_url)
    with open_store() as store:
        assert type(store).__name__ == "PostgresStore"


def test_a_driver_suffix_is_accepted(pg_url: str) -> None:
    with open_store(pg_url.replace("postgresql://", "postgresql+psycopg://", 1)) as store:
        assert store.count() == 0


def test_a_postgres_store_opened_read_only_refuses_writes_and_an_unmigrated_schema(
    pg_url: str, pg_cluster: Any
) -> None:
    with pytest.raises(StoreError, match="needs an upgrade"):
        open_store(pg_url, read_only=True)
    with open_store(pg_url) as store:
        store.add([Article(id=article_id("Kept."), source="k.txt", text="Kept.")])
    with open_store(pg_url, read_only=True) as store:
        assert store.count() == 1
        with pytest.raises(StoreError, match="read-only"):
            store.add([Article(id=article_id("Never."), source="n.txt", text="Never.")])


def test_a_schema_holding_other_tables_is_not_taken_over(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as connection:
        connection.execute("CREATE TABLE payroll (id integer)")
    with pytest.raises(StoreError, match="not a dossier database"):
        open_store(pg_url)


def test_other_urls_are_refused_not_made_into_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="'mysql'"):
        open_store("mysql://db.example/news")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder") as raised:
        open_store(tmp_path)
    assert str(tmp_path) in str(raised.value)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "news.db")


@pytest.mark.parametrize("name", ["nul\x00byte.db", "x" * 5_000 + ".db"])
def test_an_impossible_file_name_is_a_store_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(StoreError):
        open_store(tmp_path / name)


@pytest.mark.parametrize("content", [b"just some notes, not a database\n" * 20, b"\x00\xff" * 4096])
def test_a_file_that_is_not_a_database(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a dossier database") as raised:
        open_store(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with open_store(path) as store:
        assert store.count() == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_read_only_database_reads_but_refuses_writes(tmp_path: Path) -> None:
    from dossier.article import Article, article_id

    path = tmp_path / "news.db"
    open_store(path).close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with open_store(path) as store:
            assert store.count() == 0
            text = "A read-only store refuses this."
            with pytest.raises(StoreError, match=r"readonly|read-only|unable to open"):
                store.add([Article(id=article_id(text), source="x.txt", text=text)])
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_the_permissions_the_readme_names_are_enough(pg_cluster: Any) -> None:
    """A writer role with the README's grants can ingest; a role with SELECT only can read."""
    schema = "perm_check"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute(
            b"CREATE ROLE perm_owner LOGIN; CREATE ROLE perm_writer LOGIN; CREATE ROLE perm_reader LOGIN"
        )
        admin.execute(f"CREATE SCHEMA {schema} AUTHORIZATION perm_owner".encode())
    owner_url = pg_cluster.url(f"-csearch_path={schema}").replace("postgres@", "perm_owner@", 1)
    with open_store(owner_url) as store:  # the owner migrates
        store.add([Article(id=article_id("First."), source="f.txt", text="First.")])
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute(
            f"GRANT USAGE ON SCHEMA {schema} TO perm_writer, perm_reader; "
            f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA {schema} TO perm_writer; "
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO perm_writer; "
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO perm_reader".encode()
        )
    writer_url = owner_url.replace("perm_owner@", "perm_writer@", 1)
    with open_store(writer_url) as store:
        store.add([Article(id=article_id("Second."), source="s.txt", text="Second.")], assign_stories=True)
    reader_url = owner_url.replace("perm_owner@", "perm_reader@", 1)
    with open_store(reader_url) as store:
        assert store.count() == 2
        assert len(store.stories().stories) == 2
        with pytest.raises(StoreError, match="permission denied"):
            store.add([Article(id=article_id("Third."), source="t.txt", text="Third.")])
