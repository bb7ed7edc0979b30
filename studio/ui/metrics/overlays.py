"""Segment shading and incident markers drawn over the Live metrics graphs.

Where things sit comes from studio.metrics.live_spans (segment spans, label room, marker
positions); this module only draws them, as cheaply as a 1 Hz scroll allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from studio.metrics.live_spans import (
    IncidentMark,
    SegmentSpan,
    in_view,
    incident_label_y,
    label_x,
    segment_edges,
)
from studio.metrics.series import F64
from studio.ui.common.safe_line import SafeInfiniteLine
from studio.ui.metrics.graphs import MetricsGraphs

SEGMENT_BRUSH = {
    "flash_sale": (248, 81, 73, 45),
    "lucky_bag": (210, 153, 34, 45),
    "product": (47, 111, 219, 28),
    "opening": (63, 185, 80, 30),
    "closing": (139, 148, 158, 30),
}
DEFAULT_BRUSH = (139, 148, 158, 18)
INCIDENT_COLOR = "#f85149"


def _over(rgba: tuple[int, int, int, int], bg: QColor) -> QColor:
    """The opaque colour of `rgba` drawn over `bg`."""
    a = rgba[3] / 255.0
    return QColor(
        *(
            round(c * a + b * (1 - a))
            for c, b in zip(rgba[:3], (bg.red(), bg.green(), bg.blue()), strict=True)
        )
    )


def _label(text: str, color: str) -> QGraphicsSimpleTextItem:
    """Text pinned to a point of the graph at a constant size on screen. Qt keeps it unscaled
    itself (ItemIgnoresTransformations); pyqtgraph's TextItem re-computed its transform in
    Python on every scroll and made each refresh paint twice."""
    item = QGraphicsSimpleTextItem(text)
    item.setBrush(QColor(color))
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    item.setZValue(5)
    item.setVisible(False)  # placed (and shown where there is room) by place()
    return item


def _edge_xy(xs: Sequence[float], y0: float, y1: float) -> tuple[F64, F64]:
    """Vertical lines at xs from y0 to y1, as point pairs for one `connect="pairs"` curve."""
    return np.repeat(np.asarray(xs, dtype=np.float64), 2), np.tile([y0, y1], len(xs))


class ShowOverlays:
    """`load()` draws a show's segments and incidents on every graph, `place()` fits their
    labels and markers to the visible range; bands and lines follow each graph's y range."""

    def __init__(self, graphs: MetricsGraphs) -> None:
        self.graphs = graphs
        self.items: list[tuple[Any, Any]] = []  # (plot, item) of everything drawn here
        self._segment_labels: list[tuple[QGraphicsSimpleTextItem, SegmentSpan]] = []
        self._incident_labels: list[tuple[QGraphicsSimpleTextItem, float]] = []
        self._bands: dict[str, list[Any]] = {}
        # Vertical lines drawn as one curve item per graph (segment edges, incident markers),
        # kept as tall as the graph's y range.
        self._vlines: dict[str, list[tuple[Any, list[float]]]] = {}
        self._incident_lines: list[SafeInfiniteLine] = []
        graphs.y_listeners.append(self.fit)

    def clear(self) -> None:
        for plot, item in self.items:
            plot.removeItem(item)
        self.items.clear()
        self._segment_labels = []
        self._incident_labels = []
        self._bands = {}
        self._vlines = {}
        self._incident_lines = []

    def load(self, spans: Sequence[SegmentSpan], marks: Sequence[IncidentMark], fg: str) -> None:
        """Draw segment bands, edges and labels (label text in colour `fg`) and incidents."""
        self.clear()
        plots = self.graphs.plots
        online = plots["online"]
        if spans:
            # One BarGraphItem per plot draws every segment band from a cached picture; one
            # LinearRegionItem per segment per plot cost tens of ms on every repaint.
            # Colours blended onto the graph background beforehand and drawn opaque: the bands
            # sit behind everything on a plain background, so they look the same, and Qt fills
            # opaque rectangles ~4x faster than translucent ones (~3 ms a graph per repaint).
            bg = self.graphs.glw.backgroundBrush().color()
            brushes = [
                pg.mkBrush(_over(SEGMENT_BRUSH.get(sp.kind, DEFAULT_BRUSH), bg)) for sp in spans
            ]
            edge = pg.mkPen(_over((*DEFAULT_BRUSH[:3], 90), bg), width=1)
            edges_at = segment_edges(spans)
            for key, plot in plots.items():
                y0, y1 = self.graphs.y_ranges.get(key, (0.0, 1.0))
                # No outline pen: a pen's pixel padding makes the bars' bounds depend on the
                # view's scale, so every scroll re-laid them (and repainted twice).
                bands = pg.BarGraphItem(
                    x0=[sp.start for sp in spans],
                    x1=[sp.end for sp in spans],
                    y0=y0,
                    height=y1 - y0,
                    brushes=brushes,
                    pen=pg.mkPen(None),
                )
                bands.setZValue(-10)
                bands.setObjectName("segment-bands")
                plot.addItem(bands, ignoreBounds=True)
                # Segment boundaries as one line item (adjacent segments of one kind would
                # otherwise merge).
                edges = pg.PlotCurveItem(pen=edge, connect="pairs")
                edges.setZValue(-9)
                edges.setData(*_edge_xy(edges_at, y0, y1))
                plot.addItem(edges, ignoreBounds=True)
                self.items.extend([(plot, bands), (plot, edges)])
                self._bands[key] = [bands]
                self._vlines.setdefault(key, []).append((edges, edges_at))
        for sp in spans:
            text = _label(sp.title, fg)
            online.addItem(text, ignoreBounds=True)
            self.items.append((online, text))
            self._segment_labels.append((text, sp))
        marker = pg.mkPen(INCIDENT_COLOR, width=1, style=Qt.PenStyle.DashLine)
        if marks:
            # Under the viewers graph the markers of all incidents are one line item per
            # graph: an InfiniteLine each re-computed its geometry on every scroll.
            xs = [m.at for m in marks]
            for key, plot in plots.items():
                if key == "online":
                    continue
                y0, y1 = self.graphs.y_ranges.get(key, (0.0, 1.0))
                lines = pg.PlotCurveItem(*_edge_xy(xs, y0, y1), pen=marker, connect="pairs")
                lines.setZValue(4)
                plot.addItem(lines, ignoreBounds=True)
                self.items.append((plot, lines))
                self._vlines.setdefault(key, []).append((lines, xs))
        for m in marks:
            # On the viewers graph: a line with a tooltip and a label.
            line = SafeInfiniteLine(pos=m.at, angle=90, movable=False, pen=marker)
            line.setToolTip(m.tooltip)
            online.addItem(line, ignoreBounds=True)
            self.items.append((online, line))
            self._incident_lines.append(line)
            label = _label(m.label, INCIDENT_COLOR)
            label.setToolTip(m.tooltip)
            online.addItem(label, ignoreBounds=True)
            self.items.append((online, label))
            self._incident_labels.append((label, m.at))

    def fit(self, key: str, y0: float, y1: float) -> None:
        """Keep a graph's bands and lines as tall as its new y range [y0, y1]."""
        for band in self._bands.get(key, ()):
            # Bands as tall as the view, not "infinitely" tall: Qt clips huge rectangles in
            # software, which cost ~2 ms a graph on every repaint.
            band.setOpts(y0=y0, height=y1 - y0)
        for curve, xs in self._vlines.get(key, ()):
            curve.setData(*_edge_xy(xs, y0, y1))

    def place(self, x0: float, x1: float) -> None:
        """Show the labels and markers that fall in [x0, x1]; segment labels sit at the top of
        the viewers graph, clamped into view, where their segment has room for them."""
        lo, top = self.graphs.y_ranges.get("online", (0.0, 1.0))
        px_per_s = self.graphs.online_px_per_s(x0, x1)
        for text, span in self._segment_labels:
            left = label_x(span, x0, x1, px_per_s, text.boundingRect().width())
            visible = left is not None
            if left is not None and (text.pos().x(), text.pos().y()) != (left, top):
                text.setPos(left, top)
            if text.isVisible() != visible:
                text.setVisible(visible)
        y = incident_label_y(lo, top)
        for text, x in self._incident_labels:
            inside = in_view(x, x0, x1)
            if inside and (text.pos().x(), text.pos().y()) != (x, y):
                text.setPos(x, y)
            if text.isVisible() != inside:
                text.setVisible(inside)
        for line in self._incident_lines:
            # Off-screen markers hidden: every visible line recomputes its geometry on each
            # scroll.
            inside = in_view(line.value(), x0, x1)
            if line.isVisible() != inside:
                line.setVisible(inside)
