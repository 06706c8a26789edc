"""Where the article store lives, and how a location string picks the store class.

``None`` means the per-user default database (or ``$DOSSIER_DB`` when set),
``":memory:"`` a throwaway in-memory store, a ``postgresql://`` URL the
PostgreSQL server store, and anything else a SQLite file path.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

from dossier.datadir import DB_ENV, default_db_path
from dossier.errors import StoreError, UsageError
from dossier.store.base import Store
from dossier.store.sqlite import MEMORY, SqliteStore

_POSTGRES_URL: Final = re.compile(r"postgres(?:ql)?(?:\+[\w-]+)?://", re.IGNORECASE)
# Any other "scheme://" is a URL for a database we do not speak, not a file name.
_OTHER_URL: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(location: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating if needed, and migrating) the store at ``location``.

    ``read_only``: open an existing store for reading only, creating and
    migrating nothing (for commands that only read, such as ``list``).

    Raises :class:`UsageError` for a database URL of another kind, and
    :class:`StoreError` when the database cannot be opened or is not dossier's.
    """
    if location is None:
        return _open_default(read_only=read_only)
    if isinstance(location, str):
        if _POSTGRES_URL.match(location):
            return _open_postgres(location, read_only=read_only)
        _refuse_urls(location)
        if location == MEMORY:
            return SqliteStore(MEMORY)
        return SqliteStore(Path(location).expanduser(), read_only=read_only)
    return SqliteStore(location.expanduser(), read_only=read_only)


def _open_default(*, read_only: bool) -> Store:
    override = os.environ.get(DB_ENV, "").strip()
    if override == MEMORY or _OTHER_URL.match(override):
        # $DOSSIER_DB may name any location a caller could pass.
        return open_store(override, read_only=read_only)
    path = default_db_path()
    if read_only:
        return SqliteStore(path, read_only=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"cannot create folder {path.parent}: {error.strerror or error}", source=str(path)
        ) from error
    return SqliteStore(path)


def _open_postgres(url: str, *, read_only: bool) -> Store:
    # Imported here: psycopg loads libpq, which commands on a SQLite store never need.
    from dossier.store.postgres import PostgresStore

    return PostgresStore(url, read_only=read_only)


def _refuse_urls(location: str) -> None:
    # The URL itself is never echoed: it may carry a password.
    other = _OTHER_URL.match(location)
    if other:
        raise UsageError(
            f"unsupported database URL scheme {other.group(1)!r}: give a SQLite file path, ':memory:' "
            "or a postgresql:// URL"
        )
