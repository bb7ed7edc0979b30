"""Sample peak, true peak (ITU-R BS.1770-4 Annex 2), RMS and DC offset of a block of audio.

All levels are dBFS relative to a full-scale amplitude of 1.0 (so a full-scale sine has a peak of
0 dBFS and an RMS of -3.01 dBFS; no AES17 +3 dB offset).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import signal

from studio.devices.audio._util import FloatArray, amp_to_db, as_frames

# scipy.signal.resample_poly's default filter reaches this many input samples either side.
_FILTER_HALF_TAPS = 10


def oversampling_factor(samplerate: float) -> int:
    """BS.1770-4 Annex 2: 4x at 48 kHz, i.e. enough to reach at least ~192 kHz."""
    if samplerate < 96_000:
        return 4
    if samplerate < 192_000:
        return 2
    return 1


def sample_peak(x: npt.ArrayLike) -> FloatArray:
    """Largest absolute sample value per channel (linear)."""
    a = as_frames(x)
    if a.shape[0] == 0:
        return np.zeros(a.shape[1])
    return np.asarray(np.max(np.abs(a), axis=0), dtype=np.float64)


def true_peak(x: npt.ArrayLike, samplerate: float) -> FloatArray:
    """Inter-sample peak per channel (linear), by polyphase oversampling as in BS.1770-4 Annex 2.

    scipy's `resample_poly` is a windowed-sinc polyphase interpolator, the same structure as the
    Annex 2 example filter but with more taps (better pass-band accuracy at high frequencies).
    """
    a = as_frames(x)
    if a.shape[0] == 0:
        return np.zeros(a.shape[1])
    factor = oversampling_factor(samplerate)
    if factor == 1:
        return sample_peak(a)
    up = signal.resample_poly(a, factor, 1, axis=0)
    # The interpolator sees zeros beyond both ends; a recording that starts mid-waveform would
    # ring there like a real overshoot. Ignore the filter's reach (10 input samples) at each end:
    # the sample peak below still covers those samples.
    edge = _FILTER_HALF_TAPS * factor
    if up.shape[0] > 4 * edge:
        up = up[edge:-edge]
    # The interpolated signal contains the original samples (up to filter error): never report a
    # true peak below the sample peak.
    return np.asarray(np.maximum(np.max(np.abs(up), axis=0), sample_peak(a)), dtype=np.float64)


def rms(x: npt.ArrayLike) -> FloatArray:
    """Root mean square per channel (linear)."""
    a = as_frames(x)
    if a.shape[0] == 0:
        return np.zeros(a.shape[1])
    return np.asarray(np.sqrt(np.mean(np.square(a), axis=0)), dtype=np.float64)


def dc_offset(x: npt.ArrayLike) -> FloatArray:
    """Mean value per channel (linear, full scale = 1.0)."""
    a = as_frames(x)
    if a.shape[0] == 0:
        return np.zeros(a.shape[1])
    return np.asarray(np.mean(a, axis=0), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Levels:
    peak_dbfs: float  # loudest channel
    true_peak_dbtp: float
    rms_dbfs: float  # loudest channel, like the peak
    channel_peak_dbfs: tuple[float, ...]
    channel_rms_dbfs: tuple[float, ...]
    dc_offset: float  # the largest absolute per-channel mean, signed


def measure_levels(x: npt.ArrayLike, samplerate: float) -> Levels:
    a = as_frames(x)
    peaks = sample_peak(a)
    rmss = rms(a)
    dcs = dc_offset(a)
    tp = true_peak(a, samplerate)
    worst_dc = float(dcs[int(np.argmax(np.abs(dcs)))]) if dcs.size else 0.0
    return Levels(
        peak_dbfs=amp_to_db(float(np.max(peaks, initial=0.0))),
        true_peak_dbtp=amp_to_db(float(np.max(tp, initial=0.0))),
        rms_dbfs=amp_to_db(float(np.max(rmss, initial=0.0))),
        channel_peak_dbfs=tuple(amp_to_db(float(p)) for p in peaks),
        channel_rms_dbfs=tuple(amp_to_db(float(r)) for r in rmss),
        dc_offset=worst_dc,
    )
