"""Live analysis for the GUI: a thread takes the capture's newest frame, analyses it, feeds the
monitor and keeps the newest result and a rolling window for "Run check". Analysis may skip
frames; capture never waits for it."""

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


def zebra(preview: npt.NDArray[Any], clip_level: int, phase: int = 0) -> None:
    """Diagonal stripes over clipped highlights, in place (what camera viewfinders show)."""
    gray = cv2.cvtColor(preview, cv2.COLOR_BGR2GRAY)
    mask = gray >= clip_level
    if not mask.any():
        return
    h, w = gray.shape
    yy, xx = np.ogrid[:h, :w]
    stripes = ((xx + yy + phase) // 4) % 2 == 0
    preview[mask & stripes] = (40, 40, 40)


class LiveAnalysis:
    def __init__(
        self,
        capture: Capture,
        cfg: dict[str, Any],
        monitor: LiveMonitor | None = None,
        window_s: float = 5.0,
        preview_width: int | None = 960,
        snapshot_every_s: float = 1.0,
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

    def start(self) -> LiveAnalysis:
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
            # INTER_AREA: a preview must not alias fine detail into moiré.
            img = cv2.resize(
                img,
                (self.preview_width, max(1, round(img.shape[0] * k))),
                interpolation=cv2.INTER_AREA,
            )
        else:
            k = 1.0
            img = img.copy()  # the zebra is drawn in: never on the capture's frame
        if self.zebra:
            zebra(img, int(self.cfg["exposure"]["clip_level"]), frame.seq % 8)
        return img, k

    def _run(self) -> None:
        last_update = last_snapshot = 0.0
        while not self._stop.is_set():
            frame = self.capture.get(timeout=0.1)
            if frame is not None:
                started = time.perf_counter()
                try:
                    stats = self._analyzer.analyse(frame.image, frame.ts)
                except Exception:  # a malformed frame must not end the preview
                    log.exception("camera analysis failed")
                    continue
                cost = (time.perf_counter() - started) * 1000.0
                preview, scale = self._preview(frame)
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
            if self._snapshot_every_s and now - last_snapshot >= self._snapshot_every_s:
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
