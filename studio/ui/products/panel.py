"""The Products dock: the 中控's live product board.

Link number first, the product, its state as a coloured word, the live price over the struck
list price, 到手价, the flash sale's price and quota left, stock left with a bar, sold, CTR,
CVR, GMV and alerts; the product being presented highlighted. Every figure is the station's one
`Derived` per product (`ctx.products`, which the prompter's card reads too); the board only lays
them out. What the keys and the context menu do is in `studio.ui.products.actions`.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState, request_from_window
from studio.ui.common.on_screen import on_screen
from studio.ui.common.settings_values import setting_bytes
from studio.ui.common.theme import FAIL, OK, WARN
from studio.ui.products.actions import KEYS, BoardActions, Done
from studio.ui.products.board_model import COLUMNS, BoardModel
from studio.ui.products.board_view import BoardView
from studio.ui.products.undo_bar import UndoBar

LEVEL_COLOURS = {"ok": OK, "warn": WARN, "error": FAIL}
# The 中控 may drag columns into the order that suits a narrow dock; kept per station. The key
# names the column set, so a board with other columns starts from its own order.
HEADER_KEY = f"products/board_header_{len(COLUMNS)}"


class ProductsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedLayout(self)
        self.empty = EmptyState(
            self.tr("No products"),
            self.tr("Load a show script to see tonight's products, prices and stock."),
            self.tr("Open show script…"),
            request_from_window(self, "open_script_requested"),
        )
        self.model = BoardModel(self)
        self.board = QWidget()
        self.view = BoardView(self.model, self.board)
        self.board_actions = BoardActions(ctx, self.view, self.model, self.board)
        self.undo_bar = UndoBar(self.board)
        self.status = QLabel()
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._following = True  # the selection follows the product on air until a pick
        self._selecting = False
        self._closed = False
        self._behind = False  # figures came while the panel was covered: shown on reveal
        self._build_board()
        self.view.selectionModel().selectionChanged.connect(self._picked)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.board)
        self.board_actions.message.connect(self.show_message)
        self.board_actions.changed.connect(self._changed)
        self.board_actions.undone.connect(lambda _op: self.undo_bar.stop())
        self.undo_bar.undo_requested.connect(self.board_actions.undo_last)
        self.undo_bar.expired.connect(self.board_actions.expire_undo)
        # The figures come from the station's one live-products model, which the prompter's
        # product card reads too; this panel only lays them out.
        if ctx.products is not None:
            ctx.products.updated.connect(self._updated)
        self.refresh()

    def _build_board(self) -> None:
        layout = QVBoxLayout(self.board)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        tools = QToolBar()
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        short = {
            "present": self.tr("Present"), "listing": self.tr("List/unlist"),
            "price": self.tr("Price"), "stock": self.tr("Stock"),
            "end_flash": self.tr("End flash"), "coupon": self.tr("Coupon"),
        }  # fmt: skip
        for key, text in short.items():
            action = self.board_actions.actions[key]
            action.setIconText(f"{text} {KEYS[key]}")
            tools.addAction(action)
        self.tools = tools
        layout.addWidget(tools)
        line = QHBoxLayout()
        line.addWidget(self.status, 1)
        line.addWidget(self.undo_bar, 2)
        layout.addLayout(line)
        self.status.hide()  # shown with the first message; an empty line would waste a row
        layout.addWidget(self.view, 1)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        saved = setting_bytes(self.ctx.settings, HEADER_KEY)
        if not saved.isEmpty():
            header.restoreState(saved)
        self.view.setToolTip(
            self.tr(
                "Type a link number to pick a product. P present, L list/unlist, E price, "
                "S stock, F end flash sale, C coupon, Ctrl+Z undo."
            )
        )

    # -- reading ------------------------------------------------------------------------------
    def _updated(self) -> None:
        """New figures (twice a second): laid out only while the board can be seen; a board
        tabbed behind another dock catches up in on_revealed. (The figures themselves are the
        station's one model, which the prompter and the alerts read whatever the board does.)"""
        if on_screen(self) or not self.window().isVisible():
            self.refresh()  # (a board in no shown window, as in tests and the prompter's)
        else:
            self._behind = True

    def on_revealed(self) -> None:
        """The dock came to the front: show the figures that came while it was covered."""
        if self._behind and not self._closed:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind:  # hidden until now (no tab was raised): catch up once laid out
            QTimer.singleShot(0, self, self.on_revealed)

    def refresh(self) -> None:
        self._behind = False
        live = self.ctx.products
        derived = [] if live is None or self.ctx.show_id is None else live.derived
        if not derived:
            self.model.set_rows([])
            self.stack.setCurrentWidget(self.empty)
            return
        if self.stack.currentWidget() is not self.board:
            self.stack.setCurrentWidget(self.board)
        selected = self.view.selected()
        if self.model.set_rows(derived) and selected is not None:
            self._select(selected.sku)  # products came or went: keep the selection
        editing = self.view.state() == QAbstractItemView.State.EditingState
        if not editing and (self._following or self.view.selected() is None):
            # Keys act at once on the product on air (what the 中控 most often changes), until
            # the 中控 picks another one.
            on_air = next((d for d in derived if d.presenting), None)
            pick = on_air or self.view.selected() or derived[0]
            current = self.view.selected()
            if current is None or current.sku != pick.sku:
                self._select(pick.sku)
        self.board_actions.update_enabled()

    def _select(self, sku: str) -> None:
        """Select by program (not the 中控's own pick)."""
        self._selecting = True
        try:
            self.view.select_sku(sku)
        finally:
            self._selecting = False

    def _picked(self) -> None:
        if not self._selecting:
            self._following = False

    # -- messages and undo ----------------------------------------------------------------------
    def show_message(self, text: str, level: str) -> None:
        self.status.show()
        self.status.setText(text)
        self.status.setToolTip(text)
        self.status.setStyleSheet(f"color: {LEVEL_COLOURS.get(level, OK)};")

    def _changed(self, done: Done) -> None:
        self.undo_bar.start(done.label)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.ctx.settings.setValue(HEADER_KEY, self.view.horizontalHeader().saveState())
        if self.ctx.products is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.ctx.products.updated.disconnect(self._updated)
        self.undo_bar.stop()
        self.board_actions.shutdown()
