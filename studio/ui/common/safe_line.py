"""A pyqtgraph InfiniteLine that survives being painted after it left its plot.

pyqtgraph's InfiniteLine asks its ViewBox for the bounding rect; when the line was just removed
(overlays are rebuilt while the show runs, panels close) Qt may still ask, pyqtgraph raises
inside the Qt virtual, and the process can crash (seen as a segfault in CI). Checking for a
ViewBox first is not enough — pyqtgraph looks it up again inside and can get None the second
time (seen in CI too) — so the failure itself is caught as well: without a ViewBox, no size.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF


class SafeInfiniteLine(pg.InfiniteLine):  # type: ignore[misc]
    def boundingRect(self) -> QRectF:
        if self.getViewBox() is None:
            return QRectF()
        try:
            return super().boundingRect()  # type: ignore[no-any-return]
        except AttributeError:  # getViewBox() returned None inside pyqtgraph
            return QRectF()
