# ruff: noqa: E402  (thread limits must be set before numpy is imported)
"""Mic analysis speed. Prints:

1. seconds of 48 kHz stereo audio analysed per CPU second, on one core (the full `studio check
   mic` analysis, and the live monitor's per-block work);
2. integrated loudness of a 1-hour file: our time vs pyloudnorm, and the ratio.

Run: .venv/bin/python benchmarks/bench_audio.py [--minutes 60] [--keep FILE]
"""

from __future__ import annotations

import os

# One core: keep BLAS / FFT helpers single-threaded before numpy loads.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy import signal

from studio.devices.audio import loudness
from studio.devices.audio import mic_check as check
from studio.devices.audio.capture import ArrayCapture
from studio.devices.audio.monitor import LiveMonitor

FS = 48000


def speech_like(seconds: float, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(seconds * FS)
    t = np.arange(n) / FS
    env = signal.lfilter([0.005], [1, -0.995], (np.sin(2 * np.pi * 3.1 * t) > 0).astype(float))
    b, a = signal.butter(2, [200 / (FS / 2), 4000 / (FS / 2)], "band")
    x = signal.lfilter(b, a, rng.standard_normal(n)) * env
    x = 0.3 * x / np.max(np.abs(x))
    return np.stack([x, 0.9 * x + 1e-4 * rng.standard_normal(n)], axis=1).astype(np.float32)


def cpu(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def bench_analysis() -> None:
    x = speech_like(60.0)
    quiet = (np.random.default_rng(1).standard_normal((FS * 3, 2)) * 1e-4).astype(np.float32)
    secs = cpu(lambda: check.analyse(x, FS, quiet=quiet))
    print(
        f"full mic-check analysis: {63 / secs:8.0f} s of 48 kHz stereo audio per CPU second "
        f"({secs * 1000:.0f} ms for 63 s)"
    )
    secs = cpu(lambda: loudness.measure_loudness(x, FS))
    print(f"loudness only (M/S/I/LRA): {60 / secs:6.0f} s of audio per CPU second")

    cap = ArrayCapture(np.zeros((16, 2), np.float32), FS)

    def live() -> None:
        mon = LiveMonitor(cap)
        for i in range(0, x.shape[0], 1920):  # 40 ms blocks, as the monitor thread reads them
            mon.feed(x[i : i + 1920])

    secs = cpu(live)
    print(
        f"live monitor (40 ms blocks): {60 / secs:6.0f} s of audio per CPU second "
        f"({secs / 1500 * 1000:.2f} ms per 40 ms block)"
    )


def bench_hour(minutes: float, keep: Path | None) -> None:
    import pyloudnorm

    path = keep or Path(tempfile.gettempdir()) / "bench_audio_hour.wav"
    if not path.exists():
        print(f"writing {minutes:g} min of stereo speech-like audio to {path} ...")
        block = speech_like(60.0, seed=7)
        rng = np.random.default_rng(3)
        with sf.SoundFile(path, "w", FS, 2, subtype="PCM_16") as f:
            for _ in range(int(minutes)):
                f.write(block * float(10 ** (rng.uniform(-20, 0) / 20)))
    try:
        t = time.process_time()
        meter = loudness.LoudnessMeter(FS, 2)
        with sf.SoundFile(path) as f:
            for chunk in f.blocks(blocksize=FS * 10, dtype="float32", always_2d=True):
                meter.feed(chunk)
        ours_stream = meter.integrated()
        ours_stream_s = time.process_time() - t

        data, _ = sf.read(path, dtype="float64", always_2d=True)
        t = time.process_time()
        ours = loudness.integrated_loudness(data, FS)
        ours_s = time.process_time() - t
        t = time.process_time()
        ref = pyloudnorm.Meter(FS).integrated_loudness(data)
        ref_s = time.process_time() - t
    finally:
        if keep is None:
            path.unlink(missing_ok=True)
    print(
        f"integrated loudness of {minutes:g} min stereo: ours {ours_s:.2f} s CPU ({ours:.2f} LUFS), "
        f"pyloudnorm {ref_s:.2f} s ({ref:.2f} LUFS): {ref_s / ours_s:.1f}x faster"
    )
    print(
        f"  ours streamed from the file (read + analyse, 10 s chunks): {ours_stream_s:.2f} s "
        f"({ours_stream:.2f} LUFS)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--keep", type=Path, help="reuse / keep the long test file here")
    args = ap.parse_args()
    bench_analysis()
    bench_hour(args.minutes, args.keep)


if __name__ == "__main__":
    main()
