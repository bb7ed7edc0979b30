"""Per-frame analysis: one pass over a frame gives every measurement the checks need.

Focus is measured at full resolution (a downscaled copy looks sharper than it is); everything
else on a copy `analysis_width` wide made of evenly sampled pixels, which loses nothing for
means, histograms, colour and row profiles. The face is looked for every `face_every_s` of
stream time on an even smaller copy and the box is reused in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from studio.devices.camera import colour, exposure, framerate, lighting
from studio.devices.camera.focus import Box, FaceDetector, sharpness

U8 = npt.NDArray[Any]  # 8-bit images (cv2 stubs type results loosely)
F32 = npt.NDArray[Any]


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


_shared_detector: FaceDetector | None = None


def shared_face_detector() -> FaceDetector:
    """Loading the cascade costs ~50 ms: one per process."""
    global _shared_detector
    if _shared_detector is None:
        _shared_detector = FaceDetector()
    return _shared_detector


class FrameAnalyzer:
    """Stateful only for what spans frames: the previous sample and the last face box."""

    def __init__(self, cfg: dict[str, Any], faces: FaceDetector | None = None) -> None:
        self.cfg = cfg
        self.faces = faces if faces is not None else shared_face_detector()
        self._prev_sample: U8 | None = None
        self._face: Box | None = None
        self._face_ts: float | None = None

    def analyse(self, image: U8, ts: float) -> FrameStats:
        cfg = self.cfg
        h, w = image.shape[:2]
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
        aw = min(int(cfg["analysis_width"]), w)
        scale = aw / w
        ah = max(1, round(h * scale))
        # Grey statistics on an evenly spread sample of the frame's own pixels (INTER_LINEAR
        # at 1/3 scale reads 2x2 of every 3x3): means, percentiles, clipped/crushed shares and
        # row profiles come out as on the full frame (an INTER_AREA average would narrow the
        # histogram), for a tenth of the cost of an area average.
        small_gray = gray if aw == w else cv2.resize(gray, (aw, ah), interpolation=cv2.INTER_LINEAR)
        # White balance is a mean of linear RGB: an evenly spread subsample of real pixels
        # (INTER_LINEAR, 5x cheaper than INTER_AREA on colour) estimates it without bias and
        # keeps clipped pixels recognisable as clipped.
        cw, ch = max(1, aw // 2), max(1, ah // 2)
        tiny = (
            image
            if image.ndim == 2
            else cv2.resize(image, (cw, ch), interpolation=cv2.INTER_LINEAR)
        )
        if tiny.ndim == 2:
            tiny = cv2.cvtColor(tiny, cv2.COLOR_GRAY2BGR)

        ex = cfg["exposure"]
        luma = exposure.luma_stats(small_gray, int(ex["clip_level"]), int(ex["crush_level"]))
        black = framerate.is_black(luma.p99, float(cfg["black"]["max_p99"]))

        sample = framerate.diff_sample(gray)
        diff = (
            None
            if self._prev_sample is None
            else framerate.frame_difference(self._prev_sample, sample)
        )
        self._prev_sample = sample
        # Black frames are identical too, but they are reported as black, not frozen.
        frozen = not black and diff is not None and diff <= float(cfg["frozen"]["max_diff"])

        if not black and (
            self._face_ts is None or abs(ts - self._face_ts) >= float(cfg["face_every_s"])
        ):
            self._face = self._detect_face(small_gray, w)
            self._face_ts = ts
        face = None if black else self._face

        face_sharp = face_mean = face_lr = None
        if face is not None:
            roi = gray[face.y : face.y + face.h, face.x : face.x + face.w]
            face_sharp = sharpness(roi)
            sb = face.scaled(scale)
            # The cascade's box has background at its sides: use the middle 80 % for balance.
            inset = sb.w // 10
            sroi = small_gray[sb.y : sb.y + sb.h, sb.x + inset : sb.x + sb.w - inset]
            if sroi.size:
                face_mean = float(cv2.mean(sroi)[0])
                face_lr = lighting.left_right_stops(sroi)

        half = max(1, small_gray.shape[1] // 2)
        lr = np.stack(
            [
                cv2.reduce(small_gray[:, :half], 1, cv2.REDUCE_AVG, dtype=cv2.CV_32F).ravel(),
                cv2.reduce(small_gray[:, half:], 1, cv2.REDUCE_AVG, dtype=cv2.CV_32F).ravel()
                if small_gray.shape[1] > 1
                else cv2.reduce(small_gray, 1, cv2.REDUCE_AVG, dtype=cv2.CV_32F).ravel(),
            ]
        )
        profile = lr.mean(axis=0)
        return FrameStats(
            ts=ts,
            width=w,
            height=h,
            luma=luma,
            sharpness=sharpness(gray),
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
            row_profile=profile,
            row_profile_lr=lr,
        )

    def _detect_face(self, small_gray: U8, full_width: int) -> Box | None:
        if not self.faces.available:
            return None
        dw = min(int(self.cfg["face_detect_width"]), small_gray.shape[1])
        k = dw / small_gray.shape[1]
        tiny = (
            small_gray
            if dw == small_gray.shape[1]
            else cv2.resize(
                small_gray,
                (dw, max(1, round(small_gray.shape[0] * k))),
                interpolation=cv2.INTER_AREA,
            )
        )
        box = self.faces.detect(tiny)
        return None if box is None else box.scaled(full_width / dw)
