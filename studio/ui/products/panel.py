"""The Products dock: what is on sale tonight, at what price, how much stock is left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QStackedLayout, QTableWidget, QTableWidgetItem, QWidget
from sqlalchemy import select

from studio.metrics.fmt import money_cents
from studio.metrics.series import latest_value
from studio.store.models import Product
from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState, request_from_window
from studio.ui.common.theme import FAIL, WARN

LOW_STOCK_FRACTION = 0.1


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
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("List price"),
                self.tr("Live price"),
                self.tr("Stock"),
                self.tr("Sold"),
                self.tr("Left"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self._dirty = False
        # Remaining stock per SKU (stock minus orders so far), for the anchor's product card.
        self._left: dict[str, int] = {}
        ctx.services["stock"] = self._left.get
        self._timer = QTimer(self)
        self._timer.setInterval(2000)  # sold counts: a human reads them, twice a second is plenty
        self._timer.timeout.connect(self._refresh_if_dirty)
        self._timer.start()
        ctx.signals.changed.connect(self._on_change)
        self.refresh()

    def shutdown(self) -> None:
        if self.ctx.services.get("stock") == self._left.get:
            del self.ctx.services["stock"]

    def _on_change(self, table: str, _row: Any, show_id: Any) -> None:
        if table in ("show", "product", "metric_sample") and show_id in (None, self.ctx.show_id):
            self._dirty = True

    def _refresh_if_dirty(self) -> None:
        # Also while the dock is hidden: the anchor's product card reads the stock left from here.
        if self._dirty:
            self.refresh()

    def _sold(self, session: Any, sku: str) -> int | None:
        assert self.ctx.show_id is not None
        value = latest_value(session, self.ctx.show_id, "orders", sku=sku)
        return None if value is None else int(value)

    def refresh(self) -> None:
        self._dirty = False
        if self.ctx.show_id is None:
            self.stack.setCurrentWidget(self.empty)
            return
        with self.ctx.store.session() as s:
            products = list(
                s.scalars(
                    select(Product)
                    .where(Product.show_id == self.ctx.show_id)
                    .order_by(Product.position)
                )
            )
            sold = {p.sku: self._sold(s, p.sku) for p in products}
        if not products:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.table)
        self._left.clear()
        self.table.setRowCount(len(products))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, p in enumerate(products):
            n_sold = sold.get(p.sku)
            left = None if n_sold is None else max(p.stock - n_sold, 0)
            if left is not None:
                self._left[p.sku] = left
            cells = [
                p.sku,
                p.name,
                money_cents(p.list_price_cents),
                money_cents(p.live_price_cents),
                f"{p.stock:,}",
                "—" if n_sold is None else f"{n_sold:,}",
                "—" if left is None else f"{left:,}",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setFont(bold)
                if col == 3 and p.live_price_cents > p.list_price_cents:
                    item.setForeground(QBrush(QColor(FAIL)))
                    item.setToolTip(self.tr("Live price is above the list price"))
                if (
                    col == 6
                    and left is not None
                    and p.stock
                    and left <= p.stock * LOW_STOCK_FRACTION
                ):
                    item.setForeground(QBrush(QColor(FAIL if left == 0 else WARN)))
                    item.setText(
                        f"{left:,} " + (self.tr("sold out") if left == 0 else self.tr("low"))
                    )
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
