"""The capture worker: newest frame wins, file pacing from stream timestamps, dead source
detection and automatic reconnection (fake device and a real ffmpeg loopback stream)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from studio.devices.camera import synthetic
from studio.devices.camera.capture import Capture, State
from studio.devices.camera.sources import SourceSpec, parse_source


class FakeDevice:
    """A camera that can be unplugged: read() paces at `fps` while `plugged` is set."""

    def __init__(self, fps: float = 100.0) -> None:
        self.fps = fps
        self.plugged = threading.Event()
        self.plugged.set()
        self.opened = 0
        self.released = 0
        self.n = 0

    def open(self, spec: SourceSpec, open_timeout: float, read_timeout: float) -> FakeDevice.Handle:
        self.opened += 1
        return FakeDevice.Handle(self, read_timeout)

    class Handle:
        def __init__(self, dev: FakeDevice, read_timeout: float) -> None:
            self.dev, self.read_timeout = dev, read_timeout
            self.ok = dev.plugged.is_set()

        def isOpened(self) -> bool:
            return self.ok

        def read(self) -> tuple[bool, np.ndarray | None]:
            if not self.dev.plugged.is_set():
                # Like a real backend: the read blocks until its timeout, then fails.
                self.dev.plugged.wait(self.read_timeout)
                return False, None
            time.sleep(1.0 / self.dev.fps)
            self.dev.n += 1
            return True, np.full((36, 64, 3), self.dev.n % 256, np.uint8)

        def get(self, prop: int) -> float:
            return {3: 64.0, 4: 36.0, 5: self.dev.fps}.get(prop, 0.0)

        def set(self, prop: int, value: float) -> bool:
            return True

        def getBackendName(self) -> str:
            return "FAKE"

        def release(self) -> None:
            self.dev.released += 1


@pytest.fixture
def fake() -> FakeDevice:
    return FakeDevice()


def test_newest_frame_wins_for_a_slow_consumer(fake: FakeDevice) -> None:
    """A consumer slower than the camera gets the newest frame; older ones are overwritten."""
    cap = Capture(SourceSpec("device", 0), opener=fake.open).start()
    try:
        assert cap.get(timeout=2) is not None
        time.sleep(0.3)  # ~30 frames arrive meanwhile
        frame = cap.get(timeout=2)
        assert frame is not None
        assert cap.overwritten > 10
        assert frame.seq >= cap.frames - 1  # it is the newest one
        assert len(cap.timestamps()) == cap.frames  # every frame's time is kept for the stats
    finally:
        cap.stop()
    assert cap.state is State.STOPPED and fake.released == fake.opened


def test_negotiated_format_is_reported(fake: FakeDevice) -> None:
    """Requested and negotiated resolution/rate are both available after opening."""
    cap = Capture(SourceSpec("device", 0), width=1920, height=1080, fps=60, opener=fake.open)
    with cap:
        assert cap.get(timeout=2) is not None
        info = cap.info
        assert info is not None
        assert (info.requested_width, info.requested_height, info.requested_fps) == (1920, 1080, 60)
        assert (info.width, info.height, info.fps, info.backend) == (64, 36, 100.0, "FAKE")


def test_unplug_is_reported_and_replug_recovers(fake: FakeDevice) -> None:
    """Unplugged: LOST within the dead-source window, with a callback; replugged: RUNNING again."""
    states: list[State] = []
    cap = Capture(
        SourceSpec("device", 0),
        opener=fake.open,
        dead_after_s=0.5,
        backoff_s=(0.05, 0.1),
        on_state=lambda s, _m: states.append(s),
    ).start()
    try:
        assert cap.wait_state({State.RUNNING}, 2) is State.RUNNING
        fake.plugged.clear()
        t0 = time.monotonic()
        assert cap.wait_state({State.LOST}, 2) is State.LOST
        assert time.monotonic() - t0 < 2.0
        fake.plugged.set()
        assert cap.wait_state({State.RUNNING}, 3) is State.RUNNING
        assert cap.get(timeout=2) is not None
        assert cap.reconnects == 1 and cap.losses == 1
        assert State.LOST in states and states[-1] is State.RUNNING
    finally:
        cap.stop()
    assert fake.released == fake.opened


def test_stop_while_unplugged_joins_quickly(fake: FakeDevice) -> None:
    """Stopping during reconnect attempts ends the worker (no thread left behind)."""
    fake.plugged.clear()
    cap = Capture(SourceSpec("device", 0), opener=fake.open, backoff_s=(5.0,)).start()
    assert cap.wait_state({State.LOST}, 2) is State.LOST
    cap.stop(timeout=3)
    assert not cap.running


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.write_video(tmp_path_factory.mktemp("cap") / "clean.avi", "clean", seconds=1.0)


def test_file_is_paced_at_native_rate_with_stream_timestamps(clip: Path) -> None:
    """A file plays like a camera: timestamps from the stream (n/30 s), not from decoding."""
    cap = Capture(parse_source(str(clip))).start()
    frames = []
    try:
        while (f := cap.get(timeout=3)) is not None:
            frames.append(f)
    finally:
        cap.stop()
    ts = cap.timestamps()
    assert len(ts) == 30
    assert np.allclose(np.diff(ts), 1 / 30, atol=1e-6)
    wall = frames[-1].arrived - frames[0].arrived
    assert wall > 0.5  # paced, not decoded at full speed (0.97 s of stream)
    assert cap.state is State.STOPPED


def test_lossless_unpaced_file_hands_over_every_frame(clip: Path) -> None:
    """For a file check every frame is analysed, in order, as fast as it decodes."""
    cap = Capture(parse_source(str(clip)), pace=False, lossless=True).start()
    seqs = []
    try:
        while (f := cap.get(timeout=3)) is not None:
            seqs.append(f.seq)
            time.sleep(0.002)  # a slow consumer loses nothing
    finally:
        cap.stop()
    assert seqs == list(range(1, 31)) and cap.overwritten == 0


def test_looping_file_keeps_time_increasing(clip: Path) -> None:
    """A looped file (demo camera) keeps timestamps increasing across the loop."""
    cap = Capture(parse_source(str(clip)), pace=False, lossless=True, loop=True).start()
    try:
        for _ in range(45):
            assert cap.get(timeout=3) is not None
    finally:
        cap.stop()
    ts = cap.timestamps()
    assert len(ts) >= 45 and np.all(np.diff(ts) > 0)


# -- a real live stream: ffmpeg test source over HTTP (multipart JPEG) on loopback -----------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_ffmpeg(port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-re",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=30",
            "-f",
            "mpjpeg",
            "-listen",
            "1",
            f"http://127.0.0.1:{port}",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not _listening(port):
        time.sleep(0.05)
    return proc


def _listening(port: int) -> bool:
    """Is something listening on the port? Read from /proc, because ffmpeg's `-listen 1`
    serves exactly one client and a probing connect() would use it up."""
    try:
        table = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        time.sleep(0.5)
        return True
    return any(
        cols[1].endswith(f":{port:04X}") and cols[3] == "0A"
        for cols in (line.split() for line in table)
    )


@pytest.fixture
def ffmpeg_stream() -> Iterator[tuple[int, list[subprocess.Popen[bytes]]]]:
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is not installed")
    port = _free_port()
    procs = [_start_ffmpeg(port)]
    yield port, procs
    for p in procs:
        if p.poll() is None:
            p.kill()
        p.wait(5)


@pytest.mark.slow
def test_live_loopback_stream_measured_lost_and_recovered(
    ffmpeg_stream: tuple[int, list[subprocess.Popen[bytes]]],
) -> None:
    """ffmpeg's 30 fps stream is measured at ~30 fps; killing it is reported within 2 s;
    a new stream on the same address is picked up again without anyone asking."""
    port, procs = ffmpeg_stream
    cap = Capture(parse_source(f"http://127.0.0.1:{port}"), dead_after_s=1.5).start()
    try:
        assert cap.wait_state({State.RUNNING}, 10) is State.RUNNING
        time.sleep(2.0)
        ts = cap.timestamps()[-45:]
        fps = (len(ts) - 1) / (ts[-1] - ts[0])
        assert 20 < fps < 40
        assert cap.info is not None and (cap.info.width, cap.info.height) == (640, 360)

        procs[0].kill()
        procs[0].wait(5)
        killed = time.monotonic()
        assert cap.wait_state({State.LOST}, 3) is State.LOST
        assert time.monotonic() - killed <= 2.0

        frames_before = cap.frames
        procs.append(_start_ffmpeg(port))
        assert cap.wait_state({State.RUNNING}, 10) is State.RUNNING
        assert cap.get(timeout=3) is not None
        assert cap.frames > frames_before and cap.reconnects == 1
    finally:
        cap.stop()


def test_live_analysis_feeds_monitor_and_rolling_check(fake: FakeDevice) -> None:
    """The analysis thread keeps the newest result, a rolling check, and tells the monitor
    when the camera is lost and back (the hook for auto-incidents)."""
    from studio.devices.camera.live import LiveAnalysis
    from studio.devices.camera.monitor import LOST, LiveMonitor
    from studio.devices.camera.thresholds import DEFAULTS

    heard: list[tuple[str, bool]] = []
    monitor = LiveMonitor(DEFAULTS, lambda k, a, _m: heard.append((k, a)))
    cap = Capture(SourceSpec("device", 0), opener=fake.open, dead_after_s=0.4, backoff_s=(0.05,))
    live = LiveAnalysis(cap, DEFAULTS, monitor, snapshot_every_s=0.2, preview_width=32)
    cap.start()
    live.start()
    try:
        deadline = time.monotonic() + 5
        while live.latest_snapshot() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        snap = live.latest_snapshot()
        assert snap is not None and snap.frames > 10
        assert {f.check for f in snap.findings} >= {"fps", "frozen", "black"}
        newest = live.newest()
        assert newest is not None and newest.preview is not None
        assert newest.preview.shape[1] == 32 and newest.preview_scale == pytest.approx(0.5)
        fake.plugged.clear()
        deadline = time.monotonic() + 3
        while (LOST, True) not in heard and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (LOST, True) in heard
        fake.plugged.set()
        deadline = time.monotonic() + 3
        while (LOST, False) not in heard and time.monotonic() < deadline:
            time.sleep(0.05)
        assert heard[-1] == (LOST, False)
    finally:
        live.stop()
        cap.stop()


@pytest.mark.slow
def test_check_of_a_live_stream_measures_its_rate(
    ffmpeg_stream: tuple[int, list[subprocess.Popen[bytes]]],
) -> None:
    """run_check on the loopback stream: frame rate from arrival times, ~30 fps, no drops."""
    from studio.devices.camera.camera_check import run_check
    from studio.devices.camera.thresholds import DEFAULTS

    port, _procs = ffmpeg_stream
    r = run_check(parse_source(f"http://127.0.0.1:{port}"), 2.0, DEFAULTS)
    assert (r.width, r.height) == (640, 360)
    assert r.fps_measured is not None and 20 < r.fps_measured < 40
    # A 2-core box busy with other work lets the encoder or the reader miss a frame or two
    # (seen twice under load 7-9); a stream that really drops shows many more in 2 s.
    assert r.metrics["black_frames"] == 0 and r.metrics["losses"] <= 3
    fps = next(f for f in r.findings if f.check == "fps")
    assert fps.status in ("pass", "warn")  # warn only if this busy machine jitters
