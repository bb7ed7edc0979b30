"""The Store: one object handed to every window and worker (engine, sessions, change bus)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from studio.store import migrate
from studio.store.changes import Change, ChangeBus
from studio.store.engine import (
    check_connection,
    make_engine,
    redact,
    resolve_url,
    session_factory,
)
from studio.store.models import ChangeLog

log = logging.getLogger(__name__)


class Store:
    def __init__(self, engine: Engine, station: str = "") -> None:
        self.engine = engine
        self.station = station
        self.bus = ChangeBus()
        self._sessions = session_factory(engine)

    @classmethod
    def open(cls, url: str | None = None, station: str = "", upgrade: bool = True) -> Store:
        """Open (and by default upgrade) the database; raises StoreError with a user message."""
        resolved = resolve_url(url)
        engine = make_engine(resolved)
        check_connection(engine)
        if upgrade:
            before = migrate.current_revision(engine)
            migrate.upgrade(engine)
            after = migrate.current_revision(engine)
            if before != after:
                log.info("database %s upgraded from %s to %s", redact(resolved), before, after)
        return cls(engine, station=station)

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
        self, session: Session, table: str, row_id: int | None, show_id: int | None
    ) -> Change:
        """Append to the change log inside the caller's transaction; publish after commit."""
        session.add(ChangeLog(table=table, row_id=row_id, show_id=show_id, station=self.station))
        return Change(table, row_id, show_id)

    def publish(self, *changes: Change) -> None:
        for change in changes:
            self.bus.publish(change)

    def close(self) -> None:
        self.engine.dispose()
