# ruff: noqa: E402  (thread limits must be set before numpy is imported)
"""Speed of the full mic-check analysis (`studio check mic`, and the GUI's guided check) on one
core, in seconds of 48 kHz stereo audio analysed per CPU second ("x real time").

    .venv/bin/python benchmarks/bench_mic.py [--seconds 60] [--repeat 5]

Two materials: the speech-like signal bench_audio.py has always used (noise bursts with
pauses), and continuous talking (`devices.audio.synthetic.talking`); each as the guided check
runs it (a 3 s quiet step, then the speech) and as a one-shot recording. Prints the best of
`--repeat` runs (CPU time of this process), and the share of each step of the analysis.
Target (issue 20): >= 300x real time on one core.
"""

from __future__ import annotations

import os

# One core: keep BLAS / FFT helpers single-threaded before numpy loads.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse
import time
from collections.abc import Callable

import numpy as np
from scipy import signal

from studio.devices.audio import clipping, hum, levels, loudness, noise, stereo
from studio.devices.audio import mic_check as check
from studio.devices.audio.synthetic import talking

FS = 48000


def speech_like(seconds: float, seed: int = 0) -> np.ndarray:
    """The material of benchmarks/bench_audio.py (so the figures compare with its history)."""
    rng = np.random.default_rng(seed)
    n = int(seconds * FS)
    t = np.arange(n) / FS
    env = signal.lfilter([0.005], [1, -0.995], (np.sin(2 * np.pi * 3.1 * t) > 0).astype(float))
    b, a = signal.butter(2, [200 / (FS / 2), 4000 / (FS / 2)], "band")
    x = signal.lfilter(b, a, rng.standard_normal(n)) * env
    x = 0.3 * x / np.max(np.abs(x))
    return np.stack([x, 0.9 * x + 1e-4 * rng.standard_normal(n)], axis=1).astype(np.float32)


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    quiet = (np.random.default_rng(1).standard_normal((FS * 3, 2)) * 1e-4).astype(np.float32)
    materials = {
        "speech-like bursts": speech_like(args.seconds),
        "continuous talking": talking(args.seconds, FS).astype(np.float32),
    }
    print(f"mic-check analysis, {args.seconds:g} s of 48 kHz stereo (float32), one core")
    for name, x in materials.items():
        check.analyse(x[: FS * 2], FS)  # warm-up: scipy import, filter designs
        guided = best_cpu(lambda x=x: check.analyse(x, FS, quiet=quiet), args.repeat)
        one_shot = best_cpu(lambda x=x: check.analyse(x, FS), args.repeat)
        total = args.seconds + 3.0
        print(
            f"  {name:20s} guided (3 s quiet + speech): {total / guided:5.0f}x real time "
            f"({guided * 1000:.0f} ms)   one-shot: {args.seconds / one_shot:5.0f}x "
            f"({one_shot * 1000:.0f} ms)"
        )
    x = np.asarray(materials["speech-like bursts"], dtype=np.float64, order="F")
    steps: dict[str, Callable[[], object]] = {
        "levels + true peak": lambda: levels.measure_levels(x, FS),
        "loudness (BS.1770)": lambda: loudness.measure_loudness(x, FS),
        "noise floor (gaps)": lambda: noise.floor_and_speech_levels(x, FS),
        "hum": lambda: hum.find_hum(x, FS),
        "clipping": lambda: clipping.find_clipping(x),
        "balance": lambda: stereo.channel_balance(x),
    }
    print("  steps, speech-like bursts (ms):")
    for label, fn in steps.items():
        print(f"    {label:20s} {best_cpu(fn, args.repeat) * 1000:6.1f}")


if __name__ == "__main__":
    main()
