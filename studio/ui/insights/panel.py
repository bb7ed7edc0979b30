"""The insights page: across the shows of a period, when going live pays (GMV and viewers per
hour by weekday x start hour), how each product sold show after show, what each kind of segment
brings, and how each anchor does.

The figures and their wording come from studio.review.insights / insights_tables; the reading
runs on a worker (studio.ui.common.job_runner), never on the GUI thread, and a result that
arrives after the period changed again is dropped.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from studio.metrics import fmt
from studio.review import insights_tables
from studio.review.insights import Insights
from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState
from studio.ui.common.job_runner import JobRunner
from studio.ui.common.settings_values import setting_str
from studio.ui.common.tables import ui_lang
from studio.ui.review.sections import fill_page_table, section, table_for_page

PRESETS = ("30", "90", "365", "all", "custom")  # days back from today, every show, or the dates
DEFAULT_PRESET = "90"
HEAT = QColor("#2f6fdb")


def period(since: QDate, until: QDate) -> tuple[datetime, datetime]:
    """[first day 00:00, the day after the last 00:00) in the studio's time zone."""
    start = datetime.combine(date(since.year(), since.month(), since.day()), time()).astimezone()
    last = date(until.year(), until.month(), until.day())
    return start, datetime.combine(last + timedelta(days=1), time()).astimezone()


class InsightsPanel(QWidget):
    """Constructed with the app's context; reads the insights of the chosen period."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.insights: Insights | None = None
        self.jobs = JobRunner("insights-jobs", self)
        # Each read gets the next generation; `_shown` is the last one answered (the first read
        # is due from the start).
        self._generation = 1
        self._shown = 0
        self._sku: str | None = None

        self.preset = QComboBox()
        names = {
            "30": self.tr("Last 30 days"),
            "90": self.tr("Last 90 days"),
            "365": self.tr("Last 12 months"),
            "all": self.tr("All shows"),
            "custom": self.tr("Dates below"),
        }
        for key in PRESETS:
            self.preset.addItem(names[key], key)
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._on_dates)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.preset)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.until)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)

        self.empty = EmptyState(
            self.tr("No shows in this period"),
            self.tr(
                "Pick a longer period. A show counts here once it has gone live (rehearsals "
                "do not count)."
            ),
        )
        self.content = QWidget()
        body = QVBoxLayout(self.content)
        self.summary = QLabel()
        f = QFont(self.summary.font())
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.summary.setFont(f)
        self.summary.setWordWrap(True)
        body.addWidget(self.summary)
        self.grid_table = table_for_page()
        self.slot_table = table_for_page()
        self.product_table = table_for_page()
        self.product_table.itemSelectionChanged.connect(self._on_product)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_table = table_for_page()
        self.kind_table = table_for_page()
        self.anchor_table = table_for_page()
        self.sections: dict[str, QWidget] = {}
        for key, title, widgets in (
            (
                "slots",
                self.tr("When going live pays: GMV and viewers per hour by weekday and start"),
                (self.grid_table, self.slot_table),
            ),
            (
                "products",
                self.tr("Products across shows (pick one to see it show by show)"),
                (self.product_table, self.history_label, self.history_table),
            ),
            (
                "kinds",
                self.tr("Segment kinds: what each brings"),
                (self.kind_table,),
            ),
            ("anchors", self.tr("Anchors"), (self.anchor_table,)),
        ):
            block, _ = section(title, *widgets)
            self.sections[key] = block
            body.addWidget(block)
        body.addStretch(1)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setWidget(self.content)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.page_scroll)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        saved = setting_str(ctx.settings, "insights/period", DEFAULT_PRESET)
        self.preset.setCurrentIndex(max(0, self.preset.findData(saved)))
        self.preset.currentIndexChanged.connect(self._on_preset)
        self._apply_preset(reload=False)
        # The first read waits for the event loop, so a caller can still pick the dates.
        QTimer.singleShot(0, self, self.reload)

    # -- the period ----------------------------------------------------------------------------
    def _apply_preset(self, reload: bool = True) -> None:
        key = str(self.preset.currentData())
        today = QDate.currentDate()
        custom = key == "custom"
        for edit in (self.since, self.until):
            edit.setEnabled(custom or key == "all")
            edit.blockSignals(True)
        if key == "all":
            self.since.setDate(QDate(2000, 1, 1))
            self.until.setDate(today)
        elif not custom:
            self.since.setDate(today.addDays(-int(key) + 1))
            self.until.setDate(today)
        for edit in (self.since, self.until):
            edit.blockSignals(False)
        if reload:
            self.reload()

    def _on_preset(self, _index: int) -> None:
        self.ctx.settings.setValue("insights/period", self.preset.currentData())
        self._apply_preset()

    def _on_dates(self, _date: QDate) -> None:
        if self.preset.currentData() != "custom":
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData("custom"))
            self.preset.blockSignals(False)
            for edit in (self.since, self.until):
                edit.setEnabled(True)
        self.reload()

    def set_period(self, since: QDate, until: QDate) -> None:
        """Show the shows that started from `since` to `until` (both days included)."""
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(day)
            edit.blockSignals(False)
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.reload()

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        from studio.review.insights_load import load_insights

        self._generation += 1
        generation = self._generation
        store = self.ctx.store
        since: datetime | None
        until: datetime | None
        since, until = period(self.since.date(), self.until.date())
        if self.preset.currentData() == "all":
            since = until = None  # every show, even one dated ahead of this PC's clock
        self.status.setText(self.tr("Loading…"))
        self.jobs.submit(
            lambda _p: load_insights(store, since, until),
            lambda ins: self._show(generation, ins),
            lambda exc: self._failed(generation, exc),
        )

    @property
    def loading(self) -> bool:
        """True until the newest read has been answered."""
        return self._shown != self._generation

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._shown = generation
            self.status.setText(self.tr("Could not read the insights: %1").replace("%1", str(exc)))

    # -- showing -------------------------------------------------------------------------------
    def _show(self, generation: int, ins: Insights) -> None:
        if generation != self._generation:
            return  # the period changed while this was read
        self._shown = generation
        self.insights = ins
        self.status.setText("")
        if ins.shows == 0:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        lang = ui_lang()
        self.summary.setText(
            self.tr("Shows: %1 · on air: %2 h")
            .replace("%1", fmt.count(ins.shows))
            .replace("%2", f"{ins.hours:,.1f}")
        )
        grid = insights_tables.slot_grid(ins, lang)
        fill_page_table(self.grid_table, grid.table)
        self._shade(self.grid_table, grid.heat)
        fill_page_table(self.slot_table, insights_tables.slots(ins, lang))
        fill_page_table(self.product_table, insights_tables.products(ins, lang), wrap=(1,))
        fill_page_table(self.kind_table, insights_tables.kinds(ins, lang))
        fill_page_table(self.anchor_table, insights_tables.anchors(ins, lang))
        self.sections["anchors"].setVisible(bool(ins.anchors))
        self.sections["kinds"].setVisible(bool(ins.kinds))
        self.sections["products"].setVisible(bool(ins.products))
        skus = [p.sku for p in ins.products]
        row = skus.index(self._sku) if self._sku in skus else 0
        self.product_table.selectRow(row)
        self._fill_history()

    def _shade(self, table: QTableWidget, heat: tuple[tuple[float | None, ...], ...]) -> None:
        """The best-paying slots stand out: the cell's colour grows with its GMV per hour."""
        base = self.palette().color(QPalette.ColorRole.Base)
        for r, shades in enumerate(heat):
            for c, share in enumerate(shades, start=1):
                item = table.item(r, c)
                if item is None or share is None:
                    continue
                k = 0.15 + 0.65 * share
                item.setBackground(
                    QColor(
                        round(base.red() + (HEAT.red() - base.red()) * k),
                        round(base.green() + (HEAT.green() - base.green()) * k),
                        round(base.blue() + (HEAT.blue() - base.blue()) * k),
                    )
                )

    def _on_product(self) -> None:
        rows = self.product_table.selectionModel().selectedRows()
        if self.insights is None or not rows:
            return
        products = self.insights.products
        index = rows[0].row()
        if 0 <= index < len(products):
            self._sku = products[index].sku
            self._fill_history()

    def _fill_history(self) -> None:
        ins = self.insights
        if ins is None or not ins.products:
            return
        sku = self._sku or ins.products[0].sku
        name = next((p.name for p in ins.products if p.sku == sku), sku)
        self.history_label.setText(self.tr("%1 show by show").replace("%1", f"{sku} {name}"))
        fill_page_table(self.history_table, insights_tables.product_history(ins, sku, ui_lang()))

    def history_rows(self) -> int:
        return self.history_table.rowCount()

    def shutdown(self) -> None:
        self.jobs.shutdown()
