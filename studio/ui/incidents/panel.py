"""The incident panel: one key logs an incident now, details follow without blocking the show.

F1..F5 (Shift: severity S1) log technical / product / anchor / compliance / other incidents
stamped with the runner's current segment and cue. The list below is live (it follows the
store's change signals), filterable, and works from the keyboard: arrows, Enter opens the
details editor (a non-modal window), M mitigates, R resolves, O reopens.

Every database call runs on one worker thread, in order: the GUI never waits on the database,
and a quick log issued before a mitigate is committed before it. Call `shutdown()` on quit.
The pieces: `quick_log` (the F-keys), `table` and `severity_chip` (the list), `filters`,
`dialog` (the details editor), `labels` (the feature's words); the rules they follow are in
`studio.incidents.listing` and `studio.incidents.edits`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.incidents import log as incident_log
from studio.incidents.categories import CATEGORIES, CATEGORY_KEYS
from studio.incidents.listing import clock_time, filter_from_choices, status_counts
from studio.incidents.log import HistoryEntry, IncidentView
from studio.incidents.places import segment_titles
from studio.incidents.playbooks import playbook
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState, request_from_window
from studio.ui.common.on_screen import on_screen
from studio.ui.common.qt_jobs import SerialWorker
from studio.ui.incidents.dialog import IncidentDetailsDialog
from studio.ui.incidents.filters import IncidentFilterProxy
from studio.ui.incidents.labels import IncidentLabels
from studio.ui.incidents.quick_log import install_quick_log_keys, show_position
from studio.ui.incidents.severity_chip import SeverityChipDelegate
from studio.ui.incidents.table import IncidentTableModel

log = logging.getLogger(__name__)


ENTER_WINDOW_MS = 15_000  # how long Enter opens the incident just logged
HELD_RETRY_MS = 30_000  # how often incidents held on this PC are tried again


class IncidentsPanel(QWidget):
    """Quick-log buttons, filters and the live incident list of the loaded show.

    A quick log is stamped with the rundown's position (`AppContext.runner_position`).
    """

    logged = Signal(int)  # incident id, once committed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.labels = IncidentLabels(self)
        self._worker = SerialWorker(self, "incident-db")
        self._show_id: int | None = None
        self._refreshing = False
        self._dirty = False
        self._select_after_refresh: int | None = None
        self._dialogs: dict[int, IncidentDetailsDialog] = {}
        self._app_shortcuts: list[QShortcut] = []
        # Enter right after F1-F5 opens the incident just logged, wherever the focus is in the
        # window (the hint says so): armed for ENTER_WINDOW_MS after each log.
        self._last_logged_id: int | None = None
        self._enter_after_log: list[QShortcut] = []
        self._enter_timer = QTimer(self)
        self._enter_timer.setSingleShot(True)
        self._enter_timer.setInterval(ENTER_WINDOW_MS)
        self._enter_timer.timeout.connect(lambda: self._arm_enter(False))
        self._closed = False

        self.stack = QStackedWidget()
        self.empty = EmptyState(
            self.tr("Load or create a show to log incidents"),
            self.tr(
                "Incidents belong to a show: open its script or create one, then F1–F5 log "
                "what goes wrong."
            ),
            self.tr("Open show script…"),
            request_from_window(self, "open_script_requested"),
        )
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_main())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self._ages = QTimer(self)
        self._ages.setInterval(1000)
        self._ages.timeout.connect(self._tick_ages)
        self._fit_pending = False  # the columns were not fitted to the rows while covered
        # Incidents held on this PC while the database could not be written are stored as
        # soon as it can (exactly once, by the core): at start and every HELD_RETRY_MS.
        self._held = QTimer(self)
        self._held.setInterval(HELD_RETRY_MS)
        self._held.timeout.connect(self._store_held)
        self._held.start()
        QTimer.singleShot(0, self._store_held)
        ctx.signals.changed.connect(self._on_changed)
        self.set_show(ctx.show_id)

    # -- building --

    def _build_main(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.log_buttons: dict[str, QPushButton] = {}
        for cat in CATEGORIES:
            b = QPushButton(f"{cat.shortcut}  {self.labels.category(cat.key)}")
            b.setMinimumHeight(44)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys are F1..F5; Tab stays on the list
            b.setToolTip(
                self.tr("Log a %1 incident now (%2; with Shift: S1)")
                .replace("%1", self.labels.category(cat.key))
                .replace("%2", cat.shortcut)
            )
            b.clicked.connect(lambda _=False, k=cat.key: self.quick_log(k))
            buttons.addWidget(b)
            self.log_buttons[cat.key] = b
        layout.addLayout(buttons)

        self.last_logged = QLabel()
        self.last_logged.setWordWrap(True)
        self.last_logged.setProperty("role", "hint")
        self.last_logged.setText(
            self.tr(
                "F1–F5 log an incident now (Shift: S1 show interrupted). "
                "Enter: details · M: mitigate · R: resolve"
            )
        )
        layout.addWidget(self.last_logged)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("All categories"), None)
        for key in CATEGORY_KEYS:
            self.category_filter.addItem(self.labels.category(key), key)
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(self.tr("All severities"), None)
        for level in (1, 2, 3):
            self.severity_filter.addItem(self.labels.severity_short(level), str(level))
        self.severity_filter.addItem(self.tr("S1 + S2"), "1,2")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Not resolved"), "open,mitigated")
        for status in ("open", "mitigated", "resolved"):
            self.status_filter.addItem(self.labels.status(status), status)
        self.source_filter = QComboBox()
        self.source_filter.addItem(self.tr("Logged and auto"), None)
        for source in ("manual", "auto"):
            self.source_filter.addItem(self.labels.source(source), source)
        for combo, name in (
            (self.category_filter, self.tr("Category filter")),
            (self.severity_filter, self.tr("Severity filter")),
            (self.status_filter, self.tr("Status filter")),
            (self.source_filter, self.tr("Source filter")),
        ):
            combo.setAccessibleName(name)
            combo.currentIndexChanged.connect(self._apply_filters)
            filters.addWidget(combo)
        filters.addStretch(1)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self._export_clicked)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)

        self.model = IncidentTableModel(self.labels, self.ctx.clock, self)
        self.proxy = IncidentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        # Fitted to the contents by _fit_columns when rows change, not ResizeToContents: that
        # mode re-measures every cell of every column on each dataChanged, so each second's
        # age update cost ~10 ms with a show's incidents.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(
            IncidentTableModel.COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch
        )
        header.setMinimumSectionSize(60)
        self.table.setItemDelegateForColumn(
            IncidentTableModel.COLUMNS.index("severity"), SeverityChipDelegate(self.table)
        )
        # Room around the words: the default item margins (~3 px) read as cramped.
        self.table.setStyleSheet("QTableView::item { padding-left: 8px; padding-right: 8px; }")
        self.table.setAccessibleName(self.tr("Incidents"))
        self.table.activated.connect(lambda _i: self.open_details())
        layout.addWidget(self.table, 1)

        # Keys of the list itself, only while it has the focus: M typed in a text field
        # elsewhere in the window must not mitigate the selected incident. (The context is
        # set explicitly: PySide6's positional constructor with a slot leaves it at
        # WindowShortcut.)
        table_keys: list[tuple[QKeySequence, Callable[[], None]]] = [
            (QKeySequence("M"), lambda: self.set_status("mitigated")),
            (QKeySequence("R"), lambda: self.set_status("resolved")),
            (QKeySequence("O"), lambda: self.set_status("open")),
            (QKeySequence(Qt.Key.Key_Return), self.open_details),
            (QKeySequence(Qt.Key.Key_Enter), self.open_details),
        ]
        for seq, slot in table_keys:
            sc = QShortcut(seq, self.table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)

        bottom = QHBoxLayout()
        self.summary = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        bottom.addWidget(self.summary)
        bottom.addStretch(1)
        bottom.addWidget(self.message)
        layout.addLayout(bottom)

        self.no_rows = QLabel(
            self.tr("No incidents yet. Press F1–F5 the moment something goes wrong."),
            self.table.viewport(),
        )
        self.no_rows.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_rows.setWordWrap(True)
        return page

    def install_shortcuts(self, window: QWidget) -> None:
        """F1..F5 (and Shift+F1..F5 for S1) anywhere in the application, parented to `window`."""
        for sc in self._app_shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self._app_shortcuts = install_quick_log_keys(
            window, lambda category, severity: self.quick_log(category, severity=severity)
        )
        for sc in self._enter_after_log:
            sc.setEnabled(False)
            sc.deleteLater()
        self._enter_after_log = []
        for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            sc = QShortcut(QKeySequence(enter), window)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(self._open_last_logged)
            sc.setEnabled(False)
            self._enter_after_log.append(sc)
        self._app_shortcuts += self._enter_after_log

    def _store_held(self) -> None:
        if self._closed:
            return
        store = self.ctx.store

        def stored(count: int) -> None:
            if count:
                self._say(
                    self.tr("%1 incident(s) kept on this PC are now stored.").replace(
                        "%1", str(count)
                    )
                )
                self.refresh()

        self._worker.submit(lambda: incident_log.replay_held(store), stored, lambda _e: None)

    def _arm_enter(self, armed: bool) -> None:
        for sc in self._enter_after_log:
            sc.setEnabled(armed)
        if armed:
            self._enter_timer.start()
        else:
            self._enter_timer.stop()

    def _open_last_logged(self) -> None:
        self._arm_enter(False)
        if self._last_logged_id is not None:
            self.open_details(self._last_logged_id)

    # -- show and refresh --

    def set_show(self, show_id: int | None) -> None:
        """Follow another show (None: no show loaded)."""
        self._show_id = show_id
        self.model.set_rows([])
        self.stack.setCurrentIndex(0 if show_id is None else 1)
        if show_id is None:
            self._ages.stop()
        else:
            self._ages.start()
            self.refresh()
        self._update_summary()

    def _segment_titles(self, show_id: int, stored: dict[str, str]) -> dict[str, str]:
        """Segment titles by key: the running script's (edited live) over the stored show's."""
        titles = dict(stored)
        runner = self.ctx.runner
        if runner is not None and getattr(runner, "show_id", None) == show_id:
            titles.update({seg.id: seg.title for seg in runner.script.segments})
        return titles

    def refresh(self) -> None:
        """Reload the list on the worker; bursts of changes coalesce into one reload."""
        if self._show_id is None or self._closed:
            return
        if self._refreshing:
            self._dirty = True
            return
        self._refreshing = True
        show_id = self._show_id
        store = self.ctx.store
        self._worker.submit(
            lambda: (
                show_id,
                incident_log.list_incidents(store, show_id),
                segment_titles(store, show_id),
            ),
            self._refreshed,
            self._refresh_failed,
        )

    def _refreshed(self, result: tuple[int, list[IncidentView], dict[str, str]]) -> None:
        self._refreshing = False
        show_id, rows, stored_titles = result
        if show_id == self._show_id and not self._closed:
            current = self.current_id()
            if self.model.set_rows(rows, self._segment_titles(show_id, stored_titles)):
                self._fit_columns()
            self._reselect(self._select_after_refresh or current)
            self._select_after_refresh = None
            self._update_summary()
            for row in rows:
                dialog = self._dialogs.get(row.id)
                if dialog is not None:
                    self._reload_dialog(row.id)
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _refresh_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self._say(self.tr("Could not read incidents: %1").replace("%1", str(exc)), error=True)

    def _on_changed(self, table: str, _row_id: object, show_id: object) -> None:
        if self.ctx.show_id != self._show_id:
            self.set_show(self.ctx.show_id)
            return
        if table == "incident" and (show_id is None or show_id == self._show_id):
            self.refresh()

    def _reselect(self, incident_id: int | None) -> None:
        if incident_id is None or incident_id == self.current_id():
            return  # still selected (rows inserted or changed keep the selection)
        row = self.model.row_of(incident_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)

    def _apply_filters(self) -> None:
        def chosen(combo: QComboBox) -> str | None:
            data = combo.currentData()
            return str(data) if data else None

        self.proxy.set_criteria(
            filter_from_choices(
                categories=chosen(self.category_filter),
                severities=chosen(self.severity_filter),
                statuses=chosen(self.status_filter),
                sources=chosen(self.source_filter),
            )
        )
        self._fit_columns()
        self._update_summary()

    # -- columns and ages (view work only: skipped while the panel is covered) --

    def _fit_columns(self, *columns: int) -> None:
        """Fit these columns (all but the stretched "What happened" by default) to the rows
        shown, as ResizeToContents would; while covered, once the panel is revealed."""
        if not on_screen(self):
            self._fit_pending = True
            return
        stretched = IncidentTableModel.COLUMNS.index("text")
        for col in columns or range(len(IncidentTableModel.COLUMNS)):
            if col != stretched and not self.table.isColumnHidden(col):
                self.table.resizeColumnToContents(col)

    def _tick_ages(self) -> None:
        """Each second: the ages shown move on (nothing to paint while covered)."""
        if not on_screen(self):
            return
        if self.model.refresh_ages():
            self._fit_columns(IncidentTableModel.COLUMNS.index("age"))

    def on_revealed(self) -> None:
        """The dock came to the front: ages and column widths catch up."""
        if self._closed or not on_screen(self):
            return
        resized = self.model.refresh_ages()
        if self._fit_pending:
            self._fit_pending = False
            self._fit_columns()
        elif resized:
            self._fit_columns(IncidentTableModel.COLUMNS.index("age"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:  # rows came while hidden: fitted once the show has laid out
            QTimer.singleShot(0, self, self.on_revealed)

    def _update_summary(self) -> None:
        rows = self.model.rows
        counts = status_counts(rows)
        text = (
            self.tr("%1 open · %2 mitigated · %3 in all")
            .replace("%1", str(counts.open))
            .replace("%2", str(counts.mitigated))
            .replace("%3", str(counts.total))
        )
        if self.proxy.rowCount() != len(rows):
            text += " · " + self.tr("%1 shown").replace("%1", str(self.proxy.rowCount()))
        self.summary.setText(text)
        if not rows:
            self.no_rows.setText(
                self.tr("No incidents yet. Press F1–F5 the moment something goes wrong.")
            )
        else:
            self.no_rows.setText(self.tr("No incidents match the filters."))
        self.no_rows.setVisible(self.proxy.rowCount() == 0)
        self._place_no_rows()

    def _place_no_rows(self) -> None:
        self.no_rows.setGeometry(self.table.viewport().rect().adjusted(16, 16, -16, -16))

    COMPACT_BELOW = 1000  # px of panel width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = self.width() < self.COMPACT_BELOW
        if compact != self.model.compact:
            self.model.set_compact(compact)
            self.table.setColumnHidden(IncidentTableModel.COLUMNS.index("source"), compact)
            self._fit_columns()
        self._place_no_rows()

    # -- actions --

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.data(IncidentTableModel.IdRole)
        return int(value) if value is not None else None

    def quick_log(self, category: str, severity: int = 2) -> None:
        """Log now: time and segment are taken here, the commit happens on the worker."""
        if self._closed:
            return
        if self._show_id is None:
            self._say(self.tr("Load or create a show to log incidents"), error=True)
            return
        at = from_epoch(self.ctx.clock())
        segment_key, cue_index = show_position(self.ctx)
        store, show_id, profile = self.ctx.store, self._show_id, self.ctx.profile
        who = store.station or ""

        held: list[str] = []

        def job() -> int | None:
            # None: queued offline (shared database away) or held on this PC (the local file
            # is locked, full or read-only); the core waits out short locks itself.
            return incident_log.quick_log(
                store,
                show_id,
                category,
                severity=severity,
                at=at,
                segment_key=segment_key,
                cue_index=cue_index,
                who=who,
                profile=profile,
                on_held=held.append,
            )

        def done(incident_id: int | None) -> None:
            when = clock_time(at)
            if incident_id is None and held:
                self._say(
                    self.tr(
                        "Kept on this PC (%1): it is stored as soon as the database can be written."
                    ).replace("%1", held[0]),
                    error=True,
                )
                return
            if incident_id is None:
                self._say(
                    self.tr(
                        "Logged offline at %1: it is stored when the database is back."
                    ).replace("%1", when)
                )
                return
            self._select_after_refresh = incident_id
            self._show_logged(incident_id, category, severity, when)
            self.logged.emit(incident_id)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._say(
                self.tr("NOT logged (%1): %2")
                .replace("%1", self.labels.category(category))
                .replace("%2", str(exc)),
                error=True,
            )

        self._worker.submit(job, done, failed)

    def _show_logged(self, incident_id: int, category: str, severity: int, when: str) -> None:
        steps = playbook(self.ctx.profile, category)
        text = (
            self.tr("#%1 %2 %3 logged at %4.")
            .replace("%1", str(incident_id))
            .replace("%2", self.labels.category(category))
            .replace("%3", f"S{severity}")
            .replace("%4", when)
        )
        if steps:
            text += (
                " "
                + self.tr("Playbook:")
                + " "
                + "  ".join(f"{n}. {self.labels.step(s)}" for n, s in enumerate(steps, 1))
            )
        text += " " + self.tr("(Enter: details)")
        self.last_logged.setText(text)
        self._last_logged_id = incident_id
        self._arm_enter(True)
        self._say("")

    def set_status(self, status: str) -> None:
        incident_id = self.current_id()
        if incident_id is None:
            return
        self._submit_update(incident_id, {"status": status})

    def _uid_of(self, incident_id: int) -> str | None:
        row = self.model.row_of(incident_id)
        if row >= 0:
            return self.model.rows[row].uid
        dialog = self._dialogs.get(incident_id)
        return dialog.view.uid if dialog is not None else None

    def _submit_update(self, incident_id: int, fields: dict[str, Any]) -> None:
        store = self.ctx.store
        who = store.station or ""
        # With the uid the edit can be queued while the shared database is unreachable.
        uid = self._uid_of(incident_id)

        at = from_epoch(self.ctx.clock())  # the show's clock, like the incident itself

        def job() -> IncidentView | None:
            return incident_log.update(
                store, incident_id, incident_uid=uid, who=who, at=at, **fields
            )

        def done(view: IncidentView | None) -> None:
            if view is None:
                self._say(
                    self.tr(
                        "Incident #%1 changed offline: it is stored when the database is back."
                    ).replace("%1", str(incident_id))
                )
                return
            self._say(self.tr("Incident #%1 saved.").replace("%1", str(incident_id)))

        self._worker.submit(
            job,
            done,
            lambda exc: self._say(
                self.tr("Could not save incident #%1: %2")
                .replace("%1", str(incident_id))
                .replace("%2", str(exc)),
                error=True,
            ),
        )

    def open_details(self, incident_id: int | None = None) -> None:
        if incident_id is None:
            incident_id = self.current_id()
        if incident_id is None:
            return
        existing = self._dialogs.get(incident_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return
        store = self.ctx.store
        self._worker.submit(
            lambda: (
                incident_log.get_incident(store, incident_id),
                incident_log.history(store, incident_id),
            ),
            self._show_details,
            lambda exc: self._say(str(exc), error=True),
        )

    def _show_details(self, result: tuple[IncidentView, list[HistoryEntry]]) -> None:
        view, entries = result
        if self._closed or view.id in self._dialogs:
            return
        dialog = IncidentDetailsDialog(view, entries, self.labels, self, self.model.titles)
        dialog.save_requested.connect(self._submit_update)
        dialog.destroyed.connect(lambda _=None, i=view.id: self._dialogs.pop(i, None))
        self._dialogs[view.id] = dialog
        dialog.show()

    def _reload_dialog(self, incident_id: int) -> None:
        store = self.ctx.store

        def apply(result: tuple[IncidentView, list[HistoryEntry]]) -> None:
            dialog = self._dialogs.get(incident_id)
            if dialog is not None:
                dialog.load(*result)

        self._worker.submit(
            lambda: (
                incident_log.get_incident(store, incident_id),
                incident_log.history(store, incident_id),
            ),
            apply,
        )

    def details_dialog(self, incident_id: int) -> IncidentDetailsDialog | None:
        return self._dialogs.get(incident_id)

    def _export_clicked(self) -> None:
        if self._show_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export incidents"),
            f"incidents-show{self._show_id}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the list as shown (filters applied) to a CSV file, off the GUI thread."""
        store, show_id, criteria = self.ctx.store, self._show_id, self.proxy.criteria
        self._worker.submit(
            lambda: incident_log.export_csv(store, show_id, path, criteria),
            lambda n: self._say(
                self.tr("%1 incidents exported to %2").replace("%1", str(n)).replace("%2", path)
            ),
            lambda exc: self._say(self.tr("Export failed: %1").replace("%1", str(exc)), error=True),
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "hint")
        self.message.setStyleSheet("color: #ff6b5e; font-weight: 700;" if error else "")

    # -- shutdown --

    def shutdown(self) -> None:
        """Finish pending writes and stop the worker thread (call on quit)."""
        if self._closed:
            return
        self._closed = True
        self._worker.shutdown()
        if not self._worker.alive:  # deleted with its window: nothing Qt left to stop
            return
        self._ages.stop()
        self._held.stop()
        self._enter_timer.stop()
        for dialog in list(self._dialogs.values()):
            dialog.close()
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.signals.changed.disconnect(self._on_changed)
