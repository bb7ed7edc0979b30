"""Segment shading, incident markers and product-change markers drawn over the Live metrics
graphs.

Where things sit comes from studio.metrics.live_spans (segment spans, label room, marker
positions, incidents and product changes grouped when close on screen); this module only draws
them, as cheaply as a 1 Hz scroll allows, with their words in the UI language.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from studio.metrics.fmt import money_cents
from studio.metrics.live_spans import (
    FieldChange,
    IncidentMark,
    MarkGroup,
    ProductGroup,
    ProductMark,
    SegmentSpan,
    group_marks,
    group_product_marks,
    in_view,
    incident_label_y,
    label_x,
    product_label_y,
    segment_edges,
)
from studio.metrics.markers import gap_for_pixels
from studio.metrics.series import F64
from studio.talkback.timeline import TalkMark
from studio.ui.common.safe_line import SafeInfiniteLine
from studio.ui.incidents.labels import IncidentLabels
from studio.ui.metrics.graphs import MetricsGraphs
from studio.ui.metrics.marker_row import MARKER_PADDING_PX, place_labels
from studio.ui.talkback.timeline_overlay import TalkOverlay

SEGMENT_BRUSH = {
    "flash_sale": (248, 81, 73, 45),
    "lucky_bag": (210, 153, 34, 45),
    "product": (47, 111, 219, 28),
    "opening": (63, 185, 80, 30),
    "closing": (139, 148, 158, 30),
}
DEFAULT_BRUSH = (139, 148, 158, 18)
INCIDENT_COLOR = "#f85149"
# Product changes: another colour and a dotted line, one glyph per kind of change.
PRODUCT_COLOR = "#bc8cff"
PRODUCT_GLYPHS = {"price": "¥", "stock": "+", "state": "●", "flash": "⚡", "other": "•"}
# Room kept between two incident labels on the viewers graph (pixels).
# The product states' words (the products feature's texts, context "ProductStates").
_STATE_WORDS = {
    "pending": "Pending",
    "listed": "Listed",
    "presenting": "Presenting",
    "sold_out": "Sold out",
    "unlisted": "Unlisted",
}


def marker_label(group: MarkGroup, labels: IncidentLabels) -> str:
    """ "⚠ S2 Technical" for one incident; "⚠ S1 · 3 incidents" (the worst severity) for a group."""
    if len(group.marks) == 1:
        m = group.marks[0]
        return f"⚠ S{m.severity} {labels.category(m.category)}"
    return (
        QCoreApplication.translate("MetricsPanel", "⚠ S%1 · %2 incidents")
        .replace("%1", str(group.worst))
        .replace("%2", str(len(group.marks)))
    )


def marker_tooltip(group: MarkGroup, labels: IncidentLabels) -> str:
    """One line per incident of the marker: time, severity, category and what happened."""
    lines = []
    for m in group.marks:
        head = f"{time.strftime('%H:%M:%S', time.localtime(m.at))}  S{m.severity} "
        head += labels.category(m.category)
        lines.append(f"{head} — {m.text}" if m.text else head)
    return "\n".join(lines)


def _product_name(m: ProductMark) -> str:
    """ "#3 Lipstick" with a link number (链接号), else the name."""
    return f"#{m.link} {m.name}" if m.link is not None else m.name


def product_label(group: ProductGroup) -> str:
    """ "¥ #3" for one change; "¥+ · 3 changes" (a glyph per kind) for a group."""
    glyphs = "".join(PRODUCT_GLYPHS[k] for k in group.kinds)
    if len(group.marks) == 1:
        m = group.marks[0]
        return f"{glyphs} #{m.link}" if m.link is not None else f"{glyphs} {m.sku}"
    return (
        QCoreApplication.translate("MetricsPanel", "%1 · %2 changes")
        .replace("%1", glyphs)
        .replace("%2", str(len(group.marks)))
    )


def _int(text: str | None) -> int | None:
    try:
        return None if text is None else int(text)
    except ValueError:
        return None


def _state(text: str | None) -> str:
    if text is None:
        return "—"
    return QCoreApplication.translate("ProductStates", _STATE_WORDS.get(text, text))


def _change_text(mark: ProductMark) -> str:
    """What one change did, in the UI language: "Price ¥159.00 → ¥149.00"."""
    by_field = {c.field: c for c in mark.changes}
    flash_price = by_field.get("flash_price_cents")
    parts: list[str] = []
    if flash_price is not None and flash_price.new is not None:
        quota = by_field.get("flash_quota")
        parts.append(
            QCoreApplication.translate("MetricsPanel", "Flash sale starts: %1, quota %2")
            .replace("%1", money_cents(_int(flash_price.new)))
            .replace("%2", quota.new if quota is not None and quota.new else "—")
        )
    elif "flash_ends_at" in by_field and "flash_starts_at" not in by_field:
        parts.append(QCoreApplication.translate("MetricsPanel", "Flash sale ends"))
    for c in mark.changes:
        if c.field.startswith("flash_"):
            continue
        parts.append(_field_text(c))
    return "; ".join(parts)


def _field_text(c: FieldChange) -> str:
    # Literal translate() calls below: lupdate extracts only those.
    if c.field == "live_price_cents":
        return (
            QCoreApplication.translate("MetricsPanel", "Price %1 → %2")
            .replace("%1", money_cents(_int(c.old)))
            .replace("%2", money_cents(_int(c.new)))
        )
    if c.field == "floor_cents":
        return (
            QCoreApplication.translate("MetricsPanel", "Floor %1 → %2")
            .replace("%1", money_cents(_int(c.old)))
            .replace("%2", money_cents(_int(c.new)))
        )
    if c.field == "stock_added":
        added = (_int(c.new) or 0) - (_int(c.old) or 0)
        return QCoreApplication.translate("MetricsPanel", "Stock %1").replace("%1", f"{added:+,}")
    if c.field == "state":
        return (
            QCoreApplication.translate("MetricsPanel", "State %1 → %2")
            .replace("%1", _state(c.old))
            .replace("%2", _state(c.new))
        )
    if c.field == "link":
        return (
            QCoreApplication.translate("MetricsPanel", "Link number %1 → %2")
            .replace("%1", c.old or "—")
            .replace("%2", c.new or "—")
        )
    return f"{c.field} {c.old or '—'} → {c.new or '—'}"


def product_tooltip(group: ProductGroup) -> str:
    """One line per change of the marker: time, product, old → new, and who made it."""
    lines = []
    for m in group.marks:
        line = f"{time.strftime('%H:%M:%S', time.localtime(m.at))}  {_product_name(m)}: "
        line += _change_text(m)
        lines.append(f"{line} ({m.who})" if m.who else line)
    return "\n".join(lines)


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
    labels and markers to the visible range; bands and lines follow each graph's y range.

    `load()` is incremental: each layer (segments, incidents, product changes, talkback) is
    redrawn only when its own marks changed, and segments whose titles and kinds are unchanged
    (a running segment that grew, a cue that moved a boundary) are moved in place. A reload
    after an unrelated change creates no graphics item."""

    def __init__(self, graphs: MetricsGraphs) -> None:
        self.graphs = graphs
        # (plot, item) of everything drawn here, by layer (`items` joins them).
        self._segment_items: list[tuple[Any, Any]] = []
        self._incident_plot_items: list[tuple[Any, Any]] = []  # lines on the other graphs
        self._product_plot_items: list[tuple[Any, Any]] = []
        self._segment_labels: list[tuple[QGraphicsSimpleTextItem, SegmentSpan]] = []
        self._incident_labels: list[tuple[QGraphicsSimpleTextItem, float]] = []
        self._bands: dict[str, list[Any]] = {}
        # Vertical lines drawn as one curve item per graph (segment edges, incident markers),
        # kept as tall as the graph's y range.
        self._vlines: dict[str, list[tuple[Any, list[float]]]] = {}
        self._incident_lines: list[SafeInfiniteLine] = []
        # What each layer was drawn from (compared on the next load).
        self._spans: tuple[SegmentSpan, ...] = ()
        self._fg = ""
        self._edges_at: list[float] = []
        # The show's incidents, the marker groups drawn for them, and the gap (seconds) they
        # were grouped with: regrouped only when the scale changes (a resize, the other view).
        self._marks: Sequence[IncidentMark] = ()
        self.groups: list[MarkGroup] = []
        self._gap: float | None = None
        self._marker_px = 0.0
        self._incident_xs: list[float] = []  # where the other graphs draw incident lines
        self._incident_items: list[tuple[Any, Any]] = []  # (plot, item) on the viewers graph
        # The marker (line, label) drawn for each group, reused while its group stays.
        self._incident_drawn: dict[MarkGroup, tuple[Any, QGraphicsSimpleTextItem]] = {}
        self._labels = IncidentLabels()
        # Product changes, drawn like the incidents (their own groups, gap and lines).
        self._products: Sequence[ProductMark] = ()
        self.product_groups: list[ProductGroup] = []
        self._product_gap: float | None = None
        self._product_px = 0.0
        self._product_xs: list[float] = []
        self._product_items: list[tuple[Any, Any]] = []
        self._product_drawn: dict[ProductGroup, tuple[Any, QGraphicsSimpleTextItem]] = {}
        self._product_lines: list[SafeInfiniteLine] = []
        self._product_labels: list[tuple[QGraphicsSimpleTextItem, float]] = []
        # Messages to the anchor and rule firings: markers in a row of their own.
        self.talk = TalkOverlay(graphs.plots["online"])
        graphs.y_listeners.append(self.fit)

    @property
    def items(self) -> list[tuple[Any, Any]]:
        """(plot, item) of everything drawn here (talkback's markers aside)."""
        return [
            *self._segment_items,
            *self._incident_plot_items,
            *self._incident_items,
            *self._product_plot_items,
            *self._product_items,
        ]

    def _drop(self, items: list[tuple[Any, Any]]) -> None:
        """Take `items` off their graphs and out of the line lists `fit()` keeps tall."""
        gone = {id(item) for _plot, item in items}
        for plot, item in items:
            plot.removeItem(item)
        for key, lines in self._vlines.items():
            self._vlines[key] = [(c, xs) for c, xs in lines if id(c) not in gone]
        items.clear()

    def _clear_segments(self) -> None:
        self._drop(self._segment_items)
        self._segment_labels = []
        self._bands = {}
        self._spans = ()
        self._edges_at = []

    def _clear_incidents(self) -> None:
        self._drop(self._incident_plot_items)
        self._drop(self._incident_items)
        self._incident_drawn.clear()
        self._incident_labels = []
        self._incident_lines = []
        self._marks = ()
        self.groups = []
        self._gap = None
        self._incident_xs = []

    def _clear_products(self) -> None:
        self._drop(self._product_plot_items)
        self._drop(self._product_items)
        self._product_drawn.clear()
        self._products = ()
        self.product_groups = []
        self._product_gap = None
        self._product_xs = []
        self._product_lines = []
        self._product_labels = []

    def clear(self) -> None:
        self._clear_segments()
        self._clear_incidents()
        self._clear_products()
        self._fg = ""
        self.talk.clear()

    def load(
        self,
        spans: Sequence[SegmentSpan],
        marks: Sequence[IncidentMark],
        fg: str,
        products: Sequence[ProductMark] = (),
        talk: Sequence[TalkMark] = (),
    ) -> None:
        """Draw segment bands, edges and labels (label text in colour `fg`), incidents,
        product changes and talkback (messages, rule firings); a layer whose marks are the ones
        already drawn is left as it is."""
        self.load_segments(spans, fg)
        self.load_incidents(marks)
        self.load_products(products)
        self.load_talk(talk)

    def load_talk(self, talk: Sequence[TalkMark]) -> None:
        """Messages and rule firings (redrawn only when they changed)."""
        if tuple(talk) != tuple(self.talk.marks):
            self.talk.load(talk)

    def load_segments(self, spans: Sequence[SegmentSpan], fg: str) -> None:
        """Segment bands, edges and labels: kept when unchanged, moved in place when only
        their times changed, redrawn otherwise."""
        spans = tuple(spans)
        if spans == self._spans and fg == self._fg:
            return
        same_kinds = [(sp.title, sp.kind) for sp in spans] == [
            (sp.title, sp.kind) for sp in self._spans
        ]
        if spans and same_kinds and fg == self._fg:
            self._move_segments(spans)
            return
        self._clear_segments()
        self._fg = fg
        self._spans = spans
        if not spans:
            return
        plots = self.graphs.plots
        online = plots["online"]
        # One BarGraphItem per plot draws every segment band from a cached picture; one
        # LinearRegionItem per segment per plot cost tens of ms on every repaint.
        # Colours blended onto the graph background beforehand and drawn opaque: the bands
        # sit behind everything on a plain background, so they look the same, and Qt fills
        # opaque rectangles ~4x faster than translucent ones (~3 ms a graph per repaint).
        bg = self.graphs.glw.backgroundBrush().color()
        brushes = [pg.mkBrush(_over(SEGMENT_BRUSH.get(sp.kind, DEFAULT_BRUSH), bg)) for sp in spans]
        edge = pg.mkPen(_over((*DEFAULT_BRUSH[:3], 90), bg), width=1)
        self._edges_at = segment_edges(spans)
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
            edges.setData(*_edge_xy(self._edges_at, y0, y1))
            plot.addItem(edges, ignoreBounds=True)
            self._segment_items.extend([(plot, bands), (plot, edges)])
            self._bands[key] = [bands]
            self._vlines.setdefault(key, []).append((edges, self._edges_at))
        for sp in spans:
            text = _label(sp.title, fg)
            online.addItem(text, ignoreBounds=True)
            self._segment_items.append((online, text))
            self._segment_labels.append((text, sp))

    def _move_segments(self, spans: tuple[SegmentSpan, ...]) -> None:
        """The same segments at new times: the bands, edges and labels move, nothing is made."""
        self._spans = spans
        self._edges_at[:] = segment_edges(spans)
        x0 = [sp.start for sp in spans]
        x1 = [sp.end for sp in spans]
        for key, bands in self._bands.items():
            for band in bands:
                band.setOpts(x0=x0, x1=x1)
            y0, y1 = self.graphs.y_ranges.get(key, (0.0, 1.0))
            for curve, xs in self._vlines.get(key, ()):
                if xs is self._edges_at:
                    curve.setData(*_edge_xy(xs, y0, y1))
        self._segment_labels = [
            (text, sp) for (text, _old), sp in zip(self._segment_labels, spans, strict=True)
        ]

    def load_incidents(self, marks: Sequence[IncidentMark]) -> None:
        """The incident markers: kept when the incidents did not change; after a change the
        lines on the other graphs stay and only the markers of groups that changed are made
        again (on the next `place()`)."""
        marks = tuple(marks)
        if marks == tuple(self._marks):
            return
        if not marks:
            self._clear_incidents()
            return
        if not self._marks:
            # Under the viewers graph the markers are one line item per graph (an
            # InfiniteLine each re-computed its geometry on every scroll), at the groups'
            # places.
            marker = pg.mkPen(INCIDENT_COLOR, width=1, style=Qt.PenStyle.DashLine)
            for key, plot in self.graphs.plots.items():
                if key == "online":
                    continue
                lines = pg.PlotCurveItem(pen=marker, connect="pairs")
                lines.setZValue(4)
                plot.addItem(lines, ignoreBounds=True)
                self._incident_plot_items.append((plot, lines))
                self._vlines.setdefault(key, []).append((lines, self._incident_xs))
        self._marks = marks
        self._gap = None  # regrouped by the next place()
        # Grouped so that no two labels overlap: as wide as the widest label can be.
        probe = [MarkGroup(m.at, (m,)) for m in marks] + [MarkGroup(0.0, marks * 10)]
        self._marker_px = MARKER_PADDING_PX + max(
            _label(marker_label(g, self._labels), INCIDENT_COLOR).boundingRect().width()
            for g in probe
        )

    def load_products(self, products: Sequence[ProductMark]) -> None:
        """The product-change markers, kept and remade as `load_incidents` does."""
        products = tuple(products)
        if products == tuple(self._products):
            return
        if not products:
            self._clear_products()
            return
        if not self._products:
            pen = pg.mkPen(PRODUCT_COLOR, width=1, style=Qt.PenStyle.DotLine)
            for key, plot in self.graphs.plots.items():
                if key == "online":
                    continue
                lines = pg.PlotCurveItem(pen=pen, connect="pairs")
                lines.setZValue(4)
                plot.addItem(lines, ignoreBounds=True)
                self._product_plot_items.append((plot, lines))
                self._vlines.setdefault(key, []).append((lines, self._product_xs))
        self._products = products
        self._product_gap = None
        probe_p = [ProductGroup(m.at, (m,)) for m in products]
        probe_p.append(ProductGroup(0.0, products * 10))
        self._product_px = MARKER_PADDING_PX + max(
            _label(product_label(g), PRODUCT_COLOR).boundingRect().width() for g in probe_p
        )

    def _markers(
        self,
        groups: Sequence[MarkGroup] | Sequence[ProductGroup],
        drawn: dict[Any, tuple[Any, QGraphicsSimpleTextItem]],
        items: list[tuple[Any, Any]],
        make: Any,
    ) -> tuple[list[SafeInfiniteLine], list[tuple[QGraphicsSimpleTextItem, float]]]:
        """One marker (a line and a label on the viewers graph) per group: the markers of
        groups drawn before are kept, the others made by `make(group)`, the rest removed.
        Updates `drawn` (group -> marker) and `items`; returns the lines and labels."""
        online = self.graphs.plots["online"]
        kept: dict[Any, tuple[Any, QGraphicsSimpleTextItem]] = {}
        for g in groups:
            marker = drawn.pop(g, None)
            if marker is None:
                marker = make(g)
                for item in marker:
                    online.addItem(item, ignoreBounds=True)
            kept[g] = marker
        gone = [(online, item) for marker in drawn.values() for item in marker]
        self._drop(gone)
        drawn.clear()
        drawn.update(kept)
        items[:] = [(online, item) for marker in kept.values() for item in marker]
        return [line for line, _l in kept.values()], [
            (label, g.at) for g, (_x, label) in kept.items()
        ]

    def _draw_incidents(self, gap: float) -> None:
        """Group the incidents for a gap of `gap` seconds and draw one marker per group: a line
        with a label and a tooltip on the viewers graph, a line on the others."""
        self._gap = gap
        self.groups = group_marks(self._marks, gap)
        self._incident_xs[:] = [g.at for g in self.groups]
        for key, (y0, y1) in self.graphs.y_ranges.items():
            self.fit(key, y0, y1)
        marker = pg.mkPen(INCIDENT_COLOR, width=1, style=Qt.PenStyle.DashLine)

        def make(g: MarkGroup) -> tuple[SafeInfiniteLine, QGraphicsSimpleTextItem]:
            tip = marker_tooltip(g, self._labels)
            line = SafeInfiniteLine(pos=g.at, angle=90, movable=False, pen=marker)
            line.setToolTip(tip)
            label = _label(marker_label(g, self._labels), INCIDENT_COLOR)
            label.setToolTip(tip)
            return line, label

        self._incident_lines, self._incident_labels = self._markers(
            self.groups, self._incident_drawn, self._incident_items, make
        )

    def _draw_products(self, gap: float) -> None:
        """Group the product changes for a gap of `gap` seconds and draw one marker per group,
        as `_draw_incidents` does, in the product colour and a lower row of labels."""
        self._product_gap = gap
        self.product_groups = group_product_marks(self._products, gap)
        self._product_xs[:] = [g.at for g in self.product_groups]
        for key, (y0, y1) in self.graphs.y_ranges.items():
            self.fit(key, y0, y1)
        pen = pg.mkPen(PRODUCT_COLOR, width=1, style=Qt.PenStyle.DotLine)

        def make(g: ProductGroup) -> tuple[SafeInfiniteLine, QGraphicsSimpleTextItem]:
            tip = product_tooltip(g)
            line = SafeInfiniteLine(pos=g.at, angle=90, movable=False, pen=pen)
            line.setToolTip(tip)
            label = _label(product_label(g), PRODUCT_COLOR)
            label.setToolTip(tip)
            return line, label

        self._product_lines, self._product_labels = self._markers(
            self.product_groups, self._product_drawn, self._product_items, make
        )

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
        if self._marks:
            gap = gap_for_pixels(self._marker_px, x0, x1, px_per_s * max(1.0, x1 - x0))
            if gap != self._gap:
                self._draw_incidents(gap)
        if self._products:
            gap = gap_for_pixels(self._product_px, x0, x1, px_per_s * max(1.0, x1 - x0))
            if gap != self._product_gap:
                self._draw_products(gap)
        for text, span in self._segment_labels:
            left = label_x(span, x0, x1, px_per_s, text.boundingRect().width())
            visible = left is not None
            if left is not None and (text.pos().x(), text.pos().y()) != (left, top):
                text.setPos(left, top)
            if text.isVisible() != visible:
                text.setVisible(visible)
        place_labels(self._incident_labels, incident_label_y(lo, top), x0, x1, px_per_s)
        place_labels(self._product_labels, product_label_y(lo, top), x0, x1, px_per_s)
        self.talk.place(x0, x1, lo, top, px_per_s)
        for line in (*self._incident_lines, *self._product_lines):
            # Off-screen markers hidden: every visible line recomputes its geometry on each
            # scroll.
            inside = in_view(line.value(), x0, x1)
            if line.isVisible() != inside:
                line.setVisible(inside)
