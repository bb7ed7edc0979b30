"""The review's charts: online viewers over GMV per minute, the segments shaded and named, the
incidents marked (close ones as one marker with a count, studio.review.marks).

They sit in a scrolling page, so the mouse wheel scrolls the page; the charts zoom only with
Ctrl+wheel or a right-drag (a left-drag pans), never beyond the show, and "Reset zoom" brings
back the whole show. Both value axes start at 0; pyqtgraph's own menu and "A" button (English,
hidden) are off.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.metrics.axis import tick_labels
from studio.review.marks import IncidentMark, incident_marks, widest_label
from studio.review.model import Review
from studio.review.tables import segment_title
from studio.ui.common.safe_line import SafeInfiniteLine
from studio.ui.common.tables import ui_lang

SEVERITY_COLOURS = {1: "#e5484d", 2: "#f0a202", 3: "#9ca3af"}
ONLINE_COLOUR = "#3b82f6"
GMV_COLOUR = "#ea580c"
LABEL_MIN_PX = 18  # a segment narrower than this on screen shows no name
MIN_ZOOM_MINUTES = 2.0
HEADROOM = 1.4  # the online chart's top, as a multiple of the peak
MARK_LABEL_AT = 0.8  # incident labels' height on a line (0 bottom, 1 top): under the names


class CompactAxis(pg.AxisItem):  # type: ignore[misc]
    """Value labels in the reader's units (12.5万 / 125k), never wider than the axis."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return tick_labels([v * scale for v in values], spacing * scale, ui_lang() == "zh_CN")


class _WheelToPage(QObject):
    """Sends a plain wheel turn over the charts on to the page; Ctrl+wheel stays with the chart
    (pyqtgraph zooms). Without this the charts ate the wheel and zoomed to ±400,000 minutes."""

    def __init__(self, page: QWidget | None, parent: QObject) -> None:
        super().__init__(parent)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(event, QWheelEvent):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        if self.page is not None:
            QApplication.sendEvent(self.page, event)
        return True


class ReviewTimeline(QWidget):
    """The two charts with their zoom controls; `show(review)` draws a review."""

    zoomed = Signal(bool)  # True while the view is not the whole show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self._span_min = 1.0
        self._segment_labels: list[tuple[pg.TextItem, float, float, str]] = []
        self._marks: list[IncidentMark] = []
        self._mark_items: list[Any] = []
        self._page: QWidget | None = None

        self.reset_button = QPushButton(self.tr("Reset zoom"))
        self.reset_button.setToolTip(self.tr("Show the whole show again"))
        self.reset_button.clicked.connect(self.reset_zoom)
        self.hint = QLabel(self.tr("Ctrl+wheel or right-drag: zoom · drag: move in time"))
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # greyed: a hint, not a figure
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.reset_button)

        self.plot = pg.GraphicsLayoutWidget()
        self.plot.setMinimumHeight(340)
        fg = self.palette().color(QPalette.ColorRole.Text).name()
        self.online_plot = self.plot.addPlot(
            row=0, col=0, axisItems={"left": CompactAxis(orientation="left")}
        )
        self.gmv_plot = self.plot.addPlot(
            row=1, col=0, axisItems={"left": CompactAxis(orientation="left")}
        )
        self.gmv_plot.setXLink(self.online_plot)
        for p in (self.online_plot, self.gmv_plot):
            p.showGrid(x=True, y=True, alpha=0.2)
            p.setMouseEnabled(x=True, y=False)
            p.setMenuEnabled(False)
            p.hideButtons()
            p.getAxis("left").setWidth(56)
            p.getAxis("left").enableAutoSIPrefix(False)
            p.enableAutoRange(x=False, y=False)
        self.online_plot.setTitle(self.tr("Online viewers"), color=fg, size="10pt")
        self.gmv_plot.setTitle(self.tr("GMV per minute (¥)"), color=fg, size="10pt")
        self.gmv_plot.setLabel("bottom", self.tr("Minutes since start"))
        self.online_plot.getViewBox().sigXRangeChanged.connect(self._on_range)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.plot, 1)
        self._update_reset()

    # -- the page the wheel scrolls ----------------------------------------------------------
    def scroll_page_with_wheel(self, page: QWidget) -> None:
        """Plain wheel turns over the charts go to `page` (a scroll area's viewport)."""
        self._page = page
        self._wheel = _WheelToPage(page, self)
        self.plot.viewport().installEventFilter(self._wheel)

    # -- drawing -------------------------------------------------------------------------------
    def show_review(self, r: Review) -> None:
        self.review = r
        for p in (self.online_plot, self.gmv_plot):
            p.clear()
        self._segment_labels.clear()
        self._clear_marks()
        if r.start_ts is None:
            return
        t0 = r.start_ts
        end = r.end_ts if r.end_ts is not None else t0 + 60.0
        self._span_min = max(1.0, (end - t0) / 60.0)
        ts, v = r.online
        self.online_plot.plot((ts - t0) / 60.0, v, pen=pg.mkPen(ONLINE_COLOUR, width=2))
        m = r.minutes
        g = np.nan_to_num(m.gmv_cents) / 100.0
        if len(m.start_ts):
            bars = pg.BarGraphItem(
                x0=(m.start_ts - t0) / 60.0, width=0.9, height=g, brush=GMV_COLOUR
            )
            self.gmv_plot.addItem(bars)
        # Both value axes from 0: a viewers axis starting at its minimum made a dip look
        # like an empty room.
        top_online = float(np.nanmax(v)) if len(v) else 0.0
        top_gmv = float(np.max(g)) if len(g) else 0.0
        # Headroom above the curve: segment names on the top line, incident markers below them.
        self.online_plot.setYRange(0, max(top_online, 1.0) * HEADROOM, padding=0)
        self.gmv_plot.setYRange(0, max(top_gmv, 1.0) * 1.08, padding=0)
        self._shade_segments(r, t0, max(top_online, 1.0) * HEADROOM)
        pad = self._span_min * 0.02
        for p in (self.online_plot, self.gmv_plot):
            p.getViewBox().setLimits(
                xMin=-pad,
                xMax=self._span_min + pad,
                minXRange=min(MIN_ZOOM_MINUTES, self._span_min),
            )
        self.reset_zoom()

    def _shade_segments(self, r: Review, t0: float, label_y: float) -> None:
        lang = ui_lang()
        fg = self.palette().color(QPalette.ColorRole.Text)
        for i, seg in enumerate(r.segments):
            if seg.start_ts is None or seg.end_ts is None:
                continue
            span = ((seg.start_ts - t0) / 60.0, (seg.end_ts - t0) / 60.0)
            for p in (self.online_plot, self.gmv_plot):
                region = pg.LinearRegionItem(
                    values=span, movable=False, brush=pg.mkBrush(255, 255, 255, 22 if i % 2 else 8)
                )
                region.setZValue(-10)
                for line in region.lines:
                    line.setPen(pg.mkPen(None))
                p.addItem(region)
            label = pg.TextItem("", color=fg, anchor=(0, 0))
            label.setPos(span[0], label_y)
            label.setZValue(5)
            self.online_plot.addItem(label)
            self._segment_labels.append((label, span[0], span[1], segment_title(seg, lang)))

    # -- zoom ----------------------------------------------------------------------------------
    def reset_zoom(self) -> None:
        self.online_plot.setXRange(0, self._span_min, padding=0.01)

    def is_zoomed(self) -> bool:
        x0, x1 = self.online_plot.getViewBox().viewRange()[0]
        return bool(x1 - x0 < self._span_min * 0.98)

    def _update_reset(self) -> None:
        zoomed = self.review is not None and self.is_zoomed()
        self.reset_button.setEnabled(zoomed)
        self.zoomed.emit(zoomed)

    def _on_range(self, *_args: Any) -> None:
        self._relabel()
        self._remark()
        self._update_reset()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._relabel()
        self._remark()

    def _px_per_minute(self) -> float:
        vb = self.online_plot.getViewBox()
        x0, x1 = vb.viewRange()[0]
        width = vb.width()
        return float(width / (x1 - x0)) if x1 > x0 and width > 0 else 0.0

    def _relabel(self) -> None:
        """Each segment's name where it fits on screen, elided; none on a sliver."""
        ppm = self._px_per_minute()
        if not self._segment_labels:
            return
        metrics = QFontMetrics(self._segment_labels[0][0].textItem.font())
        x0 = self.online_plot.getViewBox().viewRange()[0][0]
        for item, a, b, title in self._segment_labels:
            visible_a = max(a, x0)
            room = (b - visible_a) * ppm - 6
            text = (
                ""
                if room < LABEL_MIN_PX
                else metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(room))
            )
            item.setText(text)
            item.setPos(visible_a, item.pos().y())

    # -- incidents -----------------------------------------------------------------------------
    def _clear_marks(self) -> None:
        for p, item in self._mark_items:
            p.removeItem(item)
        self._mark_items.clear()
        self._marks = []

    def _remark(self) -> None:
        r = self.review
        if r is None or r.start_ts is None:
            return
        vb = self.online_plot.getViewBox()
        x0, x1 = vb.viewRange()[0]
        t0 = r.start_ts
        metrics = QFontMetrics(self.font())
        label_px = metrics.horizontalAdvance(widest_label(len(r.incidents.items))) + 10
        marks = incident_marks(
            r.incidents.items, t0 + x0 * 60.0, t0 + x1 * 60.0, max(1.0, vb.width()), label_px
        )
        if marks == self._marks:
            return
        self._clear_marks()
        self._marks = marks
        for mark in marks:
            x = (mark.at - t0) / 60.0
            colour = SEVERITY_COLOURS.get(mark.severity, "#9ca3af")
            for p, label in ((self.online_plot, mark.label), (self.gmv_plot, None)):
                line = SafeInfiniteLine(
                    pos=x,
                    angle=90,
                    pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine),
                    label=label,
                    labelOpts={"color": colour, "position": MARK_LABEL_AT, "fill": (0, 0, 0, 160)},
                )
                p.addItem(line)
                self._mark_items.append((p, line))

    def marker_labels(self) -> list[str]:
        """The incident markers drawn now, as labelled (for the tests and the status tip)."""
        return [m.label for m in self._marks]

    def segment_labels(self) -> list[str]:
        return [item.textItem.toPlainText() for item, *_ in self._segment_labels]
