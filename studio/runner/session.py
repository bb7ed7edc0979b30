"""The rundown of one show on this station: the stored runner, the lease, and who drives.

Every station that shows a rundown — the control room, the prompter PC, a command, the remote
API — holds a `RunnerSession`. A session that wants to drive takes the show's lease; if another
process holds it, the session follows: it replays the CueEvents that process writes and refuses
transitions with `NotDriving`, naming the driver.

The lease is keyed by *instance* (one random id per process), not by `role@host`: two copies of
studio on one PC are two drivers otherwise, each taking the other's lease as its own. A lease left
behind by a process of this PC that no longer runs (killed, crashed) is taken back at once, so a
restarted control room drives again without waiting for the heartbeat to go stale.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from studio.runner.events import LiveRunner
from studio.runner.recovery import rebuild_runner
from studio.runner.state import InvalidTransition, Plan, Snapshot, Transition
from studio.script.model import Script, Segment
from studio.script.store_io import load_script, replace_script
from studio.store.models import Show
from studio.store.store import Store
from studio.store.sync import lease
from studio.timeutil import Clock

log = logging.getLogger(__name__)

# One id per process: `<pid>-<random>`; the pid lets a restarted process on the same PC see that
# the lease's holder is gone.
INSTANCE_ID = f"{os.getpid()}-{secrets.token_hex(3)}"
_SEP = "#"
READ_ONLY = "nobody (the database is read-only)"  # the `driver` of a session that cannot write


def lease_holder_name(station: str, instance: str = INSTANCE_ID) -> str:
    """What the lease row stores: the station (`role@host`) and this process's instance."""
    return f"{station}{_SEP}{instance}"


def station_of(holder: str) -> str:
    """The human part of a lease holder (`controller@pc1`), for screens and messages."""
    return holder.split(_SEP, 1)[0]


def _holder_is_dead_here(holder: str, station: str) -> bool:
    """True when `holder` is another process of this station on this PC that no longer runs."""
    return holder.partition(_SEP)[0] == station and holder_process_gone(holder)


def holder_process_gone(holder: str) -> bool:
    """True when `holder` is a process of this PC that no longer runs (False when it runs, is
    this process, or lives on another PC: there only its heartbeat tells)."""
    name, _, instance = holder.partition(_SEP)
    if not instance:
        return False
    host = name.rpartition("@")[2]
    if host and host != socket.gethostname():
        return False
    pid_text = instance.split("-", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, owned by someone else
        return False
    return False


class NotDriving(RuntimeError):
    """A transition was asked of a session that follows another station."""

    def __init__(self, driver: str) -> None:
        super().__init__(f"the rundown is driven by {driver}; take it over first")
        self.driver = driver


class RunnerSession:
    """One show's rundown as this station sees it.

    `drive`: try to take the lease (a controller); False: always follow (the anchor's PC, a
    review station). `on_lost` is called, on the keeper's thread, when another station took
    the lease over; the session is then a follower.
    """

    def __init__(
        self,
        store: Store,
        show_id: int,
        *,
        clock: Clock = time.time,
        drive: bool = True,
        instance: str = INSTANCE_ID,
        heartbeat_s: float = lease.HEARTBEAT_S,
        on_lost: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.clock = clock
        self.holder_name = lease_holder_name(store.station, instance)
        self._heartbeat_s = heartbeat_s
        self._on_lost = on_lost
        self._keeper: lease.LeaseKeeper | None = None
        self._script = load_script(store, show_id)
        if not self._script.segments:
            raise ValueError(f"show {show_id} has no segments")
        self.driver: str | None = None  # who drives when it is not us (None: we do)
        if store.read_only:
            # Taking the lease writes; a database opened read-only is for looking only.
            self.driver = READ_ONLY
        elif drive:
            self._acquire()
        else:
            self.driver = self._current_driver() or "controller"
        try:
            # A follower replays the events but never writes a `recover` event of its own.
            self._live = rebuild_runner(store, show_id, clock, record=self.driver is None)
        except Exception:
            self.close()
            raise
        with store.session() as s:
            show = s.get(Show, show_id)
            self.is_rehearsal = bool(show and show.is_rehearsal)
            self.title = show.title if show else self._script.title
        if self.driver is None:
            self._start_keeper()

    # -- the lease -----------------------------------------------------------------------------
    def _current_driver(self) -> str | None:
        try:
            info = lease.holder(self.store, self.show_id)
        except SQLAlchemyError:
            return None
        return None if info is None else station_of(info.station)

    def _acquire(self) -> None:
        try:
            lease.acquire(self.store, self.show_id, self.holder_name, clock=self.clock)
        except lease.LeaseHeld as held:
            if _holder_is_dead_here(held.lease.station, self.store.station):
                log.warning(
                    "show %d: the lease of %s, a process of this PC that no longer runs, is taken "
                    "back",
                    self.show_id,
                    held.lease.station,
                )
                lease.takeover(
                    self.store, self.show_id, self.holder_name, stale_after=-1.0, clock=self.clock
                )
                self.driver = None
            else:
                self.driver = station_of(held.lease.station)

    def _start_keeper(self) -> None:
        self._keeper = lease.LeaseKeeper(
            self.store,
            self.show_id,
            station=self.holder_name,
            interval=self._heartbeat_s,
            on_lost=self._lost,
        ).start()

    def _lost(self) -> None:
        self.driver = self._current_driver() or "?"
        self._keeper = None
        if self._on_lost is not None:
            self._on_lost()

    def take_over(self) -> None:
        """Drive from here: allowed when the driver's heartbeat is stale (or nobody drives).
        Raises `lease.LeaseHeld` while the driver is alive."""
        if self.driver is None:
            return
        lease.takeover(self.store, self.show_id, self.holder_name, clock=self.clock)
        self.driver = None
        self._live = rebuild_runner(self.store, self.show_id, self.clock, record=True)
        self._start_keeper()

    @property
    def read_only(self) -> bool:
        return self.driver is not None

    # -- what the screens read -------------------------------------------------------------------
    @property
    def script(self) -> Script:
        return self._script

    @property
    def plan(self) -> Plan:
        return self._live.plan

    @property
    def live(self) -> LiveRunner:
        return self._live

    def snapshot(self, now: float | None = None) -> Snapshot:
        return self._live.snapshot(now)

    def position(self) -> tuple[str | None, int | None]:
        """(segment key, cue index) while the show runs or is held; (None, None) otherwise —
        before the start and after the end nothing happens "in" a segment."""
        snap = self.snapshot()
        if snap.status not in ("running", "held") or snap.segment is None:
            return None, None
        return snap.segment.key, snap.cue_index

    def entered_segment(self, before: Snapshot, after: Snapshot) -> Segment | None:
        """The script segment the show has just entered (start, next/prev across a boundary,
        skip, jump), or None. What follows a segment — its product presenting, its flash sale —
        is started by the driving station only, from this."""
        if self.driver is not None or after.status not in ("running", "held"):
            return None
        if before.status == after.status and before.segment_index == after.segment_index:
            return None
        if not 0 <= after.segment_index < len(self._script.segments):
            return None
        return self._script.segments[after.segment_index]

    # -- actions -----------------------------------------------------------------------------------
    def act(self, action: str, index: int | None = None) -> Transition | None:
        """Store and apply a transition. None when it does not apply (e.g. next after the last
        cue); raises `NotDriving` on a follower and the store's error when the write fails (the
        runner then stays where it was)."""
        if self.driver is not None:
            raise NotDriving(self.driver)
        try:
            return self._live.act(action, index)
        except InvalidTransition as exc:
            log.info("runner: %s refused: %s", action, exc)
            return None

    def follow(self) -> None:
        """Replay the stored CueEvents: another station's transition is now ours to show."""
        self._live = rebuild_runner(self.store, self.show_id, self.clock, record=False)

    def set_script(self, script: Script) -> None:
        """Store an edited script and keep running it (positions follow segment ids)."""
        replace_script(self.store, self.show_id, script)
        self._script = script
        self._live = rebuild_runner(self.store, self.show_id, self.clock, record=False)

    def close(self, release_lease: bool = True) -> None:
        if self._keeper is not None:
            self._keeper.stop(release_lease=release_lease)
            self._keeper = None
