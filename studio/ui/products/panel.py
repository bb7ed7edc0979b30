"""The Products dock: what is on sale tonight, at what price, how much stock is left."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QStackedLayout, QTableWidget, QTableWidgetItem, QWidget

from studio.metrics.fmt import money_cents
from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState, request_from_window
from studio.ui.common.theme import FAIL, WARN


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
        # The figures come from the station's one live-products model, which the prompter's
        # product card reads too; this panel only lays them out.
        if ctx.products is not None:
            ctx.products.updated.connect(self.refresh)
        self.refresh()

    def shutdown(self) -> None:
        if self.ctx.products is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.ctx.products.updated.disconnect(self.refresh)

    def refresh(self) -> None:
        live = self.ctx.products
        derived = [] if live is None or self.ctx.show_id is None else live.derived
        if not derived:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.table)
        self.table.setRowCount(len(derived))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, d in enumerate(derived):
            p = d.product
            n_sold = d.sold if d.sales.sold is not None else None
            left = d.stock_left if n_sold is not None else None
            cells = [
                p.sku,
                p.name,
                money_cents(p.list_price_cents),
                money_cents(p.live_price_cents),
                f"{p.stock_total:,}",
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
                if col == 6 and left is not None and ("low_stock" in d.flags or left <= 0):
                    item.setForeground(QBrush(QColor(FAIL if left <= 0 else WARN)))
                    item.setText(
                        f"{left:,} " + (self.tr("sold out") if left <= 0 else self.tr("low"))
                    )
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
