"""A clap-style sync clip with a known offset, for tests and demos: a clapper board whose top
bar drops onto its base at steady speed, at moments that fall anywhere within a frame, and the
clap's sound (a short burst of noise) at the moment of contact plus the offset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt

from studio.devices.av import media

U8 = npt.NDArray[np.uint8]

FALL_S = 0.15  # the bar falls this long before it hits
HOLD_S = 0.35  # and stays shut this long
RISE_S = 0.5  # then rises slowly back


def clap_times(seconds: float, seed: int = 0) -> list[float]:
    """Contact times: about every 1.3 s from 1 s on, each at a random point within a frame."""
    rng = np.random.default_rng(seed)
    out, t = [], 1.0
    while t + HOLD_S + RISE_S < seconds:
        out.append(t + float(rng.uniform(0.0, 0.04)))
        t += 1.3
    return out


def _gap(t: float, claps: list[float], height: int) -> float:
    """How far (pixels) the top bar is above the base at time t."""
    top = 0.35 * height
    for c in claps:
        if c - FALL_S <= t < c:
            return top * (c - t) / FALL_S
        if c <= t < c + HOLD_S:
            return 0.0
        if c + HOLD_S <= t < c + HOLD_S + RISE_S:
            return top * (t - c - HOLD_S) / RISE_S
    return top


def clip_frames(
    claps: list[float], seconds: float, fps: float, size: tuple[int, int]
) -> Iterator[U8]:
    """Each frame as the board is at that frame's instant (a global-shutter snapshot)."""
    w, h = size
    rng = np.random.default_rng(1)
    backdrop = (90 + rng.normal(0, 3, (h, w))).clip(0, 255).astype(np.uint8)
    base_y = int(h * 0.75)
    bar = int(h * 0.16)  # thicker than a frame's fall, so the change grows with the distance
    x0, x1 = int(w * 0.2), int(w * 0.8)
    for i in range(round(seconds * fps)):
        t = i / fps
        img = backdrop.copy()
        img[base_y : base_y + bar, x0:x1] = 230
        y = base_y - bar - _gap(t, claps, h)
        lo = int(np.floor(y))
        frac = y - lo  # anti-aliased edges: the position moves smoothly, not in whole pixels
        img[lo + 1 : lo + bar, x0:x1] = 30
        img[lo, x0:x1] = np.uint8(round(30 * (1 - frac) + 90 * frac))
        img[lo + bar, x0:x1] = np.uint8(round(90 * (1 - frac) + 30 * frac))
        yield img


def clap_sound(
    claps: list[float], seconds: float, rate: int, offset_s: float = 0.0, seed: int = 2
) -> npt.NDArray[np.float32]:
    rng = np.random.default_rng(seed)
    n = round(seconds * rate)
    out = rng.normal(0, 10 ** (-60 / 20), n)  # the room
    m = round(0.06 * rate)
    decay = np.exp(-np.arange(m) / (0.012 * rate))
    for c in claps:
        start = round((c + offset_s) * rate)
        if start >= 0 and start + m <= n:
            out[start : start + m] += 0.6 * rng.standard_normal(m) * decay
    return np.clip(out, -1, 1).astype(np.float32)


def write_clap_clip(
    path: str | Path,
    offset_ms: float = 0.0,
    seconds: float = 12.0,
    fps: float = 30.0,
    size: tuple[int, int] = (640, 360),
    seed: int = 0,
) -> Path:
    """An mp4 (H.264 + AAC) of the clapper with its sound `offset_ms` late (negative: early)."""
    claps = clap_times(seconds, seed)
    sound = clap_sound(claps, seconds, media.AUDIO_RATE, offset_ms / 1000.0)
    return media.encode(
        path, clip_frames(claps, seconds, fps, size), size, fps, sound, media.AUDIO_RATE
    )
