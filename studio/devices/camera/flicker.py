"""Flicker from mains-powered lights: temporal brightness oscillation and rolling-shutter bands.

Lights on AC flicker at twice the mains frequency (100 Hz on 50 Hz mains, 120 Hz on 60 Hz). A
camera samples that at its frame rate, so the picture pulses at the *alias*: 100 Hz seen at
30 fps pulses at |100 - 3*30| = 10 Hz. We report the detected alias and the mains frequency it
implies. A rolling shutter reads rows one after another, so the same flicker also draws
horizontal bands: about (flicker Hz x readout time) bands per frame, readout ~ one frame period.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

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


# -- bands that stand still --------------------------------------------------------------------
#
# When the light's flicker is a whole multiple of the frame rate (100 Hz at 25 or 50 fps, 120 Hz
# at 30 or 60 fps) every frame starts its readout at the same phase of the flicker: the bands
# stand still, the frames' mean does not pulse, and the temporal analysis above sees nothing.
# They are found from the spatial pattern of each frame instead: a light multiplies every row by
# the same factor across the whole width (in log luma: the same added wave in every vertical
# strip), evenly periodic down the whole height, at the same place frame after frame; stripes in
# the set (blinds, a striped shirt) are in some strips only, in part of the height, or move.


@dataclass(frozen=True, slots=True)
class Standing:
    bands: float  # cycles of the pattern per frame height
    depth_pct: float  # amplitude of the bands, % of the mean level
    snr: float  # power at the band spacing over the median power of the searched range
    coverage: float  # share of the width's quarters that show the same wave, in phase
    evenness: float  # worst part of the height, relative amplitude (1.0: even all the way)
    steadiness: float  # how well the wave stays put from frame to frame (1.0: perfectly)
    drift_hz: float  # how fast it rolls, if at all (a rate a hair off a multiple)
    harmonics: float  # power at 2x and 3x the spacing over the power at the spacing


# The lighting's own slope down the frame is fitted next to the wave: a straight line (a curve
# would take in much of a band pattern of only 1.5 cycles per frame).
POLY = 1


def standing_lights(fps: float, min_hz: float) -> list[float]:
    """The mains light frequencies that alias below `min_hz` at `fps`: only these can draw
    bands that the temporal analysis misses (they stand still or crawl)."""
    return [f for f in MAINS.values() if fps > 0 and alias_hz(f, fps) < min_hz]


@functools.lru_cache(maxsize=1024)
def _projector(rows: int, start: int, stop: int, k: float, poly: int) -> npt.NDArray[Any]:
    """Least-squares weights that read the complex amplitude (cos + i sin) of a wave of `k`
    cycles per `rows`, over rows start..stop, next to a polynomial of degree `poly` (the
    lighting's own slope): `profile[start:stop] @ weights`. The same for every frame, so it
    is made once per spacing."""
    x = (np.arange(start, stop) + 0.5) / rows
    basis = np.stack(
        [x**d for d in range(poly + 1)] + [np.cos(2 * np.pi * k * x), np.sin(2 * np.pi * k * x)],
        axis=1,
    )
    pinv = np.linalg.pinv(basis)
    out: npt.NDArray[Any] = pinv[-2] + 1j * pinv[-1]
    return out


def _waves(y: F64, proj: npt.NDArray[Any]) -> npt.NDArray[np.complex128]:
    """`y @ proj` for a complex `proj` as two real products: complex BLAS calls on small
    arrays were many times slower here on a busy machine."""
    out: npt.NDArray[np.complex128] = (y @ proj.real) + 1j * (y @ proj.imag)
    return out


def _wave_powers(common: F64, ks: F64, poly: int = POLY) -> F64:
    """Mean power over frames of the wave at each spacing in `ks`: one matrix product."""
    rows = common.shape[1]
    proj = np.stack([_projector(rows, 0, rows, round(float(k), 4), poly) for k in ks], axis=1)
    both = common @ np.concatenate([proj.real, proj.imag], axis=1)
    re, im = both[:, : len(ks)], both[:, len(ks) :]
    out: F64 = np.mean(re * re + im * im, axis=0)
    return out


def standing_bands(
    profiles: F64,
    ts: F64,
    fps: float,
    lights: list[float],
    *,
    max_drift_hz: float = 3.0,
    min_bands: float = 1.4,
) -> Standing | None:
    """The strongest band pattern common to every frame of `profiles` (frames, strips, rows:
    the mean luma of each row in each vertical strip), with the figures that tell a light from
    the set. None when nothing periodic is found or there is too little to judge.

    The search covers up to `max(lights) / fps` cycles per frame height: a sensor whose
    readout takes the whole frame period draws exactly that many, a faster readout fewer.
    """
    p = np.asarray(profiles, dtype=np.float64)
    t = np.asarray(ts, dtype=np.float64)
    if p.ndim != 3 or p.shape[0] < 4 or p.shape[1] < 2 or p.shape[2] < 32 or not lights:
        return None
    n, strips, rows = p.shape
    if t.shape != (n,) or fps <= 0:
        return None
    # Black and clipped rows carry no flicker: they count as the strip's own level.
    ok = (p > 8.0) & (p < 247.0)
    if ok.mean() < 0.5:
        return None
    logp = np.log(np.clip(p, 1.0, 255.0))
    level = np.where(ok, logp, 0.0).sum(axis=2) / np.maximum(ok.sum(axis=2), 1)
    d = np.where(ok, logp - level[:, :, None], 0.0)
    common = np.median(d, axis=1)  # (frames, rows): a stripe in one strip does not get in
    k_max = max(lights) / fps + 0.3
    ks = np.arange(min_bands, k_max + 1e-9, 0.05)
    if ks.size < 3:
        return None
    # The noise reference reaches past the band range: a pattern must stand out of the
    # scene's own row structure at neighbouring spacings, not only within the few allowed.
    ref = np.arange(min_bands, max(2 * k_max, k_max + 3.0) + 1e-9, 0.05)
    power_all = _wave_powers(common, ref)
    power = power_all[: ks.size]
    best = int(np.argmax(power))
    if best == 0 or (best == ks.size - 1 and power_all[best + 1] >= power[best]):
        # Rising towards the ends of the range: a slope or a finer texture, not a band.
        return None
    k = round(float(ks[best]), 4)
    snr = float(power[best] / (np.median(power_all) or 1e-20))
    whole = _projector(rows, 0, rows, k, POLY)
    c = _waves(common, whole)  # (frames,)
    # A crawl (rate a hair off a multiple) turns the phase steadily: measure and undo it.
    drift = 0.0
    if t[-1] > t[0]:
        drift = float(np.polyfit(t - t[0], np.unwrap(np.angle(c)), 1)[0]) / (2 * np.pi)
        if abs(drift) > max_drift_hz:
            drift = 0.0  # not a crawl: then it does not stay put, and steadiness says so
    still = c * np.exp(-2j * np.pi * drift * (t - t[0]))
    mean_c = complex(still.mean())
    steadiness = abs(mean_c) / (float(np.abs(c).mean()) or 1e-20)
    energy = float(np.sum(np.abs(c) ** 2)) or 1e-20

    def in_phase(y: npt.NDArray[np.complex128]) -> float:
        # How much of the whole frame's wave a part shows, frame by frame and in phase with
        # it (1.0: all of it): the part's own row structure at that spacing, in any other
        # phase, does not count for or against it.
        return float((np.sum(y * np.conj(c)) / energy).real)

    groups = np.array_split(np.arange(strips), min(4, strips))
    per_part = [in_phase(_waves(np.median(d[:, g, :], axis=1), whole)) for g in groups]
    coverage = float(np.mean([r >= 0.5 for r in per_part]))
    # Light through a shutter is a smooth wave; shelf boards, rails and other thin lines
    # repeat with harmonics as strong as their fundamental.
    harmonics = float(_wave_powers(common, np.array([2 * k, 3 * k])).sum()) / (
        float(power[best]) or 1e-20
    )
    parts = 2 if k < 3 else 3
    evenness = min(
        in_phase(
            _waves(common[:, part[0] : part[-1] + 1], _projector(rows, part[0], part[-1] + 1, k, 0))
        )
        for part in np.array_split(np.arange(rows), parts)
    )
    return Standing(
        bands=k,
        depth_pct=100.0 * abs(mean_c),
        snr=snr,
        coverage=coverage,
        evenness=max(0.0, min(1.0, evenness)),
        steadiness=steadiness,
        drift_hz=drift,
        harmonics=harmonics,
    )
