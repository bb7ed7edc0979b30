"""The board's table: state chips, the live price over the struck list price, a stock bar, and
typing a link number to pick a product (the 中控 hears "3号链接" and types 3).

Cells of the price and stock columns are edited in place (F2, E / S, double-click): the editor
is a line edit, and what is typed goes to the model's `edit_requested`, never into the cell.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRegularExpression,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from studio.products.model import Derived
from studio.ui.common.theme import FAIL, OK, WARN
from studio.ui.products.board_model import COLUMNS, DERIVED_ROLE, THUMB_PX, BoardModel
from studio.ui.products.board_texts import price_text, state_colour, state_word

Index = QModelIndex | QPersistentModelIndex
GREY: Final = "#8b93a1"
PAD: Final = 6
BAR_MIN_PX: Final = 48


def _derived(index: Index) -> Derived | None:
    value = index.data(DERIVED_ROLE)
    return value if isinstance(value, Derived) else None


class BoardDelegate(QStyledItemDelegate):
    """Paints the state chip, the price pair and the stock bar; edits price and stock."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        name = COLUMNS[index.column()]
        d = _derived(index)
        if d is None or name not in ("state", "price", "stock"):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        try:
            rect = opt.rect.adjusted(PAD, 2, -PAD, -2)
            if name == "state":
                self._paint_state(painter, opt, rect, d)
            elif name == "price":
                self._paint_price(painter, opt, rect, d)
            else:
                self._paint_stock(painter, opt, rect, d)
        finally:
            painter.restore()

    def _text_colour(self, opt: QStyleOptionViewItem) -> QColor:
        brush = opt.backgroundBrush
        if opt.state & QStyle.StateFlag.State_Selected or brush.style() != Qt.BrushStyle.NoBrush:
            return QColor("white")
        return opt.palette.color(opt.palette.ColorRole.Text)

    def _paint_state(
        self, painter: QPainter, opt: QStyleOptionViewItem, rect: QRect, d: Derived
    ) -> None:
        word = state_word(d.product.state)
        font = QFont(opt.font)
        font.setBold(True)
        fm = QFontMetrics(font)
        chip = QRect(rect.left(), rect.top(), fm.horizontalAdvance(word) + 2 * PAD, rect.height())
        chip = chip.intersected(rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(state_colour(d.product.state)))
        painter.drawRoundedRect(chip.adjusted(0, 2, 0, -2), 6, 6)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), word)

    def _paint_price(
        self, painter: QPainter, opt: QStyleOptionViewItem, rect: QRect, d: Derived
    ) -> None:
        p = d.product
        live = price_text(p.live_price_cents)
        bold = QFont(opt.font)
        bold.setBold(True)
        colour = self._text_colour(opt)
        if "below_floor" in d.flags:
            colour = QColor(FAIL)
        elif d.flash_running:
            colour = QColor(GREY)  # the flash price applies now; this one comes back after
        struck = QFont(opt.font)
        struck.setStrikeOut(True)
        list_text = (
            price_text(p.list_price_cents) if p.list_price_cents > p.live_price_cents else ""
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(struck)
        painter.setPen(QColor(GREY))
        painter.drawText(rect, int(right), list_text)
        gap = QFontMetrics(struck).horizontalAdvance(list_text + " ") if list_text else 0
        painter.setFont(bold)
        painter.setPen(colour)
        painter.drawText(rect.adjusted(0, 0, -gap, 0), int(right), live)

    def _paint_stock(
        self, painter: QPainter, opt: QStyleOptionViewItem, rect: QRect, d: Derived
    ) -> None:
        if "oversell" in d.flags or "sold_out" in d.flags:
            colour = QColor(FAIL)
        elif "low_stock" in d.flags:
            colour = QColor(WARN)
        else:
            colour = QColor(OK)
        left = 0.0 if d.sell_through is None else max(0.0, min(1.0, 1.0 - d.sell_through))
        if d.sell_through is None and d.product.stock_total > 0:
            left = 1.0
        text = f"{d.stock_left:,}"
        fm = QFontMetrics(opt.font)
        text_w = max(fm.horizontalAdvance(text), fm.horizontalAdvance("0,000"))
        bar_w = max(rect.width() - text_w - PAD, 8)
        bar = QRect(rect.left(), rect.center().y() - 4, bar_w, 8)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(120, 120, 120, 90))
        painter.drawRoundedRect(bar, 4, 4)
        if left > 0:
            filled = QRect(bar.left(), bar.top(), max(int(bar.width() * left), 4), bar.height())
            painter.setBrush(colour)
            painter.drawRoundedRect(filled, 4, 4)
        painter.setFont(opt.font)
        painter.setPen(colour if colour != QColor(OK) else self._text_colour(opt))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )

    # -- editing in place -------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if COLUMNS[index.column()] == "price":
            pattern = r"\s*¥?\s*\d{1,7}([.,]\d{0,2})?\s*"
            editor.setPlaceholderText(self.tr("new price, ¥"))
        else:
            pattern = r"\s*\+?\s*\d{1,6}\s*"
            editor.setPlaceholderText(self.tr("units to add"))
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class BoardView(QTableView):
    """The table; digits typed within a moment pick the product with that link number."""

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.board = model
        self.setItemDelegate(BoardDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._typed = ""
        self._typed_at = 0.0
        self.now: Callable[[], float] = time.monotonic  # tests may step it
        self.apply_sizes()

    def apply_sizes(self) -> None:
        """Row height and column widths from the font and the longest plausible cell text in
        the UI language, so nothing is clipped at 100 % or 125 % scaling in either language."""
        fm = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        fmb = QFontMetrics(bold)
        self.verticalHeader().setDefaultSectionSize(int(fm.height() * 1.9))
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header_fm = QFontMetrics(header.font())
        for col, samples in self.board.sample_texts().items():
            metrics = fmb if COLUMNS[col] in ("link", "price", "state") else fm
            width = max(metrics.horizontalAdvance(t) for t in samples) + 3 * PAD
            if COLUMNS[col] == "stock":
                width += BAR_MIN_PX
            if COLUMNS[col] == "state":
                width += 2 * PAD  # the chip's own padding
            title = self.board.headerData(col, Qt.Orientation.Horizontal)
            if isinstance(title, str):
                width = max(width, header_fm.horizontalAdvance(title) + 3 * PAD)
            header.resizeSection(col, width)

    def select_sku(self, sku: str) -> bool:
        row = self.board.row_of(sku)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(self.board.index(row, 0))
        return True

    def selected(self) -> Derived | None:
        index = self.currentIndex()
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        row = rows[0].row() if rows else (index.row() if index.isValid() else -1)
        return self.board.derived_at(row)

    def select_link(self, link: int) -> bool:
        for d in self.board.rows:
            if d.product.link == link:
                return self.select_sku(d.sku)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if plain and len(text) == 1 and text.isdigit():
            now = self.now()
            if now - self._typed_at > QApplication.keyboardInputInterval() / 1000:
                self._typed = ""
            self._typed_at = now
            self._typed += text
            if not self.select_link(int(self._typed)):
                # "12" where there is no link 12: start again from the last digit typed.
                self._typed = text
                self.select_link(int(text))
            event.accept()
            return
        super().keyPressEvent(event)
