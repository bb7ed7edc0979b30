"""Noise floor of a quiet stretch and the signal-to-noise ratio against a speech stretch."""

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
    # Remove each block's mean so a DC offset (reported separately) does not pass for noise.
    blocks = blocks - blocks.mean(axis=1, keepdims=True)
    ms = np.einsum("bnc,bnc->bc", blocks, blocks) / n
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


def snr_db(speech: npt.ArrayLike, quiet: npt.ArrayLike, samplerate: float) -> float:
    """Speech level minus the noise floor (dB)."""
    return speech_level_dbfs(speech, samplerate) - noise_floor_dbfs(quiet, samplerate)


def overall_power_db(x: npt.ArrayLike) -> float:
    a = as_frames(x)
    if a.shape[0] == 0:
        return FLOOR_DB
    return power_to_db(float(np.max(np.mean(np.square(a - a.mean(axis=0)), axis=0))))
