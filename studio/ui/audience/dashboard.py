"""The audience desk on the live dashboard's shared time axis, in the "Orders per minute" graph:
questions per minute on a right-hand axis of their own (a lucky-bag burst must not be cut off
by the orders' scale) and the response time's median per minute (seconds) as a dashed line
scaled to the graph's height, whose latest and highest values the legend (the graph's title)
states.

Read on a worker (`studio.audience.stats.per_minute`) at most every few seconds when the desk's
tables change; the metrics panel owns one and shuts it down with itself."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QGraphicsItem

from studio.audience.stats import per_minute
from studio.ui.audience.life import stop_view
from studio.ui.common.context import AppContext
from studio.ui.common.qt_jobs import SerialWorker

QUESTIONS_COLOR = "#bc8cff"
RESPONSE_COLOR = "#e3b341"
ORDERS_COLOR = "#d29922"
RELOAD_MS = 3000
TABLES = frozenset({"audience_event", "audience_group"})


def _swatch(color: str, text: str, line: str = "━") -> str:
    return f'<span style="color:{color}">{line} {text}</span>'


class AudienceCurves(QObject):
    def __init__(self, graphs: Any, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.plot = graphs.plots["orders"]
        self._title_plain = QCoreApplication.translate("MetricsPanel", "Orders per minute")
        vb = pg.ViewBox(enableMenu=False)
        vb.setParentItem(self.plot)
        vb.setMouseEnabled(x=False, y=False)
        vb.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        vb.setAcceptHoverEvents(False)
        vb.setZValue(self.plot.vb.zValue() + 1)
        vb.setXLink(self.plot.vb)
        self.plot.vb.sigResized.connect(lambda _vb: vb.setGeometry(self.plot.vb.geometry()))
        self.vb = vb
        self.questions = pg.PlotCurveItem(pen=pg.mkPen(QUESTIONS_COLOR, width=1.5))
        vb.addItem(self.questions)
        # The response median in a view of its own (0 .. its peak), drawn without an axis.
        self.rvb = pg.ViewBox(enableMenu=False)
        self.rvb.setParentItem(self.plot)
        self.rvb.setMouseEnabled(x=False, y=False)
        self.rvb.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.rvb.setAcceptHoverEvents(False)
        self.rvb.setZValue(self.plot.vb.zValue() + 1)
        self.rvb.setXLink(self.plot.vb)
        self.plot.vb.sigResized.connect(lambda _vb: self.rvb.setGeometry(self.plot.vb.geometry()))
        self.response = pg.PlotCurveItem(
            pen=pg.mkPen(RESPONSE_COLOR, width=1, style=Qt.PenStyle.DashLine)
        )
        self.rvb.addItem(self.response)
        self._worker = SerialWorker(self, "audience-dashboard")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_MS)
        self._timer.timeout.connect(self.reload)
        self._closed = False
        self._shown = False
        self._title = ""
        self._fg = graphs.glw.palette().color(graphs.glw.foregroundRole()).name()
        ctx.signals.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, table: str, _row: object, show_id: object) -> None:
        mine = show_id is None or show_id == self.ctx.show_id
        if table in TABLES and mine and not self._timer.isActive():
            self._timer.start()

    def reload(self) -> None:
        show_id = self.ctx.show_id
        if self._closed or show_id is None:
            return
        store = self.ctx.store
        self._worker.submit(lambda: per_minute(store, show_id), self._draw, lambda _e: None)

    def _draw(self, rows: list[tuple[float, int, float | None]]) -> None:
        if self._closed:
            return
        if not rows:
            self.questions.setData([], [])
            self.response.setData([], [])
            return
        x = np.array([m + 30.0 for m, _, _ in rows])  # the middle of each minute
        q = np.array([float(n) for _, n, _ in rows])
        r = np.array([np.nan if p is None else p for _, _, p in rows])
        self.questions.setData(x, q, connect="finite")
        self.response.setData(x, r, connect="finite")
        self.vb.setYRange(0, max(5.0, float(q.max()) * 1.2), padding=0)
        finite = r[np.isfinite(r)]
        peak = float(finite.max()) if len(finite) else 60.0
        last = float(finite[-1]) if len(finite) else None
        self.rvb.setYRange(0, max(10.0, peak * 1.2), padding=0)
        if not self._shown:
            self._shown = True
            self.plot.showAxis("right")
            right = self.plot.getAxis("right")
            right.enableAutoSIPrefix(False)
            right.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            right.setTextPen(QUESTIONS_COLOR)
            right.linkToView(self.vb)
        response = (
            QCoreApplication.translate("AudienceCurves", "response median %1 s (peak %2 s)")
            .replace("%1", "—" if last is None else f"{last:.0f}")
            .replace("%2", f"{peak:.0f}")
        )
        title = " · ".join((
            self._title_plain,
            _swatch(ORDERS_COLOR, QCoreApplication.translate("AudienceCurves", "orders")),
            _swatch(QUESTIONS_COLOR, QCoreApplication.translate("AudienceCurves", "questions (right axis)")),
            _swatch(RESPONSE_COLOR, response, "╍"),
        ))  # fmt: skip
        if title != self._title:
            self._title = title
            self.plot.setTitle(title, color=self._fg, size="10pt")

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        stop_view(self.ctx, self._on_changed, self._worker, self._timer)
