"""The live camera analysis costs little while nobody looks at it: watching mode analyses a
bounded number of frames for the live alarms only (no preview, no rolling check), the rate gate
holds its rate, and the zebra drawn with OpenCV is the same picture as the numpy definition."""

from __future__ import annotations

import itertools
import threading
import time
from typing import Any

import numpy as np
import pytest

from studio.devices.camera.capture import Capture
from studio.devices.camera.live import LiveAnalysis, RateGate, downscale, zebra
from studio.devices.camera.monitor import FROZEN, LiveMonitor
from studio.devices.camera.sources import SourceSpec
from studio.devices.camera.thresholds import DEFAULTS


class _Camera:
    """A 100 fps camera whose picture changes every frame, or stands still (`still`)."""

    def __init__(self) -> None:
        self.still = threading.Event()
        self.n = 0

    def open(self, spec: SourceSpec, open_timeout: float, read_timeout: float) -> _Camera:
        return self

    def isOpened(self) -> bool:
        return True

    def read(self) -> tuple[bool, Any]:
        time.sleep(0.01)
        if not self.still.is_set():
            self.n += 1
        rng = np.random.default_rng(self.n)
        return True, rng.integers(30, 220, (72, 128, 3), dtype=np.uint8)

    def get(self, prop: int) -> float:
        return {3: 128.0, 4: 72.0, 5: 100.0}.get(prop, 0.0)

    def set(self, prop: int, value: float) -> bool:
        return True

    def getBackendName(self) -> str:
        return "FAKE"

    def release(self) -> None:
        pass


def _reference_zebra(preview: Any, clip_level: int, phase: int) -> None:
    """The zebra's definition: grey on clipped pixels where ((x + y + phase) // 4) is even."""
    gray = 0.299 * preview[..., 2] + 0.587 * preview[..., 1] + 0.114 * preview[..., 0]
    h, w = gray.shape
    yy, xx = np.ogrid[:h, :w]
    stripes = ((xx + yy + phase) // 4) % 2 == 0
    preview[(np.rint(gray) >= clip_level) & stripes] = (40, 40, 40)


@pytest.mark.parametrize("shape", [(54, 96, 3), (37, 71, 3)])
def test_zebra_draws_the_defined_stripes_on_clipped_pixels_only(
    shape: tuple[int, int, int],
) -> None:
    """OpenCV's zebra greys exactly the clipped pixels on the stripes, for every phase."""
    rng = np.random.default_rng(3)
    grey_levels = rng.integers(200, 256, shape[:2], dtype=np.uint8)
    image = np.repeat(grey_levels[..., None], 3, axis=2)  # grey: luma is the value itself
    for phase in range(10):
        ours, reference = image.copy(), image.copy()
        zebra(ours, 235, phase)
        _reference_zebra(reference, 235, phase)
        assert (ours == reference).all(), phase
        assert (ours != image).any()


def test_zebra_leaves_an_unclipped_picture_alone() -> None:
    """A picture with nothing clipped is not touched."""
    image = np.full((40, 64, 3), 120, np.uint8)
    before = image.copy()
    zebra(image, 235, 2)
    assert (image == before).all()


def test_rate_gate_lets_through_at_most_its_rate() -> None:
    """Events offered every 10 ms pass five times a second, and a pause builds no backlog."""
    gate = RateGate(5.0)
    passed = [t / 1000 for t in range(0, 2000, 10) if gate.due(t / 1000)]
    assert len(passed) == 10
    assert all(b - a > 0.1 for a, b in itertools.pairwise(passed))
    assert gate.due(10.0) and not gate.due(10.05) and gate.wait_s(10.05) == pytest.approx(0.15)


def _wait(condition: Any, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return bool(condition())


def test_watching_analyses_few_frames_and_still_raises_the_frozen_alarm() -> None:
    """Hidden, the analysis takes at most its watch rate of a 100 fps camera, makes no preview
    and no rolling check, and a picture that stands still still raises 'frozen'."""
    camera = _Camera()
    heard: list[tuple[str, bool]] = []
    monitor = LiveMonitor(DEFAULTS, lambda k, a, _m: heard.append((k, a)))
    cap = Capture(SourceSpec("device", 0), opener=camera.open)
    live = LiveAnalysis(
        cap, DEFAULTS, monitor, snapshot_every_s=0.1, preview_width=None, full=False, watch_hz=5
    )
    cap.start()
    try:
        assert _wait(lambda: cap.frames > 0)
        started, frames0 = time.monotonic(), cap.frames
        live.start()
        camera.still.set()
        assert _wait(lambda: (FROZEN, True) in heard)
        elapsed = time.monotonic() - started
        assert live.analysed <= 5 * elapsed + 2
        assert cap.frames - frames0 > 2 * live.analysed  # the camera ran faster than that
        newest = live.newest()
        assert newest is not None and newest.preview is None
        assert live.latest_snapshot() is None
    finally:
        live.stop()
        cap.stop()


def test_shown_again_analyses_every_frame_with_preview_and_rolling_check() -> None:
    """Switching back to full mode brings the preview and the rolling check back."""
    camera = _Camera()
    cap = Capture(SourceSpec("device", 0), opener=camera.open)
    live = LiveAnalysis(
        cap, DEFAULTS, None, snapshot_every_s=0.1, preview_width=None, full=False, watch_hz=5
    )
    cap.start()
    live.start()
    try:
        assert _wait(lambda: live.analysed >= 2)
        live.preview_width, live.full = 64, True
        assert _wait(lambda: live.latest_snapshot() is not None)
        snap = live.latest_snapshot()
        assert snap is not None and snap.frames > 10
        newest = live.newest()
        assert newest is not None and newest.preview is not None
        assert newest.preview.shape[1] == 64
    finally:
        live.stop()
        cap.stop()


@pytest.mark.parametrize("width", [960, 640, 500, 333, 1279])
def test_downscale_keeps_the_aspect_and_averages_fine_detail(width: int) -> None:
    """The preview's cheap downscale has the asked width and the frame's aspect, and averages
    one-pixel stripes to an even grey instead of aliasing them into moiré."""
    frame = np.zeros((720, 1280, 3), np.uint8)
    frame[:, ::2] = 255  # one-pixel stripes: the finest detail a frame can have
    out = downscale(frame, width)
    assert out.shape == (round(720 * width / 1280), width, 3)
    if width <= 640:  # averaged by a whole factor first: no stripe survives
        assert float(out.std()) < 2.0 and abs(float(out.mean()) - 127.5) < 2.0
    assert downscale(frame, 2000) is frame
