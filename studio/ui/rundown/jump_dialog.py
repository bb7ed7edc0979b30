"""Ctrl+J: pick the segment to jump to from a searchable list (the current one selected), and
confirm a jump back over a live show or over segments that sell."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.runner.jump import JumpCheck, jump_check
from studio.runner.state import Snapshot
from studio.timeutil import fmt_duration


class JumpDialog(QDialog):
    def __init__(
        self, snap: Snapshot, kinds: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jump to segment"))
        self.target: int | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type a number or part of a title"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Segment"),
                self.tr("Kind"),
                self.tr("Planned"),
                self.tr("State"),
            ]
        )
        states = {
            "done": self.tr("done"),
            "skipped": self.tr("skipped"),
            "current": self.tr("now"),
            "pending": "",
        }
        for row in snap.rows:
            cells = [
                QStandardItem(str(row.index + 1)),
                QStandardItem(row.title),
                QStandardItem(kinds.get(row.kind, row.kind)),
                QStandardItem(fmt_duration(row.planned_seconds)),
                QStandardItem(states.get(row.state, "")),
            ]
            for cell in cells:
                cell.setEditable(False)
                cell.setData(row.index, Qt.ItemDataRole.UserRole)
            self.model.appendRow(cells)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.snap = snap
        current = snap.segment_index if snap.status in ("running", "held") else 0
        self._select_source_row(current)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Jump"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.filter.setFocus()
        # Enter in the filter jumps to the row shown first.
        self.filter.returnPressed.connect(self.accept)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        number = text.strip()
        if number.isdigit() and 1 <= int(number) <= self.model.rowCount():
            # A typed number is a segment number: "3" means segment 3, not the first row whose
            # planned time contains a 3.
            self._select_source_row(int(number) - 1)
        elif self.proxy.rowCount():
            self.table.selectRow(0)

    def _select_source_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def accept(self) -> None:
        target = self.selected()
        if target is None:
            return
        check = jump_check(self.snap, target)
        if check.needs_confirmation and not confirm_jump(self, check):
            return
        self.target = target
        super().accept()


def confirm_jump(parent: QWidget, check: JumpCheck) -> bool:
    """Ask before a jump back during the show or over segments that sell."""

    translate = QCoreApplication.translate  # lupdate reads these literal calls
    lines = []
    if check.back:
        lines.append(
            translate("JumpDialog", "This jumps back to an earlier segment while the show is live.")
        )
    if check.skipped_sales:
        names = "、".join(check.skipped_sales[:4])
        skip = translate("JumpDialog", "It skips segments that sell; they will be marked skipped:")
        lines.append(f"{skip} {names}")
    lines.append(translate("JumpDialog", "Jump anyway?"))
    answer = QMessageBox.question(
        parent,
        translate("JumpDialog", "Jump to segment"),
        "\n\n".join(lines),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
