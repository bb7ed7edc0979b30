"""Sharpness (variance of the Laplacian) and the face region to measure it on."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

import cv2
import numpy.typing as npt

log = logging.getLogger(__name__)
U8 = npt.NDArray[Any]  # 8-bit images (cv2 stubs type results loosely)


def sharpness(gray: U8) -> float:
    """Variance of the 3x3 Laplacian. CV_16S + meanStdDev is ~3x faster than CV_64F + var and
    exact here (|4*255| fits in 16 bits)."""
    if gray.size == 0:
        return 0.0
    lap = cv2.Laplacian(gray, cv2.CV_16S)
    _, std = cv2.meanStdDev(lap)
    return float(std[0, 0]) ** 2


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    def scaled(self, k: float) -> Box:
        return Box(round(self.x * k), round(self.y * k), round(self.w * k), round(self.h * k))

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]


class FaceDetector:
    """OpenCV's bundled frontal-face Haar cascade; the largest face is the anchor's.

    OpenCV 5 dropped the cascades from the wheel; then `available` is False and the checks
    measure the whole frame (they say so), rather than failing.
    """

    def __init__(self) -> None:
        self._cascade: cv2.CascadeClassifier | None = None
        base = getattr(getattr(cv2, "data", None), "haarcascades", "")
        path = os.path.join(base, "haarcascade_frontalface_default.xml")
        if hasattr(cv2, "CascadeClassifier") and os.path.exists(path):
            cascade = cv2.CascadeClassifier(path)
            if not cascade.empty():
                self._cascade = cascade
        if self._cascade is None:
            log.warning("OpenCV has no Haar face cascade; face-region checks are off")

    @property
    def available(self) -> bool:
        return self._cascade is not None

    def detect(self, gray: U8) -> Box | None:
        """Largest face in `gray` (coordinates of `gray`), or None."""
        if self._cascade is None or gray.size == 0:
            return None
        min_side = max(20, min(gray.shape[:2]) // 8)
        faces = self._cascade.detectMultiScale(
            gray, scaleFactor=1.15, minNeighbors=5, minSize=(min_side, min_side)
        )
        if len(faces) == 0:
            return None
        x, y, w, h = max(faces, key=lambda f: int(f[2]) * int(f[3]))
        return Box(int(x), int(y), int(w), int(h))
