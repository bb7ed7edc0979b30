"""Microphone targets and limits. A studio overrides any of them in its profile:

    mic:
      target_lufs: -14
      true_peak_max_dbtp: -2

Read them with `profile.section("mic", DEFAULTS)`.
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Loudness of the speech step (gated integrated, LUFS) and how far off is still fine / a fail.
    "target_lufs": -16.0,
    "loudness_tolerance_lu": 3.0,
    "loudness_fail_lu": 12.0,
    # True peak must stay below this (dBTP); streaming encoders clip inter-sample overs.
    "true_peak_max_dbtp": -1.0,
    # No signal at all: peak below this (dBFS) over the whole recording.
    "silence_dbfs": -60.0,
    # Clipping: runs of >= clip_min_run samples at >= clip_level (linear full scale).
    "clip_level": 0.999,
    "clip_min_run": 3,
    "clip_warn_runs": 1,
    "clip_fail_runs": 5,
    # Noise floor of the quiet step (dBFS) and speech-to-noise ratio (dB).
    "noise_floor_warn_dbfs": -60.0,
    "noise_floor_fail_dbfs": -45.0,
    "snr_warn_db": 35.0,
    "snr_fail_db": 20.0,
    # Mains hum: a line this many dB above its neighbourhood; a fail when this loud (dBFS).
    "hum_prominence_db": 12.0,
    "hum_min_dbfs": -80.0,
    "hum_fail_dbfs": -40.0,
    # Stereo inputs: left/right level difference (dB) and correlation below this = polarity issue.
    "balance_warn_db": 3.0,
    "balance_fail_db": 10.0,
    "correlation_warn": -0.2,
    # Input overflows (dropped blocks) during a check.
    "dropouts_warn": 1,
    "dropouts_fail": 10,
    "dc_offset_warn": 0.01,
    # Guided check steps (seconds).
    "quiet_seconds": 3.0,
    "speech_seconds": 5.0,
    # Live monitor: silent for this long (peak below silence_dbfs) raises `mic_silent`;
    # clip_burst_runs clipped runs within clip_burst_seconds raise `clipping_burst`.
    "silent_seconds": 5.0,
    "clip_burst_runs": 3,
    "clip_burst_seconds": 2.0,
    "clip_burst_clear_seconds": 5.0,
}
