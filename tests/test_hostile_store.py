"""Unlucky databases: a newer studio's schema, a lock held for long, a read-only file."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import studio.store.engine as engine_mod
from studio.cli import main
from studio.store.shows import create_show


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _db_file(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


@pytest.fixture
def newer_db(store, db_url: str) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """A database whose schema revision this studio has never heard of."""
    create_show(store, "t")
    store.close()
    path = _db_file(db_url)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    yield path


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "list"],
        ["incident", "add", "--show", "1", "--category", "technical", "--severity", "2"],
        ["db", "init"],
        ["db", "status"],
    ],
)
def test_a_newer_database_is_refused_and_left_untouched(
    newer_db: Path, db_url: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Every command on a newer studio's database: exit 2, "written by a newer studio
    (revision X); upgrade studio", and the file is byte for byte as it was."""
    before = _sha(newer_db)
    code = main(["--db", db_url, *argv])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "newer studio" in out + err and "0099_from_the_future" in out + err
    assert "Traceback" not in err and "db init" not in out + err
    assert _sha(newer_db) == before


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite gives up on a lock after 0.1 s instead of 5 s (the retries are what is tested)."""

    def pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=100")
        cur.close()

    monkeypatch.setattr(engine_mod, "_sqlite_pragmas", pragmas)


def _lock(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def _incidents(db_url: str, sid: int, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["--db", db_url, "incident", "list", "--show", str(sid), "--json"]) == 0
    data: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return data


def test_incident_waits_out_a_short_lock(
    store, db_url: str, short_lock_wait: None, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """A write lock held for a second (longer than SQLite's wait): `incident add` retries
    and stores the incident (it failed with a traceback before)."""
    sid = create_show(store, "t")
    holder = _lock(_db_file(db_url))
    threading.Timer(0.6, holder.execute, args=("COMMIT",)).start()
    code = main(["--db", db_url, "incident", "add", "--show", str(sid), "--category",
                 "technical", "--severity", "1", "--text", "sound gone"])  # fmt: skip
    out, err = capsys.readouterr()
    holder.close()
    assert code == 0 and out.strip().isdigit(), err
    assert [i["text"] for i in _incidents(db_url, sid, capsys)] == ["sound gone"]


def test_incident_held_while_the_lock_lasts_is_stored_once_later(
    store, db_url: str, short_lock_wait: None, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """A lock that outlasts every retry: the typed incident is kept on this computer (exit 0,
    the reason on stderr) and stored exactly once by the next incident command."""
    sid = create_show(store, "t")
    holder = _lock(_db_file(db_url))
    try:
        code = main(["--db", db_url, "incident", "add", "--show", str(sid), "--category",
                     "product", "--severity", "2", "--text", "wrong price"])  # fmt: skip
        _out, err = capsys.readouterr()
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert code == 0 and "locked" in err and "Traceback" not in err
    assert [i["text"] for i in _incidents(db_url, sid, capsys)] == ["wrong price"]
    assert [i["text"] for i in _incidents(db_url, sid, capsys)] == ["wrong price"]


@pytest.fixture
def read_only_file(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    """The database file cannot be written (tests run as root, for whom chmod changes
    nothing, so the permission check itself answers no)."""
    path = _db_file(db_url)
    real = os.access

    def access(p: Any, mode: int, *a: Any, **k: Any) -> bool:
        if Path(p) in (path, path.parent) and mode & os.W_OK:
            return False
        return real(p, mode, *a, **k)

    monkeypatch.setattr(engine_mod.os, "access", access)


def test_read_only_database_opens_for_reading(
    store, db_url: str, tmp_path: Path, read_only_file: None, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """A read-only database: reading works, `incident add` keeps the incident instead of a
    traceback, `ingest` says the database is read-only (exit 1, no traceback)."""
    from studio.store.store import Store

    sid = create_show(store, "t")
    store.close()
    ro = Store.open(db_url)
    try:
        assert ro.read_only
    finally:
        ro.close()
    assert main(["--db", db_url, "show", "list"]) == 0
    assert "t" in capsys.readouterr().out
    code = main(["--db", db_url, "incident", "add", "--show", str(sid), "--category",
                 "technical", "--severity", "2", "--text", "x"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0 and "read-only" in err and "Traceback" not in err
    f = tmp_path / "m.jsonl"
    f.write_text('{"ts": 1794000000, "orders": 1}\n', encoding="utf-8")
    code = main(["--db", db_url, "ingest", "--show", str(sid), "--source", f"jsonl:{f}"])
    err = capsys.readouterr().err
    assert code == 1 and "read-only" in err and "Traceback" not in err
