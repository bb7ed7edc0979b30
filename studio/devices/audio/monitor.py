"""The live audio monitor during a show: meter values for the GUI and ongoing conditions.

A reader thread pulls new frames from the capture's ring buffer about 25 times a second, updates
peak / RMS / momentary and short-term loudness, and reports conditions through listeners
`on_condition(key, active, message)` (called on the monitor thread; the incident helper turns
them into auto-incidents):

- `mic_silent`: the input stayed below `silence_dbfs` for `silent_seconds` of audio.
- `clipping_burst`: `clip_burst_runs` clipped runs within `clip_burst_seconds`; clears after
  `clip_burst_clear_seconds` without clipping.
- `mic_lost`: the device disappeared (capture state "lost"); clears when it is back.

Durations are counted in audio frames, not wall time, so the logic is exact and testable by
feeding blocks (`feed`) without a thread.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from studio.devices.audio import clipping
from studio.devices.audio._util import FLOOR_DB, amp_to_db
from studio.devices.audio.capture import LOST, AudioCapture
from studio.devices.audio.loudness import LoudnessMeter
from studio.devices.audio.thresholds import DEFAULTS
from studio.i18n_marks import QT_TRANSLATE_NOOP, Template

log = logging.getLogger(__name__)

ConditionCallback = Callable[[str, bool, str], None]
RMS_WINDOW_SECONDS = 0.3

_LOST = QT_TRANSLATE_NOOP("MicConditions", "microphone lost: {detail}")
_BACK = QT_TRANSLATE_NOOP("MicConditions", "microphone is back")
_SILENT = QT_TRANSLATE_NOOP("MicConditions", "microphone silent for {secs:.0f} s")
_SIGNAL_BACK = QT_TRANSLATE_NOOP("MicConditions", "microphone signal is back")
_CLIPPING = QT_TRANSLATE_NOOP(
    "MicConditions", "microphone clipping: {runs} clipped runs in {secs:g} s; lower the gain"
)
_NOT_CLIPPING = QT_TRANSLATE_NOOP("MicConditions", "microphone no longer clipping")
# Per condition key, the templates of its messages (the GUI translates incidents with them).
CONDITION_TEXTS: dict[str, tuple[Template, ...]] = {
    "mic_lost": (_LOST, _BACK),
    "mic_silent": (_SILENT, _SIGNAL_BACK),
    "clipping_burst": (_CLIPPING, _NOT_CLIPPING),
}


@dataclass(frozen=True, slots=True)
class LevelSnapshot:
    """What a meter paints; replaced as a whole, so readers never see half an update."""

    channels: int
    peak_dbfs: tuple[float, ...]  # the newest frames since the previous update
    rms_dbfs: tuple[float, ...]  # the last 300 ms
    momentary_lufs: float
    short_term_lufs: float
    clipping: bool  # clipped in the newest frames
    clip_runs: int  # since start
    dropouts: int
    state: str
    message: str
    frames: int  # total frames analysed; changes when there is news


def empty_snapshot(channels: int, state: str = "starting", message: str = "") -> LevelSnapshot:
    floor = (FLOOR_DB,) * channels
    return LevelSnapshot(channels, floor, floor, -np.inf, -np.inf, False, 0, 0, state, message, 0)


class LiveMonitor:
    def __init__(
        self,
        capture: AudioCapture,
        thresholds: dict[str, Any] | None = None,
        on_condition: ConditionCallback | None = None,
        interval: float = 0.04,
    ) -> None:
        self.capture = capture
        self.th = {**DEFAULTS, **(thresholds or {})}
        self.interval = interval
        self._listeners: list[ConditionCallback] = [on_condition] if on_condition else []
        self._listeners_lock = threading.Lock()
        fs = capture.samplerate
        self._fs = fs
        self._meter = LoudnessMeter(fs, capture.channels, history_seconds=10.0)
        self._silent_frames = 0
        self._frames = 0
        self._clip_runs = 0
        self._clip_frames: deque[int] = deque()
        self._last_clip_frame: int | None = None
        self.active: dict[str, bool] = {
            "mic_silent": False,
            "clipping_burst": False,
            "mic_lost": False,
        }
        self._snapshot = empty_snapshot(capture.channels, capture.state, capture.message)
        self._position = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- listeners -------------------------------------------------------------------------
    def subscribe(self, callback: ConditionCallback) -> Callable[[], None]:
        """Add a condition listener; returns a function that removes it."""
        with self._listeners_lock:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return unsubscribe

    def _set(self, key: str, active: bool, message: str) -> None:
        if self.active.get(key) == active:
            return
        self.active[key] = active
        with self._listeners_lock:
            listeners = list(self._listeners)
        for cb in listeners:
            try:
                cb(key, active, message)
            except Exception:
                log.exception("audio condition listener failed for %s", key)

    # -- thread ----------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._position = self.capture.ring.written
        self._thread = threading.Thread(target=self._run, name="audio-monitor", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except Exception:  # keep monitoring; a bad block must not end the show's meters
                log.exception("audio monitor update failed")

    def poll(self) -> None:
        """Read what arrived since the last poll and update (the thread calls this)."""
        data, self._position, _lost = self.capture.ring.read_since(self._position)
        lost = self.capture.state == LOST
        if lost:
            self._set("mic_lost", True, _LOST.format(detail=self.capture.message))
        elif self.active["mic_lost"] and data.shape[0]:
            self._set("mic_lost", False, str(_BACK))
        if data.shape[0]:
            self.feed(data)
        elif (self._snapshot.state, self._snapshot.message) != (
            self.capture.state,
            self.capture.message,
        ):
            s = self._snapshot
            self._snapshot = LevelSnapshot(
                s.channels,
                (FLOOR_DB,) * s.channels,
                s.rms_dbfs,
                s.momentary_lufs,
                s.short_term_lufs,
                False,
                s.clip_runs,
                self.capture.overflows,
                self.capture.state,
                self.capture.message,
                s.frames,
            )

    def latest(self) -> LevelSnapshot:
        return self._snapshot

    # -- analysis --------------------------------------------------------------------------
    def feed(self, block: npt.NDArray[np.floating]) -> None:
        """Update meters and conditions with the next frames (frames, channels)."""
        x = np.asarray(block, dtype=np.float64)
        if x.ndim == 1:
            x = x[:, None]
        n = x.shape[0]
        if n == 0:
            return
        start = self._frames
        self._frames += n
        self._meter.feed(x)
        peaks = np.max(np.abs(x), axis=0)
        silent_level = 10.0 ** (float(self.th["silence_dbfs"]) / 20.0)
        if float(peaks.max()) < silent_level:
            self._silent_frames += n
        else:
            self._silent_frames = 0
        silent_for = self._silent_frames / self._fs
        if silent_for >= float(self.th["silent_seconds"]):
            self._set("mic_silent", True, _SILENT.format(secs=silent_for))
        elif self._silent_frames == 0 and self.active["mic_silent"]:
            self._set("mic_silent", False, str(_SIGNAL_BACK))

        clip = clipping.find_clipping(x, float(self.th["clip_level"]), int(self.th["clip_min_run"]))
        if clip.runs:
            self._clip_runs += clip.runs
            self._last_clip_frame = self._frames
            self._clip_frames.extend([start + n] * clip.runs)
        window = int(float(self.th["clip_burst_seconds"]) * self._fs)
        while self._clip_frames and self._clip_frames[0] < self._frames - window:
            self._clip_frames.popleft()
        if len(self._clip_frames) >= int(self.th["clip_burst_runs"]):
            self._set(
                "clipping_burst",
                True,
                _CLIPPING.format(
                    runs=len(self._clip_frames), secs=float(self.th["clip_burst_seconds"])
                ),
            )
        elif (
            self.active["clipping_burst"]
            and self._last_clip_frame is not None
            and (
                self._frames - self._last_clip_frame
                >= float(self.th["clip_burst_clear_seconds"]) * self._fs
            )
        ):
            self._set("clipping_burst", False, str(_NOT_CLIPPING))

        recent = self.capture.ring.newest(int(RMS_WINDOW_SECONDS * self._fs)) if self._thread else x
        rms = (
            np.sqrt(np.mean(np.square(recent, dtype=np.float64), axis=0))
            if recent.size
            else peaks * 0
        )
        self._snapshot = LevelSnapshot(
            channels=x.shape[1],
            peak_dbfs=tuple(amp_to_db(float(p)) for p in peaks),
            rms_dbfs=tuple(amp_to_db(float(r)) for r in rms),
            momentary_lufs=self._meter.momentary(),
            short_term_lufs=self._meter.short_term(),
            clipping=bool(clip.runs),
            clip_runs=self._clip_runs,
            dropouts=self.capture.overflows,
            state=self.capture.state,
            message=self.capture.message,
            frames=self._frames,
        )
