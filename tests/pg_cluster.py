"""A throwaway PostgreSQL server for tests and benchmarks (Debian's `postgresql` package).

initdb + pg_ctl in a temporary folder on a free loopback port, with password authentication on
TCP (so the tests exercise the credential path) and the superuser's password handed to the
studio through STUDIO_DB_PASSWORD, never in a URL. As root, the server runs as an unprivileged
user (initdb refuses root). `stop()` / `start()` let a test cut the link mid-show.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "pw-" + uuid.uuid4().hex[:12]
USER = "studio_admin"


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    def __init__(self, base: Path | None = None) -> None:
        bindir = pg_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
        self.bindir = bindir
        self.base = Path(base or tempfile.mkdtemp(prefix="studio-pg-"))
        self.data = self.base / "data"
        self.sock = self.base / "sock"
        self.port = free_port()
        self._runas: list[str] = []
        self._owner: tuple[int, int] | None = None
        self._db: str | None = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                with contextlib.suppress(KeyError):
                    pw = pwd.getpwnam(name)
                    self._runas = ["runuser", "-u", name, "--"]
                    self._owner = (pw.pw_uid, pw.pw_gid)
                    break

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._runas, *args], check=check, capture_output=True, text=True, timeout=60
        )

    def init(self) -> PgCluster:
        self.sock.mkdir(parents=True, exist_ok=True)
        pwfile = self.base / "pwfile"
        pwfile.write_text(PASSWORD + "\n")
        if self._owner:
            for p in (self.base, self.sock, pwfile):
                os.chown(p, *self._owner)
        os.chmod(self.base, 0o700)
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", USER,
            "--pwfile", str(pwfile), "--auth-local=trust", "--auth-host=scram-sha-256",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        pwfile.unlink()
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.sock}'\nfsync = off\n"
                "synchronous_commit = off\nfull_page_writes = off\nmax_connections = 60\n"
            )
        return self.start()

    def start(self) -> PgCluster:
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "log"),
            "-w", "-t", "30", "start",
        )  # fmt: skip
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        r = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "status", check=False)
        return r.returncode == 0

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            if self.running():
                self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """A URL WITHOUT the password: it comes from STUDIO_DB_PASSWORD (see `env()`)."""
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def env(self) -> dict[str, str]:
        return {"STUDIO_DB_PASSWORD": PASSWORD}

    def psql(self, sql: str, database: str = "postgres") -> str:
        r = self._run(
            str(self.bindir / "psql"), "-h", str(self.sock), "-p", str(self.port), "-U", USER,
            "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql,
        )  # fmt: skip
        return r.stdout.strip()

    def create_database(self, name: str | None = None) -> str:
        name = name or "t_" + uuid.uuid4().hex[:10]
        self.psql(f'CREATE DATABASE "{name}"')
        return name

    def fresh_database(self) -> str:
        """A database at the current schema with every table empty. Migrated once per
        session, then emptied: creating and migrating a database per test costs seconds on a
        busy 2-core machine, emptying it milliseconds."""
        if self._db is None:
            from studio.store.store import Store

            name = self.create_database("studio_test")
            os.environ.update(self.env())
            Store.open(self.url(name), sync=False).close()
            self._db = name
            return name
        import psycopg

        # DELETE, not TRUNCATE: on near-empty tables it skips making new files for each one.
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=USER, password=PASSWORD, dbname=self._db,
            autocommit=True,
        ) as conn:  # fmt: skip
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version'"
                )
            ]
            conn.execute("SET session_replication_role = replica")  # no FK order needed
            conn.execute("; ".join(f"DELETE FROM {t}" for t in tables).encode())
        return self._db


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One server per test process (xdist worker), destroyed at the end of the session."""
    if pg_bin() is None:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    cluster = PgCluster().init()
    try:
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def pg_url(pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database at the current schema on the test server; the password is in the
    environment (STUDIO_DB_PASSWORD), not in the URL."""
    if not pg_cluster.running():  # a test that stopped it and failed before restarting
        pg_cluster.start()
    for key, value in pg_cluster.env().items():
        monkeypatch.setenv(key, value)
    yield pg_cluster.url(pg_cluster.fresh_database())


def wait_for(predicate: object, timeout: float = 10.0, interval: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return True
        time.sleep(interval)
    return bool(callable(predicate) and predicate())
