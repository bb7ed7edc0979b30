"""Live metrics dashboard: KPI tiles on top, graphs below on one shared time axis.

Samples arrive at any rate; the store's change signal only marks the panel dirty, and a QTimer
repaints at most 4 times a second (nothing while the panel is hidden). Series are read
incrementally (rows with a new id only) into numpy arrays, so a refresh late in a 4-hour show
costs about what it costs at the start. Script segments are shaded and labelled (actual times
from the CueEvents when the show has run, planned times otherwise) and incidents are marked.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from studio.metrics import alerts, fmt
from studio.metrics.series import (
    SeriesCache,
    ShowTiming,
    min_max_decimate,
    per_minute,
    rolling_ratio,
    show_timing,
)
from studio.store.models import Incident, Segment
from studio.ui.common.context import AppContext
from studio.ui.common.safe_line import SafeInfiniteLine
from studio.ui.common.texts import condition_text
from studio.ui.metrics.kpi_tile import KpiTile

log = logging.getLogger(__name__)

REPAINT_MS = 250
# Real seconds from a sample's commit to the panel drawing it (writer linger 0.2 s, repaint
# timer 0.25 s, a busy GUI thread). On an accelerated clock this is many show seconds that
# must not read as a stalled feed or a stale "Updated".
PIPELINE_LATENCY_S = 1.5
# "Last 15 min" advances in steps: the window's right edge stays put while new samples fill
# the margin, so most refreshes draw new points without moving (and re-laying) the graphs.
SCROLL_STEP_S = 30
LAST_MINUTES = 15
ROLLING_WINDOW_S = 300.0
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
SEGMENT_BRUSH = {
    "flash_sale": (248, 81, 73, 45),
    "lucky_bag": (210, 153, 34, 45),
    "product": (47, 111, 219, 28),
    "opening": (63, 185, 80, 30),
    "closing": (139, 148, 158, 30),
}
DEFAULT_BRUSH = (139, 148, 158, 18)
# OBS's stream health (studio.obs.poller): bitrate on the left axis, frame losses on the right.
STREAM_METRICS = ("stream_bitrate_kbps", "stream_dropped_pct", "stream_skipped_pct")
STREAM_COLORS = {
    "stream_bitrate_kbps": "#39c5cf",
    "stream_dropped_pct": "#f85149",
    "stream_skipped_pct": "#d29922",
}
# Every graph reserves the right axis's width, so one second is at the same x on all of them.
RIGHT_AXIS_W = 44


def _window(ts: np.ndarray, x0: float, x1: float) -> tuple[int, int]:
    """Slice bounds of the samples inside [x0, x1] plus one on each side (so the line enters
    and leaves the graph instead of starting at its edge)."""
    return max(0, int(np.searchsorted(ts, x0)) - 1), int(np.searchsorted(ts, x1, side="right")) + 1


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
    item.setVisible(False)  # placed (and shown where there is room) by _place_overlays
    return item


def _top(values: np.ndarray) -> float:
    return float(values.max()) if len(values) else 0.0


class TailedCurve:
    """One series drawn as two curve items: the settled samples up to a split time (set again
    only when they change: every SCROLL_STEP_S, or when a late sample lands) and the newest
    ones after it. A 1 Hz refresh then dirties only the tail's sliver at the right end, and Qt
    repaints that sliver instead of the whole graph."""

    def __init__(self, plot: pg.PlotItem | pg.ViewBox, **opts: Any) -> None:
        self.body = pg.PlotCurveItem(**opts)
        self.tail = pg.PlotCurveItem(**opts)
        for curve in (self.body, self.tail):
            # Sample values are finite by construction (the parser refuses NaN and inf):
            # skipping pyqtgraph's per-paint finite scans of every point saves ~1 ms a refresh.
            curve.setSkipFiniteCheck(True)
        plot.addItem(self.body)
        plot.addItem(self.tail)
        self._key: tuple[Any, ...] | None = None
        self._drawn: tuple[np.ndarray, np.ndarray] = (np.empty(0), np.empty(0))

    def set(self, x: np.ndarray, y: np.ndarray, split: float, bins: int) -> None:
        i = int(np.searchsorted(x, split, side="right"))
        bx, by = x[:i], y[:i]
        key = (len(bx), bins, float(bx[0]) if i else 0.0, float(bx[-1]) if i else 0.0, by.sum())
        if key != self._key:
            self._key = key
            bx, by = min_max_decimate(bx, by, bins)
            if len(bx):
                self.body.setData(bx, by)
            else:
                self.body.clear()
        else:
            bx, by = self.body.getData() if i else (np.empty(0), np.empty(0))
        # The tail starts at the body's last sample, so the line is unbroken.
        j = max(i - 1, 0)
        if len(x) > j:
            self.tail.setData(x[j:], y[j:])
        else:
            self.tail.clear()
        self._drawn = (
            np.concatenate((bx, x[i:])) if i else x,
            np.concatenate((by, y[i:])) if i else y,
        )

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        """What is drawn: body and tail together (after decimation)."""
        return self._drawn


class MetricsPanel(QWidget):
    """The Live metrics dock. `set_show(id)` switches shows; `conditionChanged` carries the alert
    rules' transitions (key, active, message) for the incident log."""

    conditionChanged = Signal(str, bool, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.show_id: int | None = None
        self.cache: SeriesCache | None = None
        self.timing: ShowTiming | None = None
        self.whole_show = False
        self._dirty = True
        self._overlay_dirty = True
        self._own_feed: Any = None
        # Show-clock time of the newest sample while the feed is live (drives "feed stalled").
        self._last_arrival: float | None = None
        self._feed_seen = False  # samples arrived while this show was on screen
        self._unread = False  # samples committed since the last read
        self._since: float | None = None  # earliest sample second announced since the last read
        self.refresh_ms: list[float] = []
        self.alerts = alerts.AlertMonitor(
            ctx.profile.section("alerts", alerts.DEFAULTS), self._on_condition
        )
        self._build()
        ctx.signals.changed.connect(self._on_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(REPAINT_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.set_show(ctx.show_id)

    # -- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(4, 4, 4, 4)
        self.stack = QStackedWidget()
        root.addWidget(self.stack)

        self.empty = QWidget()
        el = QVBoxLayout(self.empty)
        el.addStretch(1)
        self.empty_title = QLabel()
        self.empty_title.setProperty("role", "empty-title")
        self.empty_hint = QLabel()
        self.empty_hint.setProperty("role", "empty-hint")
        self.empty_hint.setWordWrap(True)
        for w in (self.empty_title, self.empty_hint):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            el.addWidget(w)
        self.empty_button = QPushButton()
        self.empty_button.clicked.connect(self._empty_action)
        el.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        el.addStretch(2)
        self.stack.addWidget(self.empty)

        self.board = QWidget()
        bl = QVBoxLayout(self.board)
        bl.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.status = QLabel()
        self.alert_label = QLabel()
        self.alert_label.setStyleSheet("color: #f85149; font-weight: bold;")
        self.alert_label.setWordWrap(True)
        bar.addWidget(self.status)
        bar.addWidget(self.alert_label, 1)
        self.btn_recent = QPushButton(self.tr("Last 15 min"))
        self.btn_whole = QPushButton(self.tr("Whole show"))
        group = QButtonGroup(self)
        for b in (self.btn_recent, self.btn_whole):
            b.setCheckable(True)
            group.addButton(b)
            bar.addWidget(b)
        self.btn_recent.setChecked(True)
        self.btn_whole.toggled.connect(self.set_whole_show)
        bl.addLayout(bar)

        tiles = QGridLayout()
        tiles.setSpacing(6)
        self.t_gmv = KpiTile(self.tr("GMV"), big=True)
        self.t_online = KpiTile(self.tr("Online viewers"))
        self.t_orders = KpiTile(self.tr("Orders"))
        self.t_gpm = KpiTile(self.tr("GPM"))
        self.t_ctr = KpiTile(self.tr("Product CTR"))
        self.t_cvr = KpiTile(self.tr("Click-to-buy rate"))
        self.t_aov = KpiTile(self.tr("Average order value"))
        tiles.addWidget(self.t_gmv, 0, 0, 1, 2)
        tiles.addWidget(self.t_online, 0, 2)
        tiles.addWidget(self.t_orders, 0, 3)
        for i, t in enumerate((self.t_gpm, self.t_ctr, self.t_cvr, self.t_aov)):
            tiles.addWidget(t, 1, i)
        for c in range(4):
            tiles.setColumnStretch(c, 1)
        bl.addLayout(tiles)

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground(self.palette().color(QPalette.ColorRole.Base))
        self.glw.setMinimumHeight(320)
        # A fixed scene rect: without one, every scene update posts an event that walks every
        # item's bounding rect to grow the rect (a cost per refresh), and a core dump showed that
        # walk crashing on an item being torn down (pyqtgraph shows the view's own rect anyway).
        self.glw.scene().setSceneRect(QRectF(0, 0, 8192, 8192))
        fg = self.palette().color(QPalette.ColorRole.Text)
        self.plots: dict[str, pg.PlotItem] = {}
        titles = {
            "online": self.tr("Online viewers"),
            "gmv": self.tr("GMV (¥) vs target"),
            "stream": self._stream_title(),
            "orders": self.tr("Orders per minute"),
            "rates": self.tr("CTR / CVR, rolling 5 min (%)"),
        }
        first: pg.PlotItem | None = None
        for i, (key, title) in enumerate(titles.items()):
            axis = pg.DateAxisItem(orientation="bottom")
            p = self.glw.addPlot(row=i, col=0, axisItems={"bottom": axis})
            p.setTitle(title, color=fg.name(), size="10pt")
            # No grid: AxisItem re-renders the grid over the whole plot on every scroll, which
            # was most of the repaint cost.
            p.setMenuEnabled(False)
            p.getAxis("left").setWidth(56)
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
        # Painting budget (< 10 ms a refresh for a 4-hour show, benchmarks/bench_dashboard.py):
        # width-1 cosmetic pens (Qt strokes wider lines segment by segment), no antialiasing,
        # bare PlotCurveItems fed only the visible window (min/max-decimated to the graph's
        # width when the whole show is on screen), and y ranges set by the panel with
        # hysteresis instead of pyqtgraph's autorange (which re-measures every item and
        # re-lays the axis each second).
        self.curve_online = TailedCurve(self.plots["online"], pen=pg.mkPen("#6aa5ff", width=1))
        self.curve_gmv = TailedCurve(self.plots["gmv"], pen=pg.mkPen("#3fb950", width=1))
        self.curve_pace = self._curve(
            "gmv", pen=pg.mkPen("#3fb950", width=1, style=Qt.PenStyle.DashLine)
        )
        self.target_line = SafeInfiniteLine(
            angle=0, movable=False, pen=pg.mkPen("#d29922", width=1, style=Qt.PenStyle.DashLine)
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
        self._orders_now = self._curve("orders", **bars)
        self.curve_ctr = self._curve("rates", pen=pg.mkPen("#6aa5ff", width=1), name="CTR")
        self.curve_cvr = self._curve("rates", pen=pg.mkPen("#f778ba", width=1), name="CVR")
        self._build_stream()
        for p in (*self.plots.values(), self.stream_pct_vb):
            p.disableAutoRange()
        self._y_ranges: dict[str, tuple[float, float]] = {}
        self._view_moved = False
        self._curve_data: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._rates_key: tuple[float | int, ...] | None = None
        self._rates_top = 0.0
        self.overlay_items: list[tuple[pg.PlotItem, Any]] = []
        self._segment_labels: list[tuple[QGraphicsSimpleTextItem, float, float]] = []
        self._incident_labels: list[tuple[QGraphicsSimpleTextItem, float]] = []
        self._bands: dict[str, list[pg.BarGraphItem]] = {}
        # Vertical lines drawn as one curve item per graph (segment edges, incident markers),
        # kept as tall as the graph's y range.
        self._vlines: dict[str, list[tuple[pg.PlotCurveItem, list[float]]]] = {}
        self._incident_lines: list[pg.InfiniteLine] = []
        self._pace: tuple[float | None, float | None] = (None, None)
        self.cross = {
            k: SafeInfiniteLine(
                angle=90, movable=False, pen=pg.mkPen(fg.name(), width=1, style=Qt.PenStyle.DotLine)
            )
            for k in self.plots
        }
        for k, line in self.cross.items():
            line.setVisible(False)
            self.plots[k].addItem(line, ignoreBounds=True)
        self.readout = pg.TextItem(color=fg.name(), anchor=(0, 0), fill=pg.mkBrush(0, 0, 0, 160))
        self.readout.setZValue(100)
        self.readout.setVisible(False)
        self.plots["online"].addItem(self.readout, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(
            self.glw.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse
        )
        bl.addWidget(self.glw, 1)
        self.stack.addWidget(self.board)
        self.setMinimumWidth(420)

    def _stream_title(self) -> str:
        def swatch(metric: str, text: str) -> str:
            return f'<span style="color:{STREAM_COLORS[metric]}">{text}</span>'

        return " · ".join(
            (
                self.tr("Stream health"),
                swatch("stream_bitrate_kbps", self.tr("bitrate (Mbit/s, left)")),
                swatch("stream_dropped_pct", self.tr("dropped frames (%, right)")),
                swatch("stream_skipped_pct", self.tr("skipped frames (%, right)")),
            )
        )

    def _build_stream(self) -> None:
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
        self.stream_pct_vb = vb
        self.stream_curves = {
            m: TailedCurve(p if m == "stream_bitrate_kbps" else vb, pen=pg.mkPen(c, width=1))
            for m, c in STREAM_COLORS.items()
        }
        p.setVisible(False)

    def _curve(self, key: str, **opts: Any) -> pg.PlotCurveItem:
        if opts.get("stepMode"):
            # A step curve cannot be built empty (it checks len(x) == len(y) + 1).
            curve = pg.PlotCurveItem(np.array([0.0, 1.0]), np.array([0.0]), **opts)
            curve.clear()
        else:
            curve = pg.PlotCurveItem(**opts)
        self.plots[key].addItem(curve)
        return curve

    # -- show switching ----------------------------------------------------------------------

    def set_show(self, show_id: int | None) -> None:
        self.show_id = show_id
        self.cache = None
        self._y_ranges = {}
        self._curve_data = {}
        self._rates_key = None
        self.timing = None
        self._last_arrival = None
        self._feed_seen = False
        self._since = None
        self.alerts.active.clear()
        self.alert_label.clear()
        if show_id is not None:
            try:
                with self.ctx.store.session() as s:
                    self.timing = show_timing(s, show_id)
                self.cache = SeriesCache(show_id, (*PLOT_METRICS, *STREAM_METRICS))
            except LookupError:
                log.warning("metrics panel: show %s not found", show_id)
                self.show_id = None
        self._dirty = self._overlay_dirty = True
        self._refresh_data()
        self._update_view()

    def set_whole_show(self, whole: bool) -> None:
        self.whole_show = whole
        with QSignalBlocker(self.btn_whole):
            self.btn_whole.setChecked(whole)
        self.btn_recent.setChecked(not whole)
        self._dirty = True
        self._tick()

    def _empty_action(self) -> None:
        if self.show_id is None:
            signal = getattr(self.window(), "open_script_requested", None)
            if signal is not None:
                signal.emit()
            return
        feed = self.ctx.metrics_feed
        if feed is None:
            from studio.ui.metrics.qt_feed import MetricsFeed

            feed = self._own_feed = MetricsFeed(self.ctx.store, parent=self)
            self.ctx.metrics_feed = feed
        feed.start(self.show_id, speed=1.0)

    def shutdown(self) -> None:
        """Stop the timer and a feed this panel started (the app owns any other feed)."""
        self._timer.stop()
        if self._own_feed is not None:
            self._own_feed.shutdown()
            if self.ctx.metrics_feed is self._own_feed:
                self.ctx.metrics_feed = None
            self._own_feed = None

    # -- change tracking ---------------------------------------------------------------------

    def _on_changed(self, table: str, row_id: object, show_id: object) -> None:
        if show_id is not None and show_id != self.show_id:
            return
        if table == "metric_sample":
            self._dirty = self._unread = True
            self._feed_seen = True
            # A sample batch's row_id is its earliest second: re-read from there (late rows).
            if isinstance(row_id, int | float):
                since = float(row_id)
                self._since = since if self._since is None else min(self._since, since)
        elif table in ("incident", "cue_event", "segment", "show"):
            self._overlay_dirty = True
            if table == "show" and self.show_id is not None:
                with self.ctx.store.session() as s:
                    self.timing = show_timing(s, self.show_id)

    def _tick(self) -> None:
        if self.cache is not None and (self._dirty or self._overlay_dirty) and self.isVisible():
            t = time.perf_counter()
            self._refresh_data()
            self._update_view()
            self.refresh_ms.append((time.perf_counter() - t) * 1000)
        elif self.cache is not None and self._unread:
            # Hidden: nothing is painted, but the alerts still need the new samples.
            self._refresh_data()
            del self.refresh_ms[:-200]
        self._evaluate_alerts()

    def _refresh_data(self) -> None:
        if self.cache is None:
            return
        self._unread = False
        since, self._since = self._since, None
        if self._overlay_dirty:
            with self.ctx.store.session() as s:
                n = self.cache.refresh(s, since)
                self._load_overlay(s)
        else:
            # A plain connection: a session costs more than the short read it wraps.
            with self.ctx.store.engine.connect() as conn:
                n = self.cache.refresh(conn, since)
        if n:
            self._note_samples()

    def _slack(self) -> float:
        """Show seconds the pipeline may lag without counting as stalled (see
        PIPELINE_LATENCY_S)."""
        speed = float(self.ctx.demo_speed or 1.0)
        return PIPELINE_LATENCY_S * max(0.0, speed - 1.0)

    def _note_samples(self) -> None:
        """Arm the stalled-feed rule once the feed is live and track its newest sample time.

        Live: the show is on air, or samples arrived recently by the show's clock while the
        show was on screen (an import of old samples does not arm it)."""
        assert self.cache is not None
        # The platform feed's samples only: OBS's stream samples keep coming while it stalls.
        newest = self.cache.last_ts(PLOT_METRICS)
        if newest is None:
            return
        if self._last_arrival is None:
            limit = float(self.alerts.rules.get("feed_stalled", {}).get("seconds", 30))
            fresh = self.ctx.clock() - newest <= limit + self._slack()
            on_air = self.timing is not None and self.timing.status == "live"
            if not (on_air or (self._feed_seen and fresh)):
                return
        self._last_arrival = max(newest, self._last_arrival or newest)

    # -- painting ----------------------------------------------------------------------------

    def _update_view(self) -> None:
        cache = self.cache
        if self.show_id is None or cache is None:
            self.empty_title.setText(self.tr("No show loaded"))
            self.empty_hint.setText(self.tr("Load a show to see its live numbers."))
            self.empty_button.setText(self.tr("Load a show"))
            self.stack.setCurrentWidget(self.empty)
            return
        last_any = cache.last_ts()
        if last_any is None:
            self.empty_title.setText(self.tr("No metrics yet"))
            self.empty_hint.setText(
                self.tr(
                    "Start the metrics feed (simulator, file tail or "
                    "HTTP ingest) to see viewers and GMV."
                )
            )
            self.empty_button.setText(self.tr("Start the metrics feed"))
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.board)
        self._dirty = False
        # "Updated" and the KPIs go by the platform's samples; the time axis follows the newest
        # sample of any kind (stream health keeps moving while the platform feed lags).
        last = cache.last_ts(PLOT_METRICS) or last_any
        self._paint_tiles(cache, last)
        self._paint_graphs(cache, max(last, last_any))

    def _kpis(self, cache: SeriesCache, last: float) -> Any:
        from studio.metrics import kpi

        totals = cache.totals()
        timing = self.timing
        first = cache.get("online_viewers")[0]
        start = (
            timing.start_ts
            if timing and timing.start_ts
            else (float(first[0]) if len(first) else last)
        )
        elapsed = last - start
        gmv_ts, gmv = cache.get("gmv_cents")
        recent = None
        if len(gmv) and elapsed > 600:
            i = int(np.searchsorted(gmv_ts, last - 600, side="right")) - 1
            if i >= 0:
                recent = (gmv[-1] - gmv[i]) / 600.0
        _ts, online = cache.get("online_viewers")
        peak = int(online.max()) if len(online) else None
        return (
            kpi.compute(
                totals,
                gmv_target_cents=(timing.gmv_target_cents or None) if timing else None,
                elapsed_s=elapsed,
                planned_s=(timing.planned_seconds or None) if timing else None,
                online_peak=peak,
                recent_gmv_rate=recent,
            ),
            totals,
            start,
        )

    def _paint_tiles(self, cache: SeriesCache, last: float) -> None:
        k, totals, _start = self._kpis(cache, last)
        pace_tone = None
        if k.pace_target_pct is not None:
            pace_tone = (
                "good"
                if k.pace_target_pct >= 100
                else ("warn" if k.pace_target_pct >= 80 else "bad")
            )
        sub = self.tr("{pct} of target · pace {pace}").format(
            pct=fmt.pct(k.gmv_target_pct), pace=fmt.money_yuan(k.gmv_pace_yuan, 0)
        )
        self.t_gmv.set_value(fmt.money_cents(totals.get("gmv_cents")), sub, pace_tone)
        self.t_online.set_value(
            fmt.count(k.online_now), self.tr("peak {peak}").format(peak=fmt.count(k.online_peak))
        )
        self.t_orders.set_value(
            fmt.count(totals.get("orders")),
            self.tr("{n} buyers").format(n=fmt.count(totals.get("buyers"))),
        )
        self.t_gpm.set_value(
            fmt.money_yuan(k.gpm_yuan, 0),
            self.tr("UV value {v}").format(v=fmt.money_yuan(k.uv_value_yuan)),
        )
        self.t_ctr.set_value(fmt.rate(k.ctr))
        self.t_cvr.set_value(fmt.rate(k.cvr))
        self.t_aov.set_value(fmt.money_yuan(k.aov_yuan))
        stamp = time.strftime("%H:%M:%S", time.localtime(last))
        behind = self.ctx.clock() - last - self._slack()
        if self._last_arrival is not None and behind >= 10:
            # The sample's time by the show's clock, so a lagging feed is visible at a glance.
            text = self.tr("Updated {t} ({n} s ago)").format(t=stamp, n=int(behind))
        else:
            text = self.tr("Updated {t}").format(t=stamp)
        self.status.setText(text)
        self._pace = (k.gmv_pace_yuan, totals.get("gmv_cents"))

    def _x_range(self, cache: SeriesCache, last: float) -> tuple[float, float]:
        if not self.whole_show:
            # The right edge moves in SCROLL_STEP_S steps and keeps 5..35 s of room after the
            # newest sample; whole seconds keep the window's width bit-identical, so the
            # view's scale never changes.
            end = float(math.ceil((last + 5) / SCROLL_STEP_S) * SCROLL_STEP_S)
            return end - LAST_MINUTES * 60 - SCROLL_STEP_S - 5, end
        first = cache.get("online_viewers")[0]
        start = (
            self.timing.start_ts
            if self.timing and self.timing.start_ts
            else (first[0] if len(first) else last)
        )
        planned_end = start + (self.timing.planned_seconds if self.timing else 0)
        # Past the planned end (overtime) the window grows in steps too.
        end = max(planned_end + 30, math.ceil((last + 5) / (2 * SCROLL_STEP_S)) * 2 * SCROLL_STEP_S)
        return min(start, first[0] if len(first) else start), float(end)

    def _paint_graphs(self, cache: SeriesCache, last: float) -> None:
        x0, x1 = self._x_range(cache, last)
        # One min/max pair per pixel column is all a screen can show.
        bins = max(100, int(self.plots["online"].vb.width()))
        split = math.floor(last / SCROLL_STEP_S) * SCROLL_STEP_S
        ts, v = cache.get("online_viewers")
        i0, i1 = _window(ts, x0, x1)
        self.curve_online.set(ts[i0:i1], v[i0:i1], split, bins)
        gts, gmv = cache.get("gmv_cents")
        g0, g1 = _window(gts, x0, x1)
        gmv_shown = gmv[g0:g1] / 100.0
        self.curve_gmv.set(gts[g0:g1], gmv_shown, split, bins)
        target = self.timing.gmv_target_cents / 100 if self.timing else 0
        self.target_line.setVisible(target > 0)
        if self.target_line.value() != target:
            self.target_line.setValue(target)
        pace_yuan, gmv_now = self._pace
        pace_top = 0.0
        if pace_yuan is not None and gmv_now is not None and self.timing and self.timing.start_ts:
            end = max(self.timing.start_ts + self.timing.planned_seconds, last)
            self.curve_pace.setData([last, end], [gmv_now / 100.0, pace_yuan])
            # The height the projection reaches inside the window.
            frac = 1.0 if end <= x1 else (x1 - last) / max(1e-9, end - last)
            pace_top = gmv_now / 100.0 + (pace_yuan - gmv_now / 100.0) * max(0.0, frac)
        else:
            self.curve_pace.setData(np.empty(0), np.empty(0))
        stream_top = self._paint_stream(cache, x0, x1, split, bins)
        # Orders per minute and rolling rates only over what is on screen (plus a window).
        ots, orders = cache.get("orders")
        lo = int(np.searchsorted(ots, x0 - 120))
        hi = int(np.searchsorted(ots, x1, side="right"))
        edges, inc = per_minute(ots[lo:hi], orders[lo:hi])
        if len(inc) > 1:
            # The first bucket of a clipped window has no baseline: drop it.
            edges, inc = edges[1:], inc[1:]
        xs = np.append(edges, edges[-1] + 60) if len(inc) else np.empty(0)
        # Minutes that a later sample has closed are settled; the rest still grow.
        done = int(np.searchsorted(edges + 60, ots[hi - 1], side="right")) if len(inc) else 0
        self._set_if_changed(self.curve_orders, xs[: done + 1], inc[:done])
        self._set_if_changed(self._orders_now, xs[done:], inc[done:])
        grid_start = max(x0, ts[0] if len(ts) else x0)
        grid = np.arange(grid_start, last + 1, 30.0)
        lo_w = x0 - ROLLING_WINDOW_S
        pe_ts, pe = cache.get("product_exposures")
        pc_ts, pc = cache.get("product_clicks")
        b_ts, b = cache.get("buyers")
        i1_, i2_, i3_ = (int(np.searchsorted(a, lo_w)) for a in (pe_ts, pc_ts, b_ts))
        rates_top = 0.0
        # The 30-s grid gains a point every 30 s and its values depend only on samples up to
        # its last point: between those moments (and late rows) there is nothing to redo.
        key = None
        if len(grid):
            seen = (int(np.searchsorted(a, grid[-1], side="right")) for a in (pe_ts, pc_ts, b_ts))
            key = (float(grid[0]), float(grid[-1]), cache.late_rows, *seen)
        if key is not None and key == self._rates_key:
            rates_top = self._rates_top
        elif key is not None:
            ctr = rolling_ratio(
                pc_ts[i2_:], pc[i2_:], pe_ts[i1_:], pe[i1_:], ROLLING_WINDOW_S, grid
            )
            cvr = rolling_ratio(b_ts[i3_:], b[i3_:], pc_ts[i2_:], pc[i2_:], ROLLING_WINDOW_S, grid)
            self._set_if_changed(self.curve_ctr, grid, ctr * 100, connect="finite")
            self._set_if_changed(self.curve_cvr, grid, cvr * 100, connect="finite")
            both = np.concatenate((ctr, cvr))
            both = both[np.isfinite(both)]
            rates_top = float(both.max()) * 100 if len(both) else 0.0
            self._rates_key, self._rates_top = key, rates_top
        if self.plots["online"].vb.viewRange()[0] != [x0, x1]:
            self.plots["online"].setXRange(x0, x1, padding=0)
            self._view_moved = True
        shown = v[i0:i1]
        self._set_y("online", float(shown.min()) if len(shown) else 0.0, _top(shown))
        self._set_y("gmv", 0.0, max(_top(gmv_shown), pace_top, target))
        if stream_top is not None:
            self._set_y("stream", 0.0, stream_top[0])
            self._set_y("stream_pct", 0.0, stream_top[1])
        self._set_y("orders", 0.0, _top(inc))
        self._set_y("rates", 0.0, rates_top)
        self._place_overlays(x0, x1)
        if self._view_moved:
            self._view_moved = False
            for vb in (*(p.vb for p in self.plots.values()), self.stream_pct_vb):
                # Apply the new ranges now: done lazily inside the paint, the new transform
                # re-dirtied every item of the graph and Qt painted it a second time.
                vb.prepareForPaint()
            # A moved view repaints everywhere anyway; ask for it plainly (the region Qt
            # derives from the moved items' far-off origin overflows and would be lost).
            self.glw.viewport().update()

    def _paint_stream(
        self, cache: SeriesCache, x0: float, x1: float, split: float, bins: int
    ) -> tuple[float, float] | None:
        """Draw the stream-health curves; their y tops (Mbit/s, %), or None when the show has
        no stream samples (the row is hidden then)."""
        has = any(len(cache.get(m)[0]) for m in STREAM_METRICS)
        plot = self.plots["stream"]
        if plot.isVisible() != has:
            plot.setVisible(has)
            self._view_moved = True
        if not has:
            return None
        tops = [0.0, 0.0]
        for metric, curve in self.stream_curves.items():
            ts, v = cache.get(metric)
            a, b = _window(ts, x0, x1)
            shown = v[a:b] / 1000.0 if metric == "stream_bitrate_kbps" else v[a:b]
            curve.set(ts[a:b], shown, split, bins)
            k = 0 if metric == "stream_bitrate_kbps" else 1
            tops[k] = max(tops[k], _top(shown))
        return tops[0], tops[1]

    def _set_if_changed(self, curve: Any, x: np.ndarray, y: np.ndarray, **kw: Any) -> None:
        """setData unless the arrays are what the curve already shows (setData re-measures
        and re-lays the item even then)."""
        shown = self._curve_data.get(id(curve))
        if (
            shown is not None
            and np.array_equal(shown[0], x)
            and np.array_equal(shown[1], y, equal_nan=True)
        ):
            return
        if len(y):
            curve.setData(x, y, **kw)
        else:
            curve.clear()  # (a step curve refuses empty arrays)
        self._curve_data[id(curve)] = (np.array(x, copy=True), np.array(y, copy=True))

    def _set_y(self, key: str, lo: float, hi: float) -> None:
        """Set a graph's y range with headroom, and keep it while the data stays inside and
        fills at least half of it: most refreshes then leave the axis alone."""
        cur = self._y_ranges.get(key)
        if cur is not None and cur[0] <= lo and hi <= cur[1] and hi - lo >= 0.5 * (cur[1] - cur[0]):
            return
        span = max(hi - lo, abs(hi) * 0.05, 1.0)
        # A little room below too, so a line at the bottom of its range (GMV at 0, a quiet
        # minute) is not hidden under the axis.
        new = (lo - (0.03 if lo == 0 else 0.1) * span, hi + 0.2 * span)
        self._y_ranges[key] = new
        view = self.stream_pct_vb if key == "stream_pct" else self.plots[key]
        view.setYRange(*new, padding=0)
        self._view_moved = True
        for band in self._bands.get(key, ()):
            # Bands as tall as the view, not "infinitely" tall: Qt clips huge rectangles in
            # software, which cost ~2 ms a graph on every repaint.
            band.setOpts(y0=new[0], height=new[1] - new[0])
        for curve, xs in self._vlines.get(key, ()):
            curve.setData(*self._edge_xy(xs, *new))

    @staticmethod
    def _edge_xy(xs: list[float], y0: float, y1: float) -> tuple[np.ndarray, np.ndarray]:
        return np.repeat(xs, 2), np.tile([y0, y1], len(xs))

    def _place_overlays(self, x0: float, x1: float) -> None:
        # Segment labels sit at the top of the viewers graph, clamped into view.
        top = self._y_ranges.get("online", (0.0, 1.0))[1]
        px_per_s = self.plots["online"].vb.width() / max(1.0, x1 - x0)
        lo, _hi = self._y_ranges.get("online", (0.0, 1.0))
        for text, start, end in self._segment_labels:
            left = max(start, x0)
            room = (min(end, x1) - left) * px_per_s
            # A label only where its segment is wide enough on screen to hold it.
            visible = start < x1 and room >= text.boundingRect().width() + 4
            if visible and (text.pos().x(), text.pos().y()) != (left, top):
                text.setPos(left, top)
            if text.isVisible() != visible:
                text.setVisible(visible)
        for text, x in self._incident_labels:
            inside = x0 <= x <= x1
            y = lo + 0.82 * (top - lo)  # under the segment labels
            if inside and (text.pos().x(), text.pos().y()) != (x, y):
                text.setPos(x, y)
            if text.isVisible() != inside:
                text.setVisible(inside)
        for line in self._incident_lines:
            # Off-screen markers hidden: every visible line recomputes its geometry on each
            # scroll.
            inside = x0 <= line.value() <= x1
            if line.isVisible() != inside:
                line.setVisible(inside)

    # -- overlays: segments and incidents -----------------------------------------------------

    def _load_overlay(self, s: Any) -> None:
        self._overlay_dirty = False
        for plot, item in self.overlay_items:
            plot.removeItem(item)
        self.overlay_items.clear()
        self._segment_labels = []
        self._incident_labels = []
        self._bands = {}
        self._vlines = {}
        self._incident_lines = []
        if self.show_id is None:
            return
        spans = self._segment_spans(s)
        fg = self.palette().color(QPalette.ColorRole.Text).name()
        if spans:
            # One BarGraphItem per plot draws every segment band from a cached picture; one
            # LinearRegionItem per segment per plot cost tens of ms on every repaint.
            # Colours blended onto the graph background beforehand and drawn opaque: the bands
            # sit behind everything on a plain background, so they look the same, and Qt fills
            # opaque rectangles ~4x faster than translucent ones (~3 ms a graph per repaint).
            bg = self.glw.backgroundBrush().color()
            brushes = [
                pg.mkBrush(_over(SEGMENT_BRUSH.get(kind, DEFAULT_BRUSH), bg)) for *_r, kind in spans
            ]
            edge = pg.mkPen(_over((*DEFAULT_BRUSH[:3], 90), bg), width=1)
            for key, plot in self.plots.items():
                y0, y1 = self._y_ranges.get(key, (0.0, 1.0))
                # No outline pen: a pen's pixel padding makes the bars' bounds depend on the
                # view's scale, so every scroll re-laid them (and repainted twice).
                bands = pg.BarGraphItem(
                    x0=[sp[0] for sp in spans],
                    x1=[sp[1] for sp in spans],
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
                edges.setData(*self._edge_xy([sp[0] for sp in spans[1:]], y0, y1))
                plot.addItem(edges, ignoreBounds=True)
                self.overlay_items.extend([(plot, bands), (plot, edges)])
                self._bands[key] = [bands]
                self._vlines.setdefault(key, []).append((edges, [sp[0] for sp in spans[1:]]))
        for start, end, title, _kind in spans:
            text = _label(title, fg)
            self.plots["online"].addItem(text, ignoreBounds=True)
            self.overlay_items.append((self.plots["online"], text))
            self._segment_labels.append((text, start, end))
        incidents = s.execute(
            select(Incident.at, Incident.category, Incident.severity, Incident.text)
            .where(Incident.show_id == self.show_id)
            .order_by(Incident.at)
        ).all()
        marker = pg.mkPen("#f85149", width=1, style=Qt.PenStyle.DashLine)
        if incidents:
            # Under the viewers graph the markers of all incidents are one line item per
            # graph: an InfiniteLine each re-computed its geometry on every scroll.
            xs = [at.timestamp() for at, *_r in incidents]
            for key, plot in self.plots.items():
                if key == "online":
                    continue
                y0, y1 = self._y_ranges.get(key, (0.0, 1.0))
                lines = pg.PlotCurveItem(*self._edge_xy(xs, y0, y1), pen=marker, connect="pairs")
                lines.setZValue(4)
                plot.addItem(lines, ignoreBounds=True)
                self.overlay_items.append((plot, lines))
                self._vlines.setdefault(key, []).append((lines, xs))
        for at, category, severity, text in incidents:
            x = at.timestamp()
            # On the viewers graph: a line with a tooltip and a label.
            line = SafeInfiniteLine(pos=x, angle=90, movable=False, pen=marker)
            line.setToolTip(text or category)
            self.plots["online"].addItem(line, ignoreBounds=True)
            self.overlay_items.append((self.plots["online"], line))
            self._incident_lines.append(line)
            label = _label(f"⚠ S{severity} {category}", "#f85149")
            label.setToolTip(text or category)
            self.plots["online"].addItem(label, ignoreBounds=True)
            self.overlay_items.append((self.plots["online"], label))
            self._incident_labels.append((label, x))

    def _segment_spans(self, s: Any) -> list[tuple[float, float, str, str]]:
        """(start, end, title, kind) per segment: actual times where the runner recorded them."""
        segs = s.execute(
            select(Segment.key, Segment.title, Segment.kind, Segment.planned_seconds)
            .where(Segment.show_id == self.show_id)
            .order_by(Segment.position)
        ).all()
        if not segs:
            return []
        actual: dict[str, tuple[float | None, float | None]] = {}
        try:
            from studio.runner.actuals import load_actuals

            for a in load_actuals(self.ctx.store, self.show_id).segments:
                if a.actual_start is not None:
                    actual[a.key] = (
                        a.actual_start.timestamp(),
                        a.actual_end.timestamp() if a.actual_end else None,
                    )
        except Exception:  # no runner data (or no script): planned times are still useful
            log.debug("no actual segment times for show %s", self.show_id, exc_info=True)
        base = self.timing.start_ts if self.timing and self.timing.start_ts else None
        if base is None and self.cache is not None:
            first = self.cache.get("online_viewers")[0]
            base = float(first[0]) if len(first) else None
        spans = []
        t = base
        for key, title, kind, planned in segs:
            if key in actual:
                start, end = actual[key]
                assert start is not None
                end = (
                    end
                    if end is not None
                    else max(start + planned, self.cache.last_ts() or 0)
                    if self.cache
                    else start + planned
                )
                spans.append((start, end, title or key, kind))
                t = end
            elif t is not None:
                spans.append((t, t + planned, title or key, kind))
                t = t + planned
        return spans

    # -- crosshair ---------------------------------------------------------------------------

    def _on_mouse(self, evt: tuple[Any, ...]) -> None:
        pos = evt[0]
        hit = None
        for p in self.plots.values():
            if p.sceneBoundingRect().contains(pos):
                hit = p
        if hit is None or self.cache is None:
            for line in self.cross.values():
                line.setVisible(False)
            self.readout.setVisible(False)
            return
        x = hit.vb.mapSceneToView(pos).x()
        self.show_readout(x)

    def show_readout(self, x: float) -> str:
        """Move the crosshair to time x and show the values there; returns the text."""
        assert self.cache is not None
        totals = self.cache.totals(at=x)
        text = "\n".join(
            [
                time.strftime("%H:%M:%S", time.localtime(x)),
                self.tr("Online viewers: {v}").format(v=fmt.count(totals.get("online_viewers"))),
                self.tr("GMV: {v}").format(v=fmt.money_cents(totals.get("gmv_cents"))),
                self.tr("Orders: {v}").format(v=fmt.count(totals.get("orders"))),
            ]
        )
        kbps = totals.get("stream_bitrate_kbps")
        if self.plots["stream"].isVisible() and kbps is not None:
            text += "\n" + self.tr("Bitrate: {rate} Mbit/s").format(rate=f"{kbps / 1000:.1f}")
            text += "\n" + self.tr("Dropped {dropped} · skipped {skipped}").format(
                dropped=fmt.pct(totals.get("stream_dropped_pct")),
                skipped=fmt.pct(totals.get("stream_skipped_pct")),
            )
        for line in self.cross.values():
            line.setPos(x)
            line.setVisible(True)
        self.readout.setText(text)
        vr = self.plots["online"].vb.viewRange()
        # Right of the crosshair in the left half, left of it in the right half: in view.
        self.readout.setAnchor((0, 0) if x < (vr[0][0] + vr[0][1]) / 2 else (1, 0))
        self.readout.setPos(x, vr[1][1])
        self.readout.setVisible(True)
        return text

    # -- alerts ------------------------------------------------------------------------------

    def _evaluate_alerts(self) -> None:
        if self.cache is None or self.show_id is None:
            return
        last = self.cache.last_ts()
        ts, online = self.cache.get("online_viewers")
        pace = getattr(self, "_pace", (None, None))
        timing = self.timing
        elapsed = last - timing.start_ts if last and timing and timing.start_ts else None
        self.alerts.evaluate(
            alerts.Facts(
                now=self.ctx.clock(),
                last_sample_ts=self._last_arrival,
                online_ts=ts,
                online=online,
                gmv_cents=pace[1],
                pace_cents=None if pace[0] is None else pace[0] * 100,
                target_cents=timing.gmv_target_cents if timing else 0,
                elapsed_s=elapsed,
                planned_s=timing.planned_seconds if timing else 0,
                slack_s=self._slack(),
            )
        )

    def _on_condition(self, key: str, active: bool, message: str) -> None:
        # The monitor writes English (it is core code); shown in the UI language.
        self.alert_label.setText(
            "  ".join(f"⚠ {condition_text(k, m)}" for k, m in self.alerts.active.items())
        )
        self.conditionChanged.emit(key, active, message)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._dirty = True
