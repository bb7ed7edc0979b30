"""The crosshair over the Live metrics graphs and its readout of the values at that second."""

from __future__ import annotations

import time
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from studio.metrics import fmt
from studio.metrics.series import SeriesCache
from studio.ui.common.safe_line import SafeInfiniteLine


class Crosshair:
    """A dotted vertical line on every graph and a readout box on the viewers graph, following
    the mouse (at most 30 times a second)."""

    def __init__(self, plots: dict[str, Any], scene: Any, color: str) -> None:
        self.plots = plots
        self.cache: SeriesCache | None = None
        self.lines = {
            k: SafeInfiniteLine(
                angle=90, movable=False, pen=pg.mkPen(color, width=1, style=Qt.PenStyle.DotLine)
            )
            for k in plots
        }
        for k, line in self.lines.items():
            line.setVisible(False)
            plots[k].addItem(line, ignoreBounds=True)
        self.readout = pg.TextItem(color=color, anchor=(0, 0), fill=pg.mkBrush(0, 0, 0, 160))
        self.readout.setZValue(100)
        self.readout.setVisible(False)
        plots["online"].addItem(self.readout, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(scene.sigMouseMoved, rateLimit=30, slot=self._on_mouse)

    def _on_mouse(self, evt: tuple[Any, ...]) -> None:
        pos = evt[0]
        hit = None
        for p in self.plots.values():
            if p.sceneBoundingRect().contains(pos):
                hit = p
        if hit is None or self.cache is None:
            for line in self.lines.values():
                line.setVisible(False)
            self.readout.setVisible(False)
            return
        self.show_at(hit.vb.mapSceneToView(pos).x())

    def show_at(self, x: float) -> str:
        """Move the crosshair to time x and show the values there; returns the text."""
        assert self.cache is not None
        totals = self.cache.totals(at=x)
        text = "\n".join(
            [
                time.strftime("%H:%M:%S", time.localtime(x)),
                QCoreApplication.translate("MetricsPanel", "Online viewers: {v}").format(
                    v=fmt.count(totals.get("online_viewers"))
                ),
                QCoreApplication.translate("MetricsPanel", "GMV: {v}").format(
                    v=fmt.money_cents(totals.get("gmv_cents"))
                ),
                QCoreApplication.translate("MetricsPanel", "Orders: {v}").format(
                    v=fmt.count(totals.get("orders"))
                ),
            ]
        )
        kbps = totals.get("stream_bitrate_kbps")
        if self.plots["stream"].isVisible() and kbps is not None:
            text += "\n" + QCoreApplication.translate(
                "MetricsPanel", "Bitrate: {rate} Mbit/s"
            ).format(rate=f"{kbps / 1000:.1f}")
            text += "\n" + QCoreApplication.translate(
                "MetricsPanel", "Dropped {dropped} · skipped {skipped}"
            ).format(
                dropped=fmt.pct(totals.get("stream_dropped_pct")),
                skipped=fmt.pct(totals.get("stream_skipped_pct")),
            )
        for line in self.lines.values():
            line.setPos(x)
            line.setVisible(True)
        self.readout.setText(text)
        vr = self.plots["online"].vb.viewRange()
        # Right of the crosshair in the left half, left of it in the right half: in view.
        self.readout.setAnchor((0, 0) if x < (vr[0][0] + vr[0][1]) / 2 else (1, 0))
        self.readout.setPos(x, vr[1][1])
        self.readout.setVisible(True)
        return text
