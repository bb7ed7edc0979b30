"""The review's "Actions" section: the actions decided in this review, an Add button (what,
owner, due: next show or a date) and a Done check box per action.

Writes go through `studio.planning.review_actions` on the panel's worker; the GUI thread only
fills widgets. After a write the section asks its owner to reload the review.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.planning.review_actions import Action, add_action, set_done
from studio.review import tables
from studio.store.store import Store
from studio.ui.common.job_runner import JobRunner
from studio.ui.review.sections import fill_page_table, fit_to_cells, table_for_page

STATUS_COLUMN = 3  # of tables.review_actions: what, owner, due, status
DEFAULT_DUE_DAYS = 7


class ActionDialog(QDialog):
    """What is to be done, by whom, and by when (the next show, or a date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add review action"))
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("e.g. move the opening lucky bag to minute 5"))
        self.what.setMinimumWidth(360)
        self.owner = QLineEdit()
        self.next_show = QRadioButton(self.tr("Next show"))
        self.by_date = QRadioButton(self.tr("By date"))
        self.next_show.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.next_show)
        group.addButton(self.by_date)
        self.date = QDateEdit(QDate.currentDate().addDays(DEFAULT_DUE_DAYS))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.by_date.toggled.connect(self.date.setEnabled)
        due = QHBoxLayout()
        for w in (self.next_show, self.by_date, self.date):
            due.addWidget(w)
        due.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("What"), self.what)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Due"), due)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.what.textChanged.connect(self._update_ok)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.what.text().strip()))

    def due_at(self) -> datetime | None:
        """None: the next show; else the start of the chosen day, local time (an action is due
        at the first show starting on or after it)."""
        if self.next_show.isChecked():
            return None
        d = self.date.date()
        return datetime(d.year(), d.month(), d.day()).astimezone()


class ActionsSection(QWidget):
    """The actions of one show's review; `reload` is called after every write."""

    def __init__(
        self,
        store: Store,
        jobs: JobRunner,
        reload: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.jobs = jobs
        self._reload = reload
        self.show_id: int | None = None
        self.review_actions: tuple[Action, ...] = ()
        self.dialog: ActionDialog | None = None
        self.table = table_for_page()
        self.table.itemChanged.connect(self._on_item)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add action…"))
        self.add_button.clicked.connect(self.ask_add)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #e5484d;")
        self.error.setVisible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addWidget(self.empty)
        lay.addLayout(bar)
        lay.addWidget(self.error)

    # -- view --------------------------------------------------------------------------------
    def show_actions(self, show_id: int, actions: Sequence[Action], table: tables.Table) -> None:
        """Fill the table (`table`: tables.review_actions of the review) with a Done check box
        in the status column."""
        self.show_id = show_id
        self.review_actions = tuple(actions)
        self.table.blockSignals(True)
        try:
            fill_page_table(self.table, table, wrap=(0,))
            for row, a in enumerate(self.review_actions):
                item = self.table.item(row, STATUS_COLUMN)
                if item is None:
                    continue
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Checked if a.done else Qt.CheckState.Unchecked)
                item.setToolTip(self.tr("Tick when done"))
            # The check boxes widen the status column: size the table to its cells again.
            self.table.resizeColumnsToContents()
            self.table.resizeRowsToContents()
            fit_to_cells(self.table)
        finally:
            self.table.blockSignals(False)
        self.table.setVisible(bool(self.review_actions))
        self.empty.setText(self.tr("No actions yet: add what the next show should do better."))
        self.empty.setVisible(not self.review_actions)
        self.add_button.setEnabled(True)

    # -- writes ------------------------------------------------------------------------------
    def ask_add(self) -> None:
        """Open the dialog (not blocking); OK records the action on the worker."""
        if self.show_id is None:
            return
        dialog = ActionDialog(self)
        dialog.accepted.connect(lambda: self._add_from(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _add_from(self, dialog: ActionDialog) -> None:
        self.dialog = None
        self.add(dialog.what.text(), dialog.owner.text(), dialog.due_at())

    def add(self, what: str, owner: str, due_at: datetime | None) -> None:
        if self.show_id is None:
            return
        store, show_id = self.store, self.show_id
        self.add_button.setEnabled(False)
        self.jobs.submit(
            lambda _p: add_action(store, show_id, what, owner, due_at), self._written, self._failed
        )

    def _on_item(self, item: QTableWidgetItem) -> None:
        if item.column() != STATUS_COLUMN or not 0 <= item.row() < len(self.review_actions):
            return
        action = self.review_actions[item.row()]
        done = item.checkState() == Qt.CheckState.Checked
        if done == action.done:
            return
        store = self.store
        self.jobs.submit(lambda _p: set_done(store, action.id, done), self._written, self._failed)

    def _written(self, _result: Any) -> None:
        self.error.setVisible(False)
        self.add_button.setEnabled(True)
        self._reload()

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.error.setText(self.tr("Could not save the action: %1").replace("%1", str(exc)))
        self.error.setVisible(True)
        self._reload()
