"""A throwaway PostgreSQL server for the metrics tests: initdb + pg_ctl in a temp folder on a
free loopback port, trust auth, stopped at the end of the session.

Import the `pg_url` fixture into a test module. initdb refuses to run as root, so as root the
data folder is handed to the unprivileged `postgres` (or `nobody`) user and the binaries run
through `runuser`. Skips (with the reason) only when no PostgreSQL server binary exists.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb") or (
        "/usr/local/bin/initdb" if Path("/usr/local/bin/initdb").exists() else None
    )
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class NoServer(RuntimeError):
    """No PostgreSQL server can be started here (the message says why)."""


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server in a temp folder; yields its base URL (without database). Also used by
    benchmarks/bench_ingest.py. Raises NoServer when there are no server binaries."""
    bindir = _bin_dir()
    if bindir is None or not (bindir / "pg_ctl").exists():
        raise NoServer("no PostgreSQL server binaries (initdb/pg_ctl) on this machine")
    tmp = Path(tempfile.mkdtemp(prefix="studio-pg-"))
    data = tmp / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:
        user = next((u for u in ("postgres", "nobody") if _has_user(u)), None)
        if user is None:
            raise NoServer("running as root and no unprivileged user to run PostgreSQL")
        pw = pwd.getpwnam(user)
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
        tmp.chmod(0o700)
        prefix = ["runuser", "-u", user, "--"]
    port = _free_port()
    log = tmp / "server.log"
    subprocess.run(
        [
            *prefix,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "studio",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *prefix,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-o",
            opts,
            "-w",
            "-t",
            "60",
            "start",
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    try:
        yield f"postgresql://studio@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(tmp, ignore_errors=True)


def create_database(server: str) -> str:
    """A fresh, empty database on the server; returns its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Base URL (without database) of a running throwaway server."""
    try:
        cm = throwaway_server()
        url = cm.__enter__()
    except NoServer as exc:
        pytest.skip(str(exc))
    try:
        yield url
    finally:
        cm.__exit__(None, None, None)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh, empty database on the session's server for one test."""
    return create_database(pg_server)
