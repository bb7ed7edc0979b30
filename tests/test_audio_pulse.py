"""Through a real audio device: a PulseAudio null sink started for the test, recorded via PortAudio.

Recipe from ENVIRONMENT.md: the daemon and every client share HOME and XDG_RUNTIME_DIR (our own,
under tmp); the check runs as a subprocess so PortAudio initialises with that environment.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

pytestmark = [
    pytest.mark.pulse,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("pulseaudio") is None or shutil.which("paplay") is None,
        reason="pulseaudio / paplay not installed",
    ),
]

FS = 48000


@dataclass
class Pulse:
    env: dict[str, str]
    runtime: Path

    def start(self) -> None:
        args = [
            "pulseaudio",
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "--system=false",
            "--disallow-exit=yes",
            "-n",
            "--load=module-native-protocol-unix",
            "--load=module-null-sink sink_name=test_sink",
            "--load=module-always-sink",
        ]
        subprocess.run(args, env=self.env, check=True, capture_output=True, timeout=20)
        subprocess.run(
            ["pactl", "set-default-sink", "test_sink"], env=self.env, check=True, timeout=10
        )
        subprocess.run(
            ["pactl", "set-default-source", "test_sink.monitor"],
            env=self.env,
            check=True,
            timeout=10,
        )

    @property
    def pid(self) -> int | None:
        try:
            return int((self.runtime / "pulse" / "pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def kill(self) -> None:
        pid = self.pid
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        (self.runtime / "pulse" / "pid").unlink(missing_ok=True)


@pytest.fixture
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pulse]:
    base = tmp_path_factory.mktemp("pa")
    home, runtime = base / "home", base / "xdg"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    server = Pulse(env, runtime)
    server.start()
    try:
        yield server
    finally:
        server.kill()


def tone_file(path: Path, seconds: float = 30.0) -> Path:
    t = np.arange(int(seconds * FS)) / FS
    x = 0.5 * np.sin(2 * np.pi * 1000 * t)
    sf.write(path, np.stack([x, x], axis=1), FS, subtype="PCM_16")
    return path


def test_check_mic_records_a_known_tone_through_pulseaudio(
    pulse: Pulse, tmp_path: Path, db_url: str
) -> None:
    """A 0.5-amplitude 1 kHz tone played into the null sink is measured at -9.03 dBFS RMS, -6.02 peak."""
    wav = tone_file(tmp_path / "tone.wav")
    player = subprocess.Popen(
        ["paplay", str(wav)], env=pulse.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "studio.cli",
                "--db",
                db_url,
                "check",
                "mic",
                "--source",
                "pulse",
                "--seconds",
                "3",
                "--json",
            ],
            env=pulse.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        player.kill()
        player.wait(5)
    assert proc.returncode in (0, 1), proc.stderr
    doc = json.loads(proc.stdout)
    m = doc["metrics"]
    assert doc["samplerate"] == FS and doc["channels"] == 2
    assert m["rms_dbfs"] == pytest.approx(-9.03, abs=0.2)
    assert m["peak_dbfs"] == pytest.approx(-6.02, abs=0.2)
    assert m["true_peak_dbtp"] == pytest.approx(-6.02, abs=0.3)
    assert m["integrated_lufs"] == pytest.approx(-6.0, abs=0.3)
    assert m["channel_balance_db"] == pytest.approx(0.0, abs=0.1)
    assert m["clipped_samples"] == 0 and m["dropouts"] == 0
    loud = next(f for f in doc["findings"] if f["check"] == "loudness")
    assert "lower gain by about 10 dB to reach -16 LUFS" in loud["message"]


def test_unplugged_device_is_reported_and_reopened(
    pulse: Pulse, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killing the sound server is reported as 'lost' within 2 s, and capture resumes when it returns."""
    from studio.devices.audio import devices
    from studio.devices.audio.capture import LOST, RUNNING, DeviceCapture

    monkeypatch.setenv("HOME", pulse.env["HOME"])
    monkeypatch.setenv("XDG_RUNTIME_DIR", pulse.env["XDG_RUNTIME_DIR"])
    assert devices.refresh()  # PortAudio re-scans with the test server's environment
    device = devices.find_device("pulse", devices.list_inputs())
    events: list[tuple[float, str]] = []
    cap = DeviceCapture(device, on_state=lambda s, m: events.append((time.monotonic(), s)))
    cap.start()
    try:
        assert cap.wait_for_data(10.0), cap.message
        pulse.kill()
        killed = time.monotonic()
        while cap.state != LOST and time.monotonic() - killed < 5.0:
            time.sleep(0.02)
        assert cap.state == LOST
        lost_at = next(t for t, s in events if s == LOST)
        assert lost_at - killed <= 2.0
        pulse.start()
        back = time.monotonic()
        written = cap.ring.written
        while (
            not (cap.state == RUNNING and cap.ring.written > written)
            and time.monotonic() - back < 30
        ):
            time.sleep(0.05)
        assert cap.state == RUNNING and cap.ring.written > written
        assert cap.lost_count == 1
    finally:
        cap.stop()
        monkeypatch.undo()
        devices.refresh()
