"""Mains hum at 50 or 60 Hz and its harmonics, from an averaged spectrum (Welch).

Hum is stationary and sits exactly on k·50 or k·60 Hz; speech harmonics wander, so in a
few-seconds average they smear out while hum stays a narrow line above its neighbourhood.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from studio.devices.audio._util import FLOOR_DB, as_frames, power_to_db, scipy_signal

MAINS = (50.0, 60.0)
HARMONICS = 5
MAX_SECONDS = 8.0


@dataclass(frozen=True, slots=True)
class Hum:
    hz: float | None  # 50.0, 60.0 or None
    level_dbfs: float  # power of the hum lines together
    prominence_db: float  # strongest line above its local background
    harmonics: tuple[int, ...]  # which multiples stood out (1 = fundamental)


def _line_stats(
    freqs: npt.NDArray[np.float64], psd: npt.NDArray[np.float64], f: float, df: float
) -> tuple[float, float]:
    """(power in the line, prominence dB over the median of its +/-25 Hz neighbourhood)."""
    line = np.abs(freqs - f) <= 1.5 * df
    around = (np.abs(freqs - f) <= 25.0) & (np.abs(freqs - f) > 4.0 * df)
    if not line.any() or not around.any():
        return 0.0, 0.0
    peak = float(psd[line].max())
    background = float(np.median(psd[around]))
    power = float(psd[line].sum() * df)
    if background <= 0.0:
        return power, 200.0 if peak > 0.0 else 0.0
    return power, 10.0 * float(np.log10(max(peak, 1e-300) / background))


def find_hum(
    x: npt.ArrayLike, samplerate: float, prominence_db: float = 12.0, min_level_dbfs: float = -80.0
) -> Hum:
    """The mains frequency whose lines stand out most, if any stands out by `prominence_db`."""
    a = as_frames(x)
    # Hum is stationary: 8 s (from the middle) measure it as well as an hour does.
    limit = int(MAX_SECONDS * samplerate)
    if a.shape[0] > limit:
        start = (a.shape[0] - limit) // 2
        a = a[start : start + limit]
    mono = a.mean(axis=1) if a.shape[1] > 1 else a[:, 0]
    # About 1 Hz resolution (1 s segments) when there is enough audio; less for short clips.
    nperseg = int(min(samplerate, max(256, mono.shape[0] // 2)))
    if mono.shape[0] < 256 or not np.any(mono):
        return Hum(None, FLOOR_DB, 0.0, ())
    freqs, psd = scipy_signal().welch(
        mono, fs=samplerate, nperseg=nperseg, window="hann", detrend="constant"
    )
    df = float(freqs[1] - freqs[0])
    best = Hum(None, FLOOR_DB, 0.0, ())
    for base in MAINS:
        found: list[int] = []
        total = 0.0
        strongest = 0.0
        for k in range(1, HARMONICS + 1):
            f = base * k
            if f >= samplerate / 2 - 30.0:
                break
            power, prom = _line_stats(freqs, psd, f, df)
            if prom >= prominence_db:
                found.append(k)
                total += power
                strongest = max(strongest, prom)
        level = power_to_db(total)
        if found and level >= min_level_dbfs and strongest > best.prominence_db:
            best = Hum(base, level, strongest, tuple(found))
    return best
