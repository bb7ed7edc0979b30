"""Tables shared by the review and planning panels: read-only rows filled from a core `Table`."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from studio.review.tables import Table


def ui_lang() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def fill_table(widget: QTableWidget, t: Table) -> None:
    widget.clear()
    widget.setColumnCount(len(t.headers))
    widget.setRowCount(len(t.rows))
    widget.setHorizontalHeaderLabels(list(t.headers))
    bold = QFont(widget.font())
    bold.setBold(True)
    for r, row in enumerate(t.rows):
        for c, (text, align) in enumerate(zip(row, t.align, strict=True)):
            item = QTableWidgetItem(text)
            a = Qt.AlignmentFlag.AlignRight if align == "r" else Qt.AlignmentFlag.AlignLeft
            item.setTextAlignment(a | Qt.AlignmentFlag.AlignVCenter)
            if r in t.emphasis:
                item.setFont(bold)
            if r in t.muted:
                item.setForeground(QColor("#8b93a1"))
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()


def make_table() -> QTableWidget:
    t = QTableWidget(0, 0)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    return t
