"""Synthetic microphone material with known properties, for tests, demos and benchmarks.

`talking` is continuous speech as a level meter sees it: syllables back to back, each a voiced
vowel of its own loudness after a consonant (a fricative's hiss or a stop's closure and burst),
with no pause longer than a stop's closure, over a room noise of known level. Its quietest
moments are the closures, where only the room is heard, as in real talking.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from studio.devices.audio._util import scipy_signal

F64 = npt.NDArray[np.float64]


def talking(
    seconds: float,
    samplerate: int = 48000,
    *,
    peak: float = 0.3,
    room_dbfs: float = -70.0,
    pauses: bool = False,
    channels: int = 2,
    seed: int = 0,
) -> F64:
    """(frames, channels) of talking peaking at `peak`, over white room noise at `room_dbfs`
    (RMS); `pauses` adds a breath pause (0.3-0.6 s) after about one syllable in seven."""
    sig = scipy_signal()
    rng = np.random.default_rng(seed)
    fs = samplerate
    n = int(seconds * fs)
    voice = np.zeros(n)
    b, a = sig.butter(2, [2000 / (fs / 2), min(8000, 0.45 * fs) / (fs / 2)], "band")

    def put(pos: int, part: F64) -> None:
        m = max(0, min(part.size, n - pos))
        voice[pos : pos + m] += part[:m]

    pos = 0
    while pos < n:
        kind = int(rng.integers(3))
        if kind == 0:  # a stop: closure (the room alone), then a short burst
            pos += int(rng.uniform(0.04, 0.08) * fs)
            m = int(0.015 * fs)
            put(pos, sig.lfilter(b, a, rng.standard_normal(m)) * 0.15)
            pos += m
        elif kind == 1:  # a fricative
            m = int(rng.uniform(0.05, 0.1) * fs)
            put(pos, sig.lfilter(b, a, rng.standard_normal(m)) * 0.08)
            pos += m
        m = int(rng.uniform(0.08, 0.2) * fs)  # the vowel: harmonics of a speaking pitch
        t = np.arange(m) / fs
        f0 = rng.uniform(110, 220)
        vowel = sum(
            np.sin(2 * np.pi * f0 * k * t + rng.uniform(0, 2 * np.pi)) / k for k in range(1, 12)
        )
        put(pos, np.asarray(vowel) * np.sqrt(np.hanning(m)) * rng.uniform(0.3, 1.0))
        pos += m
        if pauses and rng.random() < 0.15:
            pos += int(rng.uniform(0.3, 0.6) * fs)
    voice *= peak / (np.abs(voice).max() or 1.0)
    room = rng.standard_normal((n, channels)) * 10 ** (room_dbfs / 20)
    out: F64 = voice[:, None] + room
    return out
