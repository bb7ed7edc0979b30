"""Noise floor of a quiet stretch and the signal-to-noise ratio against a speech stretch.

The floor of a recording with speech in it is heard in the gaps between sounds. The 20th
percentile of 50 ms blocks (`noise_floor_dbfs`) finds it when the speaker pauses, but in
continuous talking those blocks still hold speech and the "floor" reads 30 dB too high;
`gap_floor_dbfs` looks at 10 ms frames, where the gaps are.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from studio.devices.audio._util import FLOOR_DB, as_frames, power_to_db

BLOCK_SECONDS = 0.05


def block_power_db(
    x: npt.ArrayLike, samplerate: float, block_seconds: float = BLOCK_SECONDS
) -> npt.NDArray[np.float64]:
    """Mean-square level (dBFS) of consecutive blocks, using the loudest channel of each block."""
    a = as_frames(x)
    n = max(1, round(block_seconds * samplerate))
    whole = a.shape[0] // n
    if whole == 0:
        if a.shape[0] == 0:
            return np.zeros(0)
        whole, n = 1, a.shape[0]
    blocks = a[: whole * n].reshape(whole, n, -1)
    # Each block's own mean is taken out so a DC offset (reported separately) does not pass
    # for noise: mean square minus squared mean, without a full-size temporary.
    mean = blocks.sum(axis=1) / n
    ms = np.maximum(np.einsum("bnc,bnc->bc", blocks, blocks) / n - mean * mean, 0.0)
    loudest = ms.max(axis=1)
    with np.errstate(divide="ignore"):
        db = 10.0 * np.log10(loudest)
    return np.asarray(np.maximum(db, FLOOR_DB), dtype=np.float64)


def noise_floor_dbfs(x: npt.ArrayLike, samplerate: float, percentile: float = 20.0) -> float:
    """Level of the quiet part: a low percentile of 50 ms block levels, so a cough or a click
    during the "stay quiet" step (or the speech in a one-shot recording) does not count."""
    db = block_power_db(x, samplerate)
    if db.size == 0:
        return FLOOR_DB
    return float(np.percentile(db, percentile))


def speech_level_dbfs(x: npt.ArrayLike, samplerate: float, percentile: float = 90.0) -> float:
    """Level of the active part of a speech recording (a high percentile of block levels)."""
    db = block_power_db(x, samplerate)
    if db.size == 0:
        return FLOOR_DB
    return float(np.percentile(db, percentile))


def floor_and_speech_dbfs(x: npt.ArrayLike, samplerate: float) -> tuple[float, float]:
    """(noise floor, speech level) of one recording, sharing one pass over the blocks."""
    db = block_power_db(x, samplerate)
    if db.size == 0:
        return FLOOR_DB, FLOOR_DB
    lo, hi = np.percentile(db, [20.0, 90.0])
    return float(lo), float(hi)


# Minimum statistics on short frames: even continuous talking leaves the mic alone with the room
# for a moment now and then (stop consonants' closures, breaths between words), and those
# moments are the quietest 10 ms frames. The floor is the mean level of the frames within
# GAP_BAND_DB of the quietest GAP_PERCENTILE; if they make up less than MIN_GAP_SHARE of the
# recording there were no such moments (music, a tone, clatter) and there is no floor to give.
GAP_FRAME_S = 0.01
GAP_SMOOTH_FRAMES = 3  # 30 ms of power per value: steadier than one frame, shorter than a gap
GAP_PERCENTILE = 2.0
GAP_BAND_DB = 6.0
MIN_GAP_SHARE = 0.03


def gap_floor_dbfs(x: npt.ArrayLike, samplerate: float) -> float | None:
    """The noise floor heard in the gaps of a recording (dBFS), or None when it has none.

    Levels are taken around the recording's own mean (a DC offset is not noise) rather than
    each short frame's, which would filter away the rumble of a fan.
    """
    a = as_frames(x)
    n = max(1, round(GAP_FRAME_S * samplerate))
    whole = a.shape[0] // n
    if whole < GAP_SMOOTH_FRAMES:
        return None
    frames = a[: whole * n].reshape(whole, n, -1)
    mean = a.mean(axis=0)
    sq = np.einsum("bnc,bnc->bc", frames, frames) / n
    ms = np.maximum(sq - 2.0 * mean * (frames.sum(axis=1) / n) + mean * mean, 0.0).max(axis=1)
    smooth = np.convolve(ms, np.full(GAP_SMOOTH_FRAMES, 1.0 / GAP_SMOOTH_FRAMES), mode="valid")
    with np.errstate(divide="ignore"):
        db = np.maximum(10.0 * np.log10(smooth), FLOOR_DB)
    quiet = db <= float(np.percentile(db, GAP_PERCENTILE)) + GAP_BAND_DB
    if quiet.mean() < MIN_GAP_SHARE:
        return None
    return power_to_db(float(smooth[quiet].mean()))


def floor_and_speech_levels(
    x: npt.ArrayLike, samplerate: float
) -> tuple[float | None, float, float]:
    """(noise floor from the gaps or None, level of the quietest tenth of the 50 ms blocks,
    speech level) of one recording."""
    db = block_power_db(x, samplerate)
    if db.size == 0:
        return FLOOR_DB, FLOOR_DB, FLOOR_DB
    quietest, speech = np.percentile(db, [10.0, 90.0])
    return gap_floor_dbfs(x, samplerate), float(quietest), float(speech)


def snr_db(speech: npt.ArrayLike, quiet: npt.ArrayLike, samplerate: float) -> float:
    """Speech level minus the noise floor (dB)."""
    return speech_level_dbfs(speech, samplerate) - noise_floor_dbfs(quiet, samplerate)


def overall_power_db(x: npt.ArrayLike) -> float:
    a = as_frames(x)
    if a.shape[0] == 0:
        return FLOOR_DB
    return power_to_db(float(np.max(np.mean(np.square(a - a.mean(axis=0)), axis=0))))
