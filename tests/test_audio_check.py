"""Mic check findings and advice, the guided check, the live monitor's conditions and file capture."""

from __future__ import annotations

import numpy as np
import pytest

from studio.devices.audio import mic_check as check
from studio.devices.audio.capture import ENDED, ArrayCapture
from studio.devices.audio.monitor import LiveMonitor

FS = 48000


def tone(amp: float, seconds: float, freq: float = 1000.0, channels: int = 2) -> np.ndarray:
    t = np.arange(int(seconds * FS)) / FS
    return np.repeat((amp * np.sin(2 * np.pi * freq * t))[:, None], channels, axis=1)


def speechy(seconds: float, peak: float, seed: int = 0) -> np.ndarray:
    from scipy import signal

    rng = np.random.default_rng(seed)
    n = int(seconds * FS)
    t = np.arange(n) / FS
    env = signal.lfilter([0.005], [1, -0.995], (np.sin(2 * np.pi * 3.1 * t) > 0).astype(float))
    b, a = signal.butter(2, [200 / (FS / 2), 4000 / (FS / 2)], "band")
    x = signal.lfilter(b, a, rng.standard_normal(n)) * env
    x = peak * x / np.max(np.abs(x))
    return np.stack([x, x], axis=1) + rng.standard_normal((n, 2)) * 1e-5


def by_check(result: check.CheckResult) -> dict[str, object]:
    return {f.check: f for f in result.findings}


def test_metrics_follow_the_json_contract() -> None:
    """Every contract metric is present and JSON-safe; every finding check is one of the eight."""
    r = check.analyse(speechy(4, 0.3), FS, source="x.wav")
    assert set(r.metrics) == {
        "peak_dbfs",
        "true_peak_dbtp",
        "rms_dbfs",
        "integrated_lufs",
        "momentary_lufs_max",
        "short_term_lufs_max",
        "loudness_range_lu",
        "noise_floor_dbfs",
        "clipped_samples",
        "hum_hz",
        "channel_balance_db",
        "dc_offset",
        "dropouts",
    }
    assert [f.check for f in r.findings] == list(check.CHECKS)
    assert set(r.as_json()) == {"source", "samplerate", "channels", "metrics", "findings", "status"}


def test_quiet_speech_gets_gain_advice_to_the_target() -> None:
    """Speech 6 LU under the -16 LUFS target: a warning to raise the gain by about 6 dB."""
    x = speechy(5, 0.3)
    from studio.devices.audio.loudness import integrated_loudness

    x = x * 10 ** ((-22.0 - integrated_loudness(x, FS)) / 20)  # exactly -22 LUFS
    f = by_check(check.analyse(x, FS))["loudness"]
    assert f.status == "warn"
    assert "raise gain by about 6 dB to reach -16 LUFS" in f.message
    assert f.value == pytest.approx(-22.0, abs=0.1)


def test_on_target_speech_passes_loudness() -> None:
    """Speech at -16 LUFS passes, and the target comes from the thresholds (profile)."""
    from studio.devices.audio.loudness import integrated_loudness

    x = speechy(5, 0.3)
    x = x * 10 ** ((-16.0 - integrated_loudness(x, FS)) / 20)
    assert by_check(check.analyse(x, FS))["loudness"].status == "pass"
    f = by_check(check.analyse(x, FS, thresholds={"target_lufs": -23.0}))["loudness"]
    assert f.status == "warn" and "lower gain by about 7 dB to reach -23 LUFS" in f.message


def test_clipped_sine_fails_clipping() -> None:
    """A sine driven into the rails fails the clipping check and counts the clipped samples."""
    x = np.clip(tone(1.6, 3), -1, 1)
    r = check.analyse(x, FS)
    f = by_check(r)["clipping"]
    assert f.status == "fail" and "Lower the gain" in f.message
    assert r.metrics["clipped_samples"] == int(np.sum(np.abs(x) >= 0.999))
    assert r.status == "fail"


def test_silence_fails_signal_with_advice() -> None:
    """Digital silence fails the signal check and says what to look at; exit status is fail."""
    r = check.analyse(np.zeros((FS * 3, 2)), FS)
    sig = by_check(r)["signal"]
    assert sig.status == "fail" and "muted" in sig.message
    assert by_check(r)["loudness"].status == "fail"
    assert r.metrics["integrated_lufs"] is None and r.metrics["peak_dbfs"] is None


def test_very_low_noise_only_input_is_no_signal() -> None:
    """A live input with only -80 dBFS of noise is 'no signal' (e.g. phantom power off)."""
    x = np.random.default_rng(0).standard_normal((FS * 3, 1)) * 1e-4
    sig = by_check(check.analyse(x, FS))["signal"]
    assert sig.status == "fail" and "phantom" in sig.message


def test_hum_found_in_the_quiet_step() -> None:
    """50 Hz hum in the quiet step is reported with the cable / ground-loop advice."""
    rng = np.random.default_rng(2)
    quiet = tone(0.004, 3, freq=50) + rng.standard_normal((FS * 3, 2)) * 1e-4
    r = check.analyse(speechy(5, 0.4), FS, quiet=quiet)
    f = by_check(r)["hum"]
    assert r.metrics["hum_hz"] == 50.0
    assert f.status == "warn" and "hum at 50 hz" in f.message.lower() and "ground loop" in f.message


def test_noise_floor_and_snr_from_the_quiet_step() -> None:
    """A -50 dBFS quiet step warns about noise; a -80 dBFS one passes with a large SNR."""
    rng = np.random.default_rng(3)
    speech = speechy(5, 0.4)
    noisy = check.analyse(speech, FS, quiet=rng.standard_normal((FS * 3, 2)) * 10 ** (-50 / 20))
    clean = check.analyse(speech, FS, quiet=rng.standard_normal((FS * 3, 2)) * 10 ** (-80 / 20))
    assert noisy.metrics["noise_floor_dbfs"] == pytest.approx(-50, abs=1.5)
    assert by_check(noisy)["noise"].status in ("warn", "fail")
    assert by_check(clean)["noise"].status == "pass"
    assert clean.extra["snr_db"] > 50


def test_unbalanced_stereo_and_dead_channel() -> None:
    """A 6 dB left/right difference warns; a silent channel asks for a mono source."""
    x = speechy(4, 0.4)
    x[:, 1] *= 0.5
    r = check.analyse(x, FS)
    assert r.metrics["channel_balance_db"] == pytest.approx(6.0, abs=0.1)
    assert by_check(r)["balance"].status == "warn"
    x[:, 1] = 0.0
    f = by_check(check.analyse(x, FS))["balance"]
    assert f.status == "warn" and "mono" in f.message


def test_dc_offset_is_reported() -> None:
    """A 0.05 DC offset shows in the metrics and as a signal warning."""
    x = speechy(4, 0.3) + 0.05
    r = check.analyse(x, FS)
    assert r.metrics["dc_offset"] == pytest.approx(0.05, abs=2e-3)
    assert by_check(r)["signal"].status == "warn"


def test_dropouts_and_a_lost_device() -> None:
    """Overflows warn (many fail); a device lost during the check fails the dropouts check."""
    x = speechy(3, 0.3)
    assert by_check(check.analyse(x, FS, dropouts=2))["dropouts"].status == "warn"
    assert by_check(check.analyse(x, FS, dropouts=50))["dropouts"].status == "fail"
    assert by_check(check.analyse(x, FS, device_lost=True))["dropouts"].status == "fail"


def test_guided_check_collects_quiet_then_speech() -> None:
    """The guided check fills the quiet step then the speech step from the capture, in order."""
    quiet = np.random.default_rng(4).standard_normal((FS // 2, 2)) * 1e-4
    audio = np.concatenate([quiet, speechy(1.5, 0.3)]).astype(np.float32)
    cap = ArrayCapture(audio, FS, paced=False)
    g = check.GuidedCheck(cap, {"quiet_seconds": 0.5, "speech_seconds": 1.0})
    g.start()
    cap.start()
    try:
        steps = set()
        for _ in range(200):
            p = g.tick()
            steps.add(p.step)
            if p.step == "done":
                break
            cap.wait_for_data(1.0)
            import time

            time.sleep(0.01)
    finally:
        cap.stop()
    assert "done" in steps
    np.testing.assert_array_equal(g.audio("quiet"), audio[: FS // 2])
    np.testing.assert_array_equal(g.audio("speech"), audio[FS // 2 : FS // 2 + FS])
    r = g.result()
    assert r.metrics["noise_floor_dbfs"] == pytest.approx(-80, abs=1.5)
    assert r.extra["snr_db"] is not None


def test_record_from_a_file_capture_until_it_ends() -> None:
    """record() returns the capture's audio; a file that ends early gives what it had."""
    audio = tone(0.5, 1.0).astype(np.float32)
    cap = ArrayCapture(audio, FS, paced=False)
    cap.start()
    try:
        got, dropouts, lost = check.record(cap, 2.0)
    finally:
        cap.stop()
    assert got.shape == audio.shape and dropouts == 0 and not lost
    assert cap.state in (ENDED, "stopped")


def test_monitor_raises_and_clears_mic_silent() -> None:
    """5 s of silence raises mic_silent once; signal coming back clears it."""
    events: list[tuple[str, bool]] = []
    cap = ArrayCapture(np.zeros((10, 1), np.float32), FS)
    mon = LiveMonitor(cap, on_condition=lambda k, a, m: events.append((k, a)))
    block = np.zeros((FS // 10, 1))
    for _ in range(49):
        mon.feed(block)
    assert events == []
    mon.feed(block)
    mon.feed(block)
    assert events == [("mic_silent", True)]
    mon.feed(tone(0.1, 0.1, channels=1))
    assert events == [("mic_silent", True), ("mic_silent", False)]


def test_monitor_clipping_burst() -> None:
    """Clipped runs (3 or more) within 2 s raise clipping_burst; 5 s without clipping clears it."""
    events: list[tuple[str, bool, str]] = []
    cap = ArrayCapture(np.zeros((10, 1), np.float32), FS)
    mon = LiveMonitor(cap)
    mon.subscribe(lambda k, a, m: events.append((k, a, m)))
    clean = tone(0.3, 0.1, channels=1)
    clipped = np.clip(tone(3.0, 0.001, channels=1), -1, 1)  # one cycle: two clipped crests
    for _ in range(3):
        mon.feed(clipped)
        mon.feed(clean)
    assert [e[:2] for e in events] == [("clipping_burst", True)]
    assert "lower the gain" in events[0][2]
    for _ in range(51):
        mon.feed(clean)
    assert [e[:2] for e in events] == [("clipping_burst", True), ("clipping_burst", False)]
    snap = mon.latest()
    assert snap.clip_runs == 6 and snap.momentary_lufs == pytest.approx(-13.5, abs=0.2)


def test_monitor_thread_reads_a_paced_file() -> None:
    """The monitor thread follows a real-time file capture and its snapshot shows the level."""
    import time

    cap = ArrayCapture(tone(0.5, 1.0), FS, paced=True, loop=True)
    mon = LiveMonitor(cap)
    cap.start()
    mon.start()
    try:
        deadline = time.monotonic() + 5
        while mon.latest().frames < FS // 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        snap = mon.latest()
    finally:
        mon.stop()
        cap.stop()
    assert snap.frames >= FS // 2
    assert snap.peak_dbfs[0] == pytest.approx(-6.02, abs=0.1)
    assert snap.rms_dbfs[0] == pytest.approx(-9.03, abs=0.1)
