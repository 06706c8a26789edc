"""A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, pg_ctl start, stop at the end.

The server listens on a Unix socket only (``listen_addresses=''``), in a folder of
its own, and trusts local connections: nothing outside this machine can reach it.
Root may not run initdb, so as root the cluster runs as the ``postgres`` user
(Debian's package makes it) or else ``nobody``.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

#: Where Debian installs the server binaries (off the PATH); `make test` puts it on the PATH too.
DEBIAN_ROOT = Path("/usr/lib/postgresql")
START_WAIT_S = 60


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl", path=str(Path(on_path).parent)):
        return Path(on_path).parent
    for folder in sorted(DEBIAN_ROOT.glob("*/bin"), reverse=True):
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _server_user() -> str | None:
    """Who runs the server: ourselves, or (as root, whom initdb refuses) an unprivileged user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    return None


@dataclass
class Cluster:
    """A running throwaway cluster; :meth:`fresh_url` gives each test a schema of its own."""

    folder: Path
    binaries: Path
    user: str | None
    _counter: itertools.count[int]

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, options: str = "") -> str:
        base = f"postgresql://postgres@/postgres?host={quote(str(self.socket_dir), safe='')}"
        return base + (f"&options={quote(options, safe='')}" if options else "")

    def fresh_url(self) -> str:
        """A URL whose search_path is a new, empty schema: a new, empty store."""
        import psycopg

        schema = f"t{next(self._counter)}_{os.getpid()}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {schema}".encode())
        return self.url(f"-csearch_path={schema}")

    def stop(self) -> None:
        pg_ctl = str(self.binaries / "pg_ctl")
        _run([pg_ctl, "-D", str(self.folder / "data"), "-m", "fast", "stop"], self.user)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """initdb and start a cluster in a new temporary folder; raises RuntimeError if it cannot."""
    binaries = find_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    user = _server_user()
    # Directly under /tmp: a Unix socket path must stay short, and the server user must reach it.
    folder = Path(tempfile.mkdtemp(prefix="dossier-pg-"))
    (folder / "socket").mkdir()
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (folder, folder / "socket"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    data = folder / "data"
    _run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "--auth=trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ],
        user,
    )
    options = f"-k {folder / 'socket'} -c listen_addresses='' -c fsync=off -c max_connections=40"
    _run(
        [
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            str(START_WAIT_S),
            "start",
        ],
        user,
    )
    return Cluster(folder=folder, binaries=binaries, user=user, _counter=itertools.count())


def _run(command: list[str], user: str | None) -> None:
    done = subprocess.run(command, user=user, capture_output=True, text=True, check=False, cwd="/")
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}): {done.stderr.strip()}")
