"""Exposure: luma mean and percentiles, clipped highlights and crushed shadows."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[Any]  # 8-bit images (cv2 stubs type results loosely)


@dataclass(frozen=True, slots=True)
class LumaStats:
    mean: float
    p1: float
    p5: float
    p50: float
    p95: float
    p99: float
    clipped_pct: float
    crushed_pct: float


def luma_stats(gray: U8, clip_level: int = 250, crush_level: int = 5) -> LumaStats:
    """Statistics of 8-bit luma from one histogram (cheaper than sorting for percentiles)."""
    hist = cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel().astype(np.float64)
    n = hist.sum()
    if n == 0:
        return LumaStats(0, 0, 0, 0, 0, 0, 0, 0)
    cdf = np.cumsum(hist) / n
    levels = np.arange(256, dtype=np.float64)

    def pct(q: float) -> float:
        return float(np.searchsorted(cdf, q / 100.0))

    return LumaStats(
        mean=float((hist * levels).sum() / n),
        p1=pct(1),
        p5=pct(5),
        p50=pct(50),
        p95=pct(95),
        p99=pct(99),
        clipped_pct=float(hist[clip_level:].sum() / n * 100.0),
        crushed_pct=float(hist[: crush_level + 1].sum() / n * 100.0),
    )


def to_linear(level: float) -> float:
    """8-bit sRGB-ish code value to linear light (the sRGB curve)."""
    v = min(max(level, 0.0), 255.0) / 255.0
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def stops_between(level: float, target: float) -> float:
    """How many stops of light `level` needs to reach `target` (positive: brighter)."""
    lo = 1e-4  # a black frame is "very many" stops under, not infinitely many
    return math.log2(max(to_linear(target), lo) / max(to_linear(level), lo))
