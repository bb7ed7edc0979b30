"""Small helpers shared by the analysis modules."""

from __future__ import annotations

import functools
import math
from types import ModuleType

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# Below this a level is reported as "silence" rather than a huge negative number.
FLOOR_DB = -150.0


def as_frames(x: npt.ArrayLike) -> FloatArray:
    """Audio as a float64 (frames, channels) array; a 1-D array is one channel."""
    a = np.asarray(x, dtype=np.float64)
    if a.ndim == 1:
        a = a[:, None]
    if a.ndim != 2:
        raise ValueError(f"audio must be (frames,) or (frames, channels), got shape {a.shape}")
    return a


def amp_to_db(value: float) -> float:
    """20·log10 of an amplitude ratio, floored so silence is a finite number."""
    if not value > 0.0 or not math.isfinite(value):
        return FLOOR_DB
    return max(FLOOR_DB, 20.0 * math.log10(value))


def power_to_db(value: float) -> float:
    """10·log10 of a power ratio, floored like `amp_to_db`."""
    if not value > 0.0 or not math.isfinite(value):
        return FLOOR_DB
    return max(FLOOR_DB, 10.0 * math.log10(value))


def finite_or_none(value: float | None, ndigits: int = 2) -> float | None:
    """A JSON-friendly number: None for silence / -inf / NaN."""
    if value is None or not math.isfinite(value) or value <= FLOOR_DB:
        return None
    return round(float(value), ndigits)


@functools.cache
def scipy_signal() -> ModuleType:
    """scipy.signal, imported on first use: it costs 1-2 s, which the app's start should not pay
    just because the mic card's modules are loaded."""
    import scipy.signal

    module: ModuleType = scipy.signal
    return module
