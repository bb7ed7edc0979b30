"""Building blocks of the review page: tables sized to their contents, a titled section, and a
share chart (the report's SVG in the screen's colours)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from studio.review import svg
from studio.review.model import Breakdown
from studio.review.tables import Table
from studio.ui.common.tables import fill_table, make_table

TEXT_COLUMN_MAX_PX = 460  # a long text column wraps beyond this instead of pushing others out
SHARES_WIDTH = 480


def table_for_page() -> QTableWidget:
    """A read-only table whose columns keep their contents' width: no column is stretched to
    fill the panel (the last one used to, squeezing the others), long text wraps."""
    t = make_table()
    header = t.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.setWordWrap(True)
    # The table is exactly as big as its cells: the page scrolls (both ways), never the table.
    t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return t


def fill_page_table(widget: QTableWidget, t: Table, wrap: Sequence[int] = ()) -> None:
    """Fill `widget` and size it: columns to their contents (the `wrap` columns at most
    TEXT_COLUMN_MAX_PX, wrapping), rows to theirs, and the table to its cells."""
    fill_table(widget, t)
    for c in wrap:
        if c < widget.columnCount() and widget.columnWidth(c) > TEXT_COLUMN_MAX_PX:
            widget.setColumnWidth(c, TEXT_COLUMN_MAX_PX)
    widget.resizeRowsToContents()
    fit_to_cells(widget)


def fit_to_cells(widget: QTableWidget) -> None:
    frame = 2 * widget.frameWidth()
    width = sum(widget.columnWidth(c) for c in range(widget.columnCount()))
    height = sum(widget.rowHeight(r) for r in range(widget.rowCount()))
    widget.setFixedSize(
        width + frame, height + widget.horizontalHeader().sizeHint().height() + frame
    )


def section(title: str, *widgets: QWidget) -> tuple[QWidget, QLabel]:
    """A heading with its widgets under it; returns the block and its heading."""
    block = QWidget()
    lay = QVBoxLayout(block)
    lay.setContentsMargins(0, 10, 0, 0)
    heading = QLabel(title)
    f = QFont(heading.font())
    f.setPointSizeF(f.pointSizeF() * 1.15)
    f.setBold(True)
    heading.setFont(f)
    heading.setWordWrap(True)
    lay.addWidget(heading)
    for w in widgets:
        lay.addWidget(w)
    return block, heading


class SharesChart(QSvgWidget):
    """One traffic or audience breakdown as bars, drawn by the report's own SVG in the
    palette's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.breakdown: Breakdown | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_breakdown(self, b: Breakdown, lang: str) -> None:
        self.breakdown = b
        pal = self.palette()
        text = svg.shares(
            b,
            lang,
            SHARES_WIDTH,
            ink=pal.color(QPalette.ColorRole.Text).name(),
            muted=pal.color(QPalette.ColorRole.PlaceholderText).name(),
            background=pal.color(QPalette.ColorRole.Window).name(),
        )
        self.load(QByteArray(text.encode("utf-8")))
        self.setFixedSize(QSize(SHARES_WIDTH, svg.shares_height(b)))
