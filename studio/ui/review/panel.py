"""The Review (复盘) dock: headline tiles, timeline, per-segment and per-product tables, funnel,
incidents, and export to PDF / HTML in the background.

Every database read and the report writing run on one worker thread; the GUI only fills widgets.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.review import tables
from studio.review.model import Review
from studio.review.tables import Table
from studio.store.shows import list_shows
from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState
from studio.ui.common.job_runner import JobRunner
from studio.ui.common.safe_line import SafeInfiniteLine
from studio.ui.common.tables import fill_table, make_table, ui_lang

log = logging.getLogger(__name__)
SEVERITY_COLOURS = {1: "#e5484d", 2: "#f0a202", 3: "#9ca3af"}
RELOAD_DEBOUNCE_MS = 3000


class _Tile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.value = QLabel()
        f = QFont(self.value.font())
        f.setPointSizeF(f.pointSizeF() * 1.7)
        f.setBold(True)
        self.value.setFont(f)
        self.note = QLabel()
        self.note.setWordWrap(True)
        for w in (self.label, self.value, self.note):
            lay.addWidget(w)

    def set(self, tile: tables.Tile) -> None:
        self.label.setText(tile.label)
        self.value.setText(tile.value)
        self.note.setText(tile.note)
        self.note.setVisible(bool(tile.note))
        colour = {"good": "#2fbf71", "bad": "#e5484d"}.get(tile.tone, "")
        self.note.setStyleSheet(f"color: {colour};" if colour else "")


class ReviewPanel(QWidget):
    """Constructed with the app's context; follows `ctx.show_id` unless another show is picked."""

    exported = Signal(str)  # path of a finished report

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.review: Review | None = None
        self.show_id: int | None = ctx.show_id
        self.jobs = JobRunner("review-jobs", self)
        self.jobs.progress.connect(self._on_progress)
        self._loading = False

        self.show_combo = QComboBox()
        self.show_combo.setMinimumContentsLength(24)
        self.show_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.show_combo.activated.connect(self._on_pick)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.html_button = QPushButton(self.tr("Export HTML…"))
        self.html_button.clicked.connect(lambda: self._ask_export("html"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(160)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.show_combo, 1)
        for w in (self.refresh_button, self.pdf_button, self.html_button, self.progress):
            bar.addWidget(w)

        self.empty = EmptyState(
            self.tr("Nothing to review yet"),
            self.tr("Pick a show that has run: its review appears here after the show."),
        )
        self.content = QWidget()
        body = QVBoxLayout(self.content)
        self.title = QLabel()
        tf = QFont(self.title.font())
        tf.setPointSizeF(tf.pointSizeF() * 1.4)
        tf.setBold(True)
        self.title.setFont(tf)
        self.title.setWordWrap(True)
        body.addWidget(self.title)
        self.tiles_grid = QGridLayout()
        self.tile_widgets: list[_Tile] = []
        body.addLayout(self.tiles_grid)

        self.plot = pg.GraphicsLayoutWidget()
        self.plot.setMinimumHeight(320)
        self.online_plot = self.plot.addPlot(row=0, col=0)
        self.gmv_plot = self.plot.addPlot(row=1, col=0)
        self.gmv_plot.setXLink(self.online_plot)
        for p in (self.online_plot, self.gmv_plot):
            p.showGrid(x=True, y=True, alpha=0.2)
            p.setMouseEnabled(x=True, y=False)
        self.online_plot.setLabel("left", self.tr("Online viewers"))
        self.gmv_plot.setLabel("left", self.tr("GMV per minute (¥)"))
        self.gmv_plot.setLabel("bottom", self.tr("Minutes since start"))
        body.addWidget(self.plot)

        self.tabs = QTabWidget()
        self.segment_table = make_table()
        self.product_table = make_table()
        self.funnel_table = make_table()
        self.incident_table = make_table()
        self.tabs.addTab(self.segment_table, self.tr("Segments"))
        self.tabs.addTab(self.product_table, self.tr("Products"))
        self.tabs.addTab(self.funnel_table, self.tr("Funnel"))
        self.tabs.addTab(self.incident_table, self.tr("Incidents"))
        self.tabs.setMinimumHeight(360)
        body.addWidget(self.tabs)
        self.scatter_note = QLabel()
        self.scatter_note.setWordWrap(True)
        body.addWidget(self.scatter_note)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        ctx.signals.changed.connect(self._on_change)
        self._update_buttons()
        self.reload_shows()

    # -- data --------------------------------------------------------------------------------
    def reload_shows(self) -> None:
        store = self.ctx.store
        self.jobs.submit(lambda _p: list_shows(store), self._fill_shows)

    def _fill_shows(self, shows: list[Any]) -> None:
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        for sh in shows:
            rehearsal = self.tr("rehearsal")
            label = sh.title + (f" ({rehearsal})" if sh.is_rehearsal else "")
            self.show_combo.addItem(f"#{sh.id} {label}", sh.id)
        if self.show_id is None and shows:
            ended = [sh for sh in shows if sh.status == "ended"]
            self.show_id = (ended or shows)[0].id
        idx = self.show_combo.findData(self.show_id)
        if idx >= 0:
            self.show_combo.setCurrentIndex(idx)
        self.show_combo.blockSignals(False)
        self.reload()

    def _on_pick(self, index: int) -> None:
        self.set_show(self.show_combo.itemData(index))

    def set_show(self, show_id: int | None) -> None:
        self.show_id = show_id
        idx = self.show_combo.findData(show_id)
        if idx >= 0:
            self.show_combo.setCurrentIndex(idx)
        self.reload()

    def reload(self) -> None:
        if self.show_id is None:
            self._show_review(None)
            return
        from studio.review.load import build_review

        store, show_id = self.ctx.store, self.show_id
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        self.jobs.submit(lambda _p: build_review(store, show_id), self._show_review, self._failed)

    def _on_change(self, table: str, _row: object, show_id: object) -> None:
        if table == "show":
            self.reload_shows()
        elif (
            show_id == self.show_id
            and table
            in (
                "incident",
                "cue_event",
                "metric_sample",
                "device_check",
            )
            and not self._debounce.isActive()
        ):
            self._debounce.start()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.setText(self.tr("Could not build the review: %1").replace("%1", str(exc)))

    # -- view --------------------------------------------------------------------------------
    def _show_review(self, review: Review | None) -> None:
        self._loading = False
        self.review = review
        self.status.setText("")
        self._update_buttons()
        if review is None or (not review.has_metrics and not review.segments):
            self.stack.setCurrentIndex(0)
            return
        lang = ui_lang()
        self.stack.setCurrentIndex(1)
        rehearsal = self.tr("REHEARSAL")
        self.title.setText(
            review.show.title + (f" · {rehearsal}" if review.show.is_rehearsal else "")
        )
        self._fill_tiles(tables.tiles(review, lang))
        fill_table(self.segment_table, tables.segments(review, lang))
        fill_table(self.product_table, tables.products(review, lang))
        fill_table(self.funnel_table, self._funnel_table(review))
        fill_table(self.incident_table, tables.incidents(review, lang))
        self.scatter_note.setText(
            self.tr("Online viewers vs GMV per minute: %1").replace(
                "%1", tables.scatter_note(review, lang)
            )
        )
        self._draw_timeline(review)

    def _funnel_table(self, r: Review) -> Table:
        names = {
            "exposures": self.tr("Room exposures"),
            "viewers_total": self.tr("Viewers"),
            "product_exposures": self.tr("Product exposures"),
            "product_clicks": self.tr("Product clicks"),
            "buyers": self.tr("Buyers"),
        }
        from studio.metrics import fmt

        rows = tuple(
            (names.get(f.key, f.key), fmt.count(f.value), fmt.rate(f.rate)) for f in r.funnel
        )
        return Table(
            (self.tr("Step"), self.tr("People"), self.tr("Rate from previous step")),
            rows,
            "lrr",
            (2, 1, 1),
        )

    def _fill_tiles(self, items: list[tables.Tile]) -> None:
        while len(self.tile_widgets) < len(items):
            t = _Tile()
            n = len(self.tile_widgets)
            self.tiles_grid.addWidget(t, n // 5, n % 5)
            self.tile_widgets.append(t)
        for w, tile in zip(self.tile_widgets, items, strict=False):
            w.set(tile)

    def _draw_timeline(self, r: Review) -> None:
        self.online_plot.clear()
        self.gmv_plot.clear()
        if r.start_ts is None:
            return
        t0 = r.start_ts
        ts, v = r.online
        self.online_plot.plot((ts - t0) / 60.0, v, pen=pg.mkPen("#3b82f6", width=2))
        m = r.minutes
        if len(m.start_ts):
            g = np.nan_to_num(m.gmv_cents) / 100.0
            bars = pg.BarGraphItem(
                x0=(m.start_ts - t0) / 60.0, width=0.9, height=g, brush="#ea580c"
            )
            self.gmv_plot.addItem(bars)
        for i, seg in enumerate(r.segments):
            if seg.start_ts is None or seg.end_ts is None:
                continue
            span = ((seg.start_ts - t0) / 60.0, (seg.end_ts - t0) / 60.0)
            for p in (self.online_plot, self.gmv_plot):
                region = pg.LinearRegionItem(
                    values=span, movable=False, brush=pg.mkBrush(255, 255, 255, 18 if i % 2 else 6)
                )
                region.setZValue(-10)
                for line in region.lines:
                    line.setPen(pg.mkPen(None))
                p.addItem(region)
        for n, inc in enumerate(r.incidents.items, start=1):
            x = (inc.at.timestamp() - t0) / 60.0
            colour = SEVERITY_COLOURS.get(inc.severity, "#9ca3af")
            for p, label in ((self.online_plot, f"!{n}"), (self.gmv_plot, None)):
                line = SafeInfiniteLine(
                    pos=x,
                    angle=90,
                    pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine),
                    label=label,
                    labelOpts={"color": colour, "position": 0.92},
                )
                p.addItem(line)

    def _update_buttons(self) -> None:
        ok = self.review is not None
        self.pdf_button.setEnabled(ok and not self.progress.isVisible())
        self.html_button.setEnabled(ok and not self.progress.isVisible())

    # -- export ------------------------------------------------------------------------------
    def _ask_export(self, kind: str) -> None:
        if self.review is None:
            return
        suffix = ".pdf" if kind == "pdf" else ".html"
        default = str(Path.home() / f"review-{self.review.show.id}{suffix}")
        filt = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("HTML files (*.html)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export review"), default, filt)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export(path)

    def export(self, path: str, lang: str | None = None) -> None:
        """Write the review of the current show to `path` (.pdf or .html) in the background."""
        if self.show_id is None:
            return
        store, show_id, lang = self.ctx.store, self.show_id, lang or ui_lang()

        def job(progress: Any) -> str:
            from studio.review.html import render_html
            from studio.review.load import build_review

            progress(5)
            review = build_review(store, show_id)
            progress(30)
            out = Path(path)
            if out.suffix.lower() == ".pdf":
                from studio.ui.review.report_pdf import render_pdf

                render_pdf(
                    review, out, lang, progress=lambda pct, _what: progress(30 + pct * 70 // 100)
                )
            else:
                tmp = out.with_name(out.name + ".part")
                tmp.write_text(render_html(review, lang), encoding="utf-8")
                tmp.replace(out)
            progress(100)
            return str(out)

        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._update_buttons()
        self.status.setText(self.tr("Writing the report…"))
        self.jobs.submit(job, self._exported, self._export_failed)

    def _on_progress(self, pct: int) -> None:
        self.progress.setValue(pct)

    def _exported(self, path: str) -> None:
        self.progress.setVisible(False)
        self._update_buttons()
        self.status.setText(self.tr("Report saved: %1").replace("%1", path))
        self.exported.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self._update_buttons()
        self.status.setText(self.tr("Could not write the report: %1").replace("%1", str(exc)))

    def shutdown(self) -> None:
        self._debounce.stop()
        self.jobs.shutdown()
