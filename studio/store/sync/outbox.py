"""The offline outbox: a local SQLite file of writes waiting for the database link.

One entry is one logical write (a table, its completed rows, their children), replayed in the
order it was queued. Replay is exactly once because every row carries its client-made key
(`rows`): the database transaction inserts with ON CONFLICT DO NOTHING, and the entries are
deleted from the file only after that transaction committed. A crash in between replays them
again next time, which the conflict key turns into a no-op. An edit of an existing row is an
entry too ({"op": kind, "args": ...}); it carries its own client-made id instead (see
`writes.register_replay`).

Several processes of one station (the app and a CLI command) may share the file: `drain` holds
SQLite's write lock from reading a batch until deleting it, so two flushers never replay the same
entries concurrently.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# apply() returns the entries it could not write for good, each with the reason.
Rejects = list[tuple["Entry", str]]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    queued_at REAL NOT NULL,
    entry TEXT NOT NULL
);
-- Entries the database refused for good (e.g. their show was deleted meanwhile): kept, with
-- the reason, for a human to look at, instead of blocking every later entry forever.
CREATE TABLE IF NOT EXISTS rejected (
    seq INTEGER PRIMARY KEY,
    queued_at REAL NOT NULL,
    rejected_at REAL NOT NULL,
    entry TEXT NOT NULL,
    reason TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Entry:
    seq: int
    data: dict[str, Any]


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        # One connection, kept open: closing the last connection of a WAL database
        # checkpoints it (an fsync, ~10 ms a write here). The lock serialises this process's
        # threads; BEGIN IMMEDIATE serialises processes.
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                conn = sqlite3.connect(
                    self.path, timeout=30, isolation_level=None, check_same_thread=False
                )
                conn.execute("PRAGMA journal_mode=WAL")
                # NORMAL under WAL, like the main store: survives the app being killed; only
                # an OS crash may lose the last queued writes.
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.executescript(_SCHEMA)
                self._conn = conn
            yield self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def exists(self) -> bool:
        return self.path.exists()

    def put(self, entries: Sequence[dict[str, Any]]) -> int:
        """Append entries in one transaction; returns the new size."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                now = time.time()
                conn.executemany(
                    "INSERT INTO outbox (queued_at, entry) VALUES (?, ?)",
                    [
                        (now, json.dumps(e, ensure_ascii=False, separators=(",", ":")))
                        for e in entries
                    ],
                )
                size = int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return size

    def size(self) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as conn:
            return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def rejected(self) -> list[tuple[dict[str, Any], str]]:
        if not self.path.exists():
            return []
        with self._connect() as conn:
            rows = conn.execute("SELECT entry, reason FROM rejected ORDER BY seq").fetchall()
        return [(json.loads(e), str(r)) for e, r in rows]

    def drain(self, apply: Callable[[list[Entry]], Rejects], batch: int = 200) -> int:
        """Hand batches (oldest first) to `apply`, deleting each batch after `apply` returns
        (its rejects move to the `rejected` table); stops at the first exception (re-raised,
        batch kept). Returns entries drained."""
        if not self.path.exists():
            return 0
        done = 0
        while True:
            with self._connect() as conn:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    rows = conn.execute(
                        "SELECT seq, entry FROM outbox ORDER BY seq LIMIT ?", (batch,)
                    ).fetchall()
                    if not rows:
                        conn.execute("COMMIT")
                        return done
                    entries, rejects = [], []
                    for seq, text in rows:
                        try:
                            entries.append(Entry(int(seq), json.loads(text)))
                        except ValueError as exc:  # a damaged file must not block the rest
                            rejects.append((Entry(int(seq), {"raw": text}), f"unreadable: {exc}"))
                    if entries:
                        rejects.extend(apply(entries))
                    now = time.time()
                    for entry, reason in rejects:
                        log.error("outbox entry %d rejected: %s", entry.seq, reason)
                        conn.execute(
                            "INSERT OR REPLACE INTO rejected (seq, queued_at, rejected_at, entry, "
                            "reason) SELECT seq, queued_at, ?, entry, ? FROM outbox WHERE seq = ?",
                            (now, reason, entry.seq),
                        )
                    conn.execute("DELETE FROM outbox WHERE seq <= ?", (rows[-1][0],))
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            done += len(rows)
