"""Stream health from OBS's counters: pure functions, no I/O.

The percentages are OBS's own (its Stats dock):
- dropped (network): stream output skipped frames / stream output total frames (GetStreamStatus)
- skipped (encoding lag): output skipped frames / output total frames (GetStats)
- missed (rendering lag): render skipped frames / render total frames (GetStats)
Those counters run since the output started, so a burst of drops late in a long show barely moves
them; the alarms therefore also look at the same ratio over the last few seconds (`window_pct`).
Bitrate is the stream's byte counter difference over the time between two polls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from studio.metrics.names import METRICS, STREAM_NAMES

MB_PER_GB = 1024.0


def pct(part: float | None, total: float | None) -> float | None:
    """part / total in percent; None when there is nothing to divide by."""
    if part is None or total is None or total <= 0:
        return None
    return 100.0 * max(0.0, float(part)) / float(total)


def bitrate_kbps(
    prev_bytes: int | None, prev_at: float | None, now_bytes: int | None, now_at: float
) -> float | None:
    """kbit/s from two readings of a byte counter; None for the first reading, a counter that
    went back (the output restarted) or no time between readings."""
    if prev_bytes is None or prev_at is None or now_bytes is None:
        return None
    dt = now_at - prev_at
    if dt <= 0 or now_bytes < prev_bytes:
        return None
    return (now_bytes - prev_bytes) * 8.0 / 1000.0 / dt


def window_pct(
    prev_bad: int | None, prev_total: int | None, now_bad: int | None, now_total: int | None
) -> float | None:
    """The bad/total ratio between two readings of cumulative counters (e.g. the last 10 s)."""
    if None in (prev_bad, prev_total, now_bad, now_total):
        return None
    assert prev_bad is not None and prev_total is not None
    assert now_bad is not None and now_total is not None
    if now_total < prev_total or now_bad < prev_bad:
        return None  # counters reset: the output restarted
    return pct(now_bad - prev_bad, now_total - prev_total)


def target_fps(video: Mapping[str, Any] | None) -> float | None:
    """The configured frame rate from GetVideoSettings (numerator / denominator)."""
    if not video:
        return None
    num, den = video.get("fpsNumerator"), video.get("fpsDenominator")
    if not num or not den:
        return None
    return float(num) / float(den)


def fps_ratio(active_fps: float | None, target: float | None) -> float | None:
    if active_fps is None or not target:
        return None
    return float(active_fps) / target


def frame_interval_ms(target: float | None) -> float | None:
    return 1000.0 / target if target else None


def render_load(render_ms: float | None, target: float | None) -> float | None:
    """Average render time as a fraction of the frame interval (1.0 = no headroom left)."""
    interval = frame_interval_ms(target)
    if render_ms is None or interval is None:
        return None
    return float(render_ms) / interval


def disk_status(free_mb: float | None, warn_gb: float, error_gb: float) -> str | None:
    """ "ok", "warn" or "error" for the free space of the recording disk (None: unknown)."""
    if free_mb is None:
        return None
    gb = free_mb / MB_PER_GB
    if gb < error_gb:
        return "error"
    if gb < warn_gb:
        return "warn"
    return "ok"


def stream_state(stream: Mapping[str, Any] | None) -> str:
    """ "live", "reconnecting", "stopped", or "unknown" when OBS did not say."""
    if stream is None:
        return "unknown"
    if stream.get("outputReconnecting"):
        return "reconnecting"
    return "live" if stream.get("outputActive") else "stopped"


def _num(d: Mapping[str, Any] | None, key: str) -> float | None:
    if not d:
        return None
    v = d.get(key)
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _int(d: Mapping[str, Any] | None, key: str) -> int | None:
    v = _num(d, key)
    return None if v is None else int(v)


@dataclass(frozen=True)
class Counters:
    """The cumulative counters one poll read, kept to difference against later polls."""

    at: float
    stream_bytes: int | None = None
    stream_dropped: int | None = None
    stream_frames: int | None = None
    output_skipped: int | None = None
    output_frames: int | None = None
    render_missed: int | None = None
    render_frames: int | None = None


def counters(
    at: float, stats: Mapping[str, Any] | None, stream: Mapping[str, Any] | None
) -> Counters:
    return Counters(
        at=at,
        stream_bytes=_int(stream, "outputBytes"),
        stream_dropped=_int(stream, "outputSkippedFrames"),
        stream_frames=_int(stream, "outputTotalFrames"),
        output_skipped=_int(stats, "outputSkippedFrames"),
        output_frames=_int(stats, "outputTotalFrames"),
        render_missed=_int(stats, "renderSkippedFrames"),
        render_frames=_int(stats, "renderTotalFrames"),
    )


@dataclass(frozen=True)
class HealthSample:
    """One poll, ready for the store, the alarms and the screen. None: OBS did not say."""

    at: float
    stream_state: str = "unknown"
    recording: bool | None = None
    bitrate_kbps: float | None = None
    congestion: float | None = None  # 0..1, OBS's output congestion
    dropped_pct: float | None = None  # network, since the stream started
    skipped_pct: float | None = None  # encoding lag, since OBS started outputting
    missed_pct: float | None = None  # rendering lag, since OBS started
    recent_dropped_pct: float | None = None  # the same ratios over the alarm window
    recent_skipped_pct: float | None = None
    recent_missed_pct: float | None = None
    fps: float | None = None
    target_fps: float | None = None
    render_ms: float | None = None
    cpu_pct: float | None = None
    disk_free_mb: float | None = None
    scene: str | None = None
    counters: Counters | None = None

    @property
    def fps_ratio(self) -> float | None:
        return fps_ratio(self.fps, self.target_fps)

    @property
    def render_load(self) -> float | None:
        return render_load(self.render_ms, self.target_fps)

    @property
    def worst_recent_drop_pct(self) -> float | None:
        """The worst of network drops and encoder skips over the window (what viewers see)."""
        values = [
            v
            for v in (
                self.recent_dropped_pct
                if self.recent_dropped_pct is not None
                else self.dropped_pct,
                self.recent_skipped_pct
                if self.recent_skipped_pct is not None
                else self.skipped_pct,
            )
            if v is not None
        ]
        return max(values) if values else None


def make_sample(
    at: float,
    stats: Mapping[str, Any] | None,
    stream: Mapping[str, Any] | None,
    record: Mapping[str, Any] | None,
    video: Mapping[str, Any] | None,
    *,
    previous: Counters | None = None,
    window_start: Counters | None = None,
    scene: str | None = None,
) -> HealthSample:
    """A HealthSample from one poll's answers; `previous` is the last poll (bitrate) and
    `window_start` the poll at the start of the alarm window (recent percentages)."""
    now = counters(at, stats, stream)
    prev = previous
    rate = (
        bitrate_kbps(prev.stream_bytes, prev.at, now.stream_bytes, at) if prev is not None else None
    )
    w = window_start
    return HealthSample(
        at=at,
        stream_state=stream_state(stream),
        recording=None if record is None else bool(record.get("outputActive")),
        bitrate_kbps=rate,
        congestion=_num(stream, "outputCongestion"),
        dropped_pct=pct(now.stream_dropped, now.stream_frames),
        skipped_pct=pct(now.output_skipped, now.output_frames),
        missed_pct=pct(now.render_missed, now.render_frames),
        recent_dropped_pct=None
        if w is None
        else window_pct(w.stream_dropped, w.stream_frames, now.stream_dropped, now.stream_frames),
        recent_skipped_pct=None
        if w is None
        else window_pct(w.output_skipped, w.output_frames, now.output_skipped, now.output_frames),
        recent_missed_pct=None
        if w is None
        else window_pct(w.render_missed, w.render_frames, now.render_missed, now.render_frames),
        fps=_num(stats, "activeFps"),
        target_fps=target_fps(video),
        render_ms=_num(stats, "averageFrameRenderTime"),
        cpu_pct=_num(stats, "cpuUsage"),
        disk_free_mb=_num(stats, "availableDiskSpace"),
        scene=scene,
        counters=now,
    )


# The `stream_*` metrics a sample becomes (all measurements: stored in `value_real`), with their
# English labels; the metric table (studio.metrics.names) is the single source of both.
STREAM_METRICS: dict[str, str] = {name: METRICS[name].en for name in STREAM_NAMES}


def metric_values(sample: HealthSample) -> dict[str, float]:
    """The sample as `stream_*` metric values (what OBS did not say is left out)."""
    live = {"live": 1.0, "reconnecting": 0.5, "stopped": 0.0}.get(sample.stream_state)
    values: dict[str, float | None] = {
        "stream_bitrate_kbps": sample.bitrate_kbps,
        "stream_congestion_pct": None if sample.congestion is None else 100.0 * sample.congestion,
        "stream_dropped_pct": sample.dropped_pct,
        "stream_skipped_pct": sample.skipped_pct,
        "stream_missed_pct": sample.missed_pct,
        "stream_fps": sample.fps,
        "stream_render_ms": sample.render_ms,
        "stream_cpu_pct": sample.cpu_pct,
        "stream_disk_free_gb": None
        if sample.disk_free_mb is None
        else sample.disk_free_mb / MB_PER_GB,
        "stream_live": live,
        "stream_recording": None if sample.recording is None else float(sample.recording),
    }
    return {k: round(v, 4) for k, v in values.items() if v is not None}
