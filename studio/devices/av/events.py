"""Sync events: when something happens in the picture (a flash, a clapper closing) and in the
sound (a beep, a clap), each found to a fraction of a frame or a millisecond.

Picture events are read from per-frame series (mean brightness, motion between frames) with
their timestamps. A camera exposes each frame over about one frame period, so a flash that
starts during an exposure lights only part of it: the share of the full brightness tells when
in the frame it started. A clapper's arm moves at a steady speed until it hits: the share of
its last frame interval that still moved tells when it stopped.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]

MIN_GAP_S = 0.3  # two events of one kind closer than this are one event
FLASH_MIN_RISE = 25.0  # luma levels of mean brightness a flash must add (of 255)


def _frame_period(ts: F64) -> float:
    d = np.diff(ts)
    d = d[d > 0]
    return float(np.median(d)) if d.size else 1.0 / 30.0


def flash_onsets(
    ts: Sequence[float] | F64, brightness: Sequence[float] | F64, min_rise: float = FLASH_MIN_RISE
) -> list[float]:
    """Times at which the whole picture suddenly brightens (a flash), to a fraction of a frame.

    A frame counts as lit when its brightness is over half way from the level just before to
    the flash's own level; the first lit or part-lit frame gives the time by its share.
    """
    t = np.asarray(ts, dtype=np.float64)
    b = np.asarray(brightness, dtype=np.float64)
    if t.size < 4 or b.size != t.size:
        return []
    period = _frame_period(t)
    out: list[float] = []
    k = 1
    while k < b.size:
        before = float(np.median(b[max(0, k - 6) : k - 1])) if k >= 2 else float(b[k - 1])
        peak = float(b[k : k + 3].max())
        rise = peak - before
        if rise < min_rise or b[k] - before < 0.5 * rise:
            k += 1
            continue
        start = k
        if k >= 1 and (b[k - 1] - before) / rise > 0.05:
            start = k - 1  # the flash began during the previous frame's exposure
        share = min(1.0, max(0.0, (b[start] - before) / rise))
        onset = float(t[start] + (1.0 - share) * period)
        if not out or onset - out[-1] >= MIN_GAP_S:
            out.append(onset)
        # Skip the rest of this flash.
        k += 1
        while k < b.size and b[k] - before >= 0.5 * rise:
            k += 1
    return out


def motion_stops(
    ts: Sequence[float] | F64, motion: Sequence[float] | F64, min_motion: float | None = None
) -> list[float]:
    """Times at which fast motion stops dead (a clapper board closing), to a fraction of a
    frame. `motion[k]` is the change from frame k-1 to frame k."""
    t = np.asarray(ts, dtype=np.float64)
    m = np.asarray(motion, dtype=np.float64)
    if t.size < 4 or m.size != t.size:
        return []
    period = _frame_period(t)
    hi = float(np.percentile(m, 99))
    # Still: a little of the fastest move, or of the picture's own noise (codec, sensor).
    quiet = max(float(np.median(m)) * 3.0, 0.05 * hi, 0.05)
    # A clap is the fastest thing in the clip; slower moves that stop (the board opening
    # again, a hand coming to rest) are not.
    strong = max(min_motion if min_motion is not None else 0.0, 4.0 * quiet, 0.5 * hi)
    out: list[float] = []
    for k in range(1, m.size - 2):
        # The last interval that moved, after a strong move, with stillness after it.
        if m[k] <= quiet or m[k + 1] > quiet or m[k + 2] > 2 * quiet:
            continue
        if max(m[k], m[k - 1]) < strong:
            continue
        share = 1.0 if m[k - 1] <= quiet else min(1.0, float(m[k] / m[k - 1]))
        stop = float(t[k - 1] + share * (t[k] - t[k - 1] if k >= 1 else period))
        if not out or stop - out[-1] >= MIN_GAP_S:
            out.append(stop)
    return out


ENVELOPE_S = 0.001


def sound_onsets(x: npt.ArrayLike, rate: int, min_gap_s: float = MIN_GAP_S) -> list[float]:
    """Times at which a short loud sound starts (a beep, a clap), to about a millisecond.

    The level is the RMS of 1 ms frames. A sound starts where the level crosses a fifth of
    its own peak (within 30 ms) after at least `min_gap_s` below the detection threshold,
    which is both far above the quiet level and a good share of the loudest sounds.
    """
    a = np.asarray(x, dtype=np.float64)
    hop = max(1, round(ENVELOPE_S * rate))
    n = a.size // hop
    if n < 10:
        return []
    env = np.sqrt(
        np.einsum("ij,ij->i", a[: n * hop].reshape(n, hop), a[: n * hop].reshape(n, hop)) / hop
    )
    noise = float(np.percentile(env, 20))
    peak = float(np.percentile(env, 99.9))
    threshold = max(10.0 * noise, 0.25 * peak, 1e-4)
    if peak <= threshold:
        return []
    above = env >= threshold
    gap = max(1, round(min_gap_s / ENVELOPE_S))
    out: list[float] = []
    last = -gap
    for i in map(int, np.flatnonzero(above & ~np.concatenate(([False], above[:-1])))):
        if i - last < gap:
            last = i
            continue
        last = i
        local = float(env[i : i + round(0.03 / ENVELOPE_S)].max())
        level = 0.2 * local
        j = i
        while j > 0 and env[j - 1] >= level:
            j -= 1
        # Linear interpolation of the crossing between frame centres j-1 and j.
        if j > 0 and env[j] > env[j - 1]:
            frac = (level - env[j - 1]) / (env[j] - env[j - 1])
            centre = (j - 1 + 0.5 + frac) * hop
        else:
            centre = (j + 0.5) * hop
        out.append(float(centre / rate))
    return out
