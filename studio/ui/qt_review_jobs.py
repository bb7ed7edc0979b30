"""One worker thread for the review and planning panels: database reads, report writing.

Jobs run in order; results and progress arrive on the GUI thread through queued signals. The
thread stops by itself when idle, and `shutdown()` drains and joins it.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int], None]], Any]  # receives a progress(percent) callback


class JobRunner(QObject):
    finished = Signal(object, object, object)  # on_done, on_error, (ok, value)
    progress = Signal(int)
    IDLE_SECONDS = 0.5

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._jobs: queue.Queue[tuple[Job, Any, Any] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.finished.connect(self._deliver)

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        with self._lock:
            self._jobs.put((job, on_done, on_error))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()

    def _emit_progress(self, pct: int) -> None:
        if shiboken6.isValid(self):
            with contextlib.suppress(RuntimeError):
                self.progress.emit(int(pct))

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
            job, on_done, on_error = item
            try:
                outcome: tuple[bool, Any] = (True, job(self._emit_progress))
            except Exception as exc:  # handed to on_error on the GUI thread
                outcome = (False, exc)
            if shiboken6.isValid(self):
                with contextlib.suppress(RuntimeError):
                    self.finished.emit(on_done, on_error, outcome)

    def _deliver(self, on_done: Any, on_error: Any, outcome: tuple[bool, Any]) -> None:
        ok, value = outcome
        if not ok:
            log.error("%s job failed", self.name, exc_info=value)
            if on_error is not None:
                on_error(value)
        elif on_done is not None:
            on_done(value)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def shutdown(self) -> None:
        with self._lock:
            thread = self._thread
            if thread is not None:
                self._jobs.put(None)
                self._thread = None
        if thread is not None:
            thread.join()
