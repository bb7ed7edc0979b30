"""White balance: the picture's white point -> CIE xy -> correlated colour temperature and tint.

Grey-world (the average of the usable pixels is neutral) and white-patch (the brightest
unclipped pixels are white) estimate the white; McCamy's cubic gives CCT from xy (within ~2 K
of the Planckian locus for 2,800-6,500 K) and Ohno's 2014 polynomial gives Duv (the tint).
Hand-written because it is 20 lines and pulling in `colour-science` for it is not worth it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[Any]  # 8-bit images (cv2 stubs type results loosely)
F64 = npt.NDArray[np.float64]

# Linear sRGB (D65) -> CIE XYZ.
_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_v = np.arange(256, dtype=np.float64) / 255.0
_LINEAR_LUT = np.where(_v <= 0.04045, _v / 12.92, ((_v + 0.055) / 1.055) ** 2.4).astype(np.float32)


@dataclass(frozen=True, slots=True)
class WhitePoint:
    rgb: tuple[float, float, float]  # linear, G normalised to 1
    x: float
    y: float
    cct_kelvin: float | None
    duv: float | None


def _usable_mask(bgr: U8, low: int, high: int) -> U8:
    """Pixels that carry colour: not clipped in any channel, not in the noise floor."""
    hi = cv2.max(cv2.max(bgr[:, :, 0], bgr[:, :, 1]), bgr[:, :, 2])
    lo = cv2.min(cv2.min(bgr[:, :, 0], bgr[:, :, 1]), bgr[:, :, 2])
    mask: U8 = ((hi < high) & (lo > low)).astype(np.uint8)
    return mask


def grey_world(bgr: U8, low: int = 10, high: int = 250) -> tuple[float, float, float] | None:
    """Mean linear (R, G, B) of the usable pixels, or None when there are too few."""
    mask = _usable_mask(bgr, low, high)
    if int(cv2.countNonZero(mask)) < max(16, mask.size // 200):
        return None
    lin = cv2.LUT(bgr, _LINEAR_LUT)
    b, g, r, _ = cv2.mean(lin, mask=mask)
    return (r, g, b)


def white_patch(
    bgr: U8, top_pct: float = 2.0, high: int = 250
) -> tuple[float, float, float] | None:
    """Mean linear (R, G, B) of the brightest unclipped `top_pct` % of pixels."""
    mask = _usable_mask(bgr, 0, high)
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    values = gray[mask.astype(bool)]
    if values.size < 16:
        return None
    level = np.percentile(values, 100.0 - top_pct)
    sel = ((gray >= level) & mask.astype(bool)).astype(np.uint8)
    lin = cv2.LUT(bgr, _LINEAR_LUT)
    b, g, r, _ = cv2.mean(lin, mask=sel)
    return (r, g, b)


def rgb_to_xy(rgb: tuple[float, float, float]) -> tuple[float, float]:
    X, Y, Z = _RGB_TO_XYZ @ np.asarray(rgb, dtype=np.float64)
    s = X + Y + Z
    if s <= 0:
        return (0.3127, 0.3290)
    return (float(X / s), float(Y / s))


def xy_to_rgb(x: float, y: float, Y: float = 0.2) -> F64:
    """Linear sRGB of a chromaticity at luminance Y (for rendering test images)."""
    X = x * Y / y
    Z = (1 - x - y) * Y / y
    out: F64 = np.linalg.solve(_RGB_TO_XYZ, np.array([X, Y, Z]))
    return out


def mccamy_cct(x: float, y: float) -> float | None:
    """McCamy (1992) CCT in kelvin; None far from the locus where the cubic is meaningless."""
    if y >= 0.1858:
        n = (x - 0.3320) / (0.1858 - y)
        cct = 449.0 * n**3 + 3525.0 * n**2 + 6823.3 * n + 5520.33
        if 1000.0 <= cct <= 25000.0:
            return float(cct)
    return None


def duv(x: float, y: float) -> float:
    """Ohno (2014) distance from the Planckian locus in CIE 1960 uv; + green, - magenta."""
    d = -2 * x + 12 * y + 3
    u, v = 4 * x / d, 6 * y / d
    lfp = math.hypot(u - 0.292, v - 0.24)
    if lfp == 0:
        return 0.0
    a = math.acos(max(-1.0, min(1.0, (u - 0.292) / lfp)))
    k = (-0.00616793, 0.0893944, -0.5179722, 1.5317403, -2.4243787, 1.925865, -0.471106)  # k6..k0
    lbb = sum(c * a ** (6 - i) for i, c in enumerate(k))
    return float(lfp - lbb)


def white_point(rgb: tuple[float, float, float] | None) -> WhitePoint | None:
    if rgb is None or rgb[1] <= 0:
        return None
    x, y = rgb_to_xy(rgb)
    g = rgb[1]
    return WhitePoint((rgb[0] / g, 1.0, rgb[2] / g), x, y, mccamy_cct(x, y), duv(x, y))
