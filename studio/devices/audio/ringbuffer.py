"""A ring buffer written twice side by side, so the newest N frames are always one contiguous view.

One writer (the PortAudio callback or a file reader thread) and any number of readers. The writer
never locks or allocates: it copies the block into both halves, then advances a counter. Readers
copy what they need and check afterwards that the writer did not lap them (Friture's
`ringbuffer.py` does the same doubling; the lap check is ours because our readers are threads).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Float32Array = npt.NDArray[np.float32]


class RingBuffer:
    def __init__(self, channels: int, capacity: int) -> None:
        if channels < 1 or capacity < 1:
            raise ValueError("a ring buffer needs at least one channel and one frame")
        self.channels = channels
        self.capacity = capacity
        self._buf: Float32Array = np.zeros((2 * capacity, channels), dtype=np.float32)
        # Total frames ever written; a plain int, updated after the data so readers never see a
        # count ahead of the samples.
        self.written = 0

    def write(self, block: npt.NDArray[np.floating]) -> None:
        """Append a (frames, channels) block. Called from the audio callback: copies only."""
        n = block.shape[0]
        if n == 0:
            return
        if n > self.capacity:
            self.written += n - self.capacity
            block = block[-self.capacity :]
            n = self.capacity
        cap = self.capacity
        start = self.written % cap
        first = min(n, cap - start)
        buf = self._buf
        buf[start : start + first] = block[:first]
        buf[start + cap : start + cap + first] = block[:first]
        if first < n:
            rest = n - first
            buf[:rest] = block[first:]
            buf[cap : cap + rest] = block[first:]
        self.written += n

    def newest(self, frames: int) -> Float32Array:
        """A copy of the newest `frames` frames (fewer if not that many were written yet)."""
        frames = min(frames, self.capacity)
        while True:
            end_total = self.written
            n = min(frames, end_total)
            end = end_total % self.capacity + self.capacity
            out = self._buf[end - n : end].copy()
            # The writer fills the half-slot after `end` first; only a full lap can touch ours.
            if self.written - end_total <= self.capacity - n:
                return out

    def read_since(self, position: int) -> tuple[Float32Array, int, int]:
        """Frames written since the counter value `position`.

        Returns (frames, new position, frames lost because the reader fell more than a
        buffer behind).
        """
        end_total = self.written
        lost = 0
        if end_total - position > self.capacity:
            lost = end_total - self.capacity - position
            position = end_total - self.capacity
        n = end_total - position
        end = end_total % self.capacity + self.capacity
        out = self._buf[end - n : end].copy()
        overrun = self.written - end_total - (self.capacity - n)
        if overrun > 0:
            # The writer lapped the oldest part of what we copied while we copied it: drop it.
            out = out[overrun:]
            lost += overrun
        return out, end_total, lost
