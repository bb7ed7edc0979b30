"""Unit tests of the camera analysis functions on synthetic images with known truth."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.devices.camera import colour, exposure, flicker, framerate, lighting
from studio.devices.camera.analyzer import FrameAnalyzer
from studio.devices.camera.evaluate import evaluate
from studio.devices.camera.focus import FaceDetector, sharpness
from studio.devices.camera.synthetic import base_scene, draw_face
from studio.devices.camera.thresholds import DEFAULTS

HAS_CASCADE = FaceDetector().available


def _encode(lin: np.ndarray) -> np.ndarray:
    v = np.clip(lin, 0, 1)
    enc = np.where(v <= 0.0031308, v * 12.92, 1.055 * v ** (1 / 2.4) - 0.055)
    return np.clip(enc * 255 + 0.5, 0, 255).astype(np.uint8)


def _render_xy(
    x: float, y: float, Y: float = 0.25, size: tuple[int, int] = (90, 160)
) -> np.ndarray:
    rgb = colour.xy_to_rgb(x, y, Y)
    px = _encode(rgb)[::-1]  # RGB -> BGR
    return np.broadcast_to(px, (*size, 3)).copy()


def test_sharpness_of_flat_image_is_zero() -> None:
    """A featureless frame has no Laplacian energy at all."""
    assert sharpness(np.full((120, 160), 97, np.uint8)) == 0.0


def test_sharpness_of_white_noise_matches_kernel_gain() -> None:
    """iid noise of variance s^2 gives Laplacian variance 20 s^2 (sum of squared 3x3 taps)."""
    rng = np.random.default_rng(1)
    img = np.clip(rng.normal(128, 10, (400, 400)), 0, 255).astype(np.uint8)
    var = float(np.var(img.astype(np.float64)))
    assert sharpness(img) == pytest.approx(20 * var, rel=0.05)


def test_blur_lowers_sharpness_by_a_lot() -> None:
    """Defocus (Gaussian blur) drops the focus score by well over an order of magnitude."""
    gray = cv2.cvtColor(base_scene(640, 360), cv2.COLOR_BGR2GRAY)
    blurred = cv2.GaussianBlur(gray, (0, 0), 3)
    assert sharpness(blurred) * 10 < sharpness(gray)


def test_luma_stats_half_black_half_white() -> None:
    """Half 0 / half 255: mean 127.5, 50 % clipped and 50 % crushed, median at the split."""
    img = np.zeros((100, 100), np.uint8)
    img[:, 50:] = 255
    s = exposure.luma_stats(img)
    assert s.mean == pytest.approx(127.5)
    assert s.clipped_pct == pytest.approx(50.0)
    assert s.crushed_pct == pytest.approx(50.0)
    assert s.p5 == 0 and s.p99 == 255


def test_luma_percentiles_of_a_ramp() -> None:
    """Every level equally often: the q-th percentile sits at q % of 255."""
    img = np.tile(np.arange(256, dtype=np.uint8), (40, 1))
    s = exposure.luma_stats(img)
    assert s.p50 == pytest.approx(127.5, abs=1)
    assert s.p95 == pytest.approx(0.95 * 255, abs=1.5)


def test_stops_between_levels_double_light() -> None:
    """One stop is twice the linear light, whatever the sRGB curve does to code values."""
    lin = exposure.to_linear(118)
    doubled = _encode(np.array([2 * lin]))[0]
    assert exposure.stops_between(118, float(doubled)) == pytest.approx(1.0, abs=0.03)
    assert exposure.stops_between(float(doubled), 118) == pytest.approx(-1.0, abs=0.03)


@pytest.mark.parametrize(
    ("x", "y", "cct", "duv"),
    [
        (0.3127, 0.3290, 6504, 0.0032),  # D65
        (0.44757, 0.40745, 2856, 0.0000),  # illuminant A (tungsten)
        (0.34567, 0.35850, 5003, 0.0033),  # D50
    ],
)
def test_cct_and_duv_of_rendered_chromaticity(x: float, y: float, cct: float, duv: float) -> None:
    """A flat frame rendered at a standard illuminant's xy reads back its CCT and Duv."""
    img = _render_xy(x, y)
    wp = colour.white_point(colour.grey_world(img))
    assert wp is not None and wp.cct_kelvin is not None
    assert wp.cct_kelvin == pytest.approx(cct, abs=60)
    assert wp.duv == pytest.approx(duv, abs=0.002)


def test_grey_world_ignores_clipped_pixels() -> None:
    """Blown-out pixels carry no colour information and must not drag the estimate."""
    img = _render_xy(0.44757, 0.40745)
    img[:, :40] = 255
    wp = colour.white_point(colour.grey_world(img))
    assert wp is not None and wp.cct_kelvin == pytest.approx(2856, abs=60)


def test_white_patch_reads_the_brightest_unclipped_area() -> None:
    """A D65 white card in a warm-coloured scene: white-patch finds the card's 6500 K."""
    img = _render_xy(0.5, 0.41, Y=0.1)
    img[10:30, 10:40] = _render_xy(0.3127, 0.3290, Y=0.8, size=(20, 30))
    wp = colour.white_point(colour.white_patch(img, top_pct=3.0))
    assert wp is not None and wp.cct_kelvin == pytest.approx(6504, abs=100)


def test_warm_gain_lowers_cct() -> None:
    """More red and less blue in linear light reads as a lower colour temperature."""
    lin = colour.xy_to_rgb(0.3127, 0.3290, 0.2) * np.array([1.3, 1.0, 0.7])
    img = np.broadcast_to(_encode(lin)[::-1], (40, 40, 3)).copy()
    wp = colour.white_point(colour.grey_world(img))
    assert wp is not None and wp.cct_kelvin is not None and wp.cct_kelvin < 4800


def test_evenness_and_left_right_balance() -> None:
    """Uniform light is perfectly even; a left half with twice the light is +1 stop."""
    flat = np.full((90, 160), 120, np.uint8)
    assert lighting.evenness(flat) == pytest.approx(1.0)
    img = flat.copy()
    img[:, :80] = _encode(np.array([2 * exposure.to_linear(120)]))[0]
    assert lighting.left_right_stops(img) == pytest.approx(1.0, abs=0.03)
    assert lighting.evenness(img) < 0.75


def test_alias_of_mains_flicker() -> None:
    """100 Hz at 30 fps shows as 10 Hz; 120 Hz at 30 fps is invisible in time (0 Hz)."""
    assert flicker.alias_hz(100, 30) == pytest.approx(10)
    assert flicker.alias_hz(120, 30) == pytest.approx(0)
    assert flicker.alias_hz(120, 25) == pytest.approx(5)
    assert flicker.implied_mains(10.0, 30, 0.5) == [50]
    assert flicker.implied_mains(5.0, 25, 0.5) == [60]


def test_temporal_flicker_finds_the_alias_and_depth() -> None:
    """Brightness modulated 5 % at 100 Hz, sampled at 30 fps for 3 s: 10 Hz, ~5 % deep."""
    ts = np.arange(90) / 30.0
    luma = 120 * (1 + 0.05 * np.sin(2 * math.pi * 100 * ts))
    peak = flicker.temporal_flicker(ts, luma, 30.0)
    assert peak is not None
    assert peak.hz == pytest.approx(10.0, abs=0.2)
    assert peak.depth_pct == pytest.approx(5.0, rel=0.25)
    assert peak.snr > 50


def test_temporal_flicker_on_steady_light_is_weak() -> None:
    """Noise alone gives no strong peak."""
    rng = np.random.default_rng(3)
    ts = np.arange(90) / 30.0
    peak = flicker.temporal_flicker(ts, 120 + rng.normal(0, 0.1, 90), 30.0)
    assert peak is None or peak.depth_pct < 0.2


def test_banding_from_rolling_shutter_estimates_flicker_hz() -> None:
    """Rows read over one frame period under 100 Hz light: ~3.3 bands, ~100 Hz implied."""
    rows, fps = 360, 30.0
    r = np.arange(rows) / rows
    scene = 100 + 30 * np.sin(r * 7)  # static content cancels out
    profiles = np.stack(
        [scene * (1 + 0.06 * np.sin(2 * math.pi * 100 * (i / fps + r / fps))) for i in range(60)]
    )
    peak = flicker.banding(profiles, fps)
    assert peak is not None
    assert peak.hz == pytest.approx(100, abs=8)
    assert peak.depth_pct == pytest.approx(6.0, rel=0.3)


def test_frame_timing_counts_dropped_frames_from_gaps() -> None:
    """30 fps timestamps with frames 10-12 missing: 3 dropped, rate from the span."""
    ts = [i / 30 for i in range(60) if i not in (10, 11, 12)]
    t = framerate.frame_timing(ts, 30.0)
    assert t.dropped_frames == 3
    assert t.interval_ms == pytest.approx(33.33, abs=0.01)
    assert t.expected_frames == 60


def test_frame_timing_jitter() -> None:
    """Alternating 30/36.7 ms intervals have a 3.3 ms standard deviation and no drops."""
    d = np.tile([0.030, 0.0366667], 30)
    t = framerate.frame_timing(np.concatenate([[0], np.cumsum(d)]))
    assert t.jitter_ms == pytest.approx(3.33, abs=0.05)
    assert t.dropped_frames == 0


def test_longest_run() -> None:
    """The longest flagged stretch counts its frames' duration, lone frames one period."""
    flags = [False, True, True, True, False, True]
    ts = [i / 10 for i in range(6)]
    assert framerate.longest_run_s(flags, ts, 0.1) == pytest.approx(0.3)


@pytest.mark.skipif(not HAS_CASCADE, reason="this OpenCV ships no Haar cascades (OpenCV 5)")
def test_face_detector_finds_a_drawn_face() -> None:
    """The bundled Haar cascade finds the synthetic face where it was drawn."""
    img = np.full((180, 320, 3), 110, np.uint8)
    draw_face(img, 200, 90, 45)
    box = FaceDetector().detect(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    assert box is not None
    assert abs(box.x + box.w / 2 - 200) < 15 and abs(box.y + box.h / 2 - 90) < 20


def test_frozen_and_black_flags_per_frame() -> None:
    """A repeated frame is frozen, a black frame is black and not frozen."""
    an = FrameAnalyzer(DEFAULTS)
    img = base_scene(320, 180)
    assert not an.analyse(img, 0.0).frozen
    assert an.analyse(img, 1 / 30).frozen
    black = np.zeros_like(img)
    an.analyse(black, 2 / 30)
    s = an.analyse(black, 3 / 30)
    assert s.black and not s.frozen


def test_dark_frame_message_says_how_many_stops() -> None:
    """Three stops under target reads as 'raise ... by ~3 stops' with a failing status."""
    level = float(_encode(np.array([exposure.to_linear(118) / 8]))[0])
    findings = evaluate(
        {"luma_mean": level, "clipped_highlights_pct": 0.0, "crushed_shadows_pct": 0.0},
        DEFAULTS,
        "light",
    )
    f = next(f for f in findings if f.check == "exposure")
    assert f.status == "fail"
    assert "raise key light or exposure by ~3 stops" in f.message


@given(st.floats(0.5, 500.0), st.floats(5.0, 120.0))
def test_alias_always_falls_in_the_first_nyquist_zone(f: float, fs: float) -> None:
    """Whatever the flicker and frame rate, the alias lies between 0 and fs/2."""
    a = flicker.alias_hz(f, fs)
    assert -1e-9 <= a <= fs / 2 + 1e-9


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 255), st.integers(0, 255))
def test_luma_percentiles_are_ordered(lo: int, hi: int) -> None:
    """Percentiles never decrease and the mean lies between the extremes."""
    lo, hi = min(lo, hi), max(lo, hi)
    img = np.linspace(lo, hi, 64 * 64).reshape(64, 64).astype(np.uint8)
    s = exposure.luma_stats(img)
    assert s.p1 <= s.p5 <= s.p50 <= s.p95 <= s.p99
    assert lo <= s.mean <= hi


def test_bands_on_one_side_only_are_not_a_light() -> None:
    """Stripes moving in the left half only (a striped shirt) cover half the channels;
    a light's bands cross the whole width and cover all of them."""
    rows, fps = 180, 30.0
    r = np.arange(rows) / rows
    moving = np.stack(
        [100 * (1 + 0.06 * np.sin(2 * math.pi * (3.3 * r + i / 3))) for i in range(60)]
    )
    still = np.full_like(moving, 100.0)
    one_side = flicker.banding(np.stack([moving, still]), fps)
    both = flicker.banding(np.stack([moving, moving]), fps)
    assert one_side is not None and both is not None
    assert both.coverage == pytest.approx(1.0)
    assert one_side.coverage < DEFAULTS["flicker"]["min_coverage"]
