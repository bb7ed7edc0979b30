"""Live analysis for the GUI: a thread takes the capture's newest frame, analyses it, feeds the
monitor and keeps the newest result and a rolling window for "Run check". Analysis may skip
frames; capture never waits for it.

Two modes. `full` (the check card is on screen): every frame is analysed, so the rolling check
measures frame-rate things like flicker, and a preview is made at `preview_width`. Watching
(`full = False`, the card hidden during a show): only what the live alarms need — frozen and
black pictures for the monitor, at most `watch_hz` frames a second, no preview and no rolling
check (the last one stays). Every analysis takes the GIL between its OpenCV calls; at 30 frames
a second that was what kept the GUI thread waiting.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from studio.devices.camera.analyzer import FrameAnalyzer, FrameStats
from studio.devices.camera.camera_check import CheckResult, summarise
from studio.devices.camera.capture import Capture, Frame
from studio.devices.camera.evaluate import evaluate_explained
from studio.devices.camera.monitor import LiveMonitor

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LiveResult:
    frame: Frame
    stats: FrameStats
    preview: npt.NDArray[Any] | None  # BGR, at most `preview_width` wide, zebra drawn in
    preview_scale: float  # preview pixels per frame pixel


ZEBRA_GREY = (40, 40, 40)
_stripes: dict[tuple[int, int], npt.NDArray[np.uint8]] = {}
_greys: dict[tuple[int, ...], npt.NDArray[np.uint8]] = {}


def _stripe_mask(h: int, w: int, phase: int) -> npt.NDArray[np.uint8]:
    """255 on the zebra's stripes (pixels with ((x + y + phase) // 4) even), else 0; one
    pattern per preview size, 8 columns wider, so each phase is a view of it."""
    base = _stripes.get((h, w))
    if base is None:
        if len(_stripes) > 8:  # a resized preview: forget the old sizes
            _stripes.clear()
        yy, xx = np.ogrid[:h, : w + 8]
        base = np.where(((xx + yy) // 4) % 2 == 0, 255, 0).astype(np.uint8)
        _stripes[(h, w)] = base
    return base[:, phase % 8 : phase % 8 + w]


def zebra(preview: npt.NDArray[Any], clip_level: int, phase: int = 0) -> None:
    """Diagonal stripes over clipped highlights, in place (what camera viewfinders show).

    OpenCV throughout (it releases the GIL; numpy masks over a whole picture would hold it)."""
    gray = cv2.cvtColor(preview, cv2.COLOR_BGR2GRAY)
    _, mask = cv2.threshold(gray, clip_level - 1, 255, cv2.THRESH_BINARY)  # gray >= clip_level
    if not cv2.countNonZero(mask):
        return
    h, w = gray.shape
    cv2.bitwise_and(mask, np.ascontiguousarray(_stripe_mask(h, w, phase)), dst=mask)
    grey = _greys.get(preview.shape)
    if grey is None:
        _greys.clear()
        grey = _greys[preview.shape] = np.full(preview.shape, ZEBRA_GREY, dtype=np.uint8)
    cv2.copyTo(grey, mask, preview)  # in place: `preview` has the size and type of `grey`


def downscale(img: npt.NDArray[Any], width: int) -> npt.NDArray[Any]:
    """`img` `width` pixels wide (aspect kept), cheaply: an area average by the largest power
    of two within the factor (OpenCV's fast path, which needs exact integer ratios: the odd
    last rows and columns are left out), then bilinear for the rest, which is less than 2x and
    so cannot alias much. A plain area resize by a fractional factor (1280 -> 960) costs four
    to ten times as much."""
    h, w = img.shape[:2]
    if width >= w:
        return img
    height = max(1, round(h * width / w))
    n = 1 << ((w // width).bit_length() - 1)  # a power of two: even stripes average out
    if n >= 2 and h >= 2 * n:
        img = img[: h - h % n, : w - w % n]
        img = cv2.resize(img, (img.shape[1] // n, img.shape[0] // n), interpolation=cv2.INTER_AREA)
    if img.shape[1] == width and img.shape[0] == height:
        return img
    return cv2.resize(img, (width, height), interpolation=cv2.INTER_LINEAR)


def single_threaded_opencv() -> None:
    """One OpenCV thread per caller: the live analysis runs beside the GUI on two cores, where
    OpenCV's worker pool only added threads that spin-wait between the many small calls of a
    frame (a sixth of a core in the soak) and made each frame slower, not faster."""
    cv2.setNumThreads(1)


class RateGate:
    """At most `hz` events a second: `due(now)` is True at most once per 1/hz of `now`."""

    def __init__(self, hz: float) -> None:
        self.period = 1.0 / hz if hz > 0 else 0.0
        self._next: float | None = None

    def due(self, now: float) -> bool:
        if self._next is not None and now < self._next:
            return False
        # Step from the due time, not from `now`, so the rate holds on average; but never
        # build up a backlog after a pause.
        base = now if self._next is None or now - self._next > self.period else self._next
        self._next = base + self.period
        return True

    def wait_s(self, now: float) -> float:
        """Seconds until the next event may happen."""
        return 0.0 if self._next is None else max(0.0, self._next - now)


class LiveAnalysis:
    def __init__(
        self,
        capture: Capture,
        cfg: dict[str, Any],
        monitor: LiveMonitor | None = None,
        window_s: float = 5.0,
        preview_width: int | None = 960,
        snapshot_every_s: float = 1.0,
        full: bool = True,
        watch_hz: float = 5.0,
    ) -> None:
        self.capture = capture
        self.cfg = cfg
        self.monitor = monitor
        self.window_s = window_s
        self._analyzer = FrameAnalyzer(cfg)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._newest: LiveResult | None = None
        self._window: deque[FrameStats] = deque()
        self.preview_width = preview_width
        self.zebra = True
        self._snapshot_every_s = snapshot_every_s
        self._snapshot: CheckResult | None = None
        self.analysed = 0
        self.analysis_ms = 0.0  # smoothed cost per frame
        self.full = full  # the GUI switches it as the check card is shown and hidden
        self._watch = RateGate(watch_hz)

    def start(self) -> LiveAnalysis:
        single_threaded_opencv()
        self._thread = threading.Thread(target=self._run, name="camera-analysis", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def newest(self) -> LiveResult | None:
        with self._lock:
            return self._newest

    def window(self) -> list[FrameStats]:
        with self._lock:
            return list(self._window)

    def latest_snapshot(self) -> CheckResult | None:
        """The rolling check result, refreshed by the worker every `snapshot_every_s`."""
        with self._lock:
            return self._snapshot

    def snapshot(self, kind: str = "camera", min_span_s: float = 1.0) -> CheckResult | None:
        """A check result from the last `window_s` of analysed frames; None until they span
        `min_span_s` (a frame rate or flicker from a handful of frames would be noise)."""
        stats = self.window()
        if len(stats) < 2 or stats[-1].ts - stats[0].ts < min_span_s:
            return None
        t0, t1 = stats[0].ts, stats[-1].ts
        ts = [t for t in self.capture.timestamps() if t0 <= t <= t1]
        metrics = summarise(stats, ts, self.capture.info, self.cfg, losses=0)
        explained = evaluate_explained(metrics, self.cfg, kind)
        spec = self.capture.spec
        return CheckResult(
            kind,
            spec.label if spec.kind == "device" else str(spec.value),
            int(metrics["width"]),
            int(metrics["height"]),
            len(stats),
            metrics["fps_measured"],
            metrics,
            [f for f, _ in explained],
            {f.check: reasons for f, reasons in explained},
        )

    def _preview(self, frame: Frame) -> tuple[npt.NDArray[Any] | None, float]:
        if self.preview_width is None:
            return None, 1.0
        img = frame.image
        if img.ndim == 2:
            img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
        w = img.shape[1]
        if w > self.preview_width:
            k = self.preview_width / w
            # Averaged, not point-sampled: a preview must not alias fine detail into moiré.
            img = downscale(img, self.preview_width)
        else:
            k = 1.0
            img = img.copy()  # the zebra is drawn in: never on the capture's frame
        if self.zebra:
            zebra(img, int(self.cfg["exposure"]["clip_level"]), frame.seq % 8)
        return img, k

    def _take(self) -> Frame | None:
        """The next frame to analyse: the newest one, and in watching mode only when due (the
        thread sleeps in between instead of waking for every frame)."""
        if self.full:
            return self.capture.get(timeout=0.1)
        wait = self._watch.wait_s(time.monotonic())
        if wait > 0:
            self._stop.wait(min(wait, 0.1))
            return None
        frame = self.capture.get(timeout=0.1)
        if frame is not None:
            self._watch.due(time.monotonic())
        return frame

    def _run(self) -> None:
        last_update = last_snapshot = 0.0
        window_full = self.full
        while not self._stop.is_set():
            full = self.full
            if full != window_full:  # a window at another rate would fool the rolling check
                window_full = full
                with self._lock:
                    self._window.clear()
            frame = self._take()
            if frame is not None:
                started = time.perf_counter()
                try:
                    stats = self._analyzer.analyse(frame.image, frame.ts)
                except Exception:  # a malformed frame must not end the preview
                    log.exception("camera analysis failed")
                    continue
                cost = (time.perf_counter() - started) * 1000.0
                preview, scale = self._preview(frame) if full else (None, 1.0)
                self.analysis_ms = (
                    cost if not self.analysed else 0.9 * self.analysis_ms + 0.1 * cost
                )
                self.analysed += 1
                with self._lock:
                    self._newest = LiveResult(frame, stats, preview, scale)
                    self._window.append(stats)
                    while self._window and stats.ts - self._window[0].ts > self.window_s:
                        self._window.popleft()
                    if self._window and stats.ts < self._window[0].ts:  # file looped
                        self._window.clear()
                        self._window.append(stats)
                if self.monitor is not None:
                    self.monitor.feed(stats)
            now = time.monotonic()
            if full and self._snapshot_every_s and now - last_snapshot >= self._snapshot_every_s:
                last_snapshot = now
                try:
                    snap = self.snapshot()
                except Exception:
                    log.exception("camera rolling check failed")
                    snap = None
                if snap is not None:
                    with self._lock:
                        self._snapshot = snap
            if self.monitor is not None and now - last_update >= 0.2:
                last_update = now
                info = self.capture.info
                self.monitor.update(
                    self.capture.state.value,
                    self.capture.timestamps()[-120:],
                    info.fps if info else None,
                )
