"""The mic check card and the live meters, offscreen, driven by a real audio file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

FS = 48000
SHOTS = Path("/tmp/shots")


def _speechy(seconds: float, level: float, seed: int = 0) -> np.ndarray:
    from scipy import signal

    rng = np.random.default_rng(seed)
    n = int(seconds * FS)
    t = np.arange(n) / FS
    env = signal.lfilter([0.005], [1, -0.995], (np.sin(2 * np.pi * 3.1 * t) > 0).astype(float))
    b, a = signal.butter(2, [200 / (FS / 2), 4000 / (FS / 2)], "band")
    x = signal.lfilter(b, a, rng.standard_normal(n)) * env
    return level * x / np.max(np.abs(x))


@pytest.fixture
def ctx(tmp_path: Path, store):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from studio.profile import Profile
    from studio.ui.common.context import AppContext, StoreSignals

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    profile = Profile({"mic": {"quiet_seconds": 0.5, "speech_seconds": 1.0}})
    c = AppContext(store=store, profile=profile, settings=settings, signals=StoreSignals(store))
    yield c
    c.signals.close()


@pytest.fixture
def mic_file(tmp_path: Path) -> Path:
    """Quiet noise, then speech-like bursts at about -20 LUFS, with a little 50 Hz hum throughout."""
    rng = np.random.default_rng(1)
    quiet = rng.standard_normal(int(0.6 * FS)) * 0.0003
    speech = _speechy(6.0, 0.3)
    x = np.concatenate([quiet, speech])
    x = x + 0.003 * np.sin(2 * np.pi * 50 * np.arange(x.size) / FS)
    path = tmp_path / "mic.wav"
    sf.write(path, np.stack([x, 0.9 * x], axis=1).astype(np.float32), FS)
    return path


def test_mic_card_guided_check_with_a_file_source(
    qtbot, ctx, mic_file: Path, store, dark_theme
) -> None:  # type: ignore[no-untyped-def]
    """The guided check runs quiet -> speech on a file source, shows a verdict and saves it."""
    from sqlalchemy import select

    from studio.store.models import DeviceCheck
    from studio.ui.checks.mic_card import MicCheckCard

    card = MicCheckCard(ctx)
    qtbot.addWidget(card)
    card.resize(620, 640)
    card.show()
    card.open_source(str(mic_file))
    qtbot.waitUntil(lambda: card.capture is not None and card.run_button.isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: card.meters.momentary_text != "—", timeout=5000)
    card.start_guided_check()
    qtbot.waitUntil(lambda: card.last_result is not None, timeout=10000)
    result = card.last_result
    assert {f.check for f in result.findings} == {
        "signal",
        "clipping",
        "loudness",
        "true_peak",
        "noise",
        "hum",
        "balance",
        "dropouts",
    }
    assert result.metrics["hum_hz"] == 50.0
    assert card.checklist.count() == 8 * 3
    assert card.verdict.text() in ("PASS", "WARN", "FAIL")
    with store.session() as s:
        rows = s.scalars(select(DeviceCheck)).all()
    assert [(r.kind, r.source, r.id) for r in rows] == [("mic", str(mic_file), card.saved_id)]
    # The choice is remembered for next time.
    ctx.settings.beginGroup("mic")
    assert ctx.settings.value("source", "", type=str) == str(mic_file)
    ctx.settings.endGroup()
    SHOTS.mkdir(parents=True, exist_ok=True)
    card.grab().save(str(SHOTS / "mic_card.png"))
    card.shutdown()
    assert card.capture is None and card.monitor is None


def test_mic_card_reports_an_unopenable_source(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A broken file shows a clear message in the card instead of raising."""
    from studio.ui.checks.mic_card import MicCheckCard

    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF not really a wav")
    card = MicCheckCard(ctx)
    qtbot.addWidget(card)
    card.open_source(str(bad))
    qtbot.waitUntil(lambda: "Cannot open" in card.state_label.text(), timeout=5000)
    assert "broken.wav" in card.state_label.text()
    assert not card.run_button.isEnabled()
    card.shutdown()


def test_meters_hold_peaks_and_skip_painting_when_hidden(qtbot, dark_theme) -> None:  # type: ignore[no-untyped-def]
    """Peak hold keeps the highest peak for a while, then falls; hidden meters do not paint."""
    from studio.devices.audio.monitor import LevelSnapshot
    from studio.ui.devices.audio_meters import AudioMeters

    now = [100.0]
    meters = AudioMeters(clock=lambda: now[0])
    qtbot.addWidget(meters)

    def snap(peak: float, lufs: float = -18.0, clip: bool = False) -> LevelSnapshot:
        return LevelSnapshot(
            2,
            (peak, peak - 3),
            (peak - 10, peak - 13),
            lufs,
            lufs - 1,
            clip,
            0,
            0,
            "running",
            "",
            1,
        )

    meters.set_levels(snap(-3.0))
    meters.set_levels(snap(-30.0))
    assert meters.peak_hold_dbfs[0] == -3.0
    now[0] += 3.0  # past the hold time: the marker falls towards the current peak
    meters.set_levels(snap(-30.0))
    assert -30.0 <= meters.peak_hold_dbfs[0] < -3.0
    assert meters.momentary_text == "-18.0"
    meters.resize(520, 120)
    meters.show()
    qtbot.waitExposed(meters)
    meters.set_levels(snap(-0.5, -14.2, clip=True))
    SHOTS.mkdir(parents=True, exist_ok=True)
    meters.grab().save(str(SHOTS / "audio_meters.png"))
    assert meters.painted > 0
    meters.hide()
    before = meters.painted
    meters.set_levels(snap(-10.0))
    qtbot.wait(50)
    assert meters.painted == before


def test_qt_audio_emits_levels_from_a_monitor(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Qt adapter's timer delivers the monitor's newest snapshot as a signal."""
    from studio.devices.audio.capture import ArrayCapture
    from studio.devices.audio.monitor import LiveMonitor
    from studio.ui.devices.qt_audio import QtAudio

    cap = ArrayCapture(np.full((FS, 1), 0.25, np.float32), FS, paced=True, loop=True)
    mon = LiveMonitor(cap)
    cap.start()
    mon.start()
    adapter = QtAudio(mon)
    try:
        with qtbot.waitSignal(
            adapter.levels, timeout=3000, check_params_cb=lambda s: s.frames > 0
        ) as blocker:
            pass
        assert blocker.args[0].peak_dbfs[0] == pytest.approx(-12.04, abs=0.01)
    finally:
        adapter.stop()
        mon.stop()
        cap.stop()
