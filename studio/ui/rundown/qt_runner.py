"""The cue runner for the GUI: the pure runner + CueEvent writer, as Qt signals.

Built for a stored show, it always replays the show's CueEvents first, so opening a show that
was live when the app died resumes it exactly (same cue, elapsed and over/under).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from studio.runner.recovery import rebuild_runner
from studio.runner.state import InvalidTransition, Plan, Snapshot, Transition
from studio.script.model import Script
from studio.script.store_io import load_script, replace_script
from studio.store.changes import Change
from studio.store.models import Show
from studio.store.store import Store
from studio.timeutil import Clock

log = logging.getLogger(__name__)

TICK_MS = 250  # 4 Hz: countdowns show whole seconds, so this is smooth without waste


class QtRunner(QObject):
    changed = Signal()  # after every stored transition (and after a script edit)
    _remote_change = Signal()  # a CueEvent written by another station (queued to the GUI thread)
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
        self._script = load_script(store, show_id)
        if not self._script.segments:
            raise ValueError(f"show {show_id} has no segments")
        # A follower (the anchor's PC, or a controller that does not hold the lease) replays
        # the events but never writes a `recover` event of its own.
        self._live = rebuild_runner(store, show_id, clock, record=not follower)
        with store.session() as s:
            show = s.get(Show, show_id)
            self._is_rehearsal = bool(show and show.is_rehearsal)
            self.title = show.title if show else self._script.title
        self.last_error = ""
        # Another station (on a shared database) may drive this show: then this runner only
        # follows, and `driver` names the station that does.
        self.driver: str | None = None
        self._remote_change.connect(self._follow_remote)
        self._unsubscribe = store.bus.subscribe(self._on_store_change)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # -- what the windows read --------------------------------------------------------------
    @property
    def script(self) -> Script:
        return self._script

    @property
    def plan(self) -> Plan:
        return self._live.plan

    @property
    def state(self) -> Snapshot:
        return self._live.snapshot()

    def snapshot(self) -> Snapshot:
        return self._live.snapshot()

    @property
    def is_rehearsal(self) -> bool:
        return self._is_rehearsal

    # -- actions ----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.driver is not None

    def _on_store_change(self, change: Change) -> None:  # any thread
        if change.table == "cue_event" and change.show_id == self.show_id and change.remote:
            self._remote_change.emit()

    def _follow_remote(self) -> None:
        """Replay the show's CueEvents: the other station's transition is now ours to show."""
        self._live = rebuild_runner(self.store, self.show_id, self.clock, record=False)
        self.changed.emit()

    def _act(self, action: str, index: int | None = None) -> Transition | None:
        if self.driver is not None:
            message = f"the rundown is driven by {self.driver}; take it over first"
            self.last_error = message
            self.failed.emit(message)
            return None
        # The CueEvent commit runs inline on the GUI thread: measured here (SQLite WAL, busy
        # 2-core box) median 2 ms, p95 ~20 ms per transition, well below a key repeat. A worker
        # would let the screen show a cue before it is stored, which crash recovery must not see.
        try:
            transition = self._live.act(action, index)
        except InvalidTransition as exc:
            log.info("runner: %s refused: %s", action, exc)
            return None
        except Exception as exc:  # database gone: say so, keep the screen on the stored state
            log.exception("runner: could not store %s", action)
            self.last_error = str(exc)
            self.failed.emit(str(exc))
            return None
        if transition is not None:
            self.changed.emit()
        return transition

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
        replace_script(self.store, self.show_id, script)
        self._script = script
        self._live = rebuild_runner(self.store, self.show_id, self.clock, record=False)
        self.changed.emit()

    def shutdown(self) -> None:
        self._timer.stop()
        self._unsubscribe()
