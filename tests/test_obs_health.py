"""Stream-health formulas and alarm rules (pure; no OBS needed)."""

from __future__ import annotations

import pytest

from studio.obs import health
from studio.obs.alarms import Alarms, ShowState
from studio.obs.client import ObsState
from studio.obs.health import HealthSample, make_sample, metric_values
from studio.obs.thresholds import DEFAULTS

LIVE = ShowState(1, live=True)
IDLE = ShowState(1, live=False)


def test_bitrate_from_byte_counter_delta() -> None:
    """750,000 bytes in 1 s is 6,000 kbit/s; first reading, reset counter or no time give None."""
    assert health.bitrate_kbps(1_000_000, 10.0, 1_750_000, 11.0) == pytest.approx(6000.0)
    assert health.bitrate_kbps(0, 10.0, 250_000, 12.0) == pytest.approx(1000.0)
    assert health.bitrate_kbps(None, None, 5, 1.0) is None
    assert health.bitrate_kbps(2_000_000, 10.0, 100, 11.0) is None  # output restarted
    assert health.bitrate_kbps(5, 10.0, 10, 10.0) is None


def test_percentages_follow_obs_formulas() -> None:
    """skipped % = output skipped / output total; missed % = render missed / rendered."""
    stats = {
        "outputSkippedFrames": 3,
        "outputTotalFrames": 300,
        "renderSkippedFrames": 30,
        "renderTotalFrames": 600,
        "activeFps": 29.0,
        "averageFrameRenderTime": 12.5,
        "availableDiskSpace": 2048.0,
        "cpuUsage": 40.0,
    }
    stream = {"outputActive": True, "outputSkippedFrames": 20, "outputTotalFrames": 400}
    s = make_sample(100.0, stats, stream, {"outputActive": True}, None)
    assert s.skipped_pct == pytest.approx(1.0)
    assert s.missed_pct == pytest.approx(5.0)
    assert s.dropped_pct == pytest.approx(5.0)
    assert s.stream_state == "live"
    assert s.recording is True
    assert health.pct(1, 0) is None


def test_window_pct_uses_counter_deltas_and_ignores_resets() -> None:
    """Recent drops are judged on the window, so a long clean stream does not hide a burst."""
    assert health.window_pct(0, 9000, 30, 9300) == pytest.approx(10.0)
    assert health.pct(30, 9300) == pytest.approx(0.32, abs=0.01)
    assert health.window_pct(50, 9000, 0, 30) is None
    assert health.window_pct(None, 1, 2, 3) is None


def test_fps_render_and_disk_thresholds() -> None:
    """fps ratio against the target, render time against the frame interval, disk in GB."""
    assert health.target_fps({"fpsNumerator": 30000, "fpsDenominator": 1001}) == pytest.approx(
        29.97, abs=0.01
    )
    assert health.target_fps({"fpsNumerator": 0, "fpsDenominator": 1}) is None
    assert health.fps_ratio(24.0, 30.0) == pytest.approx(0.8)
    assert health.render_load(25.0, 30.0) == pytest.approx(0.75)
    assert health.frame_interval_ms(50.0) == pytest.approx(20.0)
    assert health.disk_status(6 * 1024.0, 5.0, 1.0) == "ok"
    assert health.disk_status(3 * 1024.0, 5.0, 1.0) == "warn"
    assert health.disk_status(512.0, 5.0, 1.0) == "error"
    assert health.disk_status(None, 5.0, 1.0) is None


def test_stream_state_words() -> None:
    """Reconnecting wins over active; no answer is unknown."""
    assert health.stream_state({"outputActive": True, "outputReconnecting": True}) == "reconnecting"
    assert health.stream_state({"outputActive": False}) == "stopped"
    assert health.stream_state(None) == "unknown"


def test_metric_values_are_stream_prefixed_and_skip_unknowns() -> None:
    """A sample becomes stream_* metrics; what OBS did not report is left out."""
    s = HealthSample(at=1.0, stream_state="reconnecting", congestion=0.25, fps=30.0)
    values = metric_values(s)
    assert values == {"stream_congestion_pct": 25.0, "stream_fps": 30.0, "stream_live": 0.5}
    assert all(k in health.STREAM_METRICS for k in values)


def _sample(**kw: object) -> HealthSample:
    base: dict[str, object] = {
        "at": 1.0,
        "stream_state": "live",
        "recording": False,
        "fps": 30.0,
        "target_fps": 30.0,
        "render_ms": 5.0,
        "disk_free_mb": 100 * 1024.0,
        "recent_dropped_pct": 0.0,
        "recent_skipped_pct": 0.0,
    }
    base.update(kw)
    return HealthSample(**base)  # type: ignore[arg-type]


def _active(conditions: list, key: str):  # type: ignore[no-untyped-def]
    found = [c for c in conditions if c.key == key]
    return found[0] if found and found[0].active else None


def test_dropped_frames_warn_then_error_after_two_polls() -> None:
    """> 1 % warns (severity 2), > 5 % is an error (severity 1), after two bad polls."""
    alarms = Alarms(dict(DEFAULTS))
    assert (
        _active(alarms.evaluate(_sample(recent_dropped_pct=2.0), LIVE), "obs.dropped_frames")
        is None
    )
    warn = _active(alarms.evaluate(_sample(recent_dropped_pct=2.0), LIVE), "obs.dropped_frames")
    assert warn is not None and warn.severity == 2 and "2.0%" in warn.message
    err = _active(alarms.evaluate(_sample(recent_dropped_pct=12.0), LIVE), "obs.dropped_frames")
    assert err is not None and err.severity == 1 and "congested" in err.message
    for _ in range(3):
        out = alarms.evaluate(_sample(recent_dropped_pct=0.0), LIVE)
    assert _active(out, "obs.dropped_frames") is None


def test_fps_and_render_alarms() -> None:
    """fps under 95 % warns, under 80 % errors; render over 75 % of the interval warns."""
    alarms = Alarms({**DEFAULTS, "raise_after": 1})
    out = alarms.evaluate(_sample(fps=27.0, render_ms=26.0), LIVE)
    fps = _active(out, "obs.fps_low")
    assert fps is not None and fps.severity == 2
    assert _active(out, "obs.render_slow") is not None
    fps = _active(alarms.evaluate(_sample(fps=20.0), LIVE), "obs.fps_low")
    assert fps is not None and fps.severity == 1
    assert (
        _active(alarms.evaluate(_sample(fps=29.9), LIVE), "obs.fps_low") is not None
    )  # clears slowly


def test_stream_down_only_during_a_live_show_that_is_not_a_rehearsal() -> None:
    """Stopped after the grace polls, reconnecting at once; rehearsals and idle shows never."""
    alarms = Alarms(dict(DEFAULTS))
    assert _active(alarms.evaluate(_sample(stream_state="reconnecting"), LIVE), "obs.stream_down")
    for _ in range(int(DEFAULTS["stream_down_after"]) - 1):
        assert not _active(
            alarms.evaluate(_sample(stream_state="stopped"), LIVE), "obs.stream_down"
        )
    down = _active(alarms.evaluate(_sample(stream_state="stopped"), LIVE), "obs.stream_down")
    assert down is not None and down.severity == 1
    calm = Alarms(dict(DEFAULTS))
    rehearsal = ShowState(1, live=True, rehearsal=True)
    for _ in range(5):
        assert not _active(
            calm.evaluate(_sample(stream_state="stopped"), rehearsal), "obs.stream_down"
        )
        assert not _active(calm.evaluate(_sample(stream_state="stopped"), IDLE), "obs.stream_down")


def test_recording_stop_is_an_incident_unless_we_asked_for_it() -> None:
    """A recording that stops by itself during the show raises; our own StopRecord does not."""
    alarms = Alarms(dict(DEFAULTS))
    alarms.evaluate(_sample(recording=True), LIVE)
    assert _active(alarms.evaluate(_sample(recording=False), LIVE), "obs.recording_stopped")
    polite = Alarms(dict(DEFAULTS))
    polite.evaluate(_sample(recording=True), LIVE)
    polite.expect_recording_stop()
    assert not _active(polite.evaluate(_sample(recording=False), LIVE), "obs.recording_stopped")


def test_disk_low_levels() -> None:
    """Under 5 GB is severity 3, under 1 GB severity 2."""
    alarms = Alarms(dict(DEFAULTS))
    low = _active(alarms.evaluate(_sample(disk_free_mb=3 * 1024.0), LIVE), "obs.disk_low")
    assert low is not None and low.severity == 3
    low = _active(alarms.evaluate(_sample(disk_free_mb=500.0), LIVE), "obs.disk_low")
    assert low is not None and low.severity == 2


def test_connection_alarm_only_once_connected_or_live() -> None:
    """A never-started OBS outside a show is quiet; once seen, its loss is an incident."""
    alarms = Alarms(dict(DEFAULTS))
    assert not alarms.connection(ObsState.DISCONNECTED, "refused", IDLE, False).active
    lost = alarms.connection(ObsState.DISCONNECTED, "reset", IDLE, True)
    assert lost.active and lost.severity == 3
    assert alarms.connection(ObsState.CONNECTING, "x", LIVE, False).severity == 1
    auth = alarms.connection(ObsState.AUTH_FAILED, "wrong", IDLE, False)
    assert auth.active and "password" in auth.message
