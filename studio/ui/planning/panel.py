"""The Planning dock: shows and their status, targets, products and stock warnings, crew,
warm-up tasks, and the readiness checklist with waive-with-reason and Go live.

`go_live()` is what the window's Ctrl+Shift+L calls: it refuses (and shows the checklist) while
anything blocks. Every database call runs on one worker thread, in order.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.metrics.fmt import money_cents
from studio.planning import text
from studio.planning.crew import ROLES, CrewView, TaskView
from studio.planning.readiness import Checklist
from studio.planning.stock import StockLine
from studio.store.shows import list_shows
from studio.ui.common.context import AppContext
from studio.ui.common.job_runner import JobRunner
from studio.ui.common.on_screen import on_screen
from studio.ui.common.tables import make_table, ui_lang
from studio.ui.common.theme import FAIL, OFF, OK, WARN

log = logging.getLogger(__name__)
STATUS_COLOURS = {"pass": OK, "warn": WARN, "fail": FAIL, "waived": OFF}
GLYPHS = {"pass": "●", "warn": "▲", "fail": "✖", "waived": "◐"}


@dataclass(frozen=True)
class ShowRow:
    id: int
    title: str
    status: str
    planned_start: Any
    gmv_target_cents: int
    traffic_target: int
    share_cents: int | None
    is_rehearsal: bool


@dataclass(frozen=True)
class PlanSnapshot:
    shows: tuple[ShowRow, ...]
    show_id: int | None
    checklist: Checklist | None
    stock: tuple[StockLine, ...]
    crew: tuple[CrewView, ...]
    tasks: tuple[TaskView, ...]


def load_snapshot(store: Any, show_id: int | None, clock: Any) -> PlanSnapshot:
    from studio.planning.crew import list_crew, list_tasks
    from studio.planning.readiness import readiness
    from studio.planning.stock import check_stock, load_stock_plan

    shows = tuple(
        ShowRow(sh.id, sh.title, sh.status, sh.planned_start, sh.gmv_target_cents,
                sh.traffic_target, sh.campaign_share_cents, sh.is_rehearsal)
        for sh in list_shows(store)
    )  # fmt: skip
    ids = {sh.id for sh in shows}
    if show_id not in ids:
        show_id = next((sh.id for sh in shows if sh.status in ("planned", "ready")), None)
        if show_id is None and shows:
            show_id = shows[0].id
    if show_id is None:
        return PlanSnapshot(shows, None, None, (), (), ())
    return PlanSnapshot(
        shows,
        show_id,
        readiness(store, show_id, clock=clock),
        tuple(check_stock(load_stock_plan(store, show_id))),
        tuple(list_crew(store, show_id)),
        tuple(list_tasks(store, show_id)),
    )


class PlanningLabels(QObject):
    """Translated words for statuses and roles."""

    def show_status(self, status: str) -> str:
        return {
            "planned": self.tr("planned"),
            "ready": self.tr("ready"),
            "live": self.tr("live"),
            "ended": self.tr("ended"),
        }.get(status, status)

    def item_status(self, status: str) -> str:
        return {
            "pass": self.tr("pass"),
            "warn": self.tr("warning"),
            "fail": self.tr("blocked"),
            "waived": self.tr("waived"),
        }.get(status, status)

    def role(self, role: str) -> str:
        return {
            "anchor": self.tr("Anchor"),
            "assistant_anchor": self.tr("Assistant anchor"),
            "controller": self.tr("Controller"),
            "customer_service": self.tr("Customer service"),
            "tech": self.tr("Tech"),
        }.get(role, role)

    def task_state(self, state: str) -> str:
        return {
            "done": self.tr("done"),
            "late": self.tr("done late"),
            "missed": self.tr("missed"),
            "pending": self.tr("to do"),
        }.get(state, state)


def _item(text_: str, align_right: bool = False, colour: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text_)
    a = Qt.AlignmentFlag.AlignRight if align_right else Qt.AlignmentFlag.AlignLeft
    it.setTextAlignment(a | Qt.AlignmentFlag.AlignVCenter)
    if colour:
        it.setForeground(QColor(colour))
    return it


class PlanningPanel(QWidget):
    went_live = Signal(int)  # show id, once stored as live
    not_ready = Signal(int)  # go_live() was refused
    open_show_requested = Signal(int)  # a show double-clicked (or Enter) in the list

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.labels = PlanningLabels(self)
        self.jobs = JobRunner("planning-jobs", self)
        self.snapshot: PlanSnapshot | None = None
        self.show_id: int | None = ctx.show_id

        self.shows = make_table()
        self.shows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shows.setColumnCount(7)
        self.shows.setHorizontalHeaderLabels([
            self.tr("ID"), self.tr("Show"), self.tr("Status"), self.tr("Planned start"),
            self.tr("GMV target"), self.tr("Campaign share"), self.tr("Traffic target"),
        ])  # fmt: skip
        self.shows.itemSelectionChanged.connect(self._on_select)
        self.shows.itemActivated.connect(self._on_activated)  # double-click or Enter
        self.shows.setToolTip(self.tr("Double-click a show to open it in the control room"))

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_readiness(), self.tr("Readiness"))
        self.tabs.addTab(self._build_targets(), self.tr("Targets"))
        self.tabs.addTab(self._build_stock(), self.tr("Products and stock"))
        self.tabs.addTab(self._build_crew(), self.tr("Crew"))
        self.tabs.addTab(self._build_tasks(), self.tr("Warm-up"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.shows)
        split.addWidget(self.tabs)
        split.setSizes([220, 520])
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.reload)
        self._stale = False  # changed while covered (see _on_change)
        ctx.signals.changed.connect(self._on_change)
        self.reload()

    # -- building ----------------------------------------------------------------------------
    def _build_readiness(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.verdict = QLabel()
        f = QFont(self.verdict.font())
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.verdict.setFont(f)
        lay.addWidget(self.verdict)
        self.checklist = make_table()
        self.checklist.setColumnCount(3)
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("Status"), self.tr("Item"), self.tr("Details")]
        )
        lay.addWidget(self.checklist, 1)
        row = QHBoxLayout()
        self.waive_button = QPushButton(self.tr("Waive with reason…"))
        self.waive_button.clicked.connect(self._ask_waive)
        self.recheck_button = QPushButton(self.tr("Check again"))
        self.recheck_button.clicked.connect(self.reload)
        self.live_button = QPushButton(self.tr("Go live (Ctrl+Shift+L)"))
        self.live_button.clicked.connect(self.go_live)
        row.addWidget(self.waive_button)
        row.addWidget(self.recheck_button)
        row.addStretch(1)
        row.addWidget(self.live_button)
        lay.addLayout(row)
        return w

    def _build_targets(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.gmv_edit = QDoubleSpinBox()
        self.gmv_edit.setRange(0, 1e10)
        self.gmv_edit.setDecimals(0)
        self.gmv_edit.setPrefix("¥")
        self.gmv_edit.setGroupSeparatorShown(True)
        self.traffic_edit = QSpinBox()
        self.traffic_edit.setRange(0, 2_000_000_000)
        self.traffic_edit.setGroupSeparatorShown(True)
        self.save_targets_button = QPushButton(self.tr("Save targets"))
        self.save_targets_button.clicked.connect(self._save_targets)
        form.addRow(self.tr("GMV target"), self.gmv_edit)
        form.addRow(self.tr("Traffic target (viewers)"), self.traffic_edit)
        form.addRow("", self.save_targets_button)
        return w

    def _build_stock(self) -> QWidget:
        self.stock = make_table()
        self.stock.setColumnCount(9)
        self.stock.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Product"), self.tr("List price"), self.tr("Live price"),
            self.tr("Stock"), self.tr("Flash sale"), self.tr("Expected sales"),
            self.tr("Left after"), self.tr("Warnings"),
        ])  # fmt: skip
        return self.stock

    def _build_crew(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.crew = make_table()
        self.crew.setColumnCount(2)
        self.crew.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Name")])
        lay.addWidget(self.crew, 1)
        row = QHBoxLayout()
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(self.labels.role(role), role)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Name"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._add_crew)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_crew)
        for x in (self.role_combo, self.name_edit, add, remove):
            row.addWidget(x)
        lay.addLayout(row)
        return w

    def _build_tasks(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.tasks = make_table()
        self.tasks.setColumnCount(4)
        self.tasks.setHorizontalHeaderLabels(
            [self.tr("Task"), self.tr("Owner"), self.tr("Due"), self.tr("State")]
        )
        self.tasks.itemChanged.connect(self._task_toggled)
        lay.addWidget(self.tasks, 1)
        row = QHBoxLayout()
        self.task_edit = QLineEdit()
        self.task_edit.setPlaceholderText(self.tr("New warm-up task"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._add_task)
        usual = QPushButton(self.tr("Add the usual tasks"))
        usual.clicked.connect(self._add_usual_tasks)
        for x in (self.task_edit, add, usual):
            row.addWidget(x)
        lay.addLayout(row)
        return w

    # -- data --------------------------------------------------------------------------------
    def reload(self) -> None:
        store, show_id, clock = self.ctx.store, self.show_id, self.ctx.clock
        self.jobs.submit(lambda _p: load_snapshot(store, show_id, clock), self._fill, self._failed)

    def _run(self, job: Any, done_message: str = "") -> None:
        """A write on the worker thread, then a reload."""

        def ok(_v: object) -> None:
            if done_message:
                self.message.setText(done_message)
            self.reload()

        self.jobs.submit(lambda _p: job(), ok, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))

    def _on_change(self, table: str, _row: object, show_id: object) -> None:
        if table in (
            "show",
            "product",
            "crew_member",
            "warmup_task",
            "readiness_waiver",
            "device_check",
            "campaign",
        ):
            # Behind another tab, a live show's stock changes (several a second at 60x) made it
            # re-read the whole plan over and over (the show-day soak: a tenth of a second of
            # CPU each, beside the GUI): read once when it comes to the front.
            if on_screen(self):
                self._debounce.start()
            else:
                self._stale = True

    def on_revealed(self) -> None:
        """Its tab came to the front: read what changed while it was covered."""
        if self._stale and on_screen(self):
            self._stale = False
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:  # shown after changes came while hidden: read once laid out
            QTimer.singleShot(0, self, self.on_revealed)

    def _on_activated(self, item: QTableWidgetItem) -> None:
        first = self.shows.item(item.row(), 0)
        if first is not None:
            self.open_show_requested.emit(int(first.data(Qt.ItemDataRole.UserRole)))

    def _on_select(self) -> None:
        rows = self.shows.selectionModel().selectedRows()
        if not rows:
            return
        item = self.shows.item(rows[0].row(), 0)
        sid = int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if sid != self.show_id:
            self.show_id = sid
            self.reload()

    def _fill(self, snap: PlanSnapshot) -> None:
        self.snapshot = snap
        self.show_id = snap.show_id
        lang = ui_lang()
        self.shows.blockSignals(True)
        self.shows.setRowCount(len(snap.shows))
        for r, sh in enumerate(snap.shows):
            first = _item(str(sh.id))
            first.setData(Qt.ItemDataRole.UserRole, sh.id)
            start = (
                sh.planned_start.astimezone().strftime("%Y-%m-%d %H:%M")
                if sh.planned_start
                else "—"
            )
            rehearsal = self.tr("rehearsal")
            title = sh.title + (f" ({rehearsal})" if sh.is_rehearsal else "")
            cells = [first, _item(title), _item(self.labels.show_status(sh.status)), _item(start),
                     _item(money_cents(sh.gmv_target_cents, 0), True), _item(money_cents(sh.share_cents, 0), True),
                     _item(f"{sh.traffic_target:,}", True)]  # fmt: skip
            for c, it in enumerate(cells):
                self.shows.setItem(r, c, it)
            if sh.id == snap.show_id:
                self.shows.selectRow(r)
        self.shows.resizeColumnsToContents()
        self.shows.blockSignals(False)

        cl = snap.checklist
        self.checklist.setRowCount(0 if cl is None else len(cl.items))
        if cl is not None:
            for r, item in enumerate(cl.items):
                colour = STATUS_COLOURS[item.status]
                status = _item(
                    f"{GLYPHS[item.status]} {self.labels.item_status(item.status)}", colour=colour
                )
                status.setData(Qt.ItemDataRole.UserRole, item.key)
                self.checklist.setItem(r, 0, status)
                self.checklist.setItem(r, 1, _item(item.title_text(lang)))
                self.checklist.setItem(r, 2, _item(item.message_text(lang)))
            self.checklist.resizeColumnsToContents()
            blocked = len(cl.blocking)
            self.verdict.setText(
                self.tr("Ready to go live")
                if blocked == 0
                else self.tr("%n item(s) block going live", "", blocked)
            )
            self.verdict.setStyleSheet(f"color: {OK if blocked == 0 else FAIL};")
        else:
            self.verdict.setText(self.tr("No show planned yet: create one or load a script."))
            self.verdict.setStyleSheet("")
        current = next((sh for sh in snap.shows if sh.id == snap.show_id), None)
        # The gate is about going live: once the show is on air or over, say that instead of
        # "N items block going live" over a running show.
        if current is not None and current.status == "live":
            self.verdict.setText(
                self.tr("On air: the checklist was passed when the show went live")
            )
            self.verdict.setStyleSheet(f"color: {OK};")
        elif current is not None and current.status in ("ended", "reviewed"):
            self.verdict.setText(self.tr("This show has ended"))
            self.verdict.setStyleSheet("")
        can_live = current is not None and current.status in ("planned", "ready")
        self.live_button.setEnabled(bool(cl is not None and cl.ready and can_live))
        self.waive_button.setEnabled(bool(cl is not None and cl.blocking and can_live))
        if current is not None:
            self.gmv_edit.setValue(current.gmv_target_cents / 100)
            self.traffic_edit.setValue(current.traffic_target)
        self.save_targets_button.setEnabled(current is not None)

        self.stock.setRowCount(len(snap.stock))
        for r, ln in enumerate(snap.stock):
            p = ln.plan
            tint = STATUS_COLOURS.get(ln.status) if ln.status != "pass" else None
            cells = [_item(p.sku), _item(p.name), _item(money_cents(p.list_price_cents, 0), True),
                     _item(money_cents(p.live_price_cents, 0), True), _item(f"{p.stock:,}", True),
                     _item(f"{p.flash_quantity:,}", True), _item(f"{p.expected_sales:,}", True),
                     _item(f"{ln.left_after:,}", True, tint),
                     _item("; ".join(text.render(m, lang) for m in ln.messages) or "✓", colour=tint)]  # fmt: skip
            for c, it in enumerate(cells):
                self.stock.setItem(r, c, it)
        self.stock.resizeColumnsToContents()

        self.crew.setRowCount(len(snap.crew))
        for r, member in enumerate(snap.crew):
            role = _item(self.labels.role(member.role))
            role.setData(Qt.ItemDataRole.UserRole, member.id)
            self.crew.setItem(r, 0, role)
            self.crew.setItem(r, 1, _item(member.name))

        self.tasks.blockSignals(True)
        now = self._now()
        self.tasks.setRowCount(len(snap.tasks))
        for r, t in enumerate(snap.tasks):
            first = _item(t.title)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked if t.done else Qt.CheckState.Unchecked)
            first.setData(Qt.ItemDataRole.UserRole, t.id)
            state = t.state(now)
            due = t.due_at.astimezone().strftime("%m-%d %H:%M") if t.due_at else "—"
            self.tasks.setItem(r, 0, first)
            self.tasks.setItem(r, 1, _item(t.owner or "—"))
            self.tasks.setItem(r, 2, _item(due))
            self.tasks.setItem(
                r,
                3,
                _item(self.labels.task_state(state), colour=FAIL if state == "missed" else None),
            )
        self.tasks.resizeColumnsToContents()
        self.tasks.blockSignals(False)

    def _now(self) -> Any:
        from studio.timeutil import from_epoch

        return from_epoch(self.ctx.clock())

    # -- actions -----------------------------------------------------------------------------
    def selected_item(self) -> str | None:
        rows = self.checklist.selectionModel().selectedRows()
        if not rows:
            blocking = (
                self.snapshot.checklist.blocking
                if self.snapshot and self.snapshot.checklist
                else ()
            )
            return blocking[0].key if blocking else None
        item = self.checklist.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _ask_waive(self) -> None:
        key = self.selected_item()
        if key is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Waive a readiness item"),
            self.tr("Why is it safe to go live without it?"),
        )
        if ok:
            self.waive(key, reason)

    def waive(self, item: str, reason: str) -> None:
        if not reason.strip():
            self.message.setText(self.tr("A waiver needs a reason."))
            return
        from studio.planning.readiness import waive

        store, sid, clock = self.ctx.store, self.show_id, self.ctx.clock
        if sid is None:
            return
        self._run(lambda: waive(store, sid, item, reason, who=store.station, clock=clock))

    def go_live(self) -> None:
        """Take the selected show live if the checklist allows it (Ctrl+Shift+L)."""
        from studio.planning.readiness import NotReady, go_live

        store, sid, clock = self.ctx.store, self.show_id, self.ctx.clock
        if sid is None:
            self.message.setText(self.tr("No show selected."))
            return

        def job(_p: object) -> object:
            try:
                return go_live(store, sid, who=store.station, clock=clock)
            except NotReady as exc:
                return exc

        def done(result: object) -> None:
            if isinstance(result, NotReady):
                self.tabs.setCurrentIndex(0)
                self.message.setText(
                    self.tr("Not ready to go live: fix or waive the blocked items.")
                )
                self.not_ready.emit(sid)
            else:
                self.message.setText(
                    self.tr("Live since %1").replace(
                        "%1", time.strftime("%H:%M:%S", time.localtime(clock()))
                    )
                )
                self.went_live.emit(sid)
            self.reload()

        self.jobs.submit(job, done, self._failed)

    def _save_targets(self) -> None:
        from studio.planning.targets import set_targets

        store, sid = self.ctx.store, self.show_id
        if sid is None:
            return
        gmv, traffic = round(self.gmv_edit.value() * 100), self.traffic_edit.value()
        self._run(
            lambda: set_targets(store, sid, gmv_target_cents=gmv, traffic_target=traffic),
            self.tr("Targets saved."),
        )

    def _add_crew(self) -> None:
        from studio.planning.crew import add_crew

        store, sid = self.ctx.store, self.show_id
        role, name = self.role_combo.currentData(), self.name_edit.text()
        if sid is None or not name.strip():
            return
        self.name_edit.clear()
        self._run(lambda: add_crew(store, sid, role, name))

    def _remove_crew(self) -> None:
        from studio.planning.crew import remove_crew

        rows = self.crew.selectionModel().selectedRows()
        if not rows:
            return
        item = self.crew.item(rows[0].row(), 0)
        if item is None:
            return
        crew_id = int(item.data(Qt.ItemDataRole.UserRole))
        store = self.ctx.store
        self._run(lambda: remove_crew(store, crew_id))

    def _add_task(self) -> None:
        from studio.planning.crew import add_task

        store, sid, title = self.ctx.store, self.show_id, self.task_edit.text()
        if sid is None or not title.strip():
            return
        self.task_edit.clear()
        self._run(lambda: add_task(store, sid, title))

    def _add_usual_tasks(self) -> None:
        from studio.planning.crew import add_default_tasks

        store, sid, lang = self.ctx.store, self.show_id, ui_lang()
        if sid is not None:
            self._run(lambda: add_default_tasks(store, sid, lang))

    def _task_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        from studio.planning.crew import set_task_done

        task_id = int(item.data(Qt.ItemDataRole.UserRole))
        done = item.checkState() == Qt.CheckState.Checked
        store, clock = self.ctx.store, self.ctx.clock
        self._run(lambda: set_task_done(store, task_id, done, clock=clock))

    def shutdown(self) -> None:
        self._debounce.stop()
        self.jobs.shutdown()
