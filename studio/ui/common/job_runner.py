"""One worker thread for the review and planning panels: database reads, report writing.

Jobs run in order on a `studio.ui.common.qt_jobs.SerialWorker`; results and progress arrive on the
GUI thread. The thread stops by itself when idle, and `shutdown()` drains and joins it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.ui.common.qt_jobs import SerialWorker

Job = Callable[[Callable[[int], None]], Any]  # receives a progress(percent) callback


class JobRunner(QObject):
    progress = Signal(int)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._worker = SerialWorker(self, name)

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._worker.submit(job, on_done, on_error, on_progress=self.progress.emit)

    @property
    def busy(self) -> bool:
        return self._worker.busy

    def shutdown(self) -> None:
        self._worker.shutdown()
