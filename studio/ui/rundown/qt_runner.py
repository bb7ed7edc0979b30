"""The show's `RunnerSession` as Qt signals: `changed` after every stored transition, a 4 Hz
`tick` for countdowns, and another station's transitions delivered on the GUI thread.

Built for a stored show, the session always replays the show's CueEvents first, so opening a
show that was live when the app died resumes it exactly (same cue, elapsed and over/under).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from studio.runner.session import NotDriving, RunnerSession
from studio.runner.state import Plan, Snapshot, Transition
from studio.script.model import Script
from studio.store.changes import Change
from studio.store.store import Store
from studio.timeutil import Clock
from studio.ui.common.qt_jobs import SerialWorker

log = logging.getLogger(__name__)

TICK_MS = 250  # 4 Hz: countdowns show whole seconds, so this is smooth without waste


class QtRunner(QObject):
    changed = Signal()  # after every stored transition (and after a script edit)
    _remote_change = Signal()  # a CueEvent written by another station (queued to the GUI thread)
    lease_lost = Signal()  # another station took the rundown over (queued to the GUI thread)
    tick = Signal()  # 4 Hz while the window is open, for countdowns
    failed = Signal(str)  # a transition could not be stored; the runner did not move

    def __init__(
        self,
        store: Store,
        show_id: int,
        clock: Clock = time.time,
        parent: QObject | None = None,
        *,
        follower: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.show_id = show_id
        self.clock = clock
        self.session = RunnerSession(
            store, show_id, clock=clock, drive=not follower, on_lost=self.lease_lost.emit
        )
        self.title = self.session.title
        self.last_error = ""
        # Preferences → "Products follow the rundown" (on by default); off for a studio that
        # pops every product by hand.
        self.products_follow = True
        self._worker = SerialWorker(self, "runner-products")
        self._remote_change.connect(self._follow_remote)
        self.lease_lost.connect(self._on_lease_lost)
        self._unsubscribe = store.bus.subscribe(self._on_store_change)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # -- what the windows read --------------------------------------------------------------
    @property
    def script(self) -> Script:
        return self.session.script

    @property
    def plan(self) -> Plan:
        return self.session.plan

    @property
    def state(self) -> Snapshot:
        return self.session.snapshot()

    def snapshot(self) -> Snapshot:
        return self.session.snapshot()

    @property
    def is_rehearsal(self) -> bool:
        return self.session.is_rehearsal

    @property
    def driver(self) -> str | None:
        """The station that drives this show when it is not this one (None: we drive)."""
        return self.session.driver

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    # -- other stations ---------------------------------------------------------------------
    def _on_store_change(self, change: Change) -> None:  # any thread
        if change.table == "cue_event" and change.show_id == self.show_id and change.remote:
            self._remote_change.emit()

    def _follow_remote(self) -> None:
        self.session.follow()
        self.changed.emit()

    def _on_lease_lost(self) -> None:
        self.failed.emit(self.tr("Another station took over the rundown."))
        self.changed.emit()

    def take_over(self) -> None:
        """Drive from here; raises `studio.store.sync.lease.LeaseHeld` while the driver lives."""
        self.session.take_over()
        self.changed.emit()

    # -- actions ----------------------------------------------------------------------------
    def _act(self, action: str, index: int | None = None) -> Transition | None:
        # The CueEvent commit runs inline on the GUI thread: measured here (SQLite WAL, busy
        # 2-core box) median 2 ms, p95 ~20 ms per transition, well below a key repeat. A worker
        # would let the screen show a cue before it is stored, which crash recovery must not see.
        before = self.session.snapshot()
        try:
            transition = self.session.act(action, index)
        except NotDriving as exc:
            self.last_error = str(exc)
            self.failed.emit(str(exc))
            return None
        except Exception as exc:  # database gone: say so, keep the screen on the stored state
            log.exception("runner: could not store %s", action)
            self.last_error = str(exc)
            self.failed.emit(str(exc))
            return None
        if transition is not None:
            self._follow_segment(before)
            self.changed.emit()
        return transition

    def _follow_segment(self, before: Snapshot) -> None:
        """A segment with a product makes it presenting (and a flash-sale segment runs its
        sale): written on a worker, after the CueEvent, by the driving station only."""
        segment = self.session.entered_segment(before, self.session.snapshot())
        if segment is None or not self.products_follow:
            return
        from studio.products.cues import on_segment_reached

        store, show_id, clock = self.store, self.show_id, self.clock

        def job() -> object:
            return on_segment_reached(store, show_id, segment, clock=clock)

        def failed(exc: BaseException) -> None:
            log.warning("products did not follow segment %s: %s", segment.id, exc)

        self._worker.submit(job, None, failed)

    def start(self) -> Transition | None:
        return self._act("start")

    def next(self) -> Transition | None:
        return self._act("next")

    def prev(self) -> Transition | None:
        return self._act("prev")

    def hold_toggle(self) -> Transition | None:
        return self._act("hold_toggle")

    def skip(self) -> Transition | None:
        return self._act("skip")

    def jump(self, index: int) -> Transition | None:
        return self._act("jump", index)

    def end(self) -> Transition | None:
        return self._act("end")

    # -- editing ----------------------------------------------------------------------------
    def set_script(self, script: Script) -> None:
        """Store an edited script and keep running it (positions follow segment ids)."""
        self.session.set_script(script)
        self.changed.emit()

    def shutdown(self) -> None:
        self._timer.stop()
        self._unsubscribe()
        self._worker.shutdown()
        self.session.close()
