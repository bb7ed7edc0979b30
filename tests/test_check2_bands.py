"""Standing flicker bands (light flicker a multiple of the frame rate) found from each frame's
spatial pattern; stripes that belong to the set are not flagged; rolling bands keep working."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from studio.devices.camera import flicker
from studio.devices.camera.analyzer import FrameAnalyzer
from studio.devices.camera.camera_check import run_check, summarise
from studio.devices.camera.evaluate import evaluate
from studio.devices.camera.sources import parse_source
from studio.devices.camera.synthetic import studio_frames
from studio.devices.camera.thresholds import DEFAULTS
from studio.devices.findings import Finding
from studio.profile import Profile

SMALL = Profile(
    {
        "camera": {
            "resolution": {
                "min_width_warn": 320,
                "min_height_warn": 180,
                "min_width_fail": 320,
                "min_height_fail": 180,
            }
        }
    }
).section("camera", DEFAULTS)


def _measure(fps: float, light: float | None, depth: float, scene: str = "clean", **kw: Any):  # type: ignore[no-untyped-def]
    an = FrameAnalyzer(DEFAULTS)
    stats = [
        an.analyse(img, i / fps)
        for i, img in enumerate(studio_frames(fps, light, depth, scene=scene, seconds=3.0, **kw))
    ]
    metrics = summarise(stats, [s.ts for s in stats], None, DEFAULTS)
    finding = next(f for f in evaluate(metrics, DEFAULTS) if f.check == "flicker")
    return metrics, finding


def _code_depth_pct(depth: float) -> float:
    """What a ±`depth` light modulation becomes in 8-bit sRGB luma around mid-grey: the
    curve's slope in log-log there is ~0.42 (so 10 % more light is ~4.2 % more code)."""
    return 100.0 * depth * 0.42


@pytest.mark.parametrize(
    ("fps", "light", "mains", "shutters"),
    [(25.0, 100.0, 50, "1/50 or 1/100 s"), (50.0, 100.0, 50, "1/50 or 1/100 s"),
     (30.0, 120.0, 60, "1/60 or 1/120 s")],
)  # fmt: skip
@pytest.mark.parametrize("depth", [0.12, 0.25, 0.5])
def test_standing_bands_are_found_with_frequency_depth_and_shutter_advice(
    fps: float, light: float, mains: int, shutters: str, depth: float
) -> None:
    """Bands that stand still are reported with the light's frequency, the mains, how many
    per frame, a depth that follows the light's modulation, and the shutter to set."""
    m, f = _measure(fps, light, depth)
    assert m["banding_standing"] is True
    assert m["flicker_hz"] is None  # nothing pulses in time: that is why they stand still
    assert m["banding_hz"] == light and m["mains_hz"] == mains
    assert m["bands_per_frame"] == pytest.approx(light / fps, abs=0.25)
    # The set's own row structure at the same spacing adds to or takes from it.
    assert m["banding_depth_pct"] == pytest.approx(_code_depth_pct(depth), rel=0.5)
    assert f.status == ("fail" if m["banding_depth_pct"] >= 4.0 else "warn")
    assert "Standing bands" in f.message and shutters in f.message
    assert f"{mains} Hz mains" in f.message


def test_depth_grows_with_the_light_modulation() -> None:
    """Deeper flicker reads deeper: the depth is a measurement, not a flag."""
    depths = [_measure(25.0, 100.0, d)[0]["banding_depth_pct"] for d in (0.12, 0.25, 0.5)]
    assert depths[0] < depths[1] < depths[2]


@pytest.mark.parametrize("scene", ["clean", "blinds", "shirt", "shelves"])
@pytest.mark.parametrize("fps", [25.0, 30.0, 50.0])
def test_stripes_in_the_set_are_not_bands(scene: str, fps: float) -> None:
    """Blinds, a striped shirt on a moving anchor and shelf boards under steady light: no
    flicker finding, at frame rates where standing bands could occur."""
    m, f = _measure(fps, None, 0.0, scene)
    assert f.status == "pass", f.message
    assert m["banding_standing"] is False and m["banding_hz"] is None


@pytest.mark.parametrize("scene", ["shirt", "blinds"])
def test_standing_bands_over_a_striped_set_are_still_found(scene: str) -> None:
    """Bands of a strong light flicker are found in a set that has stripes of its own."""
    m, f = _measure(25.0, 100.0, 0.25, scene)
    assert m["banding_standing"] is True and f.status == "fail"


def test_a_sensor_with_a_faster_readout_draws_fewer_standing_bands() -> None:
    """Readout in 80 % of the frame period at 50 fps: 1.6 bands per frame, still found."""
    m, _ = _measure(50.0, 100.0, 0.25, readout=0.8)
    assert m["banding_standing"] is True
    assert m["bands_per_frame"] == pytest.approx(1.6, abs=0.2)


def test_bands_that_crawl_at_29_97_fps_are_found() -> None:
    """120 Hz light at 29.97 fps: bands crawl at 0.12 Hz, too slow for the temporal analysis;
    found as standing, with the crawl measured."""
    an = FrameAnalyzer(DEFAULTS)
    stats = [
        an.analyse(img, i / 29.97)
        for i, img in enumerate(studio_frames(29.97, 120.0, 0.25, seconds=3.0))
    ]
    profiles = np.stack([s.row_profile_strips for s in stats])
    band = flicker.standing_bands(
        profiles, np.array([s.ts for s in stats]), 29.97, flicker.standing_lights(29.97, 3.0)
    )
    assert band is not None
    assert abs(band.drift_hz) == pytest.approx(0.12, abs=0.05)
    assert band.steadiness > 0.9


@pytest.mark.parametrize(("fps", "light"), [(30.0, 100.0), (25.0, 120.0)])
def test_rolling_bands_keep_the_temporal_path(fps: float, light: float) -> None:
    """Flicker that is not a multiple of the frame rate still reads as a pulse at its alias
    (10 Hz, 5 Hz), not as standing bands."""
    m, f = _measure(fps, light, 0.25, "shirt")
    assert m["banding_standing"] is False
    assert m["flicker_hz"] == pytest.approx(flicker.alias_hz(light, fps), abs=0.3)
    assert f.status == "fail" and "pulses" in f.message


def test_frame_rates_where_bands_can_stand() -> None:
    """Only lights whose flicker aliases near 0 Hz can stand still: 100 Hz at 25/50 fps,
    120 Hz at 30/60 (and 29.97) fps, both at 20 fps."""
    assert flicker.standing_lights(25.0, 3.0) == [100.0]
    assert flicker.standing_lights(50.0, 3.0) == [100.0]
    assert flicker.standing_lights(30.0, 3.0) == [120.0]
    assert flicker.standing_lights(59.94, 3.0) == [120.0]
    assert flicker.standing_lights(20.0, 3.0) == [100.0, 120.0]
    assert flicker.standing_lights(24.0, 3.0) == [120.0]
    assert flicker.standing_lights(15.5, 3.0) == []


def test_unknown_mains_gives_both_shutter_choices() -> None:
    """At 20 fps both mains could draw standing bands: the advice names both."""
    metrics = {
        "flicker_measured": True,
        "banding_standing": True,
        "bands_per_frame": 5.0,
        "banding_depth_pct": 6.0,
        "banding_hz": None,
        "mains_hz": None,
        "fps_measured": 20.0,
    }
    f = next(f for f in evaluate(metrics, DEFAULTS, "light") if f.check == "flicker")
    assert f.status == "fail"
    assert "1/50 or 1/100 s on 50 Hz mains, 1/60 or 1/120 s on 60 Hz" in f.message


def _write(path: Path, frames: list[np.ndarray], fps: float) -> Path:
    h, w = frames[0].shape[:2]
    out = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (w, h))
    for img in frames:
        out.write(img)
    out.release()
    return path


def test_camera_check_of_a_video_file_reports_standing_bands(tmp_path: Path) -> None:
    """The whole check on a 25 fps file under 100 Hz light: the flicker finding fails with
    the standing-band advice; the same set without flicker passes it."""
    bad = _write(tmp_path / "bands.avi", list(studio_frames(25.0, 100.0, 0.3, seconds=3)), 25.0)
    good = _write(tmp_path / "steady.avi", list(studio_frames(25.0, None, 0.0, seconds=3)), 25.0)

    def flicker_finding(path: Path) -> tuple[dict[str, Any], Finding]:
        r = run_check(parse_source(str(path)), 5, SMALL, "light")
        return r.metrics, next(f for f in r.findings if f.check == "flicker")

    m, f = flicker_finding(bad)
    assert m["banding_standing"] and f.status == "fail"
    assert "anti-flicker 50 Hz" in f.message
    m, f = flicker_finding(good)
    assert not m["banding_standing"] and f.status == "pass"
