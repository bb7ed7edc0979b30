"""Frame timing from the stream's own timestamps: rate, jitter, drops; frozen and black frames."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[Any]  # 8-bit images (cv2 stubs type results loosely)


@dataclass(frozen=True, slots=True)
class Timing:
    fps_measured: float | None
    interval_ms: float | None  # median frame interval
    jitter_ms: float | None  # standard deviation of the intervals
    dropped_frames: int  # frames missing according to gaps in the timestamps
    longest_gap_ms: float | None
    expected_frames: int  # frames the span should have held at the nominal rate


def frame_timing(
    ts: Sequence[float] | npt.NDArray[np.float64], nominal_fps: float | None = None
) -> Timing:
    """Rate, jitter and dropped frames from frame timestamps (seconds, increasing).

    A gap of more than 1.5 frame periods counts the frames that should have filled it; the
    period is the nominal one when known (a camera that runs slow drops nothing, it is slow).
    """
    t = np.asarray(ts, dtype=np.float64)
    if t.size < 2:
        return Timing(None, None, None, 0, None, int(t.size))
    d = np.diff(t)
    d = d[d > 0]
    if d.size == 0:
        return Timing(None, None, None, 0, None, int(t.size))
    span = float(t[-1] - t[0])
    median = float(np.median(d))
    period = 1.0 / nominal_fps if nominal_fps and nominal_fps > 0 else median
    gaps = d[d > 1.5 * period]
    dropped = int(np.sum(np.maximum(np.rint(gaps / period) - 1, 0)))
    return Timing(
        fps_measured=(t.size - 1) / span if span > 0 else None,
        interval_ms=median * 1000.0,
        jitter_ms=float(np.std(d)) * 1000.0,
        dropped_frames=dropped,
        longest_gap_ms=float(d.max()) * 1000.0,
        expected_frames=round(span / period) + 1,
    )


def diff_sample(gray: U8) -> U8:
    """A strided (not averaged) subsample: keeps sensor noise, so a live static scene never
    looks frozen, while a truly repeated frame differs by exactly zero."""
    return np.ascontiguousarray(gray[::4, ::4])


def frame_difference(prev: U8, cur: U8) -> float:
    """Mean absolute difference of two samples, in luma levels (inf if the sizes differ)."""
    if prev.shape != cur.shape:
        return float("inf")
    import cv2

    return float(cv2.norm(prev, cur, cv2.NORM_L1)) / prev.size


def is_black(luma_p99: float, max_p99: float) -> bool:
    return luma_p99 < max_p99


def longest_run_s(flags: Sequence[bool], ts: Sequence[float], period: float) -> float:
    """Longest run of consecutive flagged frames, in seconds (a lone flagged frame lasts one
    frame period: that is how long a viewer sees it)."""
    best = 0.0
    start: float | None = None
    for flag, t in zip(flags, ts, strict=True):
        if flag:
            if start is None:
                start = t
            best = max(best, t - start + period)
        else:
            start = None
    return best
