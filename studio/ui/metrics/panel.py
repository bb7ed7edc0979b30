"""Live metrics dashboard: KPI tiles on top, graphs below on one shared time axis.

Samples arrive at any rate; the store's change signal only marks the panel dirty, and a QTimer
repaints at most 4 times a second (nothing while the panel is hidden). Series are read
incrementally into numpy arrays, so a refresh late in a 4-hour show costs about what it costs at
the start. The GUI thread never reads the database: a show's first load, new rows and the
overlays' marks are read on the panel's worker (studio.ui.common.qt_jobs) and merged or drawn
when they arrive, and a table's change re-reads only the overlay layers it can alter
(LAYERS_OF). The graphs live in graphs.py, the segment shading, incident and product-change
markers in overlays.py; every rule (feed stalled, pace, time range, spans) is a core function in
studio.metrics.live_*, and every read a core query in studio.metrics.queries.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRect, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.metrics import alerts, fmt, queries
from studio.metrics.live_feed import (
    lag_shown,
    on_air,
    pipeline_slack,
    stall_limit,
    watched_sample_ts,
)
from studio.metrics.live_figures import Pace, alert_facts, live_figures, pace_tone
from studio.metrics.live_spans import (
    IncidentMark,
    PlannedSegment,
    ProductMark,
    SegmentSpan,
    actual_times,
    segment_spans,
    spans_start,
)
from studio.metrics.series import SeriesCache, SeriesRead, ShowTiming
from studio.store.store import Store
from studio.talkback.timeline import TalkMark, talk_marks
from studio.timeutil import Clock
from studio.ui.audience.dashboard import AudienceCurves
from studio.ui.common.context import AppContext
from studio.ui.common.on_screen import on_screen
from studio.ui.common.qt_jobs import SerialWorker
from studio.ui.common.texts import condition_text
from studio.ui.metrics.curves import TailedCurve
from studio.ui.metrics.graphs import PLOT_METRICS, STREAM_METRICS, MetricsGraphs
from studio.ui.metrics.kpi_tile import KpiTile
from studio.ui.metrics.overlays import ShowOverlays
from studio.ui.metrics.qt_feed import MetricsFeed

__all__ = ["PLOT_METRICS", "STREAM_METRICS", "MetricsPanel"]

log = logging.getLogger(__name__)

REPAINT_MS = 250
# The overlay layers each table's changes can alter (read again on the worker when they do).
# A product's own row changes with every sale and stock count: it moves no marker (a change
# that does, price, state, stock added, link, comes with its product_event row).
LAYERS_OF: dict[str, frozenset[str]] = {
    "segment": frozenset({"segments"}),
    "cue_event": frozenset({"segments"}),
    "show": frozenset({"segments", "timing"}),
    "incident": frozenset({"incidents"}),
    "product_event": frozenset({"products"}),
    "talkback_message": frozenset({"talk"}),
    "rule_firing": frozenset({"talk"}),
}
ALL_LAYERS = frozenset({"segments", "incidents", "products", "talk"})


@dataclass
class OverlayData:
    """What the overlays are drawn from, read in one job: only the layers asked for are set."""

    timing: ShowTiming | None = None
    plan: list[PlannedSegment] | None = None
    actual: dict[str, tuple[float, float | None]] | None = None
    incidents: list[IncidentMark] | None = None
    products: list[ProductMark] | None = None
    talk: list[TalkMark] | None = None


@dataclass(frozen=True)
class LoadedShow:
    """A show as the panel opens it: its times, its samples so far, its overlays."""

    timing: ShowTiming
    cache: SeriesCache
    overlays: OverlayData


def load_show(store: Store, show_id: int, metrics: Collection[str], clock: Clock) -> LoadedShow:
    """Read what the panel shows of a show (any thread; the cache is handed over once
    filled). LookupError: no such show."""
    timing = queries.load_timing(store, show_id)
    cache = fill_cache(store, show_id, metrics, clock)
    return LoadedShow(timing, cache, read_overlays(store, show_id, ALL_LAYERS))


def fill_cache(store: Store, show_id: int, metrics: Collection[str], clock: Clock) -> SeriesCache:
    """A new series cache of the show holding its samples so far (any thread; hand it over
    to the GUI thread only once filled)."""
    cache = SeriesCache(show_id, metrics, clock)
    queries.refresh_series(store, cache)
    return cache


def read_overlays(store: Store, show_id: int, layers: Collection[str]) -> OverlayData:
    """Read the overlay layers `layers` of a show (any thread: no Qt here)."""
    out = OverlayData()
    if "timing" in layers:
        out.timing = queries.load_timing(store, show_id)
    if "segments" in layers:
        out.plan = queries.planned_segments(store, show_id)
        out.actual = {}
        if out.plan:
            try:
                from studio.runner.actuals import load_actuals

                out.actual = actual_times(load_actuals(store, show_id).segments)
            except Exception:  # no runner data (or no script): planned times are still useful
                log.debug("no actual segment times for show %s", show_id, exc_info=True)
    if "incidents" in layers:
        out.incidents = queries.incident_marks(store, show_id)
    if "products" in layers:
        out.products = queries.product_marks(store, show_id)
    if "talk" in layers:
        out.talk = talk_marks(store, show_id)
    return out


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
        # Overlay layers to read again (LAYERS_OF), and what they were last drawn from.
        self._layers: set[str] = set(ALL_LAYERS)
        self._plan: list[PlannedSegment] = []
        self._actual: dict[str, tuple[float, float | None]] = {}
        # Reads on the worker: one of each kind in flight; a delivery made for an earlier show
        # (or cache) than `_gen` is dropped.
        self._worker = SerialWorker(self, "metrics-panel")
        self._gen = 0
        self._x_range: tuple[float, float] | None = None  # the time range last painted
        self._loading = False  # a show's first read is on the worker
        self._load_failed = False
        self._reading_series = False
        self._reading_overlays = False
        self._overlay_job: frozenset[str] = frozenset()  # the layers being read
        self._own_feed: MetricsFeed | None = None
        # Show-clock time of the newest platform sample once the feed is live (the stalled-feed
        # rule watches it; studio.metrics.live_feed).
        self._watched_ts: float | None = None
        self._feed_seen = False  # samples arrived while this show was on screen
        self._unread = False  # samples committed since the last read
        self._since: float | None = None  # earliest sample second announced since the last read
        self._pace = Pace()
        self.refresh_ms: list[float] = []
        self.alerts = alerts.AlertMonitor(
            ctx.profile.section("alerts", alerts.DEFAULTS), self._on_condition
        )
        self._build()
        ctx.signals.changed.connect(self._on_changed)
        ctx.signals.samples.connect(self._on_samples)
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
        # Room for two lines from the start, grown (never shrunk) when alerts need more: a
        # label whose height followed its text re-laid the panel and resized every graph
        # (~50 ms each) whenever an alert came or went, ~20 times in a soak's show hour.
        self._fit_alert_height(reset=True)
        # The alerts take the room left and wrap in it: their text does not change how wide
        # the panel asks to be (that moved the dock's edge and resized the graphs).
        self.alert_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, self.alert_label.sizePolicy().verticalPolicy()
        )
        # "Updated …" in a box as wide as its usual text from the start, for the same reason.
        status_box = QWidget()
        sl = QVBoxLayout(status_box)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.setSpacing(0)
        sl.addWidget(self.status)
        usual = self.tr("Updated {t} ({n} s ago)").format(t="88:88:88", n=888)
        room = self.status.fontMetrics().horizontalAdvance(usual) + 2
        sl.addItem(QSpacerItem(room, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed))
        bar.addWidget(status_box)
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
        # The two targets of the show side by side: money and people.
        self.t_viewers = KpiTile(self.tr("Total viewers"), big=True)
        self.t_online = KpiTile(self.tr("Online viewers"))
        self.t_orders = KpiTile(self.tr("Orders"))
        self.t_gpm = KpiTile(self.tr("GPM"))
        self.t_ctr = KpiTile(self.tr("Product CTR"))
        self.t_cvr = KpiTile(self.tr("Click-to-buy rate"))
        self.t_aov = KpiTile(self.tr("Average order value"))
        tiles.addWidget(self.t_gmv, 0, 0, 1, 2)
        tiles.addWidget(self.t_viewers, 0, 2, 1, 2)
        tiles.addWidget(self.t_online, 0, 4)
        small = (self.t_orders, self.t_gpm, self.t_ctr, self.t_cvr, self.t_aov)
        for i, t in enumerate(small):
            tiles.addWidget(t, 1, i)
        for c in range(len(small)):
            tiles.setColumnStretch(c, 1)
        self._reserve_tiles()
        bl.addLayout(tiles)

        self.graphs = MetricsGraphs(self.palette())
        self.overlays = ShowOverlays(self.graphs)
        # Questions per minute and the response median, on the orders graph (studio.audience).
        self.audience = AudienceCurves(self.graphs, self.ctx)
        bl.addWidget(self.graphs.glw, 1)
        self.stack.addWidget(self.board)
        self.setMinimumWidth(420)

    def _reserve_tiles(self) -> None:
        """Room in each tile for the texts a show brings (wide sample figures in the UI
        language): without it the first numbers widened the panel and resized the graphs."""
        money, people = fmt.money_yuan(8_888_888, 0), fmt.count(888_888)
        self.t_gmv.reserve(
            fmt.money_cents(888_888_888),
            self.tr("{pct} of target · pace {pace}").format(pct=fmt.pct(188.8), pace=money),
        )
        self.t_viewers.reserve(
            people,
            self.tr("{pct} of {target} · pace {pace}").format(
                pct=fmt.pct(188.8), target=people, pace=people
            ),
        )
        self.t_online.reserve(fmt.count(88_888), self.tr("peak {peak}").format(peak="88,888"))
        self.t_orders.reserve(fmt.count(88_888), self.tr("{n} buyers").format(n="88,888"))
        self.t_gpm.reserve(
            fmt.money_yuan(8_888, 0), self.tr("UV value {v}").format(v=fmt.money_yuan(88.88))
        )
        for tile in (self.t_ctr, self.t_cvr):
            tile.reserve(fmt.rate(0.888))
        self.t_aov.reserve(fmt.money_yuan(888.88))

    # The graph area's parts under their earlier names (tests and the benchmark read them).

    @property
    def glw(self) -> Any:
        return self.graphs.glw

    @property
    def plots(self) -> dict[str, Any]:
        return self.graphs.plots

    @property
    def curve_online(self) -> TailedCurve:
        return self.graphs.curve_online

    @property
    def stream_curves(self) -> dict[str, TailedCurve]:
        return self.graphs.stream_curves

    @property
    def stream_pct_vb(self) -> Any:
        return self.graphs.stream_pct_vb

    @property
    def overlay_items(self) -> list[tuple[Any, Any]]:
        return self.overlays.items

    def show_readout(self, x: float) -> str:
        """Move the crosshair to time x and show the values there; returns the text."""
        return self.graphs.crosshair.show_at(x)

    # -- show switching ----------------------------------------------------------------------

    def set_show(self, show_id: int | None) -> None:
        """Switch shows. The show's times, its samples so far and its overlays are read on the
        worker (a 4-hour show is ~200,000 rows); the page stays blank until they arrive."""
        self._new_generation()
        self.show_id = show_id
        self.cache = None
        self.timing = None
        self._watched_ts = None
        self._feed_seen = False
        self._since = None
        self._unread = False
        self._layers = set()
        self._x_range = None
        self.alerts.active.clear()
        self.alert_label.clear()
        self._fit_alert_height(reset=True)
        self.graphs.reset(None)
        self.overlays.clear()
        self._dirty = True
        if show_id is None:
            self._update_view()
            return
        for label in (self.empty_title, self.empty_hint):
            label.clear()
        self.empty_button.hide()
        self.stack.setCurrentWidget(self.empty)
        self._loading = True
        gen = self._gen
        job = functools.partial(
            load_show, self.ctx.store, show_id, (*PLOT_METRICS, *STREAM_METRICS), self.ctx.clock
        )
        self._worker.submit(
            job,
            functools.partial(self._on_loaded, gen),
            functools.partial(self._on_load_failed, gen),
        )

    def _on_loaded(self, gen: int, loaded: LoadedShow) -> None:
        if gen != self._gen:
            return
        self._loading = False
        self.timing, self.cache = loaded.timing, loaded.cache
        self.graphs.reset(self.cache)
        if self.cache.newest is not None:
            self._note_samples()
        self._apply_overlays(loaded.overlays)
        self._dirty = True
        self._update_view()
        self._evaluate_alerts()

    def _on_load_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._loading = False
        if isinstance(exc, LookupError):
            log.warning("metrics panel: show %s not found", self.show_id)
            self.show_id = None
            self._update_view()
        else:
            self._load_failed = True  # read again on the next tick

    def _new_generation(self) -> None:
        """Deliveries of reads started before now are for another show or cache: dropped."""
        self._gen += 1
        # What the dropped reads were for is read again (a show switch starts afresh anyway).
        if self._reading_series:
            self._unread = True
        if self._reading_overlays:
            self._layers |= self._overlay_job
        self._reading_series = self._reading_overlays = False

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
            feed = self._own_feed = MetricsFeed(self.ctx.store, parent=self)
            self.ctx.metrics_feed = feed
        feed.start(self.show_id, speed=1.0)

    def shutdown(self) -> None:
        """Stop the timer and a feed this panel started (the app owns any other feed)."""
        self._timer.stop()
        self._new_generation()
        self._worker.shutdown()
        self.audience.shutdown()
        if self._own_feed is not None:
            self._own_feed.shutdown()
            if self.ctx.metrics_feed is self._own_feed:
                self.ctx.metrics_feed = None
            self._own_feed = None

    # -- change tracking ---------------------------------------------------------------------

    def _on_samples(self, show_id: object, since: object) -> None:
        if show_id is not None and show_id != self.show_id:
            return
        self._unread = True  # repainted once the new rows are read
        self._feed_seen = True
        # A sample batch names its earliest second: re-read from there (late rows).
        if isinstance(since, int | float):
            self._since = float(since) if self._since is None else min(self._since, float(since))

    def _on_changed(self, table: str, row_id: object, show_id: object) -> None:
        if show_id is not None and show_id != self.show_id:
            return
        self._layers |= LAYERS_OF.get(table, frozenset())

    def _tick(self) -> None:
        if self._load_failed and self.show_id is not None:
            self._load_failed = False
            self.set_show(self.show_id)
        if self.cache is not None:
            shown = on_screen(self)
            if shown and self._dirty:
                t = time.perf_counter()
                self._update_view()
                self.refresh_ms.append((time.perf_counter() - t) * 1000)
                del self.refresh_ms[:-200]
            if self._layers:
                self._read_overlays()
            if self._unread or self._reading_series:
                # Hidden too: nothing is painted, but the alerts need the new samples; they
                # are checked once those are in (as a synchronous read did).
                self._read_series()
                return
        self._evaluate_alerts()

    # -- reads on the worker -------------------------------------------------------------------

    def _read_series(self) -> None:
        """Read the rows committed since the last read on the worker; merged when they come."""
        if self._reading_series or self.cache is None:
            return
        self._reading_series = True
        self._unread = False
        since, self._since = self._since, None
        job = functools.partial(queries.read_series, self.ctx.store, self.cache, since)
        gen = self._gen
        self._worker.submit(
            job,
            functools.partial(self._on_series, gen),
            functools.partial(self._on_read_failed, gen, "series", since),
        )

    def _on_series(self, gen: int, read: SeriesRead) -> None:
        if gen != self._gen or self.cache is None:
            return
        self._reading_series = False
        n = self.cache.merge(read)
        if n is None:  # the cache moved on meanwhile: read again
            self._unread = True
            return
        if n:
            self._note_samples()
            self._dirty = True
            if on_screen(self):
                t = time.perf_counter()
                self._update_view()
                self.refresh_ms.append((time.perf_counter() - t) * 1000)
                del self.refresh_ms[:-200]
        self._evaluate_alerts()

    def _read_overlays(self) -> None:
        """Read the overlay layers marked changed on the worker; drawn when they come."""
        if self._reading_overlays or self.show_id is None:
            return
        self._reading_overlays = True
        layers, self._layers = frozenset(self._layers), set()
        self._overlay_job = layers
        job = functools.partial(read_overlays, self.ctx.store, self.show_id, layers)
        gen = self._gen
        self._worker.submit(
            job,
            functools.partial(self._on_overlays, gen),
            functools.partial(self._on_read_failed, gen, "overlays", layers),
        )

    def _on_overlays(self, gen: int, data: OverlayData) -> None:
        if gen != self._gen:
            return
        self._reading_overlays = False
        self._apply_overlays(data)
        if self._x_range is not None and self.stack.currentWidget() is self.board:
            # New markers need placing in the range on screen; the graphs are unchanged.
            self.overlays.place(*self._x_range)

    def _on_read_failed(self, gen: int, what: str, pending: Any, exc: BaseException) -> None:
        """A read failed (logged by the worker): tried again on the next tick."""
        if gen != self._gen:
            return
        if what == "series":
            self._reading_series = False
            self._unread = True
            if isinstance(pending, float):
                self._since = pending if self._since is None else min(self._since, pending)
        else:
            self._reading_overlays = False
            self._layers |= set(pending)

    def _slack(self) -> float:
        return pipeline_slack(self.ctx.demo_speed)

    def _note_samples(self) -> None:
        assert self.cache is not None
        # The platform feed's samples only: OBS's stream samples keep coming while it stalls.
        self._watched_ts = watched_sample_ts(
            self._watched_ts,
            self.cache.last_ts(PLOT_METRICS),
            now=self.ctx.clock(),
            limit_s=stall_limit(self.alerts.rules),
            slack_s=self._slack(),
            live=on_air(self.timing),
            seen=self._feed_seen,
        )

    # -- overlays: segments and incidents -----------------------------------------------------

    def _apply_overlays(self, data: OverlayData) -> None:
        """Draw the layers `data` holds (each left as it is when its marks did not change)."""
        if self.show_id is None or self.cache is None:
            self.overlays.clear()
            return
        if data.timing is not None:
            self._set_timing(data.timing)
        if data.plan is not None and data.actual is not None:
            self._plan, self._actual = data.plan, data.actual
            fg = self.palette().color(QPalette.ColorRole.Text).name()
            self.overlays.load_segments(self._segment_spans(self.cache), fg)
        if data.incidents is not None:
            self.overlays.load_incidents(data.incidents)
        if data.products is not None:
            self.overlays.load_products(data.products)
        if data.talk is not None:
            self.overlays.load_talk(data.talk)

    def _set_timing(self, timing: ShowTiming) -> None:
        before, self.timing = self.timing, timing
        if self.cache is not None and self.show_id is not None and _times_moved(before, timing):
            # The cache reads only samples inside the show's window, taken from the show's
            # times when it was made: a show started now (ahead of its planned day, as the
            # demo does) needs a cache made with its new times, read from the start.
            # Filled on the worker; the old one is shown until it comes.
            self._new_generation()
            gen = self._gen
            job = functools.partial(
                fill_cache, self.ctx.store, self.show_id, self.cache.metrics, self.ctx.clock
            )
            self._worker.submit(
                job,
                functools.partial(self._on_cache, gen),
                functools.partial(self._on_load_failed, gen),
            )

    def _on_cache(self, gen: int, cache: SeriesCache) -> None:
        if gen != self._gen:
            return
        self._new_generation()  # reads made for the old cache are not merged into this one
        self.cache = cache
        self.graphs.reset(cache)
        self._unread = self._dirty = True

    def _segment_spans(self, cache: SeriesCache) -> list[SegmentSpan]:
        if not self._plan:
            return []
        first = cache.get("online_viewers")[0]
        start = spans_start(self.timing, float(first[0]) if len(first) else None)
        return segment_spans(self._plan, self._actual, start, cache.last_ts())

    # -- painting ----------------------------------------------------------------------------

    def _update_view(self) -> None:
        cache = self.cache
        if self.show_id is None or cache is None:
            self.empty_title.setText(self.tr("No show loaded"))
            self.empty_hint.setText(self.tr("Load a show to see its live numbers."))
            self.empty_button.setText(self.tr("Load a show"))
            self.empty_button.show()
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
            self.empty_button.show()
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.board)
        self._dirty = False
        # "Updated" and the KPIs go by the platform's samples; the time axis follows the newest
        # sample of any kind (stream health keeps moving while the platform feed lags).
        last = cache.last_ts(PLOT_METRICS) or last_any
        self._paint_tiles(cache, last)
        x0, x1 = self.graphs.paint(
            cache, self.timing, max(last, last_any), self.whole_show, self._pace
        )
        self._x_range = (x0, x1)
        self.overlays.place(x0, x1)
        self.graphs.apply_view()

    def _paint_tiles(self, cache: SeriesCache, last: float) -> None:
        figures = live_figures(cache, self.timing, last)
        k, totals = figures.kpis, figures.totals
        sub = self.tr("{pct} of target · pace {pace}").format(
            pct=fmt.pct(k.gmv_target_pct), pace=fmt.money_yuan(k.gmv_pace_yuan, 0)
        )
        self.t_gmv.set_value(
            fmt.money_cents(totals.get("gmv_cents")), sub, pace_tone(k.pace_target_pct)
        )
        traffic = figures.traffic
        if traffic.target is None:
            sub = self.tr("no traffic target · pace {pace}").format(
                pace=fmt.count(traffic.projected)
            )
        else:
            sub = self.tr("{pct} of {target} · pace {pace}").format(
                pct=fmt.pct(traffic.target_pct),
                target=fmt.count(traffic.target),
                pace=fmt.count(traffic.projected),
            )
        self.t_viewers.set_value(fmt.count(traffic.viewers), sub, pace_tone(traffic.projected_pct))
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
        behind = lag_shown(self.ctx.clock(), last, self._slack(), self._watched_ts)
        if behind is not None:
            # The sample's time by the show's clock, so a lagging feed is visible at a glance.
            text = self.tr("Updated {t} ({n} s ago)").format(t=stamp, n=behind)
        else:
            text = self.tr("Updated {t}").format(t=stamp)
        if self.status.text() != text:
            self.status.setText(text)
            if self.alert_label.text():
                self._fit_alert_height()  # the alerts' room narrowed or widened
        self._pace = figures.pace

    # -- alerts ------------------------------------------------------------------------------

    def _evaluate_alerts(self) -> None:
        if self.cache is None or self.show_id is None:
            return
        self.alerts.evaluate(
            alert_facts(
                self.cache,
                self.timing,
                self._pace,
                now=self.ctx.clock(),
                watched_ts=self._watched_ts,
                slack_s=self._slack(),
            )
        )

    def _on_condition(self, key: str, active: bool, message: str) -> None:
        # The monitor writes English (it is core code); shown in the UI language.
        self.alert_label.setText(
            "  ".join(f"⚠ {condition_text(k, m)}" for k, m in self.alerts.active.items())
        )
        self._fit_alert_height()
        self.conditionChanged.emit(key, active, message)

    def _fit_alert_height(self, reset: bool = False) -> None:
        """Keep the alert line at least two lines tall and as tall as its text needs at its
        width, growing only (back to two lines with `reset`, on a show switch)."""
        label = self.alert_label
        m = label.contentsMargins()
        # Two lines as tall as Chinese text sets them (its fallback font's lines are taller).
        probe = label.fontMetrics().boundingRect(QRect(0, 0, 4096, 4096), 0, "Ag中\nAg中")
        two = probe.height() + m.top() + m.bottom()
        needed = label.heightForWidth(label.width()) if label.text() and label.width() > 0 else 0
        least = two if reset else max(two, label.minimumHeight())
        if needed > least:
            least = needed
        if label.minimumHeight() != least:
            label.setMinimumHeight(least)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._dirty = True

    def on_revealed(self) -> None:
        self._dirty = True
        self._tick()


def _times_moved(before: ShowTiming | None, after: ShowTiming) -> bool:
    """The show's start or planned length changed (its sample window moved with them)."""
    return before is None or (before.start_ts, before.planned_seconds) != (
        after.start_ts,
        after.planned_seconds,
    )
