"""Database errors a writer should wait out, and saying what they are without a SQL dump.

A locked SQLite file (another program mid-commit, a backup tool), a full disk, a shared server
that blinked: the write is worth repeating after a pause, and the person at the keyboard wants
one line saying what is wrong, not SQLAlchemy's message with every bound parameter in it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

log = logging.getLogger(__name__)

T = TypeVar("T")

# What went wrong, by kind. Words for the CLI and the log; the UI translates its own.
LOCKED = "locked"
DISK_FULL = "disk_full"
READ_ONLY = "read_only"
IO = "io"
UNREACHABLE = "unreachable"

_WORDS = {
    LOCKED: "the database is locked by another program",
    DISK_FULL: "the disk holding the database is full",
    READ_ONLY: "the database is read-only (file permissions or a read-only disk)",
    IO: "the disk reported an input/output error",
    UNREACHABLE: "the database server cannot be reached",
}
# Matched against the driver's own message (sqlite3 has no error codes before Python 3.11's
# sqlite_errorname, and PostgreSQL's SQLSTATE classes are checked first where there is one).
_SQLITE_TEXT = (
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("database schema is locked", LOCKED),
    ("database or disk is full", DISK_FULL),
    ("no space left", DISK_FULL),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("disk i/o error", IO),
    ("unable to open database file", IO),
)
_PG_STATES = {
    "53100": DISK_FULL,  # disk_full
    "55P03": LOCKED,  # lock_not_available
    "40001": LOCKED,  # serialization_failure: retrying is what the server asks for
    "40P01": LOCKED,  # deadlock_detected
    "25006": READ_ONLY,  # read_only_sql_transaction (a standby)
    "57P03": UNREACHABLE,  # cannot_connect_now (starting up)
}
TRANSIENT = frozenset({LOCKED, DISK_FULL, IO, UNREACHABLE})


def kind_of(exc: BaseException) -> str | None:
    """LOCKED, DISK_FULL, READ_ONLY, IO, UNREACHABLE, or None (not an environment problem:
    the database refused the data, or a bug)."""
    if not isinstance(exc, DBAPIError | PoolTimeout):
        return None
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(state, str) and state in _PG_STATES:
        return _PG_STATES[state]
    text = str(orig if orig is not None else exc).lower()
    for needle, kind in _SQLITE_TEXT:
        if needle in text:
            return kind
    if type(orig).__module__ == "sqlite3":
        return None  # a local file has no link to lose: "no such table" is a real error
    if isinstance(exc, PoolTimeout | InterfaceError):
        return UNREACHABLE
    if isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    ):
        return UNREACHABLE
    return None


def is_transient(exc: BaseException) -> bool:
    """Worth trying again after a pause."""
    return kind_of(exc) in TRANSIENT


def describe(exc: BaseException) -> str:
    """One line saying what is wrong: never the statement or its parameters."""
    kind = kind_of(exc)
    if kind is not None:
        return _WORDS[kind]
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    return first[:300]


class GaveUp(RuntimeError):
    """A transient database error outlasted every retry; the message says what was wrong."""

    def __init__(self, message: str, kind: str | None) -> None:
        super().__init__(message)
        self.kind = kind


def with_retry(
    job: Callable[[], T],
    *,
    attempts: int = 6,
    first_pause: float = 0.1,
    max_pause: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[int, str], None] | None = None,
) -> T:
    """`job()`, repeated with doubling pauses while it fails with a transient database error.

    After the last attempt, GaveUp (with `describe`'s words) is raised from the error. Errors
    that are not transient are raised at once: retrying cannot change the answer."""
    pause = first_pause
    for attempt in range(1, attempts + 1):
        try:
            return job()
        except (DBAPIError, PoolTimeout) as exc:
            if kind_of(exc) == READ_ONLY:
                # Waiting does not make a file writable: say so now, the caller decides.
                raise GaveUp(describe(exc), READ_ONLY) from exc
            if not is_transient(exc):
                raise
            what = describe(exc)
            if attempt == attempts:
                raise GaveUp(what, kind_of(exc)) from exc
            log.warning("database write failed (attempt %d of %d): %s", attempt, attempts, what)
            if on_retry is not None:
                on_retry(attempt, what)
            sleep(pause)
            pause = min(max_pause, pause * 2)
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
