"""Qt adapter for the live audio monitor: a QTimer (30 Hz) reads the newest levels and emits them.

Reading `LiveMonitor.latest()` is a single attribute read, so the GUI thread never waits on the
device. Conditions reported by the monitor thread arrive as a queued Qt signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from studio.devices.audio.monitor import LevelSnapshot, LiveMonitor


class QtAudio(QObject):
    levels = Signal(object)  # LevelSnapshot, at up to `rate_hz`
    condition = Signal(str, bool, str)  # key, active, message (from the monitor thread, queued)

    def __init__(
        self,
        monitor: LiveMonitor | None = None,
        parent: QObject | None = None,
        rate_hz: float = 30.0,
    ) -> None:
        super().__init__(parent)
        self._monitor: LiveMonitor | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._last: LevelSnapshot | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(max(10, int(1000 / max(25.0, rate_hz))))
        self._timer.timeout.connect(self._tick)
        if monitor is not None:
            self.set_monitor(monitor)

    @property
    def monitor(self) -> LiveMonitor | None:
        return self._monitor

    def set_monitor(self, monitor: LiveMonitor | None) -> None:
        """Follow another monitor (or none); the caller owns starting and stopping it."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._monitor = monitor
        self._last = None
        if monitor is None:
            self._timer.stop()
            return
        self._unsubscribe = monitor.subscribe(self.condition.emit)
        self._timer.start()

    def latest(self) -> LevelSnapshot | None:
        return None if self._monitor is None else self._monitor.latest()

    def _tick(self) -> None:
        if self._monitor is None:
            return
        snap = self._monitor.latest()
        if snap is not self._last:
            self._last = snap
            self.levels.emit(snap)

    def stop(self) -> None:
        self.set_monitor(None)
