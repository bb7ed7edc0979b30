"""The app's sync test pattern: a white flash and a 1 kHz beep together, once a second.

Played through the encoder (an OBS media source, or a phone or tablet held in front of the
camera with the sound into the mic), a recording of it shows how far the sound has drifted
from the picture on the way. Between the flashes a bar sweeps across the frame and the second
counts up, so a person can read the pattern too, and the picture is never still.

The flash lasts FLASH_S and starts exactly on a frame; the beep starts on the same instant and
lasts as long, with 2 ms ramps (a hard edge would click across the spectrum).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from studio.devices.av import media

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]

FLASH_S = 0.1
BEEP_HZ = 1000.0
BEEP_LEVEL = 0.5  # -6 dBFS
RAMP_S = 0.002
DARK = 40  # background luma: dark enough for the flash to stand out, not black
PERIOD_S = 1.0


def flash_frames(seconds: float, fps: float) -> list[int]:
    """The frame each flash starts on: the first frame at or after each whole second, from
    the first second on (so the sound can be moved earlier than the first flash)."""
    n = round(seconds * fps)
    last = n - max(1, round(FLASH_S * fps))
    starts = [math.ceil(k * PERIOD_S * fps - 1e-6) for k in range(1, math.ceil(seconds))]
    return [f for f in starts if f <= last]


def event_times(seconds: float, fps: float) -> list[float]:
    """When each flash starts (the beeps start then too, plus any offset)."""
    return [f / fps for f in flash_frames(seconds, fps)]


def frames(seconds: float, fps: float = 30.0, size: tuple[int, int] = (1280, 720)) -> Iterator[U8]:
    """Grey frames of the pattern."""
    import cv2

    w, h = size
    lit = max(1, round(FLASH_S * fps))
    flashing = {f + j for f in flash_frames(seconds, fps) for j in range(lit)}
    for i in range(round(seconds * fps)):
        if i in flashing:
            yield np.full((h, w), 255, np.uint8)
            continue
        t = i / fps
        img = np.full((h, w), DARK, np.uint8)
        x = int((t % PERIOD_S) / PERIOD_S * (w - w // 40))
        cv2.rectangle(img, (x, int(h * 0.8)), (x + w // 40, int(h * 0.9)), 200, -1)
        cv2.putText(
            img,
            f"{int(t):d}",
            (int(w * 0.42), int(h * 0.55)),
            cv2.FONT_HERSHEY_SIMPLEX,
            h / 120,
            160,
            max(2, h // 90),
            cv2.LINE_AA,
        )
        cv2.putText(
            img,
            "studio A/V sync: flash + beep every second",
            (int(w * 0.05), int(h * 0.1)),
            cv2.FONT_HERSHEY_SIMPLEX,
            h / 900,
            120,
            max(1, h // 360),
            cv2.LINE_AA,
        )
        yield img


def audio(
    seconds: float, fps: float = 30.0, rate: int = media.AUDIO_RATE, offset_s: float = 0.0
) -> F32:
    """Mono sound of the pattern: a beep `offset_s` after each flash (positive: late)."""
    n = round(seconds * rate)
    out = np.zeros(n, np.float32)
    m = round(FLASH_S * rate)
    t = np.arange(m) / rate
    beep = BEEP_LEVEL * np.sin(2 * np.pi * BEEP_HZ * t)
    ramp = round(RAMP_S * rate)
    env = np.ones(m)
    env[:ramp] = 0.5 - 0.5 * np.cos(np.pi * np.arange(ramp) / ramp)
    env[-ramp:] = env[:ramp][::-1]
    beep = (beep * env).astype(np.float32)
    for at in event_times(seconds, fps):
        start = round((at + offset_s) * rate)
        if start >= 0 and start + m <= n:
            out[start : start + m] += beep
    return out


def make_pattern(
    path: str | Path,
    seconds: float = 30.0,
    fps: float = 30.0,
    size: tuple[int, int] = (1280, 720),
    *,
    offset_ms: float = 0.0,
) -> Path:
    """Write the pattern as an mp4 (H.264 + AAC). `offset_ms` moves the sound against the
    picture (positive: sound late), to test a measuring chain with a known offset."""
    if seconds < 3:
        raise ValueError("the pattern needs at least 3 seconds")
    if not 1 <= fps <= 240:
        raise ValueError(f"frame rate {fps:g} is out of range (1-240)")
    w, h = size
    if w < 64 or h < 64 or w % 2 or h % 2:
        raise ValueError(f"size {w}x{h}: width and height must be even and at least 64")
    rate = media.AUDIO_RATE
    sound = audio(seconds, fps, rate, offset_ms / 1000.0)
    picture: Any = frames(seconds, fps, size)
    return media.encode(path, picture, size, fps, sound, rate)
