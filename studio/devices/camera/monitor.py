"""Live conditions from a running camera: lost, frozen, black, frame rate low.

Pure Python and clock-injected. Feed it every analysed frame (`feed`) and the capture's state
now and then (`update`); it calls `on_condition(key, active, message)` when a condition switches
on (after holding for its `*_on_s`) or off (after `off_after_s` without it). The incident
helper hooks auto-incidents to these callbacks.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from studio.devices.camera.framerate import frame_timing
from studio.i18n_marks import QT_TRANSLATE_NOOP, Template

if TYPE_CHECKING:  # the analyzer pulls in OpenCV; the incidents panel reads CONDITION_TEXTS
    from studio.devices.camera.analyzer import FrameStats

log = logging.getLogger(__name__)

LOST = "camera.lost"
FROZEN = "camera.frozen"
BLACK = "camera.black"
FPS_LOW = "camera.fps_low"
KEYS = (LOST, FROZEN, BLACK, FPS_LOW)

_FROZEN = QT_TRANSLATE_NOOP(
    "CameraConditions", "Camera picture frozen: check the capture box and the camera's output"
)
_BLACK = QT_TRANSLATE_NOOP(
    "CameraConditions", "Camera picture black: check the lens cap, HDMI cable and capture input"
)
_LOST = QT_TRANSLATE_NOOP("CameraConditions", "Camera lost — reconnecting…")
_FPS_LOW = QT_TRANSLATE_NOOP(
    "CameraConditions", "Camera frame rate low: {fps:.1f} fps of {expected:g}"
)
_RECOVERED = QT_TRANSLATE_NOOP("CameraConditions", "{message} — recovered")
# Per condition key, every template its messages are made from: the GUI reads an incident's
# stored English text back into template + parameters to show it translated.
CONDITION_TEXTS: dict[str, tuple[Template, ...]] = {
    LOST: (_LOST, _RECOVERED),
    FROZEN: (_FROZEN, _RECOVERED),
    BLACK: (_BLACK, _RECOVERED),
    FPS_LOW: (_FPS_LOW, _RECOVERED),
}

ConditionCallback = Callable[[str, bool, str], None]


class _Hysteresis:
    def __init__(self, on_s: float, off_s: float) -> None:
        self.on_s, self.off_s = on_s, off_s
        self.active = False
        self._bad_since: float | None = None
        self._ok_since: float | None = None

    def observe(self, bad: bool, now: float) -> bool | None:
        """True/False when the condition switches on/off, else None."""
        if bad:
            self._ok_since = None
            if self._bad_since is None:
                self._bad_since = now
            if not self.active and now - self._bad_since >= self.on_s:
                self.active = True
                return True
        else:
            self._bad_since = None
            if self._ok_since is None:
                self._ok_since = now
            if self.active and now - self._ok_since >= self.off_s:
                self.active = False
                return False
        return None


class LiveMonitor:
    def __init__(
        self,
        cfg: dict[str, Any],
        on_condition: ConditionCallback | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`cfg` is the profile's camera section (thresholds.DEFAULTS merged with overrides)."""
        mc = cfg["monitor"]
        self._clock = clock
        self._cfg = mc
        self._lock = threading.Lock()
        self._callbacks: list[ConditionCallback] = []
        if on_condition is not None:
            self._callbacks.append(on_condition)
        off = float(mc["off_after_s"])
        self._conds = {
            LOST: _Hysteresis(0.0, 0.0),  # the capture already waited before calling it lost
            FROZEN: _Hysteresis(float(mc["frozen_on_s"]), off),
            BLACK: _Hysteresis(float(mc["black_on_s"]), off),
            FPS_LOW: _Hysteresis(float(mc["fps_window_s"]), off),
        }
        self._messages: dict[str, str] = {}

    def subscribe(self, callback: ConditionCallback) -> Callable[[], None]:
        """Add a listener; returns the function that removes it."""
        with self._lock:
            self._callbacks.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return unsubscribe

    def active(self) -> dict[str, str]:
        """Conditions on now, with their messages."""
        with self._lock:
            return {k: self._messages.get(k, "") for k, c in self._conds.items() if c.active}

    def feed(self, stats: FrameStats, now: float | None = None) -> None:
        now = self._clock() if now is None else now
        self._observe(FROZEN, stats.frozen, now, _FROZEN)
        self._observe(BLACK, stats.black, now, _BLACK)

    def update(
        self,
        state: str,
        timestamps: Sequence[float],
        expected_fps: float | None,
        now: float | None = None,
    ) -> None:
        """`state` is the capture's State value; `timestamps` its recent frame timestamps."""
        now = self._clock() if now is None else now
        lost = state in ("lost", "failed")
        self._observe(LOST, lost, now, _LOST)
        window = float(self._cfg["fps_window_s"])
        recent = [t for t in timestamps if timestamps and t >= timestamps[-1] - window]
        fps = frame_timing(recent).fps_measured if len(recent) >= 3 else None
        expected = expected_fps or 30.0
        low = not lost and fps is not None and fps < float(self._cfg["fps_low_ratio"]) * expected
        msg = _FPS_LOW.format(fps=fps, expected=expected) if fps else ""
        self._observe(FPS_LOW, low, now, msg)

    def _observe(self, key: str, bad: bool, now: float, message: str) -> None:
        with self._lock:
            change = self._conds[key].observe(bad, now)
            if change is None:
                return
            if change:
                self._messages[key] = message
            text = message if change else _RECOVERED.format(message=self._messages.get(key, key))
            callbacks = list(self._callbacks)
        for cb in callbacks:
            try:
                cb(key, change, text)
            except Exception:  # one listener's bug must not silence the others
                log.exception("camera condition callback failed for %s", key)
