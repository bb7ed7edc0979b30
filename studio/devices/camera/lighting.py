"""Lighting: evenness across the frame and the left/right balance of the face."""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from studio.devices.camera.exposure import to_linear

U8 = npt.NDArray[Any]  # 8-bit images (cv2 stubs type results loosely)


def grid_means(gray: U8, rows: int = 3, cols: int = 3) -> npt.NDArray[np.float64]:
    """Mean luma of each cell of a rows x cols grid."""
    h, w = gray.shape[:2]
    ys = np.linspace(0, h, rows + 1).astype(int)
    xs = np.linspace(0, w, cols + 1).astype(int)
    return np.array(
        [
            [cv2.mean(gray[ys[r] : ys[r + 1], xs[c] : xs[c + 1]])[0] for c in range(cols)]
            for r in range(rows)
        ],
        dtype=np.float64,
    )


def evenness(gray: U8, rows: int = 3, cols: int = 3) -> float:
    """Darkest cell over brightest cell, in linear light (1.0 = perfectly even)."""
    cells = [to_linear(float(v)) for v in grid_means(gray, rows, cols).ravel()]
    top = max(cells)
    return min(cells) / top if top > 0 else 0.0


def left_right_stops(gray: U8) -> float:
    """Camera-left half minus camera-right half, in stops of linear light (+: left brighter)."""
    h, w = gray.shape[:2]
    if w < 2 or h < 1:
        return 0.0
    left = float(cv2.mean(gray[:, : w // 2])[0])
    right = float(cv2.mean(gray[:, w - w // 2 :])[0])
    lo = 1e-4
    return math.log2(max(to_linear(left), lo) / max(to_linear(right), lo))
