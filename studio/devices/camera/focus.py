"""Sharpness (variance of the Laplacian) and the face region to measure it on.

The face search (OpenCV's Haar cascade) is the costliest step of the camera analysis: one whole
search takes several frame periods' worth of CPU. `FaceSearch` splits it by face size over
consecutive frames, so no single frame pays for all of it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
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


# The cascade's own search parameters: detectMultiScale(scaleFactor, minNeighbors) and the eps
# it groups raw hits with (GROUP_EPS in OpenCV's cascadedetect.cpp).
SCALE_FACTOR = 1.15
MIN_NEIGHBORS = 5
GROUP_EPS = 0.2


def min_face_side(shape: tuple[int, ...]) -> int:
    """The smallest face searched for: an anchor's face is at least 1/8 of the frame height."""
    return max(20, min(shape[:2]) // 8)


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
        min_side = min_face_side(gray.shape)
        faces = self._cascade.detectMultiScale(
            gray,
            scaleFactor=SCALE_FACTOR,
            minNeighbors=MIN_NEIGHBORS,
            minSize=(min_side, min_side),
        )
        return _largest(faces)

    def window(self) -> tuple[int, int]:
        """The cascade's own window size (24x24 for the frontal-face cascade)."""
        if self._cascade is None:
            return (24, 24)
        w, h = self._cascade.getOriginalWindowSize()
        return int(w), int(h)

    def raw_hits(self, gray: U8, min_side: int, max_side: int) -> list[list[int]]:
        """Every window the cascade accepts with a size in [min_side, max_side], ungrouped."""
        if self._cascade is None or gray.size == 0:
            return []
        hits = self._cascade.detectMultiScale(
            gray,
            scaleFactor=SCALE_FACTOR,
            minNeighbors=0,
            minSize=(min_side, min_side),
            maxSize=(max_side, max_side),
        )
        return [[int(v) for v in h] for h in hits]


def _largest(faces: Any) -> Box | None:
    if len(faces) == 0:
        return None
    x, y, w, h = max(faces, key=lambda f: int(f[2]) * int(f[3]))
    return Box(int(x), int(y), int(w), int(h))


def size_slices(
    shape: tuple[int, ...], window: int, slices: int, scale: float = SCALE_FACTOR
) -> list[tuple[int, int]]:
    """(min, max) window sizes that split one cascade search into `slices` parts of about equal
    cost. The cascade scans the image at window sizes window·scale^k, each level costing the
    area of the image shrunk by that factor, so the small-face levels cost most."""
    h, w = shape[:2]
    lo = min_face_side(shape)
    sizes: list[int] = []
    costs: list[float] = []
    k = 0
    while True:
        f = scale**k
        size = round(window * f)
        if size > min(h, w):
            break
        if size >= lo:
            sizes.append(size)
            costs.append(w * h / (f * f))
        k += 1
    if not sizes:
        return []
    target = sum(costs) / max(1, slices)
    out: list[tuple[int, int]] = []
    start, acc = 0, 0.0
    for i, c in enumerate(costs):
        acc += c
        last = i == len(costs) - 1
        if (acc >= target * 0.999 and len(out) < slices - 1) or last:
            out.append((sizes[start], sizes[i]))
            start, acc = i + 1, 0.0
    return out


class FaceSearch:
    """One face search spread over consecutive frames, a slice of face sizes per frame.

    Each slice keeps the cascade's raw hits; after the last slice they are grouped exactly as
    detectMultiScale groups them (`groupRectangles` with minNeighbors and GROUP_EPS), so the
    answer is the one search would give on a still picture. The picture moves a little between
    slices; hits of one face a few pixels apart still group together.
    """

    def __init__(self, detector: FaceDetector, slices: int = 4) -> None:
        self.detector = detector
        self.slices = max(1, slices)
        self._plan: list[tuple[int, int]] = []
        self._shape: tuple[int, ...] | None = None
        self._next = -1  # index of the next slice; -1 when idle
        self._hits: list[list[int]] = []

    @property
    def running(self) -> bool:
        return self._next >= 0

    def begin(self) -> None:
        self._next = 0
        self._hits = []

    def step(self, gray: U8) -> tuple[bool, Box | None]:
        """Run the next slice on `gray`: (finished, largest face when finished)."""
        if not self.running:
            self.begin()
        if gray.shape != self._shape:
            # A new frame size invalidates the plan and the hits collected so far.
            self._shape = gray.shape
            self._plan = size_slices(gray.shape, self.detector.window()[0], self.slices)
            self._next, self._hits = 0, []
        if self._next < len(self._plan):
            lo, hi = self._plan[self._next]
            self._hits.extend(self.detector.raw_hits(gray, lo, hi))
            self._next += 1
        if self._next < len(self._plan):
            return False, None
        self._next = -1
        if len(self._hits) <= MIN_NEIGHBORS:
            return True, None
        grouped, _weights = cv2.groupRectangles(self._hits, MIN_NEIGHBORS, GROUP_EPS)
        return True, _largest(np.asarray(grouped).reshape(-1, 4))
