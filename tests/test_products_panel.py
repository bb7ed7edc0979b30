"""The products dock: prices, stock and what has sold, and remaining stock for the prompter."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.store.models import MetricSample
from studio.ui.common.context import AppContext
from studio.ui.products.panel import ProductsPanel


def test_sold_and_left_follow_the_latest_per_sku_orders(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Sold is the newest cumulative order count of the SKU; the anchor gets stock minus that."""
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    now = time.time()
    with app_ctx.store.transaction() as s:
        for ts, value in ((now - 20, 40), (now - 10, 120), (now - 30, 10)):
            s.add(MetricSample(show_id=app_ctx.show_id, source="sim", metric="orders",
                               sku="MZ-JH01", ts=ts, value=value))  # fmt: skip
    panel = ProductsPanel(app_ctx)
    qtbot.addWidget(panel)
    row = next(
        r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "MZ-JH01"
    )
    stock = int(panel.table.item(row, 4).text().replace(",", ""))
    assert panel.table.item(row, 5).text() == "120"
    assert app_ctx.services["stock"]("MZ-JH01") == stock - 120
    assert app_ctx.services["stock"]("MZ-FD02") is None  # nothing sold yet: the script's stock
    panel.shutdown()
    assert "stock" not in app_ctx.services


def test_stock_left_follows_new_orders_while_the_dock_is_hidden(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """The prompter's stock figure keeps up even when nobody looks at the Products dock."""
    from studio.metrics.samples import make_row
    from studio.metrics.writer import write_rows

    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    panel = ProductsPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.hide()
    write_rows(
        app_ctx.store, [make_row(app_ctx.show_id, "sim", "orders", time.time(), 30, "MZ-FD02")]
    )
    qtbot.waitUntil(lambda: app_ctx.services["stock"]("MZ-FD02") is not None, timeout=5000)
    row = next(
        r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "MZ-FD02"
    )
    assert (
        app_ctx.services["stock"]("MZ-FD02")
        == int(panel.table.item(row, 4).text().replace(",", "")) - 30
    )
    panel.shutdown()
