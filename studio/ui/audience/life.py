"""The end of an audience view's life, the same for each of them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QTimer

from studio.ui.common.context import AppContext
from studio.ui.common.qt_jobs import SerialWorker


def stop_view(
    ctx: AppContext,
    on_changed: Callable[[str, object, object], None],
    worker: SerialWorker,
    *timers: QTimer,
) -> None:
    """Stop the view's timers and its worker, and stop following the store's changes (the
    signal may be gone already when the application quits)."""
    for timer in timers:
        timer.stop()
    worker.shutdown()
    with contextlib.suppress(RuntimeError, TypeError):
        ctx.signals.changed.disconnect(on_changed)
