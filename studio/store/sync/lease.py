"""One runner owner per show: a lease row with a heartbeat.

The owner renews `heartbeat_at` every few seconds (`LeaseKeeper`). Another controller station
sees who drives (`holder`) and may `takeover` explicitly, which only succeeds when the owner's
heartbeat is older than `stale_after` (its PC crashed or lost the network); it then rebuilds the
runner from the CueEvents (`studio.runner.events.replay`). Every step is one conditional
statement, so two stations racing for the same lease cannot both win.

Times are the stations' clocks (NTP-synchronised in a studio); `stale_after` (15 s by default)
is far above the skew that leaves. A clock is injectable for tests.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from studio.store.models import RunnerLease
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch

log = logging.getLogger(__name__)

STALE_AFTER_S = 15.0
HEARTBEAT_S = 3.0


class LeaseHeld(Exception):
    """Another station drives the show (and, for a takeover, is still alive)."""

    def __init__(self, lease: LeaseInfo) -> None:
        state = "stale" if lease.stale else "alive"
        super().__init__(
            f"show {lease.show_id} is driven by {lease.station or 'another station'} "
            f"(last heartbeat {lease.age_s:.0f} s ago, {state})"
        )
        self.lease = lease


@dataclass(frozen=True)
class LeaseInfo:
    show_id: int
    station: str
    heartbeat_at: datetime
    age_s: float  # seconds since the last heartbeat, by the asking station's clock
    stale: bool


def _info(row: RunnerLease, now: float, stale_after: float) -> LeaseInfo:
    age = max(0.0, now - row.heartbeat_at.timestamp())
    return LeaseInfo(row.show_id, row.station, row.heartbeat_at, age, age > stale_after)


def holder(
    store: Store, show_id: int, *, stale_after: float = STALE_AFTER_S, clock: Clock = time.time
) -> LeaseInfo | None:
    """Who drives the show (None: nobody)."""
    with store.session() as s:
        row = s.get(RunnerLease, show_id)
        return None if row is None else _info(row, clock(), stale_after)


def acquire(
    store: Store,
    show_id: int,
    station: str | None = None,
    *,
    stale_after: float = STALE_AFTER_S,
    clock: Clock = time.time,
) -> LeaseInfo:
    """Take the free lease (or confirm our own); raises LeaseHeld if another station holds it,
    even a stale one: taking over from a crashed owner is the user's explicit decision."""
    me = store.station if station is None else station
    now = clock()
    with store.transaction() as s:
        dialect = s.get_bind().dialect.name
        ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
        s.execute(
            ins(RunnerLease)
            .values(show_id=show_id, station=me, heartbeat_at=from_epoch(now))
            .on_conflict_do_nothing(index_elements=["show_id"])
        )
        s.execute(
            update(RunnerLease)
            .where(RunnerLease.show_id == show_id, RunnerLease.station == me)
            .values(heartbeat_at=from_epoch(now))
        )
        row = s.get(RunnerLease, show_id, populate_existing=True)
        assert row is not None
        info = _info(row, now, stale_after)
        change = (
            store.record_change(s, "runner_lease", show_id, show_id) if row.station == me else None
        )
    if info.station != me:
        raise LeaseHeld(info)
    if change is not None:
        store.publish(change)
    return info


def renew(
    store: Store, show_id: int, station: str | None = None, *, clock: Clock = time.time
) -> bool:
    """Heartbeat; False when the lease is no longer ours (someone took over)."""
    me = store.station if station is None else station
    with store.transaction() as s:
        result = s.execute(
            update(RunnerLease)
            .where(RunnerLease.show_id == show_id, RunnerLease.station == me)
            .values(heartbeat_at=from_epoch(clock()))
        )
        return bool(getattr(result, "rowcount", 0))


def release(store: Store, show_id: int, station: str | None = None) -> bool:
    """Give the show up (end of show, closing the runner); False if it was not ours."""
    me = store.station if station is None else station
    with store.transaction() as s:
        result = s.execute(
            delete(RunnerLease).where(RunnerLease.show_id == show_id, RunnerLease.station == me)
        )
        released = bool(getattr(result, "rowcount", 0))
        change = store.record_change(s, "runner_lease", show_id, show_id) if released else None
    if change is not None:
        store.publish(change)
    return released


def takeover(
    store: Store,
    show_id: int,
    station: str | None = None,
    *,
    stale_after: float = STALE_AFTER_S,
    clock: Clock = time.time,
) -> LeaseInfo:
    """Take the lease from an owner whose heartbeat is stale (or from nobody); raises LeaseHeld
    while the owner is alive."""
    me = store.station if station is None else station
    now = clock()
    cutoff = from_epoch(now - stale_after)
    with store.transaction() as s:
        result = s.execute(
            update(RunnerLease)
            .where(RunnerLease.show_id == show_id, RunnerLease.heartbeat_at < cutoff)
            .values(station=me, heartbeat_at=from_epoch(now))
        )
        taken = bool(getattr(result, "rowcount", 0))
    if taken:
        with store.transaction() as s:
            change = store.record_change(s, "runner_lease", show_id, show_id)
        store.publish(change)
        log.warning("station %s took over the runner of show %d", me, show_id)
        return LeaseInfo(show_id, me, from_epoch(now), 0.0, False)
    # Not stale (or nobody holds it): acquire says which.
    return acquire(store, show_id, me, stale_after=stale_after, clock=clock)


class LeaseKeeper:
    """Renews a held lease every `interval` seconds on a thread; `on_lost` is called (on that
    thread) if another station took it over. `stop()` joins and, by default, releases."""

    def __init__(
        self,
        store: Store,
        show_id: int,
        *,
        station: str | None = None,
        interval: float = HEARTBEAT_S,
        on_lost: Callable[[], None] | None = None,
        clock: Clock = time.time,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.station = store.station if station is None else station
        self.interval = interval
        self.on_lost = on_lost
        self.clock = clock
        self.lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> LeaseKeeper:
        self._thread = threading.Thread(target=self._run, name=f"lease-{self.show_id}", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                ok = renew(self.store, self.show_id, self.station, clock=self.clock)
            except SQLAlchemyError as exc:
                # Offline: keep running the show locally; the lease stays ours until it goes
                # stale, and renewing resumes when the link returns.
                log.debug("lease heartbeat failed: %s", type(exc).__name__)
                continue
            if not ok:
                self.lost = True
                log.warning("runner lease of show %d was taken over", self.show_id)
                if self.on_lost is not None:
                    self.on_lost()
                return

    def stop(self, release_lease: bool = True, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if release_lease and not self.lost:
            try:
                release(self.store, self.show_id, self.station)
            except SQLAlchemyError as exc:
                log.warning("could not release the runner lease: %s", type(exc).__name__)
