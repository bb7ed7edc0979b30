"""The rundown as the server drives it: one store-backed `RunnerSession`, behind a small interface.

The server never runs a second runner. Headless (`studio serve`) it owns a `SessionRundown`;
inside the GUI app the shell hands it an adapter whose `act` runs on the GUI thread against the
app's own session (the one that holds the lease). Either way a station that does not hold the
lease gets `NotDriving` naming who drives, and the server answers 409.

`act` blocks (it commits a CueEvent first): the server calls it on a worker thread, never on its
event loop. `snapshot()`, `script` and `driver` read immutable state and are safe from any thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from studio.runner.session import NotDriving, RunnerSession
from studio.runner.state import Snapshot
from studio.script.model import Script
from studio.store.changes import Change

log = logging.getLogger(__name__)

# What the API accepts -> what the runner calls the action.
ACTIONS = {
    "start": "start",
    "next": "next",
    "previous": "prev",
    "hold": "hold",
    "resume": "resume",
    "toggle-hold": "hold_toggle",  # one Stream Deck button for hold and resume
    "jump": "jump",
}


class ActFailed(RuntimeError):
    """The transition could not be stored (the database is away); the runner did not move."""


@dataclass(frozen=True)
class Outcome:
    moved: bool  # False: the action did not apply here (next after the last cue, hold on hold)


class Rundown(Protocol):
    @property
    def script(self) -> Script: ...

    @property
    def driver(self) -> str | None:
        """The station driving when it is not this one (None: this station drives)."""
        ...

    def snapshot(self) -> Snapshot: ...

    def act(self, action: str, index: int | None = None) -> Outcome:
        """Blocking; raises NotDriving or ActFailed."""
        ...

    def on_change(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` (any thread) after every transition this station applied or
        followed; returns the unsubscribe function."""
        ...


class Listeners:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[Callable[[], None]] = []

    def add(self, callback: Callable[[], None]) -> Callable[[], None]:
        with self._lock:
            self._items.append(callback)

        def remove() -> None:
            with self._lock:
                if callback in self._items:
                    self._items.remove(callback)

        return remove

    def fire(self) -> None:
        with self._lock:
            items = list(self._items)
        for cb in items:
            try:
                cb()
            except Exception:
                log.exception("rundown listener failed")


class SessionRundown:
    """A `RunnerSession` for a headless server: transitions serialised by a lock, other
    stations' CueEvents followed, and a segment's product presented when it is entered (as the
    control room does)."""

    def __init__(self, session: RunnerSession, *, products_follow: bool = True) -> None:
        self.session = session
        self.products_follow = products_follow
        self._lock = threading.Lock()
        self._listeners = Listeners()
        self._unsubscribe = session.store.bus.subscribe(self._on_store_change)

    @property
    def script(self) -> Script:
        return self.session.script

    @property
    def driver(self) -> str | None:
        return self.session.driver

    def snapshot(self) -> Snapshot:
        return self.session.snapshot()

    def on_change(self, callback: Callable[[], None]) -> Callable[[], None]:
        return self._listeners.add(callback)

    def _on_store_change(self, change: Change) -> None:  # any thread
        if change.table == "cue_event" and change.show_id == self.session.show_id and change.remote:
            with self._lock:
                self.session.follow()
            self._listeners.fire()

    def act(self, action: str, index: int | None = None) -> Outcome:
        with self._lock:
            before = self.session.snapshot()
            try:
                transition = self.session.act(action, index)
            except NotDriving:
                raise
            except Exception as exc:
                log.exception("api: could not store %s", action)
                raise ActFailed(str(exc)) from exc
            segment = None
            if transition is not None:
                segment = self.session.entered_segment(before, self.session.snapshot())
        if transition is None:
            return Outcome(False)
        if segment is not None and self.products_follow:
            from studio.products.cues import on_segment_reached

            try:
                on_segment_reached(
                    self.session.store, self.session.show_id, segment, clock=self.session.clock
                )
            except Exception as exc:
                log.warning("products did not follow segment %s: %s", segment.id, exc)
        self._listeners.fire()
        return Outcome(True)

    def close(self) -> None:
        self._unsubscribe()
        self.session.close()
