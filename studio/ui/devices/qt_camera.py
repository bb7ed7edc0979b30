"""Qt face of the camera: polls the live analysis on a QTimer at the camera's rate and emits
preview images, per-frame stats, capture state, rolling findings and monitor conditions.

The GUI thread never touches the device: capture and analysis run in their own threads
(`studio.devices.camera.capture` / `.live`); here we only wrap the newest preview in a QImage.
The preview is made by the analysis thread at the size the widget shows it
(`set_preview_width`). While the widget is hidden (the card's tab behind another during a
show) the analysis only watches for the live alarms, a few frames a second, makes no preview,
and the timer here only polls state and conditions, a few times a second.
Stopping joins those threads on a helper thread, so the Stop button never freezes the window;
`shutdown()` waits for everything (quit, tests).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

PREVIEW_MAX_WIDTH = 960  # device pixels; a wider widget scales the preview up when painting
HIDDEN_POLL_MS = 200  # state, conditions and findings while no preview is shown


def bgr_to_qimage(img: Any) -> QImage:
    """A QImage that owns a copy of the BGR pixels (the numpy buffer may go away)."""
    h, w = img.shape[:2]
    return QImage(img.data, w, h, int(img.strides[0]), QImage.Format.Format_BGR888).copy()


class QtCamera(QObject):
    frame = Signal(QImage, object)  # preview, LiveResult (stats, preview scale)
    state = Signal(str, str)  # capture state value, message
    findings = Signal(object)  # CheckResult of the rolling window
    condition = Signal(str, bool, str)  # LiveMonitor key, active, message

    def __init__(self, cfg: dict[str, Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cfg = cfg
        self.capture: Any = None
        self.live: Any = None
        self.monitor: Any = None
        self._last_seq = -1
        self._last_state = ""
        self._last_snapshot: Any = None
        self._stoppers: list[threading.Thread] = []
        self._conditions: dict[str, str] = {}
        self.check_status: str | None = None  # the last check run on this source: pass/warn/fail
        self.condition.connect(self._on_condition)
        self._preview_width: int | None = PREVIEW_MAX_WIDTH
        self._timer = QTimer(self)
        self._timer.setInterval(33)
        self._timer.timeout.connect(self._poll)

    @property
    def preview_width(self) -> int | None:
        return self._preview_width

    def set_preview_width(self, width: int | None) -> None:
        """How many device pixels wide the preview is shown (capped at PREVIEW_MAX_WIDTH), or
        None while it is hidden: the analysis then watches only for the live alarms (frozen,
        black, lost, slow) and makes no preview and no rolling check."""
        self._preview_width = None if width is None else max(16, min(PREVIEW_MAX_WIDTH, width))
        if self.live is not None:
            self.live.preview_width = self._preview_width
            self.live.full = self._preview_width is not None
        self._set_interval()

    def _set_interval(self) -> None:
        """Poll at the camera's rate (capped at 60 Hz) while a preview is shown, else slowly."""
        interval = HIDDEN_POLL_MS
        info = self.capture.info if self.capture is not None else None
        if self._preview_width is not None:
            fps = info.fps if info is not None and info.fps else 30.0
            interval = max(16, int(1000 / min(fps, 60.0)))
        if interval != self._timer.interval():
            self._timer.setInterval(interval)

    @property
    def running(self) -> bool:
        return self.capture is not None

    def _on_condition(self, key: str, active: bool, _message: str) -> None:
        if active:
            self._conditions[key] = _message
        else:
            self._conditions.pop(key, None)

    def health(self) -> tuple[str, str]:
        """(state, word) for the status bar's camera light: ok / warn / error / off."""
        cap = self.capture
        if cap is None:
            return "off", self.tr("off")
        st = cap.state.value
        if st in ("lost", "failed"):
            return "error", self.tr("lost")
        if "camera.frozen" in self._conditions:
            return "error", self.tr("frozen")
        if "camera.black" in self._conditions:
            return "error", self.tr("black")
        if st == "opening":
            return "warn", self.tr("opening")
        # The light never says OK over a camera whose last check failed: the status bar and
        # the camera card must tell the same story.
        if self.check_status == "fail":
            return "error", self.tr("check failed")
        if "camera.fps_low" in self._conditions:
            return "warn", self.tr("slow")
        if self.check_status == "warn":
            return "warn", self.tr("check: warnings")
        return "ok", self.tr("live")

    def start(self, spec: Any, loop_files: bool = True) -> None:
        """Open `spec` (a SourceSpec) without blocking: the worker opens it."""
        from studio.devices.camera.capture import Capture
        from studio.devices.camera.live import LiveAnalysis
        from studio.devices.camera.monitor import LiveMonitor

        self.stop()
        self._conditions.clear()
        self.check_status = None  # a new source has not been checked yet
        self.monitor = LiveMonitor(self.cfg, self.condition.emit)
        self.capture = Capture(spec, loop=loop_files).start()
        self.live = LiveAnalysis(
            self.capture,
            self.cfg,
            self.monitor,
            preview_width=self._preview_width,
            full=self._preview_width is not None,
        ).start()
        self._last_seq, self._last_state, self._last_snapshot = -1, "", None
        self._set_interval()
        self._timer.start()
        self._poll()

    def stop(self) -> None:
        """Stop the preview now; the threads are joined in the background."""
        self._timer.stop()
        live, capture = self.live, self.capture
        self.live = self.capture = self.monitor = None
        if capture is None:
            return

        def join() -> None:
            if live is not None:
                live.stop()
            capture.stop()

        t = threading.Thread(target=join, name="camera-stopper", daemon=True)
        t.start()
        self._stoppers = [s for s in self._stoppers if s.is_alive()] + [t]
        self.state.emit("stopped", "")

    def shutdown(self, timeout: float = 6.0) -> None:
        """Stop and wait for every camera thread (window closing, tests)."""
        self.stop()
        for t in self._stoppers:
            t.join(timeout)
        self._stoppers.clear()

    def _poll(self) -> None:
        cap, live = self.capture, self.live
        if cap is None or live is None:
            return
        st = cap.state.value
        if st != self._last_state:
            self._last_state = st
            self.state.emit(st, cap.last_error if st in ("lost", "failed") else "")
        self._set_interval()
        result = live.newest()
        if result is not None and result.frame.seq != self._last_seq and result.preview is not None:
            self._last_seq = result.frame.seq
            self.frame.emit(bgr_to_qimage(result.preview), result)
        snap = live.latest_snapshot()
        if snap is not None and snap is not self._last_snapshot:
            self._last_snapshot = snap
            self.findings.emit(snap)
