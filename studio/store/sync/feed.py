"""Which change_log entries a station has already delivered.

Ids come from a sequence at INSERT time but become visible at COMMIT, so a later id can commit
before an earlier one, and a rolled-back transaction leaves a hole forever. A plain "last id
seen" would skip the slow transaction's row; instead the cursor keeps a watermark below which
everything is delivered, plus the ids seen above it. A hole older than `gap_timeout` is taken
to be a rollback and stepped over.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class FeedCursor:
    def __init__(
        self,
        watermark: int,
        gap_timeout: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lock = threading.Lock()
        self._watermark = watermark
        self._seen: set[int] = set()
        self._gap_since: float | None = None
        self.gap_timeout = gap_timeout
        self._clock = clock

    @property
    def watermark(self) -> int:
        with self._lock:
            return self._watermark

    def accept(self, log_id: int) -> bool:
        """True the first time an id is offered (deliver it), False after that."""
        with self._lock:
            if log_id <= self._watermark or log_id in self._seen:
                return False
            self._seen.add(log_id)
            return True

    def advance(self) -> int:
        """Move the watermark over what is contiguous (and over holes that timed out)."""
        with self._lock:
            moved = False
            while True:
                while self._watermark + 1 in self._seen:
                    self._watermark += 1
                    self._seen.discard(self._watermark)
                    moved = True
                if not self._seen:
                    self._gap_since = None
                    break
                now = self._clock()
                if moved or self._gap_since is None:
                    self._gap_since = now
                    break
                if now - self._gap_since < self.gap_timeout:
                    break
                self._watermark = min(self._seen) - 1  # the hole was a rollback
                self._gap_since = None
                moved = True
            return self._watermark
