"""The Live metrics graphs: viewers, GMV vs target, stream health, orders per minute and the
rolling rates, stacked on one shared time axis.

Painting budget (< 10 ms a refresh for a 4-hour show, benchmarks/bench_dashboard.py): width-1
cosmetic pens (Qt strokes wider lines segment by segment), no antialiasing, bare
PlotCurveItems fed only the visible window (min/max-decimated to the graph's width when the
whole show is on screen), and y ranges set here with hysteresis instead of pyqtgraph's
autorange (which re-measures every item and re-lays the axis each second). The figures
themselves come from studio.metrics.live_figures and the window from studio.metrics.live_range.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsItem

from studio.metrics.axis import tick_labels
from studio.metrics.live_figures import (
    Pace,
    PaceLine,
    orders_per_minute,
    pace_line,
    rate_grid,
    rolling_rates,
    target_line,
)
from studio.metrics.live_range import settled_until, visible_range, window_bounds
from studio.metrics.series import SeriesCache, ShowTiming
from studio.ui.common.safe_line import SafeInfiniteLine
from studio.ui.common.tables import ui_lang
from studio.ui.metrics.crosshair import Crosshair
from studio.ui.metrics.curves import PlainCurves, TailedCurve, top

# The platform feed's metrics (the tiles, "Updated" and the stalled-feed rule go by these).
PLOT_METRICS = (
    "online_viewers",
    "gmv_cents",
    "orders",
    "product_exposures",
    "product_clicks",
    "buyers",
    "viewers_total",
    "new_followers",
    "comments",
    "shares",
    "ad_spend_cents",
    "exposures",
)
# OBS's stream health (studio.obs.poller): bitrate on the left axis, frame losses on the right.
STREAM_METRICS = ("stream_bitrate_kbps", "stream_dropped_pct", "stream_skipped_pct")
STREAM_COLORS = {
    "stream_bitrate_kbps": "#39c5cf",
    "stream_dropped_pct": "#f85149",
    "stream_skipped_pct": "#d29922",
}
# Every graph reserves the right axis's width, so one second is at the same x on all of them.
RIGHT_AXIS_W = 44
LEFT_AXIS_W = 56
MIN_TICK_PX = 32  # between two labelled ticks of a value axis (about two text lines)
# The least height of one graph (its title included) and of the shared time axis under the
# last: below this a trend cannot be read, so the dock scrolls instead of squashing the graphs.
PLOT_MIN_H = 118
TIME_AXIS_H = 28
GMV_COLOR = "#3fb950"
TARGET_COLOR = "#d29922"
CTR_COLOR = "#6aa5ff"
CVR_COLOR = "#f778ba"
# The line each legend entry stands for, drawn in text (the legend sits in the graph's title,
# where it covers no data and is rendered once, not on every repaint).
SOLID, DASHED, DOTTED = "━", "╍", "┈"

YListener = Callable[[str, float, float], None]


def _swatch(color: str, text: str, line: str = SOLID) -> str:
    return f'<span style="color:{color}">{line} {text}</span>'


def _legend_title(title: str, *entries: str) -> str:
    return " · ".join((title, *entries))


def _gmv_title() -> str:
    return _legend_title(
        QCoreApplication.translate("MetricsPanel", "GMV (¥)"),
        _swatch(GMV_COLOR, QCoreApplication.translate("MetricsPanel", "GMV")),
        _swatch(TARGET_COLOR, QCoreApplication.translate("MetricsPanel", "target pace"), DASHED),
        _swatch(GMV_COLOR, QCoreApplication.translate("MetricsPanel", "projection"), DASHED),
        _swatch(TARGET_COLOR, QCoreApplication.translate("MetricsPanel", "target"), DOTTED),
    )


def _rates_title() -> str:
    return _legend_title(
        QCoreApplication.translate("MetricsPanel", "Rolling 5 min (%)"),
        _swatch(CTR_COLOR, QCoreApplication.translate("MetricsPanel", "product CTR")),
        _swatch(CVR_COLOR, QCoreApplication.translate("MetricsPanel", "click-to-buy rate")),
    )


def _next_step(step: float) -> float:
    """The next round tick step: 1 -> 2 -> 5 -> 10 (times a power of ten)."""
    mantissa = step / 10 ** math.floor(math.log10(step))
    return step * (2.5 if 1.5 < mantissa < 3 else 2.0)


class CompactAxis(pg.AxisItem):  # type: ignore[misc]
    """A value axis with short labels in the reader's units (12.5万 / 125k,
    studio.metrics.axis): full numbers ran wider than the axis and into the plot. Labelled
    ticks stay MIN_TICK_PX apart: pyqtgraph always labels its top tick level, and on a graph
    ~100 px tall that put five labels edge to edge."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        levels: list[tuple[float, float]] = super().tickSpacing(minVal, maxVal, size)
        if not levels or not maxVal > minVal or size <= 0:
            return levels
        px = size / (maxVal - minVal)
        kept = [(step, offset) for step, offset in levels if step * px >= MIN_TICK_PX]
        if kept:
            return kept
        step = levels[0][0]
        while step * px < MIN_TICK_PX:
            step = _next_step(step)
        return [(step, 0.0)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return tick_labels([v * scale for v in values], spacing * scale, ui_lang() == "zh_CN")


def _stream_title() -> str:
    def swatch(metric: str, text: str) -> str:
        return _swatch(STREAM_COLORS[metric], text)

    return " · ".join(
        (
            QCoreApplication.translate("MetricsPanel", "Stream health"),
            swatch(
                "stream_bitrate_kbps",
                QCoreApplication.translate("MetricsPanel", "bitrate (Mbit/s, left)"),
            ),
            swatch(
                "stream_dropped_pct",
                QCoreApplication.translate("MetricsPanel", "dropped frames (%, right)"),
            ),
            swatch(
                "stream_skipped_pct",
                QCoreApplication.translate("MetricsPanel", "skipped frames (%, right)"),
            ),
        )
    )


class MetricsGraphs:
    """The graph area (`glw`, a widget) and its curves. `paint()` draws a show's cached series
    and returns the visible x range; `apply_view()` then applies moved ranges in one pass.
    Listeners in `y_listeners` hear every y range change (overlays keep their height)."""

    def __init__(self, palette: QPalette) -> None:
        self.cache: SeriesCache | None = None
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground(palette.color(QPalette.ColorRole.Base))
        # A fixed scene rect: without one, every scene update posts an event that walks every
        # item's bounding rect to grow the rect (a cost per refresh), and a core dump showed that
        # walk crashing on an item being torn down (pyqtgraph shows the view's own rect anyway).
        self.glw.scene().setSceneRect(QRectF(0, 0, 8192, 8192))
        fg = palette.color(QPalette.ColorRole.Text)
        self.plots: dict[str, Any] = {}
        titles = {
            "online": QCoreApplication.translate("MetricsPanel", "Online viewers"),
            "gmv": _gmv_title(),
            "stream": _stream_title(),
            "orders": QCoreApplication.translate("MetricsPanel", "Orders per minute"),
            "rates": _rates_title(),
        }
        first: Any = None
        for i, (key, title) in enumerate(titles.items()):
            axes = {
                "bottom": pg.DateAxisItem(orientation="bottom"),
                "left": CompactAxis(orientation="left"),
            }
            p = self.glw.addPlot(row=i, col=0, axisItems=axes)
            p.setTitle(title, color=fg.name(), size="10pt")
            p.setMinimumHeight(PLOT_MIN_H + (TIME_AXIS_H if key == "rates" else 0))
            # No grid: AxisItem re-renders the grid over the whole plot on every scroll, which
            # was most of the repaint cost.
            p.setMenuEnabled(False)
            p.getAxis("left").setWidth(LEFT_AXIS_W)
            for side in ("left", "bottom"):
                # The axes show no unit label; the SI-prefix check re-rendered it as HTML on
                # every range change.
                p.getAxis(side).enableAutoSIPrefix(False)
            # The axes and the title change only when a range does (y rarely, see _set_y):
            # other repaints blit a cached pixmap instead of re-rendering their text.
            for side in ("left", "bottom"):
                p.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            p.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            p.setMouseEnabled(x=True, y=False)
            p.layout.setColumnFixedWidth(2, RIGHT_AXIS_W)
            if first is None:
                first = p
            else:
                p.setXLink(first)
            if key != "rates":
                # One shared time axis under the last graph: the upper graphs' date axes
                # re-ticked on every scroll and showed no labels anyway.
                p.hideAxis("bottom")
            self.plots[key] = p
        self.curve_online = TailedCurve(self.plots["online"], pen=pg.mkPen("#6aa5ff", width=1))
        self.curve_gmv = TailedCurve(self.plots["gmv"], pen=pg.mkPen(GMV_COLOR, width=1))
        self.curve_pace = self._curve(
            "gmv", pen=pg.mkPen(GMV_COLOR, width=1, style=Qt.PenStyle.DashLine)
        )
        # Where GMV should stand now to meet the target (studio.metrics.live_figures).
        self.curve_target_pace = self._curve(
            "gmv", pen=pg.mkPen(TARGET_COLOR, width=1, style=Qt.PenStyle.DashLine)
        )
        self.target_line = SafeInfiniteLine(
            angle=0, movable=False, pen=pg.mkPen(TARGET_COLOR, width=1, style=Qt.PenStyle.DotLine)
        )
        self.plots["gmv"].addItem(self.target_line, ignoreBounds=True)
        bars = {
            "pen": pg.mkPen("#d29922", width=1),
            "stepMode": "center",
            "fillLevel": 0,
            "brush": pg.mkBrush(210, 153, 34, 90),
        }
        # Settled minutes, and the current minute on its own (it changes every second).
        self.curve_orders = self._curve("orders", **bars)
        self.curve_orders_now = self._curve("orders", **bars)
        self.curve_ctr = self._curve("rates", pen=pg.mkPen(CTR_COLOR, width=1), name="CTR")
        self.curve_cvr = self._curve("rates", pen=pg.mkPen(CVR_COLOR, width=1), name="CVR")
        self.stream_pct_vb, self.stream_curves = self._build_stream()
        self._fit_height()
        for view in (*self.plots.values(), self.stream_pct_vb):
            view.disableAutoRange()
        self.y_ranges: dict[str, tuple[float, float]] = {}
        self.y_listeners: list[YListener] = []
        self._view_moved = False
        self._curves = PlainCurves()
        self._rates_key: tuple[float | int, ...] | None = None
        self._rates_top = 0.0
        self.crosshair = Crosshair(self.plots, self.glw.scene(), fg.name())

    def _build_stream(self) -> tuple[Any, dict[str, TailedCurve]]:
        """The stream-health graph: bitrate in the plot's own view, the frame-loss percentages
        in a second view on the right axis (same x, linked). Hidden until a show has stream_*
        samples, so a studio without OBS sees no empty graph."""
        p = self.plots["stream"]
        vb = pg.ViewBox(enableMenu=False)
        # A child of the plot (not a free scene item, as in pyqtgraph's example) so it hides
        # with the row; it only draws, the plot's own view takes the mouse.
        vb.setParentItem(p)
        vb.setMouseEnabled(x=False, y=False)
        vb.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        vb.setAcceptHoverEvents(False)
        vb.setZValue(p.vb.zValue() + 1)
        vb.setXLink(p.vb)
        p.showAxis("right")
        right = p.getAxis("right")
        right.setWidth(RIGHT_AXIS_W)
        right.enableAutoSIPrefix(False)
        right.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        right.setTextPen(STREAM_COLORS["stream_dropped_pct"])
        right.linkToView(vb)
        p.vb.sigResized.connect(lambda _vb: vb.setGeometry(p.vb.geometry()))
        curves = {
            m: TailedCurve(p if m == "stream_bitrate_kbps" else vb, pen=pg.mkPen(c, width=1))
            for m, c in STREAM_COLORS.items()
        }
        p.setVisible(False)
        return vb, curves

    def _fit_height(self) -> None:
        """The graph area's least height: every graph on screen at its least height, so a
        short dock scrolls (the dock is a scroll area) instead of squashing them."""
        shown = sum(1 for p in self.plots.values() if p.isVisible())
        self.glw.setMinimumHeight(shown * PLOT_MIN_H + TIME_AXIS_H + 8)

    def _curve(self, key: str, **opts: Any) -> Any:
        if opts.get("stepMode"):
            # A step curve cannot be built empty (it checks len(x) == len(y) + 1).
            curve = pg.PlotCurveItem(np.array([0.0, 1.0]), np.array([0.0]), **opts)
            curve.clear()
        else:
            curve = pg.PlotCurveItem(**opts)
        self.plots[key].addItem(curve)
        return curve

    def reset(self, cache: SeriesCache | None) -> None:
        """Start over for another show (or none)."""
        self.cache = self.crosshair.cache = cache
        self.y_ranges = {}
        self._curves.forget()
        self._rates_key = None

    # -- painting ----------------------------------------------------------------------------

    def paint(
        self,
        cache: SeriesCache,
        timing: ShowTiming | None,
        last: float,
        whole_show: bool,
        pace: Pace,
    ) -> tuple[float, float]:
        """Draw the series up to the newest sample `last` for the chosen view; returns the
        visible x range."""
        ts, v = cache.get("online_viewers")
        first_ts = float(ts[0]) if len(ts) else None
        x0, x1 = visible_range(whole_show, timing, first_ts, last)
        # One min/max pair per pixel column is all a screen can show.
        bins = max(100, int(self.plots["online"].vb.width()))
        split = settled_until(last)
        i0, i1 = window_bounds(ts, x0, x1)
        self.curve_online.set(ts[i0:i1], v[i0:i1], split, bins)
        gts, gmv = cache.get("gmv_cents")
        g0, g1 = window_bounds(gts, x0, x1)
        gmv_shown = gmv[g0:g1] / 100.0
        self.curve_gmv.set(gts[g0:g1], gmv_shown, split, bins)
        target = timing.gmv_target_cents / 100 if timing else 0
        self.target_line.setVisible(target > 0)
        if self.target_line.value() != target:
            self.target_line.setValue(target)
        pace_top = self._paint_line(self.curve_pace, pace_line(pace, timing, last), x1)
        # The y range follows the target pace where the view ends, not the full target: against
        # the whole-show target GMV lay near zero all show (the whole-show view, which reaches
        # the planned end, still takes in the target).
        should_top = self._paint_line(self.curve_target_pace, target_line(timing), x1)
        stream_top = self._paint_stream(cache, x0, x1, split, bins)
        # Orders per minute and rolling rates only over what is on screen (plus a window).
        ots, orders = cache.get("orders")
        minutes = orders_per_minute(ots, orders, x0, x1)
        done = minutes.settled
        self._curves.set(self.curve_orders, minutes.edges[: done + 1], minutes.counts[:done])
        self._curves.set(self.curve_orders_now, minutes.edges[done:], minutes.counts[done:])
        rates_top = self._paint_rates(cache, rate_grid(first_ts, x0, last), x0)
        if self.plots["online"].vb.viewRange()[0] != [x0, x1]:
            self.plots["online"].setXRange(x0, x1, padding=0)
            self._view_moved = True
        shown = v[i0:i1]
        self._set_y("online", float(shown.min()) if len(shown) else 0.0, top(shown))
        self._set_y("gmv", 0.0, max(top(gmv_shown), pace_top, should_top))
        if stream_top is not None:
            self._set_y("stream", 0.0, stream_top[0])
            self._set_y("stream_pct", 0.0, stream_top[1])
        self._set_y("orders", 0.0, top(minutes.counts))
        self._set_y("rates", 0.0, rates_top)
        return x0, x1

    def _paint_line(self, curve: Any, line: PaceLine | None, x1: float) -> float:
        """Draw a two-point line (a PaceLine) or nothing; the height it reaches left of x1."""
        if line is None:
            self._curves.set(curve, np.empty(0), np.empty(0))
            return 0.0
        self._curves.set(curve, np.asarray(line.x, dtype=float), np.asarray(line.y, dtype=float))
        return float(line.top_before(x1))

    def _paint_rates(self, cache: SeriesCache, grid: Any, x0: float) -> float:
        """Draw rolling CTR and CVR (%) on the grid; their top."""
        if not len(grid):
            return 0.0
        # The 30-s grid gains a point every 30 s and its values depend only on samples up to
        # its last point: between those moments (and late rows) there is nothing to redo.
        seen = (
            int(np.searchsorted(cache.get(m)[0], grid[-1], side="right"))
            for m in ("product_exposures", "product_clicks", "buyers")
        )
        key = (float(grid[0]), float(grid[-1]), cache.late_rows, *seen)
        if key == self._rates_key:
            return self._rates_top
        ctr, cvr = rolling_rates(cache, grid, x0)
        self._curves.set(self.curve_ctr, grid, ctr * 100, connect="finite")
        self._curves.set(self.curve_cvr, grid, cvr * 100, connect="finite")
        both = np.concatenate((ctr, cvr))
        both = both[np.isfinite(both)]
        self._rates_key = key
        self._rates_top = float(both.max()) * 100 if len(both) else 0.0
        return self._rates_top

    def _paint_stream(
        self, cache: SeriesCache, x0: float, x1: float, split: float, bins: int
    ) -> tuple[float, float] | None:
        """Draw the stream-health curves; their y tops (Mbit/s, %), or None when the show has
        no stream samples (the row is hidden then)."""
        has = any(len(cache.get(m)[0]) for m in STREAM_METRICS)
        plot = self.plots["stream"]
        if plot.isVisible() != has:
            plot.setVisible(has)
            self._fit_height()
            self._view_moved = True
        if not has:
            return None
        tops = [0.0, 0.0]
        for metric, curve in self.stream_curves.items():
            ts, v = cache.get(metric)
            a, b = window_bounds(ts, x0, x1)
            shown = v[a:b] / 1000.0 if metric == "stream_bitrate_kbps" else v[a:b]
            curve.set(ts[a:b], shown, split, bins)
            k = 0 if metric == "stream_bitrate_kbps" else 1
            tops[k] = max(tops[k], top(shown))
        return tops[0], tops[1]

    def _set_y(self, key: str, lo: float, hi: float) -> None:
        """Set a graph's y range with headroom, and keep it while the data stays inside and
        fills at least half of it: most refreshes then leave the axis alone."""
        cur = self.y_ranges.get(key)
        if cur is not None and cur[0] <= lo and hi <= cur[1] and hi - lo >= 0.5 * (cur[1] - cur[0]):
            return
        span = max(hi - lo, abs(hi) * 0.05, 1.0)
        # A little room below too, so a line at the bottom of its range (GMV at 0, a quiet
        # minute) is not hidden under the axis.
        new = (lo - (0.03 if lo == 0 else 0.1) * span, hi + 0.2 * span)
        self.y_ranges[key] = new
        view = self.stream_pct_vb if key == "stream_pct" else self.plots[key]
        view.setYRange(*new, padding=0)
        self._view_moved = True
        for listener in self.y_listeners:
            listener(key, *new)

    def apply_view(self) -> None:
        """Apply moved ranges now: done lazily inside the paint, the new transform re-dirtied
        every item of the graph and Qt painted it a second time."""
        if not self._view_moved:
            return
        self._view_moved = False
        for vb in (*(p.vb for p in self.plots.values()), self.stream_pct_vb):
            vb.prepareForPaint()
        # A moved view repaints everywhere anyway; ask for it plainly (the region Qt
        # derives from the moved items' far-off origin overflows and would be lost).
        self.glw.viewport().update()

    def online_px_per_s(self, x0: float, x1: float) -> float:
        """Pixels per second of the shared time axis for the range [x0, x1]."""
        return float(self.plots["online"].vb.width()) / max(1.0, x1 - x0)
