"""What the 中控 does on the board, by key or context menu, each a `studio.products.changes` call.

Keys (while the board has focus): digits pick a link number; P present (讲解; again: back to
listed); L list / unlist (上架 / 下架); E change the price in place (改价; a move over 30 % or
under the floor asks first, and a price under the floor is only ever written forced after
that question); S add stock in place (补库存); F end the flash sale (秒杀); C add a coupon
(优惠券); Ctrl+Z undo the last change for 10 s.

Writes run on a worker (never on the GUI thread), stamped with this station, the show's clock
and the rundown's position. The result's `op` is kept for the undo.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from studio.metrics.fmt import money_cents
from studio.products import changes, coupon_book
from studio.products.changes import BelowFloor, EditResult, ProductEdit
from studio.products.model import Derived
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext
from studio.ui.common.qt_jobs import SerialWorker
from studio.ui.common.texts import tr_message
from studio.ui.products import dialogs
from studio.ui.products.board_model import COL, BoardModel
from studio.ui.products.board_view import BoardView

log = logging.getLogger(__name__)

KEYS = {
    "present": "P",
    "listing": "L",
    "price": "E",
    "stock": "S",
    "end_flash": "F",
    "coupon": "C",
    "undo": "Ctrl+Z",
}


def cents_from_text(text: str) -> int | None:
    """'¥159', '159.9', '159,90' -> cents; None for anything else."""
    cleaned = text.replace("¥", "").replace(",", ".").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        return None
    return int(value * 100)


@dataclass(frozen=True)
class Done:
    """A change the board made: its op (for undo) and what it did, in words."""

    op: str
    label: str
    queued: bool


class BoardActions(QObject):
    message = Signal(str, str)  # text, level: ok | warn | error
    changed = Signal(object)  # Done: a change went through (or was queued)
    undone = Signal(str)  # the op that was undone

    def __init__(self, ctx: AppContext, view: BoardView, model: BoardModel, host: QWidget) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.view = view
        self.model = model
        self.host = host
        self.worker = SerialWorker(self, "products-board")
        # Questions to the person; tests swap these for answers.
        self.confirm: Callable[[QWidget, list[str]], bool] = dialogs.confirm_price_change
        self.ask_coupon: Callable[
            [QWidget, Derived | None, datetime], dialogs.CouponForm | None
        ] = dialogs.ask_coupon
        self.show_menu: Callable[[QMenu, QPoint], object] = QMenu.exec
        self.last: Done | None = None
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (
            ("present", self.tr("Present"), self.toggle_present),
            ("listing", self.tr("List / unlist"), self.toggle_listing),
            ("price", self.tr("Change price…"), self.edit_price),
            ("stock", self.tr("Add stock…"), self.edit_stock),
            ("end_flash", self.tr("End flash sale"), self.end_flash_sale),
            ("coupon", self.tr("Add coupon…"), self.add_coupon),
            ("undo", self.tr("Undo last change"), self.undo_last),
        ):
            action = QAction(text, host)
            action.setShortcut(QKeySequence(KEYS[key]))
            # Only while the board has focus: a letter must not act from another panel.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({KEYS[key]})")
            action.triggered.connect(slot)
            host.addAction(action)
            self.actions[key] = action
        model.edit_requested.connect(self.apply_edit)
        view.customContextMenuRequested.connect(self.context_menu)
        view.selectionModel().currentRowChanged.connect(lambda *_: self.update_enabled())
        self.update_enabled()

    # -- what can be done now -----------------------------------------------------------------
    def update_enabled(self) -> None:
        d = self.view.selected()
        writable = self.ctx.show_id is not None
        for key in ("present", "listing", "price", "stock"):
            self.actions[key].setEnabled(writable and d is not None)
        self.actions["end_flash"].setEnabled(writable and d is not None and d.flash_running)
        self.actions["coupon"].setEnabled(writable)
        self.actions["undo"].setEnabled(self.last is not None)
        if d is not None:
            listed = d.product.state in ("listed", "presenting")
            self.actions["listing"].setText(self.tr("Unlist") if listed else self.tr("List"))
            self.actions["present"].setText(
                self.tr("Stop presenting") if d.presenting else self.tr("Present")
            )

    def context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        self.update_enabled()
        menu = QMenu(self.view)
        for key in ("present", "listing", "price", "stock", "end_flash"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        menu.addAction(self.actions["coupon"])
        menu.addAction(self.actions["undo"])
        self.show_menu(menu, self.view.viewport().mapToGlobal(pos))

    # -- the actions --------------------------------------------------------------------------
    def toggle_present(self) -> None:
        d = self.view.selected()
        if d is None:
            return
        if d.presenting:
            self._run(d, ProductEdit(state="listed"), self.tr("%1 no longer presenting"))
        else:
            self._run(d, ProductEdit(state="presenting"), self.tr("%1 presenting"))

    def toggle_listing(self) -> None:
        d = self.view.selected()
        if d is None:
            return
        if d.product.state in ("listed", "presenting"):
            self._run(d, ProductEdit(state="unlisted"), self.tr("%1 unlisted"))
        else:
            self._run(d, ProductEdit(state="listed"), self.tr("%1 listed"))

    def edit_price(self) -> None:
        self._edit_cell("price")

    def edit_stock(self) -> None:
        self._edit_cell("stock")

    def _edit_cell(self, column: str) -> None:
        d = self.view.selected()
        row = None if d is None else self.model.row_of(d.sku)
        if row is None:
            return
        index = self.model.index(row, COL[column])
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def apply_edit(self, sku: str, column: str, text: str) -> None:
        """What was typed into a price or stock cell."""
        d = self._get(sku)
        if d is None:
            return
        if column == "price":
            self.change_price(d, text)
        elif column == "stock":
            units = text.replace("+", "").strip()
            if not units.isdigit() or int(units) <= 0:
                self.message.emit(self.tr("Type the number of units to add, e.g. 200."), "warn")
                return
            label = self.tr("%1: +%2 in stock").replace("%2", f"{int(units):,}")
            self._run(d, ProductEdit(stock_add=int(units)), label)

    def change_price(self, d: Derived, text: str) -> None:
        new = cents_from_text(text)
        if new is None or new <= 0:
            self.message.emit(self.tr("Type a price in yuan, e.g. 129 or 129.90."), "warn")
            return
        old, floor = d.product.live_price_cents, d.product.floor_cents
        if new == old:
            return
        questions = changes.needs_confirmation(d.sku, old, new, floor)
        if questions and not self.confirm(self.host, [tr_message(m) for m in questions]):
            self.message.emit(self.tr("Price not changed."), "ok")
            return
        # Forced only after the question was asked and answered yes.
        under = changes.below_floor(d.sku, floor, ProductEdit(live_price_cents=new))
        label = self.tr("%1: price %2 → %3").replace("%2", money_cents(old))
        label = label.replace("%3", money_cents(new))
        self._run(d, ProductEdit(live_price_cents=new), label, force=under is not None)

    def end_flash_sale(self) -> None:
        d = self.view.selected()
        if d is None or not d.flash_running:
            self.message.emit(self.tr("No flash sale is running for this product."), "warn")
            return
        edit = ProductEdit(flash_ends_at=from_epoch(self.ctx.clock()))
        self._run(d, edit, self.tr("%1: flash sale ended"))

    def add_coupon(self) -> None:
        show_id = self.ctx.show_id
        if show_id is None:
            return
        form = self.ask_coupon(self.host, self.view.selected(), from_epoch(self.ctx.clock()))
        if form is None:
            return
        store = self.ctx.store

        def job() -> tuple[str, bool]:
            return coupon_book.add_coupon(
                store, show_id, value_cents=form.value_cents,
                threshold_cents=form.threshold_cents, count=form.count,
                valid_from=form.valid_from, valid_to=form.valid_to, skus=form.skus,
                name=form.name,
            )  # fmt: skip

        def done(result: tuple[str, bool]) -> None:
            _uid, queued = result
            text = self.tr("Coupon issued: %1").replace("%1", form.describe())
            if queued:
                text += " " + self.tr("(queued: the database is offline)")
            self.message.emit(text, "ok")
            self._refresh_soon()

        self.worker.submit(job, done, self._failed)

    # -- writing ------------------------------------------------------------------------------
    def _get(self, sku: str) -> Derived | None:
        row = self.model.row_of(sku)
        return None if row is None else self.model.derived_at(row)

    def _run(self, d: Derived, edit: ProductEdit, label: str, *, force: bool = False) -> None:
        show_id = self.ctx.show_id
        if show_id is None:
            return
        store, clock, sku = self.ctx.store, self.ctx.clock, d.sku
        segment, cue = self.ctx.runner_position()
        floor = d.product.floor_cents
        words = label.replace("%1", d.product.name)

        def job() -> EditResult:
            return changes.edit_product(
                store, show_id, sku, edit, who=store.station, reason="board",
                segment_key=segment, cue_index=cue, force=force, floor_cents=floor, clock=clock,
            )  # fmt: skip

        def done(result: EditResult) -> None:
            if not result.queued and result.events == 0:
                self.message.emit(self.tr("Nothing changed."), "ok")
                return
            self.last = Done(result.op, words, result.queued)
            self.update_enabled()
            text = words
            if result.queued:
                text += " " + self.tr("(queued: the database is offline)")
            self.message.emit(text, "ok")
            self.changed.emit(self.last)
            self._refresh_soon()

        self.worker.submit(job, done, self._failed)

    def undo_last(self) -> None:
        last, show_id = self.last, self.ctx.show_id
        if last is None or show_id is None:
            self.message.emit(self.tr("Nothing to undo."), "warn")
            return
        self.last = None
        self.update_enabled()
        store, clock = self.ctx.store, self.ctx.clock

        def job() -> EditResult:
            return changes.undo(store, show_id, last.op, who=store.station, clock=clock)

        def done(_result: EditResult) -> None:
            self.message.emit(self.tr("Undone: %1").replace("%1", last.label), "ok")
            self.undone.emit(last.op)
            self._refresh_soon()

        self.worker.submit(job, done, self._failed)

    def expire_undo(self) -> None:
        """The undo window closed."""
        self.last = None
        self.update_enabled()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, BelowFloor):
            text = tr_message(exc.message)
        elif isinstance(
            exc, changes.ProductError | changes.ProductNotFound | coupon_book.CouponError
        ):
            text = str(exc)
        else:
            log.warning("board change failed: %s", exc)
            text = self.tr("The database did not take the change: %1").replace("%1", str(exc))
        self.message.emit(self.tr("Not changed: %1").replace("%1", text), "error")

    def _refresh_soon(self) -> None:
        live = self.ctx.products
        if live is not None:
            live.refresh_soon()

    def shutdown(self) -> None:
        self.worker.shutdown()

    def describe(self) -> dict[str, Any]:
        """Keys and what they do (for the panel's hint line)."""
        return {k: self.actions[k].text() for k in KEYS}
