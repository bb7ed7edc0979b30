"""Flicker from mains-powered lights: temporal brightness oscillation and rolling-shutter bands.

Lights on AC flicker at twice the mains frequency (100 Hz on 50 Hz mains, 120 Hz on 60 Hz). A
camera samples that at its frame rate, so the picture pulses at the *alias*: 100 Hz seen at
30 fps pulses at |100 - 3*30| = 10 Hz. We report the detected alias and the mains frequency it
implies. A rolling shutter reads rows one after another, so the same flicker also draws
horizontal bands: about (flicker Hz x readout time) bands per frame, readout ~ one frame period.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
MAINS = {50: 100.0, 60: 120.0}  # mains Hz -> light flicker Hz


@dataclass(frozen=True, slots=True)
class Peak:
    hz: float  # temporal: Hz in the picture; banding: flicker Hz implied by the band spacing
    depth_pct: float  # amplitude of the oscillation as % of the mean
    snr: float  # peak power over the median power of the spectrum
    # Share of channels (strips / frames) whose own strongest frequency is this one: a light
    # flickers everywhere at once, a moving scene only in places.
    coverage: float = 1.0


def alias_hz(f: float, fs: float) -> float:
    """Frequency at which a signal of `f` Hz appears when sampled at `fs` Hz."""
    return abs(f - fs * round(f / fs))


def implied_mains(detected_hz: float, fps: float, tol_hz: float) -> list[int]:
    """The mains frequencies whose light flicker aliases to `detected_hz` at `fps`."""
    return [m for m, f in MAINS.items() if abs(alias_hz(f, fps) - detected_hz) <= tol_hz]


def _peak(signals: F64, rate: float, lo: float, hi: float, pad: int = 1) -> Peak | None:
    """Strongest common frequency of the columns of `signals` (samples x channels), each
    already relative to its mean. Powers add across channels, so oscillations that differ in
    phase between channels (rows under a rolling shutter) still add up."""
    x = np.asarray(signals, dtype=np.float64)
    if x.ndim == 1:
        x = x[:, None]
    n = x.shape[0]
    if n < 8 or rate <= 0:
        return None
    t = np.arange(n)
    coef = np.polyfit(t, x, 1)
    x = x - (np.outer(t, coef[0]) + coef[1])
    window = np.hanning(n)[:, None]
    nfft = n * pad
    spec = np.fft.rfft(x * window, n=nfft, axis=0)
    power = (np.abs(spec) ** 2).mean(axis=1)
    freqs = np.fft.rfftfreq(nfft, 1.0 / rate)
    idx = np.flatnonzero((freqs >= lo) & (freqs <= hi))
    if idx.size < 3 * pad:
        return None
    k = int(idx[np.argmax(power[idx])])
    noise = float(np.median(power[idx])) or 1e-12
    # Parabolic interpolation of the log-power peak: sub-bin frequency from a short record.
    shift = 0.0
    if 0 < k < power.size - 1:
        a, b, c = np.log(power[k - 1 : k + 2] + 1e-20)
        denom = a - 2 * b + c
        shift = float(np.clip(0.5 * (a - c) / denom, -0.5, 0.5)) if denom != 0 else 0.0
    amplitude = 2.0 * float(np.sqrt(power[k])) / float(window.sum())
    own = idx[np.argmax((np.abs(spec[idx]) ** 2), axis=0)]
    coverage = float(np.mean(np.abs(own - k) <= max(1, pad)))
    return Peak(
        float((k + shift) * rate / nfft), amplitude * 100.0, float(power[k]) / noise, coverage
    )


def temporal_flicker(ts: F64, series: F64, fps: float, min_hz: float = 1.0) -> Peak | None:
    """Strongest oscillation of brightness over time, from the frames' own timestamps.

    `series` is the mean luma per frame, or (frames x strips) means of horizontal strips: under
    a rolling shutter the whole-frame mean nearly cancels the bands, each strip does not. The
    series is resampled to a uniform `fps` grid (live sources jitter); depth is relative to the
    mean level of each strip.
    """
    t = np.asarray(ts, dtype=np.float64)
    y = np.asarray(series, dtype=np.float64)
    if y.ndim == 1:
        y = y[:, None]
    if t.size < 16 or fps <= 0 or t[-1] <= t[0] or y.shape[0] != t.size:
        return None
    grid = np.arange(t[0], t[-1], 1.0 / fps)
    cols = []
    for j in range(y.shape[1]):
        yu = np.interp(grid, t, y[:, j])
        mean = float(np.mean(yu))
        if mean > 4.0:  # black strips carry no flicker, only noise
            cols.append(yu / mean - 1.0)
    if not cols:
        return None
    return _peak(np.stack(cols, axis=1), fps, min_hz, fps / 2.0)


def strips(profiles: F64, count: int = 16) -> F64:
    """(frames x rows) row profiles -> (frames x count) means of horizontal strips."""
    p = np.asarray(profiles, dtype=np.float64)
    parts = np.array_split(np.arange(p.shape[1]), min(count, p.shape[1]))
    return np.stack([p[:, part].mean(axis=1) for part in parts], axis=1)


def banding(profiles: F64, fps: float, max_bands: float = 30.0) -> Peak | None:
    """Horizontal bands that move from frame to frame (rolling shutter under flicker).

    `profiles` is (frames, rows) — the mean luma of each row — or (parts, frames, rows) for
    parts of the width (left and right halves): a light's bands cross the whole width, a
    striped object moving in one half does not, and `coverage` shows the difference.
    Dividing by the time-average profile cancels the scene (static content) and leaves the
    moving bands; their spatial frequency in bands per frame height times `fps` estimates
    the flicker in Hz (exact when the sensor's readout takes one frame period).
    """
    p = np.asarray(profiles, dtype=np.float64)
    if p.ndim == 2:
        p = p[None]
    if p.ndim != 3 or p.shape[1] < 4 or p.shape[2] < 16:
        return None
    base = p.mean(axis=1)
    ok = (base > 4.0).all(axis=0)
    if ok.sum() < 16:
        return None
    rel = p[:, :, ok] / base[:, None, ok] - 1.0
    rows = rel.shape[2]
    # Rows are the samples (rate: rows per frame height), frames x parts the channels;
    # zero-padding refines the band spacing, which is only a few cycles per frame.
    peak = _peak(rel.reshape(-1, rows).T, float(rows), 1.5, max_bands, pad=8)
    if peak is None:
        return None
    return Peak(peak.hz * fps, peak.depth_pct, peak.snr, peak.coverage)
