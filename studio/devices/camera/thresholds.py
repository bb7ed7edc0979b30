"""Default thresholds of the camera and light checks; a studio overrides them in its profile.

Read them with `profile.section("camera", DEFAULTS)`. In `profile.yaml`, for example:

    camera:
      resolution: {min_width_warn: 1920, min_height_warn: 1080}
      exposure: {target_luma: 125}

Units: luma levels are 8-bit (0-255, Rec.601 Y'); sharpness is the variance of the 3x3 Laplacian
at the camera's native resolution (so a 720p and a 1080p camera are judged on their own pixels);
stops are powers of two of linear light; CCT in kelvin; Duv is the CIE 1960 distance from the
Planckian locus (positive green, negative magenta).
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Width of the downscaled copy that exposure, colour, lighting and flicker are measured on
    # (a sample of the frame's pixels: same means and histograms, ~10x cheaper).
    "analysis_width": 640,
    # Face detection (OpenCV's bundled Haar cascade) is slow-ish: run it this often, reuse the box.
    "face_every_s": 0.5,
    "face_detect_width": 256,
    # One search is split by face size over this many consecutive frames (no frame pays for
    # all of it: a whole search costs several frame periods of CPU at 1080p).
    "face_search_slices": 4,
    "fps": {
        "expected": None,  # None: the negotiated/native rate, else e.g. 30
        "min_ratio_warn": 0.95,  # measured / expected below this -> warn
        "min_ratio_fail": 0.80,
        "jitter_ms_warn": 8.0,  # std of frame intervals
        "dropped_pct_warn": 0.5,  # frames missing from the timestamps, % of expected
        "dropped_pct_fail": 2.0,
    },
    "resolution": {
        "min_width_warn": 1280,
        "min_height_warn": 720,
        "min_width_fail": 854,
        "min_height_fail": 480,
    },
    "focus": {
        "warn_below": 60.0,  # Laplacian variance (face region when a face is found)
        "fail_below": 25.0,
    },
    "exposure": {
        "target_luma": 118.0,  # mid-grey in sRGB (18% reflectance)
        "warn_stops": 0.7,  # |distance from target| in stops of linear light
        "fail_stops": 1.5,
        "clip_level": 250,  # luma >= this counts as clipped
        "crush_level": 5,  # luma <= this counts as crushed
        "clipped_pct_warn": 1.0,
        "clipped_pct_fail": 5.0,
        "crushed_pct_warn": 5.0,
        "crushed_pct_fail": 20.0,
    },
    "white_balance": {
        "cct_min_warn": 4800.0,  # grey-world CCT of the picture, kelvin
        "cct_max_warn": 7800.0,
        "cct_min_fail": 3800.0,
        "cct_max_fail": 10000.0,
        "duv_warn": 0.010,  # green/magenta tint
        "duv_fail": 0.020,
    },
    "lighting_balance": {
        "warn_stops": 0.8,  # face left vs right (whole frame when no face), linear light
        "fail_stops": 1.6,
        "evenness_warn": 0.35,  # darkest / brightest cell of a 3x3 grid (info on the frame)
    },
    "flicker": {
        # Slower changes are auto-exposure or people moving, not lights: mains flicker aliases
        # to 5, 10 or 20 Hz at 25/30/50/60 fps (or to 0 Hz, where only the bands show it).
        "min_hz": 3.0,
        "snr_min": 8.0,  # spectral peak over the median of the spectrum
        "min_coverage": 0.75,  # share of strips (and frames, for bands) showing that peak
        "depth_pct_warn": 1.0,  # peak amplitude as % of mean luma
        "depth_pct_fail": 4.0,
        "band_depth_pct_warn": 1.0,
        "band_depth_pct_fail": 4.0,
        "min_seconds": 1.0,  # shorter runs cannot tell flicker from the scene
        # Bands that stand still (light flicker a multiple of the frame rate; see
        # flicker.standing_bands): what tells them from stripes in the set.
        "standing_snr_min": 6.0,  # power at the band spacing over the scene's row structure
        "standing_min_coverage": 0.5,  # share of the width's quarters showing the same wave
        "standing_min_evenness": 0.3,  # weakest part of the height, relative to the whole
        "standing_min_steadiness": 0.8,  # 1.0: the same place in every frame
        "standing_max_harmonics": 0.6,  # thin lines (shelf boards) have strong harmonics
        "standing_min_bands": 1.4,  # fewer per frame height look like a lighting gradient
    },
    "frozen": {
        "max_diff": 0.15,  # mean |difference| of consecutive frames (levels) that is "identical"
        "warn_s": 0.3,  # longest identical run
        "fail_s": 1.0,
    },
    "black": {
        "max_p99": 20.0,  # a frame whose 99th luma percentile is below this is black
        "warn_frames": 1,
        "fail_s": 0.5,
    },
    "monitor": {
        "frozen_on_s": 1.0,  # live conditions switch on after this long...
        "black_on_s": 0.5,
        "fps_low_ratio": 0.8,
        "fps_window_s": 2.0,
        "off_after_s": 1.0,  # ...and off after this long without the fault
    },
}
