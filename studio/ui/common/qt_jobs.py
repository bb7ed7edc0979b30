"""One worker thread per panel: database reads/writes and report jobs off the GUI thread.

Jobs run in submission order; results (and progress) are delivered on the GUI thread through
one application-wide relay. The thread ends by itself after a short idle spell, so a panel
dropped without `shutdown()` leaves no thread behind; the next job starts a new one. Results
for an owner that has been destroyed are dropped (a write it started is committed anyway).
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries results from worker threads to the GUI thread.

    One per application, never parented to a panel: a worker finishing after its panel was
    deleted must not emit on a destroyed QObject (that crashes, it does not raise).
    """

    deliver = Signal(object)  # a callable to run on the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, fn: Callable[[], None]) -> None:
        fn()


_relay: _Relay | None = None


def gui_relay() -> _Relay:
    """The relay, created on first use; call from the GUI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class SerialWorker:
    # Long enough that a panel refreshing every second keeps its thread: starting a thread waits
    # on the GUI thread until the new one runs, which on a loaded 2-core PC was up to 0.3 s (the
    # show-day soak caught it at 0.5 s); short enough that a dropped panel's thread soon ends.
    IDLE_SECONDS = 2.0

    def __init__(self, owner: QObject, name: str) -> None:
        self.name = name
        self._relay = gui_relay()
        self._jobs: queue.Queue[tuple[Callable[..., Any], Any, Any, Any] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.alive = True
        # `destroyed` comes from the QObject destructor on the GUI thread: a reliable
        # "stop calling back", unlike asking the wrapper from another thread.
        owner.destroyed.connect(self._owner_gone)

    def _owner_gone(self, *_args: Any) -> None:
        self.alive = False

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def submit(
        self,
        job: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        """Run `job()` — or `job(progress)` when `on_progress` is given — on the worker."""
        with self._lock:
            self._jobs.put((job, on_done, on_error, on_progress))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                item = self._jobs.get(timeout=self.IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._jobs.empty():
                        self._thread = None
                        return
                continue
            if item is None:
                return
            job, on_done, on_error, on_progress = item
            try:
                if on_progress is None:
                    outcome: tuple[bool, Any] = (True, job())
                else:
                    outcome = (True, job(functools.partial(self._progress, on_progress)))
            except Exception as exc:  # delivered to on_error on the GUI thread
                outcome = (False, exc)
            self._relay.deliver.emit(functools.partial(self._deliver, on_done, on_error, outcome))

    def _progress(self, on_progress: Callable[[int], None], pct: int) -> None:
        def show() -> None:
            if self.alive:
                on_progress(int(pct))

        self._relay.deliver.emit(show)

    def _deliver(self, on_done: Any, on_error: Any, outcome: tuple[bool, Any]) -> None:
        ok, value = outcome
        if not ok:
            log.error("%s job failed", self.name, exc_info=value)
        if not self.alive:
            return
        if not ok:
            if on_error is not None:
                on_error(value)
        elif on_done is not None:
            on_done(value)

    # How long `shutdown` waits on the GUI thread for the queued jobs; the thread runs the rest
    # on its own after that (a write it started is still committed).
    SHUTDOWN_WAIT_SECONDS = 10.0

    def shutdown(self) -> None:
        """Run what is queued, then stop the thread and wait for it (a while: a job stuck on a
        slow disk or database must not freeze the window that is closing)."""
        with self._lock:
            thread = self._thread
            if thread is not None:
                self._jobs.put(None)
                self._thread = None
        if thread is not None:
            thread.join(self.SHUTDOWN_WAIT_SECONDS)
            if thread.is_alive():
                log.warning(
                    "%s: jobs still running after %.0f s; they finish in the background",
                    self.name,
                    self.SHUTDOWN_WAIT_SECONDS,
                )
