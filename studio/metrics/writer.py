"""The one batched writer thread every live metric source writes through.

Sources call `submit(rows)` from any thread and never wait for the database (unless the bounded
buffer is full: then they wait, which is the back-pressure a flooding source deserves). The
writer thread commits up to `max_batch` rows per transaction through
`studio.store.samples.insert_samples`, whose primary key skips duplicates, so a retried batch (or
a client that sends the same sample twice) never duplicates a row. Rows are written at the latest
`flush_interval` after they arrive; one ChangeLog entry per show per batch, published after the
commit, tells views to repaint.

`write_now(rows)` is the synchronous path for callers that must know the rows are committed
before they answer (the HTTP endpoint sends 2xx only then).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from studio.metrics.samples import Row
from studio.store.changes import Change
from studio.store.models import MetricSample
from studio.store.samples import insert_samples
from studio.store.store import Store
from studio.store.sync.writes import is_link_error

log = logging.getLogger(__name__)


class WriterStopped(RuntimeError):
    """submit() after stop(): the rows were not accepted."""


def insert_sample_rows(
    store: Store, session: Session, rows: Sequence[Row]
) -> tuple[int, list[Change]]:
    """Insert rows inside the caller's transaction; returns (rows inserted, changes to publish
    after the commit). Duplicates are skipped silently by the primary key."""
    return insert_samples(session, rows, store.record_change)


def write_samples(store: Store, rows: Sequence[Row]) -> int:
    """Commit rows in one transaction on the calling thread, then publish. Returns the number
    inserted (duplicates excluded; -1 when the driver cannot tell; 0 when queued offline).

    On a shared database that is out of reach (or while older writes still wait in the outbox,
    so order is kept) the batch goes to the station's outbox and is replayed exactly once
    later; otherwise the fast bulk path below is used."""
    if store.outbox is not None:
        link = store.link_status
        if not link.online or link.queued:
            return store.write_rows(MetricSample, rows).inserted
    try:
        with store.transaction() as s:
            inserted, changes = insert_sample_rows(store, s, rows)
    except SQLAlchemyError as exc:
        if store.outbox is None or not is_link_error(exc):
            raise
        return store.write_rows(MetricSample, rows).inserted
    store.publish(*changes)
    return inserted


@dataclass
class WriterStats:
    submitted: int = 0
    inserted: int = 0
    batches: int = 0
    retries: int = 0
    rejected: int = 0  # rows in batches the database refused for good (logged)
    last_error: str = ""
    last_commit: float = field(default=0.0)  # time.time() of the last commit


class MetricWriter:
    """One thread, a bounded buffer, batched idempotent inserts. Stop drains the buffer."""

    def __init__(
        self,
        store: Store,
        *,
        # Under a backlog, 10,000 rows a transaction spread the per-commit cost (WAL append,
        # the ChangeLog row) thin; at 1 Hz a batch holds what arrived within flush_interval.
        max_batch: int = 10_000,
        flush_interval: float = 0.2,
        max_pending: int = 200_000,
        retry_limit_on_stop: int = 3,
        name: str = "metric-writer",
    ) -> None:
        self.store = store
        self.max_batch = max_batch
        self.flush_interval = flush_interval
        self.max_pending = max_pending
        self.retry_limit_on_stop = retry_limit_on_stop
        self.stats = WriterStats()
        self._name = name
        self._buf: list[Row] = []
        self._first_at = 0.0
        self._inflight = 0
        self._cond = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None

    # -- producers -------------------------------------------------------------------------

    def start(self) -> MetricWriter:
        if self._thread is not None:
            raise RuntimeError("writer already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._buf) + self._inflight

    def submit(self, rows: Sequence[Row], timeout: float | None = None) -> bool:
        """Queue rows for writing. Waits while the buffer is full; False if `timeout` ran out."""
        if not rows:
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while len(self._buf) >= self.max_pending and not self._stopping:
                wait = None if deadline is None else deadline - time.monotonic()
                if wait is not None and wait <= 0:
                    return False
                self._cond.wait(wait)
            if self._stopping or self._thread is None:
                raise WriterStopped("the metric writer is not running")
            if not self._buf:
                self._first_at = time.monotonic()
            self._buf.extend(rows)
            self.stats.submitted += len(rows)
            self._cond.notify_all()
        return True

    def write_now(self, rows: Sequence[Row]) -> int:
        """Commit on the caller's thread (not through the queue); returns rows inserted."""
        inserted = write_samples(self.store, rows)
        with self._cond:
            self.stats.submitted += len(rows)
            self.stats.inserted += max(inserted, 0)
            self.stats.last_commit = time.time()
        return inserted

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything submitted so far is committed (or given up on)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._buf or self._inflight:
                wait = deadline - time.monotonic()
                if wait <= 0 or not self.running:
                    return False
                self._cond.wait(wait)
        return True

    def stop(self, timeout: float = 30.0) -> None:
        """Stop accepting rows, write what is buffered, and join the thread."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error(
                    "metric writer did not drain within %.0f s (%d rows pending)",
                    timeout,
                    self.pending,
                )

    # -- the writer thread ------------------------------------------------------------------

    def _take_batch(self) -> list[Row] | None:
        with self._cond:
            while not self._buf and not self._stopping:
                self._cond.wait()
            if not self._buf:
                return None  # stopping and drained
            # Linger until the batch is full or its oldest row is flush_interval old.
            deadline = self._first_at + self.flush_interval
            while len(self._buf) < self.max_batch and not self._stopping:
                wait = deadline - time.monotonic()
                if wait <= 0:
                    break
                self._cond.wait(wait)
            batch = self._buf[: self.max_batch]
            del self._buf[: self.max_batch]
            # What is left is backlog: it goes out in the next batch without lingering.
            self._first_at = time.monotonic() - self.flush_interval
            self._inflight = len(batch)
            self._cond.notify_all()
            return batch

    def _run(self) -> None:
        while True:
            batch = self._take_batch()
            if batch is None:
                return
            try:
                self._write(batch)
            except Exception as exc:
                # A bug must not kill the thread: every later batch would pile up unwritten.
                log.exception("metric writer: %d rows not written", len(batch))
                with self._cond:
                    self.stats.rejected += len(batch)
                    self.stats.last_error = str(exc)
            finally:
                with self._cond:
                    self._inflight = 0
                    self._cond.notify_all()

    def _write(self, batch: list[Row]) -> None:
        attempt = 0
        while True:
            try:
                inserted = write_samples(self.store, batch)
            except IntegrityError as exc:
                # Not transient (e.g. the show was deleted): retrying cannot help.
                log.error(
                    "metric writer: %d rows refused by the database: %s", len(batch), exc.orig
                )
                with self._cond:
                    self.stats.rejected += len(batch)
                    self.stats.last_error = str(exc.orig)
                return
            except (OperationalError, DBAPIError) as exc:
                attempt += 1
                with self._cond:
                    self.stats.retries += 1
                    self.stats.last_error = str(exc.orig)
                    stopping = self._stopping
                if stopping and attempt > self.retry_limit_on_stop:
                    log.error(
                        "metric writer: giving up on %d rows at stop: %s", len(batch), exc.orig
                    )
                    with self._cond:
                        self.stats.rejected += len(batch)
                    return
                log.warning(
                    "metric writer: batch failed (attempt %d), retrying: %s", attempt, exc.orig
                )
                # Retrying is safe: ON CONFLICT DO NOTHING skips what already landed.
                with self._cond:
                    self._cond.wait(min(2.0, 0.05 * 2**attempt))
                continue
            with self._cond:
                self.stats.batches += 1
                self.stats.inserted += max(inserted, 0)
                self.stats.last_commit = time.time()
            return
