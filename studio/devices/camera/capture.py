"""The capture worker: one thread reads the source, the newest frame wins a one-slot queue.

A slow consumer never stalls capture (older frames are overwritten and counted), a dead source
is reported within `dead_after_s` (the read itself times out, and `state` also looks at the age
of the last frame in case a backend blocks), and the worker reopens it with backoff. A file is
paced at its native rate with timestamps from CAP_PROP_POS_MSEC, so it behaves like a camera;
`pace=False, lossless=True` hands over every frame as fast as it decodes (for checks on files,
whose measurements use the stream timestamps, never decode speed).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import cv2
import numpy.typing as npt

from studio.devices.camera.sources import SourceSpec

log = logging.getLogger(__name__)
BGR = npt.NDArray[Any]  # 8-bit BGR (cv2 stubs type results loosely)


class State(StrEnum):
    IDLE = "idle"
    OPENING = "opening"
    RUNNING = "running"
    LOST = "lost"  # was running or never opened; reconnecting
    FAILED = "failed"  # never opened and told not to retry (headless checks)
    ENDED = "ended"  # a file reached its end
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class Frame:
    image: BGR
    ts: float  # seconds: stream time for files, arrival time (monotonic) for live sources
    seq: int  # 1, 2, 3... over the capture's life (gaps = frames the consumer skipped)
    arrived: float  # monotonic arrival time


@dataclass(frozen=True, slots=True)
class StreamInfo:
    backend: str
    width: int
    height: int
    fps: float | None  # negotiated (device/stream) or native (file) rate; None if unknown
    requested_width: int | None
    requested_height: int | None
    requested_fps: float | None


Opener = Callable[[SourceSpec, float, float], Any]  # -> object with read/get/set/release/isOpened


def quiet_opencv() -> None:
    """OpenCV logs a WARN line per failed open; we report failures ourselves."""
    with contextlib.suppress(AttributeError):  # builds without the logging utils
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


quiet_opencv()


def open_video(spec: SourceSpec, open_timeout_s: float, read_timeout_s: float) -> Any:
    """cv2.VideoCapture with bounded open/read waits (FFMPEG and others honour these)."""
    params = [
        cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
        int(open_timeout_s * 1000),
        cv2.CAP_PROP_READ_TIMEOUT_MSEC,
        int(read_timeout_s * 1000),
    ]
    api = cv2.CAP_FFMPEG if spec.kind in ("url", "file") else cv2.CAP_ANY
    return cv2.VideoCapture(spec.value, api, params)


StateCallback = Callable[[State, str], None]


class Capture:
    def __init__(
        self,
        spec: SourceSpec,
        *,
        width: int | None = None,
        height: int | None = None,
        fps: float | None = None,
        pace: bool | None = None,
        lossless: bool = False,
        loop: bool = False,
        dead_after_s: float = 1.5,
        open_timeout_s: float = 2.0,
        backoff_s: tuple[float, ...] = (0.2, 0.5, 1.0, 1.5),
        on_state: StateCallback | None = None,
        opener: Opener = open_video,
        keep_timestamps: int = 4000,
        retry_first_open: bool = True,
    ) -> None:
        self.spec = spec
        self._req = (width, height, fps)
        self._pace = (spec.kind == "file") if pace is None else pace
        self._lossless = lossless
        self._loop = loop
        self._retry_first_open = retry_first_open
        self.dead_after_s = dead_after_s
        self._open_timeout_s = open_timeout_s
        self._backoff = backoff_s
        self._on_state = on_state
        self._opener = opener
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._slot: Frame | None = None
        self._latest: Frame | None = None
        self._taken_seq = 0
        self._state = State.IDLE
        self._ts: deque[float] = deque(maxlen=keep_timestamps)
        self.info: StreamInfo | None = None
        self.last_error = ""
        self.frames = 0  # frames read from the source
        self.overwritten = 0  # frames replaced in the slot before anyone took them
        self.reconnects = 0  # successful reopenings after a loss
        self.losses = 0
        self._last_arrival = 0.0

    # -- consumer side ------------------------------------------------------------------
    def start(self) -> Capture:
        if self._thread is not None:
            raise RuntimeError("capture already started")
        self._thread = threading.Thread(
            target=self._run, name=f"camera-capture:{self.spec}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop reading and join the worker (bounded by the open/read timeouts)."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("camera worker for %s did not stop within %.1f s", self.spec, timeout)
        with self._cond:
            self._state = State.STOPPED

    def __enter__(self) -> Capture:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def state(self) -> State:
        """The worker's state, but LOST as soon as frames stop arriving for `dead_after_s`."""
        with self._cond:
            state = self._state
            age = time.monotonic() - self._last_arrival
        if state is State.RUNNING and self._last_arrival and age > self.dead_after_s:
            return State.LOST
        return state

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def get(self, timeout: float | None = None) -> Frame | None:
        """Take the newest frame not taken yet; wait up to `timeout` for one (None: forever)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._slot is None:
                if self._stop.is_set() or self._state in (State.ENDED, State.STOPPED, State.FAILED):
                    return None
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return None
                self._cond.wait(remaining if remaining is not None else 0.5)
            frame, self._slot = self._slot, None
            self._taken_seq = frame.seq
            self._cond.notify_all()
            return frame

    def latest(self) -> Frame | None:
        """The newest frame, taken or not (for a preview that may repaint the same frame)."""
        with self._cond:
            return self._latest

    def timestamps(self, since: float | None = None) -> list[float]:
        """Timestamps of every frame read (not only those taken), newest last."""
        with self._cond:
            ts = list(self._ts)
        return ts if since is None else [t for t in ts if t >= since]

    def wait_state(self, states: set[State], timeout: float) -> State:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            s = self.state
            if s in states:
                return s
            time.sleep(0.02)
        return self.state

    # -- worker side --------------------------------------------------------------------
    def _set_state(self, state: State, message: str = "") -> None:
        with self._cond:
            if self._state is state:
                return
            self._state = state
            self._cond.notify_all()
        log.info("camera %s: %s %s", self.spec, state.value, message)
        if self._on_state is not None:
            try:
                self._on_state(state, message)
            except Exception:  # a listener's bug must not kill capture
                log.exception("camera state callback failed")

    def _open(self) -> Any | None:
        self._set_state(State.OPENING)
        try:
            cap = self._opener(self.spec, self._open_timeout_s, min(1.0, self.dead_after_s))
        except Exception as exc:  # OpenCV raises cv2.error on some bad URLs
            self.last_error = f"{self.spec.label}: {exc}"
            return None
        if cap is None or not cap.isOpened():
            self.last_error = f"{self.spec.label}: cannot open (not found, busy, or no stream)"
            if cap is not None:
                cap.release()
            return None
        w, h, fps = self._req
        if self.spec.kind == "device":
            # Ask before reading: drivers negotiate the nearest mode they support.
            if w:
                cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
            if h:
                cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
            if fps:
                cap.set(cv2.CAP_PROP_FPS, fps)
            cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # latency over completeness for a live camera
        native = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        # FFMPEG reports 1000 or 90000 for streams with no rate of their own.
        neg_fps = native if 0.5 < native <= 480 else None
        try:
            backend = str(cap.getBackendName())
        except Exception:
            backend = ""
        self.info = StreamInfo(
            backend,
            int(cap.get(cv2.CAP_PROP_FRAME_WIDTH) or 0),
            int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0),
            neg_fps,
            w,
            h,
            fps,
        )
        return cap

    def _publish(self, image: BGR, ts: float) -> None:
        now = time.monotonic()
        with self._cond:
            if self._lossless:
                while self._slot is not None and not self._stop.is_set():
                    self._cond.wait(0.5)
            self.frames += 1
            frame = Frame(image, ts, self.frames, now)
            if self._slot is not None:
                self.overwritten += 1
            self._slot = frame
            self._latest = frame
            self._ts.append(ts)
            self._last_arrival = now
            self._cond.notify_all()

    def _read_loop(self, cap: Any) -> bool:
        """Read until the source fails (False) or the file ends / stop is asked (True)."""
        info = self.info
        is_file = self.spec.kind == "file"
        fps = info.fps if info and info.fps else 30.0
        t0_wall: float | None = None
        t0_stream = 0.0
        offset = 0.0  # added to file timestamps when looping, so time keeps increasing
        last_ts = -1.0
        seq_in_file = 0
        while not self._stop.is_set():
            ok, image = cap.read()
            if not ok or image is None:
                if is_file and self._loop and seq_in_file > 0:
                    cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                    offset = last_ts + 1.0 / fps
                    seq_in_file = 0
                    continue
                return is_file
            if self.info is not None and (self.info.width, self.info.height) != (
                image.shape[1],
                image.shape[0],
            ):
                self.info = StreamInfo(
                    **{**_asdict(self.info), "width": image.shape[1], "height": image.shape[0]}
                )
            if is_file:
                pos = float(cap.get(cv2.CAP_PROP_POS_MSEC)) / 1000.0
                ts = (pos if pos > 0 or seq_in_file == 0 else seq_in_file / fps) + offset
                if ts <= last_ts:  # containers without timestamps: count frames instead
                    ts = last_ts + 1.0 / fps
                if self._pace:
                    if t0_wall is None:
                        t0_wall, t0_stream = time.monotonic(), ts
                    delay = t0_wall + (ts - t0_stream) - time.monotonic()
                    if delay > 0 and self._stop.wait(delay):
                        return True
            else:
                ts = time.monotonic()
            seq_in_file += 1
            last_ts = ts
            if self.state is not State.RUNNING:
                self._set_state(State.RUNNING)
            self._publish(image, ts)
        return True

    def _run(self) -> None:
        attempt = 0
        ever_ran = False
        while not self._stop.is_set():
            cap = self._open()
            if cap is None:
                if not ever_ran and not self._retry_first_open:
                    self._set_state(State.FAILED, self.last_error)
                    return
                self._set_state(State.LOST, self.last_error)
            else:
                attempt = 0
                if ever_ran:
                    self.reconnects += 1
                finished = False
                try:
                    finished = self._read_loop(cap)
                    ever_ran = ever_ran or self.frames > 0
                finally:
                    cap.release()
                if finished:
                    if not self._stop.is_set():
                        self._set_state(State.ENDED, "end of file")
                    return
                self.losses += 1
                self.last_error = f"{self.spec.label}: no frames (unplugged or stream stopped)"
                self._set_state(State.LOST, self.last_error)
            delay = self._backoff[min(attempt, len(self._backoff) - 1)]
            attempt += 1
            self._stop.wait(delay)


def _asdict(info: StreamInfo) -> dict[str, Any]:
    return {f: getattr(info, f) for f in StreamInfo.__dataclass_fields__}
