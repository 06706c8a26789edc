"""Writers take turns, readers are never blocked, and a store can be opened read-only."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from dossier.article import Article, article_id
from dossier.errors import StoreError
from dossier.store import SqliteStore, open_store

WAIT_LIMIT_S = 20  # only a bound for a broken test; a passing one never gets near it


def make_article(text: str) -> Article:
    return Article(id=article_id(text), source=f"{text[:10]}.txt", text=text)


class WaitSignal(logging.Handler):
    """Set when the store logs that it is waiting for another writer."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.waiting = threading.Event()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.messages.append(message)
        if "waiting for it" in message:
            self.waiting.set()


def test_a_second_writer_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    open_store(path).close()
    signal = WaitSignal()
    store_logger = logging.getLogger("dossier.store.sqlite")
    store_logger.addHandler(signal)
    store_logger.setLevel(logging.INFO)
    first = sqlite3.connect(path, isolation_level=None)
    first.execute("BEGIN IMMEDIATE")  # a long ingest holds the write lock
    outcome: list[object] = []
    article = make_article("Written once the long ingest has finished its batch.")

    def second_writer() -> None:
        with SqliteStore(path) as store:
            try:
                outcome.append(store.add([article]))
            except StoreError as error:
                outcome.append(error)

    worker = threading.Thread(target=second_writer)
    try:
        worker.start()
        assert signal.waiting.wait(WAIT_LIMIT_S), signal.messages
        first.execute("COMMIT")
        worker.join(WAIT_LIMIT_S)
    finally:
        first.close()
        store_logger.removeHandler(signal)
        store_logger.setLevel(logging.NOTSET)
    assert not worker.is_alive()
    (result,) = outcome
    assert not isinstance(result, StoreError), result
    with open_store(path, read_only=True) as store:
        assert store.get(article.id) == article
    assert any("writing now" in message for message in signal.messages)


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    article = make_article("Stored before the other writer took the lock.")
    with open_store(path) as store:
        store.add([article])
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM articles")  # uncommitted: readers still see the last commit
    try:
        with SqliteStore(path, read_only=True) as reader:
            assert reader.count() == 1
            assert reader.select() == [article]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_read_only_opening_lists_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    article = make_article("A stored article that a read-only listing must show.")
    with open_store(path) as store:
        store.add([article])
    before = path.read_bytes()
    with open_store(path, read_only=True) as store:
        assert store.select() == [article]
        with pytest.raises(StoreError, match="read-only"):
            store.add([make_article("Never written.")])
    assert path.read_bytes() == before


def test_read_only_opening_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no store here"):
        open_store(path, read_only=True)
    assert not path.exists()


def test_read_only_opening_of_a_path_with_uri_characters(tmp_path: Path) -> None:
    folder = tmp_path / "odd?name#dir"
    folder.mkdir()
    path = folder / "news.db"
    open_store(path).close()
    with open_store(path, read_only=True) as store:
        assert store.count() == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder, so it cannot be tested")
def test_a_store_in_a_read_only_folder_can_be_listed(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "news.db"
    article = make_article("An archived article in a folder nobody may write to.")
    with open_store(path) as store:
        store.add([article])
    folder.chmod(0o555)
    try:
        with open_store(path, read_only=True) as store:
            assert store.select() == [article]
    finally:
        folder.chmod(0o755)
