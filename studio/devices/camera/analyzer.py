"""Per-frame analysis: one pass over a frame gives every measurement the checks need.

Cost is what decides the design (a 1080p frame every 16-33 ms, on one core, next to the
capture and the GUI): the frame is read at full resolution only where a downscaled copy would
change the answer, and everything else works on point samples of its pixels.

- Focus is the Laplacian variance of the frame's own pixels (a downscaled copy looks sharper
  than it is), on horizontal bands covering a quarter of the rows; the bands move down a step
  each frame, so over four frames every row is measured.
- Exposure, colour, lighting, the row profiles for flicker and the frozen-frame difference use a
  copy `analysis_width` wide made by point sampling (INTER_NEAREST): real pixels, so means,
  histograms, clipped highlights and sensor noise come out as on the full frame, for a fraction
  of the cost of an area average (which would also narrow the histogram and hide the noise).
- The face is looked for every `face_every_s` of stream time on an even smaller copy, the
  search split over `face_search_slices` frames (see `focus.FaceSearch`); the box is reused in
  between.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from studio.devices.camera import colour, exposure, framerate, lighting
from studio.devices.camera.focus import Box, FaceDetector, FaceSearch, sharpness

U8 = npt.NDArray[Any]  # 8-bit images (cv2 stubs type results loosely)
F32 = npt.NDArray[Any]

# Standing bands are told from the set by how many strips of the width show them (see
# flicker.standing_bands): narrow strips, so that an object covers few of them; a few cycles per
# frame height need no more than STRIP_ROWS rows.
PROFILE_STRIPS = 16
STRIP_ROWS = 180
# Focus bands: BAND_ROWS rows out of every BAND_STRIDE, at native resolution.
BAND_ROWS = 16
BAND_STRIDE = 64
FULL_FOCUS_MAX_ROWS = 480  # smaller frames are cheap enough to measure whole


@dataclass(slots=True)
class FrameStats:
    ts: float
    width: int
    height: int
    luma: exposure.LumaStats
    sharpness: float
    face: Box | None  # full-resolution coordinates
    face_sharpness: float | None
    face_luma_mean: float | None
    face_lr_stops: float | None
    frame_lr_stops: float
    evenness: float
    white: colour.WhitePoint | None
    diff: float | None  # vs the previous analysed frame
    frozen: bool
    black: bool
    row_profile: F32  # mean luma of each row of the analysis copy
    row_profile_lr: F32  # (2, rows): the same for the left and the right half
    # (PROFILE_STRIPS, rows): the same for vertical strips; None for frames made elsewhere
    row_profile_strips: F32 | None = None


_shared_detector: FaceDetector | None = None


def shared_face_detector() -> FaceDetector:
    """Loading the cascade costs ~50 ms: one per process."""
    global _shared_detector
    if _shared_detector is None:
        _shared_detector = FaceDetector()
    return _shared_detector


def banded_sharpness(image: U8, phase: int = 0) -> float:
    """Laplacian variance of the luma of BAND_ROWS-row bands, one every BAND_STRIDE rows
    starting `phase` bands down: an unbiased sample of `sharpness` over the whole frame.

    Each band is converted and filtered with one row of context above and below, so no
    reflected border enters the statistics. Pooled mean and variance of all bands.
    """
    h = image.shape[0]
    if h <= FULL_FOCUS_MAX_ROWS:
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
        return sharpness(gray)
    n = total = total_sq = 0.0
    start = 1 + (phase * BAND_ROWS) % BAND_STRIDE
    for y in range(start, h - BAND_ROWS - 1, BAND_STRIDE):
        part = image[y - 1 : y + BAND_ROWS + 1]
        gray = cv2.cvtColor(part, cv2.COLOR_BGR2GRAY) if part.ndim == 3 else part
        lap = cv2.Laplacian(gray, cv2.CV_16S)[1:-1]
        mean, std = cv2.meanStdDev(lap)
        m, s, k = float(mean[0, 0]), float(std[0, 0]), float(lap.size)
        n += k
        total += m * k
        total_sq += (s * s + m * m) * k
    if n == 0:
        return 0.0
    mean_all = total / n
    return max(0.0, total_sq / n - mean_all * mean_all)


def _bgr(image: U8) -> U8:
    return image if image.ndim == 3 else cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)


class FrameAnalyzer:
    """Stateful only for what spans frames: the previous sample, the face search and box."""

    def __init__(self, cfg: dict[str, Any], faces: FaceDetector | None = None) -> None:
        self.cfg = cfg
        self.faces = faces if faces is not None else shared_face_detector()
        self._search = FaceSearch(self.faces, int(cfg.get("face_search_slices", 4)))
        self._prev_sample: U8 | None = None
        self._face: Box | None = None
        self._face_ts: float | None = None
        self._count = 0
        self.searched_last = False  # whether the last analysed frame ran a face-search slice

    def analyse(self, image: U8, ts: float) -> FrameStats:
        cfg = self.cfg
        h, w = image.shape[:2]
        aw = min(int(cfg["analysis_width"]), w)
        scale = aw / w
        ah = max(1, round(h * scale))
        small = image if aw == w else cv2.resize(image, (aw, ah), interpolation=cv2.INTER_NEAREST)
        small_gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
        # White balance is a mean of linear RGB: half the analysis copy's samples estimate it
        # as well, and point samples keep clipped pixels recognisable as clipped.
        cw, ch = max(1, aw // 2), max(1, ah // 2)
        tiny = _bgr(cv2.resize(small, (cw, ch), interpolation=cv2.INTER_NEAREST))

        ex = cfg["exposure"]
        luma = exposure.luma_stats(small_gray, int(ex["clip_level"]), int(ex["crush_level"]))
        black = framerate.is_black(luma.p99, float(cfg["black"]["max_p99"]))

        # Point samples keep the sensor noise: a live static scene never looks frozen, a
        # repeated frame differs by exactly zero.
        diff = (
            None
            if self._prev_sample is None
            else framerate.frame_difference(self._prev_sample, small_gray)
        )
        # A grey frame analysed at its own size is the caller's buffer, which it may reuse.
        self._prev_sample = small_gray.copy() if small_gray is image else small_gray
        # Black frames are identical too, but they are reported as black, not frozen.
        frozen = not black and diff is not None and diff <= float(cfg["frozen"]["max_diff"])

        self.searched_last = False
        if not black and self.faces.available:
            due = self._face_ts is None or abs(ts - self._face_ts) >= float(cfg["face_every_s"])
            if due and not self._search.running:
                self._search.begin()
                self._face_ts = ts
            if self._search.running:
                self.searched_last = True
                done, box = self._search.step(self._detect_copy(small_gray))
                if done:
                    self._face = None if box is None else box.scaled(w / self._detect_width(aw))
        face = None if black else self._face

        face_sharp = face_mean = face_lr = None
        if face is not None:
            roi = image[face.y : face.y + face.h, face.x : face.x + face.w]
            if roi.size:
                face_sharp = sharpness(
                    cv2.cvtColor(roi, cv2.COLOR_BGR2GRAY) if roi.ndim == 3 else roi
                )
            sb = face.scaled(scale)
            # The cascade's box has background at its sides: use the middle 80 % for balance.
            inset = sb.w // 10
            sroi = small_gray[sb.y : sb.y + sb.h, sb.x + inset : sb.x + sb.w - inset]
            if sroi.size:
                face_mean = float(cv2.mean(sroi)[0])
                face_lr = lighting.left_right_stops(sroi)

        halves = _row_profiles(small_gray, 2)
        lr = np.stack([halves[0], halves[-1]])
        self._count += 1
        return FrameStats(
            ts=ts,
            width=w,
            height=h,
            luma=luma,
            sharpness=banded_sharpness(image, self._count),
            face=face,
            face_sharpness=face_sharp,
            face_luma_mean=face_mean,
            face_lr_stops=face_lr,
            frame_lr_stops=lighting.left_right_stops(small_gray),
            evenness=lighting.evenness(small_gray),
            white=None if black else colour.white_point(colour.grey_world(tiny)),
            diff=diff,
            frozen=frozen,
            black=black,
            row_profile=lr.mean(axis=0),
            row_profile_lr=lr,
            row_profile_strips=_row_profiles(small_gray, PROFILE_STRIPS, STRIP_ROWS),
        )

    def _detect_width(self, analysis_width: int) -> int:
        return min(int(self.cfg["face_detect_width"]), analysis_width)

    def _detect_copy(self, small_gray: U8) -> U8:
        dw = self._detect_width(small_gray.shape[1])
        if dw == small_gray.shape[1]:
            return small_gray
        k = dw / small_gray.shape[1]
        return cv2.resize(
            small_gray,
            (dw, max(1, round(small_gray.shape[0] * k))),
            interpolation=cv2.INTER_AREA,
        )


def _row_profiles(gray: U8, count: int, max_rows: int | None = None) -> F32:
    """(count, rows) mean of each row within `count` vertical strips of equal width, averaged
    down to `max_rows` rows when there are more."""
    w = gray.shape[1]
    count = max(1, min(count, w))
    edges = np.linspace(0, w, count + 1).round().astype(int)
    out: F32 = np.stack(
        [
            cv2.reduce(gray[:, a:b], 1, cv2.REDUCE_AVG, dtype=cv2.CV_32F).ravel()
            for a, b in itertools.pairwise(edges)
        ]
    )
    if max_rows is not None and out.shape[1] > max_rows:
        out = cv2.resize(out, (max_rows, out.shape[0]), interpolation=cv2.INTER_AREA)
    return out
