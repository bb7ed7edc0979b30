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
    QEvent,
    QModelIndex,
    QObject,
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
    QPixmap,
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
from studio.ui.products.board_model import (
    ALIGNMENT,
    COLUMNS,
    ROW_ROLE,
    THUMB_PX,
    BoardModel,
    RowCells,
)
from studio.ui.products.board_texts import PRESENTING_BG, price_text, state_colour

Index = QModelIndex | QPersistentModelIndex
GREY: Final = "#8b93a1"
PAD: Final = 6
BAR_MIN_PX: Final = 48


class _Fonts:
    """The delegate's fonts and metrics for one table font (made once, not per cell)."""

    def __init__(self, base: QFont) -> None:
        self.plain = QFont(base)
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.struck = QFont(base)
        self.struck.setStrikeOut(True)
        self.fm = QFontMetrics(self.plain)
        self.fm_bold = QFontMetrics(self.bold)
        self.fm_struck = QFontMetrics(self.struck)


WHITE: Final = QColor("white")
BAR_BG: Final = QColor(120, 120, 120, 90)
GREY_C: Final = QColor(GREY)
BAR_COLOURS: Final = {"fail": QColor(FAIL), "warn": QColor(WARN), "ok": QColor(OK)}
BG_PRESENTING: Final = QColor(PRESENTING_BG)


class BoardDelegate(QStyledItemDelegate):
    """Paints every cell itself from the row's RowCells (one model call per cell: a repaint
    of 20 rows x 12 columns through the stock item painting asked the model ~2,000 times), and
    edits price and stock in place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: _Fonts | None = None
        self._state_colours: dict[str, QColor] = {}

    def fonts(self, base: QFont) -> _Fonts:
        # Made on the first paint and again after the view's font changes (reset_fonts).
        if self._fonts is None:
            self._fonts = _Fonts(base)
        return self._fonts

    def reset_fonts(self) -> None:
        self._fonts = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cells = index.data(ROW_ROLE)
        if not isinstance(cells, RowCells):
            super().paint(painter, option, index)
            return
        col = index.column()
        name, d = COLUMNS[col], cells.d
        f = self.fonts(option.font)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        if selected:
            painter.fillRect(rect, pal.highlight())
        elif d.presenting:
            painter.fillRect(rect, BG_PRESENTING)
        elif option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
            painter.fillRect(rect, pal.alternateBase())
        text_colour = WHITE if selected or d.presenting else pal.color(pal.ColorRole.Text)
        inner = rect.adjusted(PAD, 2, -PAD, -2)
        if name == "state":
            self._paint_state(painter, f, inner, d.product.state, cells.texts[col])
        elif name == "price":
            self._paint_price(painter, f, inner, d, cells.colours[col] or text_colour)
        elif name == "stock":
            self._paint_stock(painter, f, inner, d, text_colour)
        else:
            font = f.bold if d.presenting or name == "link" else f.plain
            text = cells.texts[col]
            if name == "product":
                pix = index.data(Qt.ItemDataRole.DecorationRole)
                if isinstance(pix, QPixmap):
                    top = inner.top() + (inner.height() - pix.height()) // 2
                    painter.drawPixmap(inner.left(), top, pix)
                    inner = inner.adjusted(pix.width() + PAD, 0, 0, 0)
                metrics = f.fm_bold if font is f.bold else f.fm
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
            painter.setFont(font)
            painter.setPen(cells.colours[col] or text_colour)
            painter.drawText(inner, int(ALIGNMENT[col]), text)

    def _paint_state(
        self, painter: QPainter, f: _Fonts, rect: QRect, state: str, word: str
    ) -> None:
        colour = self._state_colours.get(state)
        if colour is None:
            colour = self._state_colours[state] = QColor(state_colour(state))
        chip = QRect(rect.left(), rect.top(), f.fm_bold.horizontalAdvance(word) + 2 * PAD,
                     rect.height()).intersected(rect)  # fmt: skip
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(chip.adjusted(0, 2, 0, -2), 6, 6)
        painter.restore()
        painter.setFont(f.bold)
        painter.setPen(WHITE)
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), word)

    def _paint_price(
        self, painter: QPainter, f: _Fonts, rect: QRect, d: Derived, colour: QColor
    ) -> None:
        p = d.product
        if d.flash_running and "below_floor" not in d.flags:
            colour = GREY_C  # the flash price applies now; this one comes back after it
        list_text = (
            price_text(p.list_price_cents) if p.list_price_cents > p.live_price_cents else ""
        )
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        gap = 0
        if list_text:
            painter.setFont(f.struck)
            painter.setPen(GREY_C)
            painter.drawText(rect, right, list_text)
            gap = f.fm_struck.horizontalAdvance(list_text + " ")
        painter.setFont(f.bold)
        painter.setPen(colour)
        painter.drawText(rect.adjusted(0, 0, -gap, 0), right, price_text(p.live_price_cents))

    def _paint_stock(
        self, painter: QPainter, f: _Fonts, rect: QRect, d: Derived, text_colour: QColor
    ) -> None:
        if "oversell" in d.flags or "sold_out" in d.flags:
            level = "fail"
        elif "low_stock" in d.flags:
            level = "warn"
        else:
            level = "ok"
        colour = BAR_COLOURS[level]
        left = 1.0 if d.sell_through is None else max(0.0, min(1.0, 1.0 - d.sell_through))
        if d.product.stock_total <= 0:
            left = 0.0
        text = f"{d.stock_left:,}"
        text_w = max(f.fm.horizontalAdvance(text), f.fm.horizontalAdvance("0,000"))
        bar = QRect(rect.left(), rect.center().y() - 4, max(rect.width() - text_w - PAD, 8), 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR_BG)
        painter.drawRoundedRect(bar, 4, 4)
        if left > 0:
            painter.setBrush(colour)
            painter.drawRoundedRect(
                QRect(bar.left(), bar.top(), max(int(bar.width() * left), 4), bar.height()), 4, 4
            )
        painter.restore()
        painter.setFont(f.plain)
        painter.setPen(text_colour if level == "ok" else colour)
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
        self.delegate = BoardDelegate(self)
        self.setItemDelegate(self.delegate)
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.delegate.reset_fonts()
            self.apply_sizes()
        super().changeEvent(event)

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
