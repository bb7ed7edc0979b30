"""The Review (复盘) dock: headline tiles, timeline, per-segment and per-product tables, funnel,
incidents, and export to PDF / HTML in the background.

Every database read and the report writing run on one worker thread; the GUI only fills widgets.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
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
    QVBoxLayout,
    QWidget,
)

from studio.review import tables
from studio.review.model import Review
from studio.review.strings import s
from studio.review.tables import Table
from studio.store.shows import list_shows
from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState
from studio.ui.common.job_runner import JobRunner
from studio.ui.common.on_screen import on_screen
from studio.ui.common.tables import ui_lang
from studio.ui.review.actions_section import ActionsSection
from studio.ui.review.report_texts import ui_wording
from studio.ui.review.report_texts import wording as report_wording
from studio.ui.review.sections import SharesChart, fill_page_table, section, table_for_page
from studio.ui.review.timeline import ReviewTimeline

log = logging.getLogger(__name__)
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
        # Planned and actual start and length, platform, campaign: one line that wraps.
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.summary)
        self.tiles_grid = QGridLayout()
        self.tile_widgets: list[_Tile] = []
        body.addLayout(self.tiles_grid)

        self.timeline = ReviewTimeline()
        self.plot = self.timeline.plot
        self.online_plot = self.timeline.online_plot
        self.gmv_plot = self.timeline.gmv_plot
        block, _ = section(self.tr("Timeline"), self.timeline)
        body.addWidget(block)

        self.segment_table = table_for_page()
        self.segment_audience_table = table_for_page()
        self.product_table = table_for_page()
        self.funnel_table = table_for_page()
        self.channel_table = table_for_page()
        self.incident_table = table_for_page()
        self.check_table = table_for_page()
        self.carried_table = table_for_page()
        self.price_period_table = table_for_page()
        self.product_change_table = table_for_page()
        self.talkback_table = table_for_page()
        # The audience desk's questions (studio.audience): figures, top per product, the FAQ
        # candidates for the next script and questions per segment, each under its caption.
        self.question_tables = [table_for_page() for _ in range(4)]
        self.question_captions = [QLabel() for _ in range(3)]
        self.actions_section = ActionsSection(ctx.store, self.jobs, self.reload)
        self.action_table = self.actions_section.table
        self.scatter_note = QLabel()
        self.scatter_note.setWordWrap(True)
        self.incident_summary = QLabel()
        self.incident_summary.setWordWrap(True)
        self.shares_box = QWidget()
        self.shares_grid = QGridLayout(self.shares_box)
        self.shares_grid.setContentsMargins(0, 0, 0, 0)
        self.shares_grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.share_charts: list[SharesChart] = []
        self.sections: dict[str, tuple[QWidget, QLabel]] = {}
        for key, widgets in (
            ("segments", (self.segment_table,)),
            ("segment_audience", (self.segment_audience_table,)),
            ("products", (self.product_table,)),
            ("price_periods", (self.price_period_table,)),
            ("product_changes", (self.product_change_table,)),
            ("funnel", (self.funnel_table, self.scatter_note)),
            ("channels", (self.channel_table,)),
            ("traffic", (self.shares_box,)),
            ("incidents", (self.incident_summary, self.incident_table)),
            ("talkback", (self.talkback_table,)),
            (
                "questions",
                (
                    self.question_tables[0],
                    self.question_captions[0],
                    self.question_tables[1],
                    self.question_captions[1],
                    self.question_tables[2],
                    self.question_captions[2],
                    self.question_tables[3],
                ),
            ),
            ("checks", (self.check_table,)),
            ("carried", (self.carried_table,)),
            ("actions", (self.actions_section,)),
        ):
            self.sections[key] = section("", *widgets)
            body.addWidget(self.sections[key][0])
        body.addStretch(1)

        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setWidget(self.content)
        self.timeline.scroll_page_with_wheel(self.page_scroll.viewport())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.page_scroll)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._reload_if_seen)
        # A change came (or the show list was read) while the panel was hidden or covered:
        # build the review when it is shown. Even its first review waits: built behind the
        # Metrics tab at start it stalled the control room ~0.4 s (show-day soak).
        self._stale = False
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
        if on_screen(self):
            self.reload()
        else:  # a show row changed (a live show's does often): rebuild when shown
            self._stale = True

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
                "review_action",
                "product_event",
                "traffic_source",
                "audience_share",
            )
            and not self._debounce.isActive()
        ):
            self._debounce.start()

    def _reload_if_seen(self) -> None:
        """A live show changes every second: rebuilding its whole review every few seconds
        behind another tab cost a fifth of a core and stalled the control room (show-day soak),
        so a hidden or covered panel only notes that it is stale."""
        if on_screen(self):
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.on_revealed()

    def on_revealed(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

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
        wording = ui_wording()
        self.stack.setCurrentIndex(1)
        rehearsal = self.tr("REHEARSAL")
        self.title.setText(
            review.show.title + (f" · {rehearsal}" if review.show.is_rehearsal else "")
        )
        self.summary.setText(
            "    ".join(f"{k}: {v}" for k, v in tables.meta_lines(review, lang))
            if not lang.startswith("zh")
            else "    ".join(f"{k}：{v}" for k, v in tables.meta_lines(review, lang))
        )
        self._fill_tiles(tables.tiles(review, lang))
        self._name_sections(review, lang)
        fill_page_table(self.segment_table, tables.segments(review, lang), wrap=(0,))
        fill_page_table(
            self.segment_audience_table, tables.segment_audience(review, lang), wrap=(0,)
        )
        fill_page_table(self.product_table, tables.products(review, lang), wrap=(1,))
        fill_page_table(self.funnel_table, self._funnel_table(review))
        self.scatter_note.setText(
            self.tr("Online viewers vs GMV per minute: %1").replace(
                "%1", tables.scatter_note(review, lang)
            )
        )
        fill_page_table(self.channel_table, tables.channels(review, lang))
        self._fill_shares(review, lang)
        self.incident_summary.setText(tables.incident_summary_line(review, lang))
        fill_page_table(self.incident_table, tables.incidents(review, lang, wording), wrap=(5,))
        fill_page_table(self.check_table, tables.checks(review, lang, wording), wrap=(3,))
        if review.talkback:
            fill_page_table(self.talkback_table, tables.talkback(review, lang), wrap=(3,))
        asked = review.questions is not None and review.questions.questions > 0
        if asked:
            made = (
                tables.questions_summary,
                tables.top_questions,
                tables.faq_next,
                tables.segment_questions,
            )
            for widget, make in zip(self.question_tables, made, strict=True):
                fill_page_table(widget, make(review, lang), wrap=(1, 3))
            for label, key in zip(
                self.question_captions,
                ("sec.top_questions", "sec.faq_next", "sec.segment_questions"),
                strict=True,
            ):
                label.setText(s(key, lang))
        fill_page_table(self.carried_table, tables.carried_actions(review, lang), wrap=(0, 5))
        self.actions_section.show_actions(
            review.show.id, review.actions, tables.review_actions(review, lang)
        )
        if review.has_price_periods:
            fill_page_table(self.price_period_table, tables.price_periods(review, lang), wrap=(0,))
        if review.product_changes:
            fill_page_table(
                self.product_change_table, tables.product_changes(review, lang), wrap=(3, 5)
            )
        shown = {
            "segments": bool(review.segments),
            "segment_audience": bool(review.segments),
            "products": bool(review.products),
            "price_periods": review.has_price_periods,
            "product_changes": bool(review.product_changes),
            "funnel": True,
            "channels": bool(review.channels),
            "traffic": bool(review.traffic or review.audience),
            "incidents": bool(review.incidents.items),
            "talkback": bool(review.talkback),
            "questions": asked,
            "checks": bool(review.checks),
            "carried": bool(review.carried),
            "actions": True,  # always: the Add button lives here
        }
        for key, (block, _) in self.sections.items():
            block.setVisible(shown[key])
        self.timeline.show_review(review)

    def _name_sections(self, r: Review, lang: str) -> None:
        """Section headings: the report's own words, so the panel and the PDF say the same."""
        keys = {
            "segments": "sec.segments",
            "segment_audience": "sec.segment_audience",
            "products": "sec.products",
            "price_periods": "sec.price_periods",
            "product_changes": "sec.product_changes",
            "funnel": "sec.funnel",
            "channels": "sec.channels",
            "incidents": "sec.incidents",
            "talkback": "sec.talkback",
            "questions": "sec.questions",
            "checks": "sec.checks",
            "carried": "sec.carried",
            "actions": "sec.actions",
        }
        for key, word in keys.items():
            self.sections[key][1].setText(s(word, lang))
        self.sections["traffic"][1].setText(
            " · ".join(
                s(k, lang)
                for k, on in (("sec.traffic", r.traffic), ("sec.audience", r.audience))
                if on
            )
        )

    def _fill_shares(self, r: Review, lang: str) -> None:
        breakdowns = [*r.traffic, *r.audience]
        while len(self.share_charts) < len(breakdowns):
            chart = SharesChart()
            n = len(self.share_charts)
            top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
            self.shares_grid.addWidget(chart, n // 2, n % 2, top_left)
            self.share_charts.append(chart)
        for chart, b in zip(self.share_charts, breakdowns, strict=False):
            chart.set_breakdown(b, lang)
        for i, chart in enumerate(self.share_charts):
            chart.setVisible(i < len(breakdowns))

    def _funnel_table(self, r: Review) -> Table:
        names = {
            "exposures": self.tr("Room exposures"),
            "viewers_total": self.tr("Viewers"),
            "product_exposures": self.tr("Product exposures"),
            "product_clicks": self.tr("Product clicks"),
            "buyers": self.tr("Buyers"),
        }
        from studio.metrics import fmt

        lang = ui_lang()
        rows = tuple(
            (
                names.get(f.key, s(f"f.{f.key}", lang)),
                fmt.count(f.value),
                tables.funnel_note(f, lang) or fmt.rate(f.rate),
            )
            for f in r.funnel
        )
        return Table(
            (self.tr("Step"), self.tr("Count"), self.tr("Rate from previous step")),
            rows,
            "lrl",
            (2, 1, 2),
        )

    def _fill_tiles(self, items: list[tables.Tile]) -> None:
        while len(self.tile_widgets) < len(items):
            t = _Tile()
            n = len(self.tile_widgets)
            self.tiles_grid.addWidget(t, n // 5, n % 5)
            self.tile_widgets.append(t)
        for w, tile in zip(self.tile_widgets, items, strict=False):
            w.set(tile)

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
                html = render_html(review, lang, wording=report_wording(lang))
                tmp.write_text(html, encoding="utf-8")
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
