"""Show → Open: pick a stored show (status, date, title) and open it in the control room.

Shows made with `studio show create` or in an earlier session are opened here, instead of
importing their script again (which made a duplicate show).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.store.shows import list_shows
from studio.ui.common.context import AppContext


class OpenShowDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open show"))
        self.show_id: int | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter by title, status or date"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Status"), self.tr("Planned start"), self.tr("ID")]
        )
        statuses = {
            "planned": self.tr("planned"),
            "ready": self.tr("ready"),
            "live": self.tr("live"),
            "ended": self.tr("ended"),
            "reviewed": self.tr("reviewed"),
        }
        current_row = 0
        for row in list_shows(ctx.store):
            title = row.title + (self.tr(" (rehearsal)") if row.is_rehearsal else "")
            when = (
                row.planned_start.astimezone().strftime("%Y-%m-%d %H:%M")
                if row.planned_start is not None
                else "—"
            )
            cells = [
                QStandardItem(title),
                QStandardItem(statuses.get(row.status, row.status)),
                QStandardItem(when),
                QStandardItem(str(row.id)),
            ]
            for cell in cells:
                cell.setEditable(False)
                cell.setData(row.id, Qt.ItemDataRole.UserRole)
            if row.id == ctx.show_id:
                current_row = self.model.rowCount()
            self.model.appendRow(cells)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):  # status, date, id: never cut ("2026-12-12 …")
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        if self.model.rowCount():
            self.table.selectRow(current_row)
        empty = QLabel(self.tr("No shows yet: load a show script or create a show."))
        empty.setVisible(self.model.rowCount() == 0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.filter.setFocus()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.proxy.index(0, 0)
        if not index.isValid():
            return None
        value = index.data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def accept(self) -> None:
        self.show_id = self.selected_id()
        if self.show_id is not None:
            super().accept()
