"""Clipping: runs of consecutive samples at (or within a hair of) full scale.

A single full-scale sample can be a legitimate peak; a converter or a gain stage that clips holds
the rail for several samples, so runs are what we count.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from studio.devices.audio._util import as_frames

# 16-bit full scale is 32767/32768 = 0.99997; leave room for dither and float conversions.
DEFAULT_LEVEL = 0.999


@dataclass(frozen=True, slots=True)
class Clipping:
    clipped_samples: int  # samples inside qualifying runs, all channels
    runs: int
    longest_run: int


def find_clipping(x: npt.ArrayLike, level: float = DEFAULT_LEVEL, min_run: int = 3) -> Clipping:
    """Runs of at least `min_run` consecutive samples with |x| >= `level`, per channel."""
    a = as_frames(x)
    if a.shape[0] == 0 or (a.max() < level and -a.min() < level):
        return Clipping(0, 0, 0)
    hot = np.abs(a) >= level
    if not hot.any():
        return Clipping(0, 0, 0)
    padded = np.zeros((a.shape[0] + 2, a.shape[1]), dtype=np.int8)
    padded[1:-1] = hot
    edges = np.diff(padded, axis=0)
    # Walk channel by channel in the transposed layout so starts and ends pair up in order.
    starts = np.flatnonzero(edges.T.ravel() == 1)
    ends = np.flatnonzero(edges.T.ravel() == -1)
    lengths = ends - starts
    qualifying = lengths[lengths >= min_run]
    if qualifying.size == 0:
        return Clipping(0, 0, 0)
    return Clipping(int(qualifying.sum()), int(qualifying.size), int(qualifying.max()))
