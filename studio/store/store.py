"""The Store: one object handed to every window and worker (engine, sessions, change bus).

On PostgreSQL the store also runs the station's sync (`studio.store.sync`): changes written by
other stations arrive on `store.bus` (with `remote=True`), and client-made rows written through
`insert_idempotent` / `write_rows` survive a lost link in a local outbox.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from studio import paths
from studio.store import migrate
from studio.store.changes import Change, ChangeBus
from studio.store.engine import (
    StoreError,
    check_connection,
    is_read_only_file,
    make_engine,
    redact,
    resolve_url,
    session_factory,
)
from studio.store.models import Base, ChangeLog
from studio.store.sync import notify
from studio.store.sync.link import Link, LinkListener, LinkStatus
from studio.store.sync.outbox import Outbox
from studio.store.sync.service import SyncService
from studio.store.sync.writes import ChildRows, Row, SyncWriter, WriteResult

log = logging.getLogger(__name__)
T = TypeVar("T")


def outbox_path(engine: Engine, station: str) -> Path:
    """One outbox per database and station: queued rows must reach the database they were
    meant for, even if the app is next started against another one."""
    u = engine.url
    target = f"{u.username}@{u.host}:{u.port}/{u.database}"
    digest = hashlib.sha1(target.encode()).hexdigest()[:10]
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", station) or "station"
    return paths.data_dir() / f"outbox-{slug}-{digest}.sqlite"


class Store:
    def __init__(self, engine: Engine, station: str = "") -> None:
        self.engine = engine
        self.station = station
        self.bus = ChangeBus()
        self._sessions = session_factory(engine)
        self.link = Link(engine.dialect.name)
        self._postgres = engine.dialect.name == "postgresql"
        self.outbox = Outbox(outbox_path(engine, station)) if self._postgres else None
        self.sync_writer = SyncWriter(self, self.outbox, self.link)
        self._sync: SyncService | None = None
        # Opened read-only (the file or its folder cannot be written): views work, writes
        # fail with a clear reason, and the app shows a banner.
        self.read_only = False

    @classmethod
    def open(
        cls,
        url: str | None = None,
        station: str = "",
        upgrade: bool = True,
        sync: bool | None = None,
    ) -> Store:
        """Open (and by default upgrade) the database; raises StoreError with a user message.

        `sync`: run the station sync thread (default: on PostgreSQL only); `close()` stops it.
        """
        if url and make_url_password(url):
            log.warning(
                "a database password was given in the URL; prefer the STUDIO_DB_PASSWORD "
                "environment variable or the keyring (shell history keeps command lines)"
            )
        resolved = resolve_url(url)
        read_only = is_read_only_file(resolved)
        engine = make_engine(resolved, read_only=read_only)
        try:
            check_connection(engine)
            # Before anything else: a newer studio's database is left exactly as it is.
            before = migrate.check_not_newer(engine)
            if read_only:
                if before != migrate.head_revision():
                    raise StoreError(
                        f"Database {redact(resolved)} is read-only and its schema is older than "
                        "this studio's; open it once with write access so it can be upgraded"
                    )
                log.warning("database %s is read-only: opened for reading", redact(resolved))
            elif upgrade:
                migrate.upgrade(engine)
                after = migrate.current_revision(engine)
                if before != after:
                    log.info("database %s upgraded from %s to %s", redact(resolved), before, after)
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine, station=station)
        store.read_only = read_only
        if sync if sync is not None else store._postgres:
            store.start_sync()
        return store

    @property
    def url(self) -> str:
        return redact(str(self.engine.url))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with self._sessions.begin() as session:
            yield session

    def record_change(
        self, session: Session, table: str, key: int | None, show_id: int | None
    ) -> Change:
        """Append to the change log inside the caller's transaction; publish after commit.

        `key` is the changed row's id, or for a time-keyed table (`changes.TIME_KEYED`, metric
        samples) the earliest second the batch touched.

        On PostgreSQL this also queues a NOTIFY, which the server delivers to the other
        stations only if and when the transaction commits."""
        entry = ChangeLog(table=table, row_id=key, show_id=show_id, station=self.station)
        session.add(entry)
        session.flush()
        change = Change.keyed(table, key, show_id, station=self.station, log_id=entry.id)
        if self._sync is not None:
            self._sync.mark_own(entry.id)
        if self._postgres:
            session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": notify.CHANNEL, "payload": notify.encode(change)},
            )
        return change

    def retrying(self, job: Callable[[], T], **options: Any) -> T:
        """`job()` again after a pause while it fails with a transient database error (a lock
        held by another program, a full disk); see `studio.store.retry.with_retry`."""
        from studio.store.retry import with_retry

        return with_retry(job, **options)

    def publish(self, *changes: Change) -> None:
        for change in changes:
            self.bus.publish(change)

    # -- idempotent writes that survive a lost link --------------------------------------------

    def insert_idempotent(
        self,
        model: type[Base] | str,
        row: Row,
        *,
        children: Mapping[type[Base] | str, Sequence[Row]] | None = None,
    ) -> WriteResult:
        """Insert one client-made row (with its children, e.g. IncidentHistory for an
        Incident) exactly once, recording and publishing the change. When the database is
        unreachable the row is queued in the outbox (`result.queued`) and written later."""
        kids: ChildRows | None = (
            {name: [rows] for name, rows in children.items()} if children else None
        )
        return self.sync_writer.write(model, [row], kids)

    def write_rows(self, model: type[Base] | str, rows: Sequence[Row]) -> WriteResult:
        """Insert many client-made rows in one transaction (metric samples: one batch),
        skipping any already stored; queued in the outbox while the link is down."""
        return self.sync_writer.write(model, rows)

    def outbox_size(self) -> int:
        """Writes waiting for the database link (0 on SQLite)."""
        return self.sync_writer.size()

    def flush_outbox(self) -> int:
        """Replay queued writes now (the sync thread does this by itself); returns how many."""
        done = self.sync_writer.flush()
        self.link.update(online=True)
        return done

    # -- station sync --------------------------------------------------------------------------

    @property
    def link_status(self) -> LinkStatus:
        return self.link.status

    def on_link_change(self, listener: LinkListener) -> Callable[[], None]:
        """Call `listener(LinkStatus)` (on a worker thread) whenever online/queued changes."""
        return self.link.subscribe(listener)

    def start_sync(self, poll_interval: float = 1.0) -> None:
        """Start delivering other stations' changes to `bus` (and replaying the outbox)."""
        if self._sync is None:
            self._sync = SyncService(self, poll_interval=poll_interval)
            self._sync.start()

    def stop_sync(self) -> None:
        if self._sync is not None:
            self._sync.stop()
            self._sync = None

    @property
    def syncing(self) -> bool:
        return self._sync is not None and self._sync.running

    def close(self) -> None:
        self.stop_sync()
        if self.outbox is not None:
            self.outbox.close()
        self.engine.dispose()


def make_url_password(url: str) -> bool:
    try:
        return bool(make_url(url).password)
    except ArgumentError:
        return False


__all__ = ["Store", "WriteResult", "outbox_path"]
