"""A pyqtgraph InfiniteLine that survives being painted after it left its plot.

pyqtgraph's InfiniteLine asks its ViewBox for the bounding rect; when the line was just removed
(overlays are rebuilt while the show runs) Qt may still ask once, pyqtgraph raises inside the Qt
virtual, and the process can crash (seen as a segfault in CI). Without a ViewBox it has no size.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF


class SafeInfiniteLine(pg.InfiniteLine):  # type: ignore[misc]
    def boundingRect(self) -> QRectF:
        if self.getViewBox() is None:
            return QRectF()
        return super().boundingRect()  # type: ignore[no-any-return]
