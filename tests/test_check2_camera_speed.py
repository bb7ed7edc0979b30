"""The cheaper camera analysis gives the same answers: focus sampled on bands of native
pixels, statistics on point samples, and a face search spread over consecutive frames.
(Its speed is measured by benchmarks/bench_camera.py, not here.)"""

from __future__ import annotations

import itertools

import cv2
import numpy as np
import pytest

from studio.devices.camera import exposure
from studio.devices.camera.analyzer import FrameAnalyzer, banded_sharpness
from studio.devices.camera.focus import FaceDetector, FaceSearch, min_face_side, size_slices
from studio.devices.camera.synthetic import base_scene, frames
from studio.devices.camera.thresholds import DEFAULTS

HAS_CASCADE = FaceDetector().available
needs_cascade = pytest.mark.skipif(not HAS_CASCADE, reason="this OpenCV ships no Haar cascades")


@pytest.fixture(scope="module")
def hd() -> np.ndarray:
    return next(frames("clean", 1920, 1080))


def _gray(img: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)


def test_banded_focus_estimates_the_whole_frame(hd: np.ndarray) -> None:
    """A quarter of the rows, moved down a band each frame: every frame within 15 % of the
    whole frame's Laplacian variance, four frames together within 5 %."""
    lap = cv2.Laplacian(_gray(hd), cv2.CV_64F)
    whole = float(lap.var())
    each = [banded_sharpness(hd, phase) for phase in range(4)]
    assert all(v == pytest.approx(whole, rel=0.15) for v in each)
    assert float(np.mean(each)) == pytest.approx(whole, rel=0.05)


def test_banded_focus_still_tells_blur(hd: np.ndarray) -> None:
    """A defocused frame scores far below the sharp one, as on the full frame."""
    blurred = next(frames("blurred", 1920, 1080))
    assert banded_sharpness(blurred) < banded_sharpness(hd) / 5


def test_statistics_on_point_samples_match_the_full_frame(hd: np.ndarray) -> None:
    """Mean, percentiles and clipped share of the analysis copy match the full frame's."""
    bright = cv2.convertScaleAbs(hd, alpha=1.9)  # some highlights clip
    full = exposure.luma_stats(_gray(bright))
    s = FrameAnalyzer(DEFAULTS).analyse(bright, 0.0)
    assert s.luma.mean == pytest.approx(full.mean, abs=1.0)
    assert s.luma.p50 == pytest.approx(full.p50, abs=2)
    assert s.luma.clipped_pct == pytest.approx(full.clipped_pct, abs=0.5)


def test_size_slices_split_the_search_into_contiguous_parts() -> None:
    """The slices cover every window size the whole search would, once, in order."""
    shape = (144, 256)
    parts = size_slices(shape, 24, 4)
    assert len(parts) == 4
    sizes = []
    k = 0
    while round(24 * 1.15**k) <= 144:
        if round(24 * 1.15**k) >= min_face_side(shape):
            sizes.append(round(24 * 1.15**k))
        k += 1
    covered = [s for lo, hi in parts for s in sizes if lo <= s <= hi]
    assert covered == sizes
    assert all(a[1] < b[0] for a, b in itertools.pairwise(parts))


@needs_cascade
def test_sliced_search_finds_what_one_search_finds() -> None:
    """On a still picture the spread search returns exactly detectMultiScale's face."""
    small = cv2.resize(_gray(base_scene(1920, 1080)), (256, 144), interpolation=cv2.INTER_AREA)
    detector = FaceDetector()
    search = FaceSearch(detector, 4)
    steps = 0
    done, box = False, None
    while not done:
        done, box = search.step(small)
        steps += 1
    assert steps == 4
    assert box is not None and box == detector.detect(small)


@needs_cascade
def test_the_analyzer_spreads_each_search_over_consecutive_frames() -> None:
    """At 30 fps, one search every 0.5 s runs on 4 frames in a row; the face is known from
    the end of the first search on and its box is in full-frame coordinates."""
    an = FrameAnalyzer(DEFAULTS)
    clip = list(frames("clean", 640, 360, 30.0, seconds=1.0))
    searched, faces = [], []
    for i, img in enumerate(clip):
        s = an.analyse(img, i / 30.0)
        searched.append(an.searched_last)
        faces.append(s.face)
    slices = DEFAULTS["face_search_slices"]
    assert searched[:slices] == [True] * slices
    assert not any(searched[slices:15])
    assert searched[15 : 15 + slices] == [True] * slices
    assert sum(searched) == 2 * slices
    assert all(f is None for f in faces[: slices - 1])
    face = faces[slices - 1]
    assert face is not None and abs(face.x + face.w / 2 - 320) < 30


def test_black_frames_pause_the_face_search() -> None:
    """Nothing is searched on a black frame."""
    an = FrameAnalyzer(DEFAULTS)
    an.analyse(np.zeros((360, 640, 3), np.uint8), 0.0)
    assert not an.searched_last
