"""Run a camera or light check over a source for S seconds: metrics + findings.

Shared by `studio check camera|light` and the Checks card (which summarises its live window
with `summarise` + `evaluate` instead of opening the camera a second time).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from studio.devices.camera import flicker as fl
from studio.devices.camera.analyzer import FrameAnalyzer, FrameStats
from studio.devices.camera.capture import Capture, Frame, State, StreamInfo
from studio.devices.camera.evaluate import Reason, evaluate_explained
from studio.devices.camera.framerate import frame_timing, longest_run_s
from studio.devices.camera.sources import SourceError, SourceSpec
from studio.devices.findings import Finding, Status, worst


@dataclass
class CheckResult:
    kind: str
    source: str
    width: int
    height: int
    frames: int
    fps_measured: float | None
    metrics: dict[str, Any]
    findings: list[Finding]
    # (message key, params) per check: lets the GUI show the messages translated.
    reasons: dict[str, list[Reason]] = field(default_factory=dict)
    status: Status = field(init=False)

    def __post_init__(self) -> None:
        self.status = worst(self.findings)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source": self.source,
            "width": self.width,
            "height": self.height,
            "frames": self.frames,
            "fps_measured": self.fps_measured,
            "metrics": self.metrics,
            "findings": [f.as_json(with_i18n=False) for f in self.findings],
            "status": self.status,
        }


def _median(values: Sequence[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return float(np.median(vals)) if vals else None


def _r(v: float | None, nd: int = 2) -> float | None:
    return None if v is None else round(v, nd)


def summarise(
    stats: Sequence[FrameStats],
    timestamps: Sequence[float],
    info: StreamInfo | None,
    cfg: dict[str, Any],
    losses: int = 0,
) -> dict[str, Any]:
    """One metrics dict from the analysed frames and the timestamps of every frame read."""
    nominal = cfg["fps"]["expected"] or (info.fps if info else None)
    timing = frame_timing(timestamps, nominal)
    fps = timing.fps_measured or nominal or 30.0
    period = 1.0 / fps
    live = [s for s in stats if not s.black]
    ts = [s.ts for s in stats]
    faces = [s for s in live if s.face is not None]
    m: dict[str, Any] = {
        "width": stats[-1].width if stats else (info.width if info else 0),
        "height": stats[-1].height if stats else (info.height if info else 0),
        "requested_width": info.requested_width if info else None,
        "requested_height": info.requested_height if info else None,
        "requested_fps": info.requested_fps if info else None,
        "backend": info.backend if info else "",
        "frames": len(stats),
        "fps_nominal": _r(nominal),
        "fps_measured": _r(timing.fps_measured),
        "interval_ms": _r(timing.interval_ms),
        "jitter_ms": _r(timing.jitter_ms),
        "dropped_frames": timing.dropped_frames,
        "expected_frames": timing.expected_frames,
        "longest_gap_ms": _r(timing.longest_gap_ms),
        "losses": losses,
        "sharpness": _r(_median([s.sharpness for s in live]), 1),
        "face_found_pct": round(100.0 * len(faces) / len(live), 1) if live else 0.0,
        "face_sharpness": _r(_median([s.face_sharpness for s in faces]), 1),
        "luma_mean": _r(_median([s.luma.mean for s in live]), 1),
        "luma_p5": _median([s.luma.p5 for s in live]),
        "luma_p50": _median([s.luma.p50 for s in live]),
        "luma_p95": _median([s.luma.p95 for s in live]),
        "luma_p99": _median([s.luma.p99 for s in live]),
        "clipped_highlights_pct": _r(_median([s.luma.clipped_pct for s in live])) or 0.0,
        "crushed_shadows_pct": _r(_median([s.luma.crushed_pct for s in live])) or 0.0,
        "face_luma_mean": _r(_median([s.face_luma_mean for s in faces]), 1),
        "cct_kelvin": _r(_median([s.white.cct_kelvin for s in live if s.white]), 0),
        "duv": _r(_median([s.white.duv for s in live if s.white]), 4),
        "white_x": _r(_median([s.white.x for s in live if s.white]), 4),
        "white_y": _r(_median([s.white.y for s in live if s.white]), 4),
        "evenness": _r(_median([s.evenness for s in live])),
        "face_lr_stops": _r(_median([s.face_lr_stops for s in faces])),
        "frame_lr_stops": _r(_median([s.frame_lr_stops for s in live])),
        "frozen_frames": sum(s.frozen for s in stats),
        "frozen_longest_s": round(longest_run_s([s.frozen for s in stats], ts, period), 2),
        "black_frames": sum(s.black for s in stats),
        "black_longest_s": round(longest_run_s([s.black for s in stats], ts, period), 2),
        "black_pct": round(100.0 * sum(s.black for s in stats) / len(stats), 1) if stats else 0.0,
    }
    m.update(flicker_metrics(live, fps, cfg["flicker"]))
    return m


def flicker_metrics(stats: Sequence[FrameStats], fps: float, c: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "flicker_hz": None,
        "flicker_depth_pct": None,
        "flicker_light_hz": None,
        "mains_hz": None,
        "banding_hz": None,
        "banding_depth_pct": None,
        "banding_standing": False,
        "bands_per_frame": None,
        "flicker_measured": False,
    }
    if len(stats) < 8 or stats[-1].ts - stats[0].ts < c["min_seconds"]:
        return out
    out["flicker_measured"] = True
    ts = np.array([s.ts for s in stats])
    rows = {s.row_profile_lr.shape for s in stats}
    # (halves, frames, rows): flicker is judged in the left and right halves separately, so
    # something moving on one side cannot pass for a light.
    profiles = np.stack([s.row_profile_lr for s in stats], axis=1) if len(rows) == 1 else None
    series = (
        np.hstack([fl.strips(profiles[0]), fl.strips(profiles[1])])
        if profiles is not None
        else np.array([s.luma.mean for s in stats])
    )
    tol = max(0.5, 2.0 * fps / max(8, len(stats)))  # two spectral bins
    peak = fl.temporal_flicker(ts, series, fps, c["min_hz"])
    if not (
        peak is not None
        and peak.snr >= c["snr_min"]
        and peak.coverage >= c["min_coverage"]
        and peak.depth_pct >= c["depth_pct_warn"] / 2
    ):
        # Bands that move are also a brightness oscillation of every strip, so no temporal
        # peak means no rolling flicker; bands that stand still show only in space.
        out.update(standing_metrics(stats, fps, c))
        return out
    out["flicker_hz"] = round(peak.hz, 2)
    out["flicker_depth_pct"] = round(peak.depth_pct, 2)
    band = fl.banding(profiles, fps) if profiles is not None else None
    if band is not None and band.snr >= c["snr_min"] and band.coverage >= c["min_coverage"]:
        out["banding_hz"] = round(band.hz, 1)
        out["banding_depth_pct"] = round(band.depth_pct, 2)
    mains = fl.implied_mains(peak.hz, fps, tol)
    if len(mains) > 1 and out["banding_hz"]:
        # Both mains alias to the same rate (e.g. 15 fps): the band spacing decides.
        mains = [min(mains, key=lambda mm: abs(fl.MAINS[mm] - out["banding_hz"]))]
    if len(mains) == 1:
        out["mains_hz"] = mains[0]
        out["flicker_light_hz"] = fl.MAINS[mains[0]]
    return out


def standing_metrics(stats: Sequence[FrameStats], fps: float, c: dict[str, Any]) -> dict[str, Any]:
    """Bands that stand still (light flicker a whole multiple of `fps`), from the frames' row
    profiles per strip; {} when there are none (or this frame rate cannot show them)."""
    lights = fl.standing_lights(fps, float(c["min_hz"]))
    strips = [s.row_profile_strips for s in stats if s.row_profile_strips is not None]
    if not lights or len(strips) != len(stats) or len({p.shape for p in strips}) != 1:
        return {}
    # A spread sample of frames is as good as all of them for a pattern that stays put, and
    # bounds the cost of long checks.
    pick = np.unique(np.linspace(0, len(stats) - 1, min(len(stats), 48)).round().astype(int))
    band = fl.standing_bands(
        np.stack([strips[i] for i in pick]),
        np.array([stats[i].ts for i in pick]),
        fps,
        lights,
        max_drift_hz=float(c["min_hz"]),
        min_bands=float(c["standing_min_bands"]),
    )
    if (
        band is None
        or band.snr < c["standing_snr_min"]
        or band.coverage < c["standing_min_coverage"]
        or band.evenness < c["standing_min_evenness"]
        or band.steadiness < c["standing_min_steadiness"]
        or band.harmonics > c["standing_max_harmonics"]
        or band.depth_pct < c["band_depth_pct_warn"]
    ):
        return {}
    out: dict[str, Any] = {
        "banding_standing": True,
        "bands_per_frame": round(band.bands, 2),
        "banding_depth_pct": round(band.depth_pct, 2),
        # Without the sensor's readout time the spacing cannot tell 100 from 120 Hz; the
        # frame rate can, unless both are multiples of it (10, 20 fps).
        "banding_hz": lights[0] if len(lights) == 1 else None,
    }
    if len(lights) == 1:
        mains = next(m for m, f in fl.MAINS.items() if f == lights[0])
        out.update(mains_hz=mains, flicker_light_hz=lights[0])
    return out


Progress = Callable[[float], None]  # fraction done, 0..1


def run_check(
    spec: SourceSpec,
    seconds: float,
    cfg: dict[str, Any],
    kind: str = "camera",
    *,
    width: int | None = None,
    height: int | None = None,
    fps: float | None = None,
    progress: Progress | None = None,
    open_timeout_s: float = 5.0,
    cancel: Callable[[], bool] | None = None,
) -> CheckResult:
    """Open `spec`, analyse `seconds` of it (stream time for files, wall time live), evaluate.

    Raises SourceError when nothing can be read from the source at all.
    """
    is_file = spec.kind == "file"
    cap = Capture(
        spec,
        width=width,
        height=height,
        fps=fps,
        pace=False if is_file else None,
        lossless=is_file,
        open_timeout_s=min(open_timeout_s, 5.0),
        retry_first_open=False,
    )
    analyzer = FrameAnalyzer(cfg)
    stats: list[FrameStats] = []
    cap.start()
    try:
        first = cap.get(timeout=open_timeout_s + 1.0)
        if first is None:
            raise SourceError(
                cap.last_error or f"{spec.label}: no frames within {open_timeout_s:g} s"
            )
        t0, deadline = first.ts, time.monotonic() + seconds
        frame: Frame | None = first
        while frame is not None:
            stats.append(analyzer.analyse(frame.image, frame.ts))
            elapsed = frame.ts - t0 if is_file else time.monotonic() - (deadline - seconds)
            if progress is not None:
                progress(min(1.0, elapsed / seconds) if seconds > 0 else 1.0)
            if elapsed >= seconds or (cancel is not None and cancel()):
                break
            frame = None
            while frame is None:
                remaining = deadline - time.monotonic()
                if not is_file and remaining <= 0:
                    break
                frame = cap.get(timeout=0.5 if is_file else min(0.5, remaining))
                if frame is None and (is_file and cap.state in (State.ENDED, State.STOPPED)):
                    break
        last_ts = stats[-1].ts
        timestamps = (
            [s.ts for s in stats]
            if is_file
            else [t for t in cap.timestamps(since=t0) if t <= last_ts]
        )
        metrics = summarise(stats, timestamps, cap.info, cfg, losses=cap.losses)
    finally:
        cap.stop()
    explained = evaluate_explained(metrics, cfg, kind)
    info = cap.info
    return CheckResult(
        kind,
        spec.label if spec.kind == "device" else str(spec.value),
        int(metrics["width"] or (info.width if info else 0)),
        int(metrics["height"] or (info.height if info else 0)),
        len(stats),
        metrics["fps_measured"],
        metrics,
        [f for f, _ in explained],
        {f.check: reasons for f, reasons in explained},
    )
