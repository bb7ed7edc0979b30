"""The products dock and the prompter read one live-products model: same sold and stock left."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.products.reader import derive_show
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext
from studio.ui.products.board_model import COL
from studio.ui.products.panel import ProductsPanel
from studio.ui.products.qt_live import QtLiveProducts


def _cell(panel: ProductsPanel, sku: str, column: str) -> str:
    row = panel.model.row_of(sku)
    assert row is not None
    return str(panel.model.index(row, COL[column]).data())


def test_sold_and_left_follow_the_latest_per_sku_orders(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Sold is the newest cumulative order count of the SKU; left is what the core derives."""
    show_id = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    now = time.time()
    write_samples(app_ctx.store, [
        make_row(show_id, "sim", "orders", ts, value, "MZ-JH01")
        for ts, value in ((now - 20, 40), (now - 10, 120), (now - 30, 10))
    ])  # fmt: skip
    app_ctx.products = QtLiveProducts(app_ctx.store, show_id, app_ctx.clock)
    panel = ProductsPanel(app_ctx)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    assert _cell(panel, "MZ-JH01", "sold") == "120"
    core = {d.sku: d for d in derive_show(app_ctx.store, show_id, from_epoch(time.time()))}
    assert _cell(panel, "MZ-JH01", "stock") == f"{core['MZ-JH01'].stock_left:,}"
    assert _cell(panel, "MZ-FD02", "sold") == "—"  # nothing sold yet
    panel.shutdown()
    app_ctx.products.shutdown()
    app_ctx.products = None


def test_anchor_station_without_the_dock_shows_the_live_stock(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """`--role anchor` has no products dock; its prompter still shows the live stock left,
    the same figure as the controller's dock (it used to fall back to the script's stock)."""
    from studio.ui.anchor.window import AnchorWindow
    from studio.ui.rundown.qt_runner import QtRunner

    show_id = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app_ctx.products = QtLiveProducts(app_ctx.store, show_id, app_ctx.clock)
    app_ctx.runner = QtRunner(app_ctx.store, show_id, clock=app_ctx.clock)
    anchor = AnchorWindow(app_ctx)
    qtbot.addWidget(anchor)
    runner = app_ctx.runner
    runner.start()
    while runner.snapshot().segment is not None and runner.snapshot().segment.product is None:
        runner.skip()
    sku = runner.snapshot().segment.product
    assert sku is not None
    write_samples(app_ctx.store, [make_row(show_id, "sim", "orders", time.time(), 30, sku)])
    qtbot.waitUntil(lambda: (d := app_ctx.products.get(sku)) is not None and d.sold == 30, timeout=5000)  # fmt: skip
    expected = app_ctx.products.get(sku).stock_left
    core = {d.sku: d for d in derive_show(app_ctx.store, show_id, from_epoch(time.time()))}
    assert core[sku].stock_left == expected
    qtbot.waitUntil(lambda: f"{expected:,}" in anchor.stock.text(), timeout=3000)
    anchor.close()
    app_ctx.products.shutdown()
    app_ctx.products = None
