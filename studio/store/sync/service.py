"""The per-store sync thread: remote changes in, queued writes out.

PostgreSQL: one psycopg connection in autocommit LISTENs on `studio_changes`; each notification
from another store becomes a `Change(remote=True)` on the local bus within milliseconds. Every
`poll_interval` (and right after every reconnect) a catch-up query reads change_log past the
feed cursor, so a notification lost with a dropped connection is still delivered, once.
When the connection is up the outbox is replayed.

SQLite (optional): no LISTEN, just the catch-up poll, so two processes on one file see each
other's changes within `poll_interval`.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from studio.store.changes import Change
from studio.store.engine import libpq_params, scrub
from studio.store.models import ChangeLog
from studio.store.sync import notify
from studio.store.sync.feed import FeedCursor
from studio.store.sync.writes import describe, is_link_error

if TYPE_CHECKING:
    from studio.store.store import Store

log = logging.getLogger(__name__)

_CATCH_UP_PAGE = 5000


class SyncService:
    def __init__(
        self,
        store: Store,
        *,
        poll_interval: float = 1.0,
        gap_timeout: float = 10.0,
        max_backoff: float = 5.0,
    ) -> None:
        self.store = store
        self.poll_interval = poll_interval
        self.max_backoff = max_backoff
        self._listen = store.engine.dialect.name == "postgresql"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._cursor: FeedCursor | None = None
        self._gap_timeout = gap_timeout
        self._own_lock = threading.Lock()
        self._own: set[int] = set()
        self.delivered = 0  # remote changes published (for tests and the status window)

    # -- called by the store's writers ---------------------------------------------------------

    def mark_own(self, log_id: int) -> None:
        """A change_log id this store wrote: its writer publishes it, the feed must not."""
        with self._own_lock:
            self._own.add(log_id)

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        # Fix "now" before returning: a change written right after the store opened must reach
        # it, even if the sync thread connects later (it did, right after a server restart).
        try:
            self._feed(None)
        except SQLAlchemyError as exc:  # unreachable: the thread starts the cursor when it can
            log.debug("sync: cursor not primed: %s", self._reason(exc))
        self._stop.clear()
        name = f"studio-sync-{self.store.station or 'station'}"
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("sync thread did not stop within %.0f s", timeout)
            self._thread = None

    # -- the thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        backoff = 0.2
        while not self._stop.is_set():
            try:
                if self._listen:
                    self._session_pg()
                else:
                    self._session_poll()
                backoff = 0.2
            except Exception as exc:  # the thread must outlive any failure; it reconnects
                reason = self._reason(exc)
                if self._is_link_failure(exc):
                    log.debug("sync: link down: %s", reason)
                else:
                    log.exception("sync: unexpected failure (retrying): %s", reason)
                self.store.link.update(online=False, error=reason)
                self._stop.wait(backoff)
                backoff = min(self.max_backoff, backoff * 2)

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, SQLAlchemyError):
            return describe(exc, self.store)
        line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return scrub(line, self.store.engine.url)[:300]

    def _is_link_failure(self, exc: BaseException) -> bool:
        if isinstance(exc, SQLAlchemyError):
            return is_link_error(exc)
        import psycopg

        return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)

    def _session_pg(self) -> None:
        import psycopg

        with psycopg.connect(**libpq_params(self.store.engine), autocommit=True) as conn:
            conn.execute(f"LISTEN {notify.CHANNEL}")
            # Listening before the first catch-up: a change committed in between is seen twice
            # (notification and query) and delivered once, rather than not at all.
            self._catch_up(conn)
            self._flush()
            next_poll = time.monotonic() + self.poll_interval
            while not self._stop.is_set():
                wait = max(0.0, min(0.2, next_poll - time.monotonic()))
                for n in conn.notifies(timeout=wait):
                    self._on_notification(n.payload)
                    if self._stop.is_set():
                        break
                if time.monotonic() >= next_poll:
                    self._catch_up(conn)
                    if self.store.sync_writer.pending:
                        self._flush()
                    next_poll = time.monotonic() + self.poll_interval

    def _session_poll(self) -> None:
        self._catch_up(None)
        while not self._stop.wait(self.poll_interval):
            self._catch_up(None)

    def _flush(self) -> None:
        self.store.sync_writer.flush()
        self.store.link.update(online=True)

    # -- delivering ----------------------------------------------------------------------------

    def _feed(self, conn: Any) -> FeedCursor:
        if self._cursor is None:
            # Start from "now": a station opening mid-show reads the current state itself.
            if conn is not None:
                top = conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
            else:
                with self.store.session() as s:
                    top = s.execute(select(func.coalesce(func.max(ChangeLog.id), 0))).scalar()
            self._cursor = FeedCursor(int(top or 0), self._gap_timeout)
        return self._cursor

    def _deliver(self, change: Change) -> None:
        cursor = self._cursor
        if cursor is None or change.log_id is None:
            return
        if not cursor.accept(change.log_id):
            return
        with self._own_lock:
            if change.log_id in self._own:
                self._own.discard(change.log_id)
                return
        self.delivered += 1
        self.store.bus.publish(change)

    def _on_notification(self, payload: str) -> None:
        change = notify.decode(payload)
        if change is not None:
            self._deliver(change)

    def _catch_up(self, conn: Any) -> None:
        cursor = self._feed(conn)
        after = cursor.watermark
        while True:
            rows = self._read_log(conn, after)
            for log_id, table, key, show_id, station in rows:
                self._deliver(
                    Change.keyed(
                        table, key, show_id, station=station or "", log_id=log_id, remote=True
                    )
                )
            if len(rows) < _CATCH_UP_PAGE:
                break
            after = rows[-1][0]
        mark = cursor.advance()
        with self._own_lock:  # own ids below the watermark can no longer show up
            self._own = {i for i in self._own if i > mark}

    def _read_log(
        self, conn: Any, after: int
    ) -> list[tuple[int, str, int | None, int | None, str]]:
        if conn is not None:
            cur = conn.execute(
                'SELECT id, "table", row_id, show_id, station FROM change_log '
                "WHERE id > %s ORDER BY id LIMIT %s",
                (after, _CATCH_UP_PAGE),
            )
            return [tuple(r) for r in cur.fetchall()]
        with self.store.session() as s:
            q = (
                select(
                    ChangeLog.id,
                    ChangeLog.table,
                    ChangeLog.row_id,
                    ChangeLog.show_id,
                    ChangeLog.station,
                )
                .where(ChangeLog.id > after)
                .order_by(ChangeLog.id)
                .limit(_CATCH_UP_PAGE)
            )
            return [tuple(r) for r in s.execute(q).all()]  # type: ignore[misc]
