"""The products board (中控): what it shows from the live products, and what its keys change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clock import FakeClock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.products import coupon_book
from studio.products.changes import start_flash_sale
from studio.products.reader import derive_show
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext
from studio.ui.products.board_model import COL, COLUMNS
from studio.ui.products.dialogs import CouponForm
from studio.ui.products.panel import ProductsPanel
from studio.ui.products.qt_live import QtLiveProducts


@pytest.fixture
def board(app_ctx: AppContext, qtbot: QtBot) -> Iterator[ProductsPanel]:
    """The demo show's board on a fake clock, shown and focused."""
    clock = FakeClock()
    app_ctx.clock = clock
    show_id = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    write_samples(app_ctx.store, [
        make_row(show_id, "sim", "orders", clock.t - 60, 300, "MZ-KH03"),
        make_row(show_id, "sim", "orders", clock.t - 60, 412, "MZ-JH01"),
        make_row(show_id, "sim", "product_exposures", clock.t - 60, 8_000, "MZ-JH01"),
        make_row(show_id, "sim", "product_clicks", clock.t - 60, 800, "MZ-JH01"),
        make_row(show_id, "sim", "gmv_cents", clock.t - 60, 412 * 25_900, "MZ-JH01"),
    ])  # fmt: skip
    app_ctx.products = QtLiveProducts(app_ctx.store, show_id, clock)
    panel = ProductsPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.resize(1200, 500)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 8, timeout=5000)
    panel.view.setFocus()
    yield panel
    panel.shutdown()
    app_ctx.products.shutdown()
    app_ctx.products = None


def cell(panel: ProductsPanel, sku: str, column: str) -> str:
    row = panel.model.row_of(sku)
    assert row is not None
    return str(panel.model.index(row, COL[column]).data())


def core(ctx: AppContext, sku: str) -> Any:
    return next(d for d in derive_show(ctx.store, ctx.show_id or 0, from_epoch(ctx.clock()))
                if d.sku == sku)  # fmt: skip


def wait_core(qtbot: QtBot, ctx: AppContext, sku: str, check: Any) -> None:
    qtbot.waitUntil(lambda: check(core(ctx, sku)), timeout=5000)


def test_columns_in_the_brief_order_link_first(board: ProductsPanel) -> None:
    """Link number first; rows in link order; figures are the core's derived ones."""
    model = board.model
    assert COLUMNS[:7] == ("link", "product", "state", "price", "flash", "stock", "sold")
    assert [model.index(r, 0).data() for r in range(8)] == [str(n) for n in range(1, 9)]
    assert cell(board, "MZ-JH01", "product") == "玻色因焕亮精华 30ml"
    assert cell(board, "MZ-JH01", "state") == "Pending"
    assert cell(board, "MZ-JH01", "price") == "¥259"
    assert cell(board, "MZ-JH01", "sold") == "412"
    assert cell(board, "MZ-JH01", "stock") == f"{core(board.ctx, 'MZ-JH01').stock_left:,}"
    assert cell(board, "MZ-JH01", "ctr") == "10.0%"
    assert cell(board, "MZ-JH01", "gmv") == "¥106,708"
    # Shop coupon 满199减20 and the essence's own 满259减30 stack: 259 - 30 - 20.
    assert cell(board, "MZ-JH01", "best") == "¥209"
    assert cell(board, "MZ-FD02", "sold") == "—"  # nothing sold yet


def test_flash_sale_column_shows_price_and_quota_left(board: ProductsPanel, qtbot: QtBot) -> None:
    """During a flash sale: its price and what is left of the quota; after it, how much of the
    quota went at the sale price (an oversold sale in red)."""
    ctx = board.ctx
    clock = ctx.clock
    assert isinstance(clock, FakeClock)
    start_flash_sale(ctx.store, ctx.show_id or 0, "MZ-KH03", 9_900, 300, seconds=60, clock=clock)
    clock.advance(10)
    write_samples(ctx.store, [make_row(ctx.show_id or 0, "sim", "orders", clock.t, 323, "MZ-KH03")])
    qtbot.waitUntil(lambda: cell(board, "MZ-KH03", "flash") == "¥99 · 277/300 left", timeout=5000)  # fmt: skip
    assert cell(board, "MZ-KH03", "best") == "¥99"  # no coupon on a flash price
    write_samples(ctx.store, [make_row(ctx.show_id or 0, "sim", "orders", clock.t + 5, 640, "MZ-KH03")])  # fmt: skip
    clock.advance(60)
    qtbot.waitUntil(lambda: cell(board, "MZ-KH03", "flash") == "ended · 340/300 sold", timeout=5000)  # fmt: skip
    row = board.model.row_of("MZ-KH03")
    brush = board.model.index(row or 0, COL["flash"]).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#e5484d"
    assert "Oversold" in cell(board, "MZ-KH03", "flags")


def test_typing_a_link_number_and_p_presents_it(board: ProductsPanel, qtbot: QtBot) -> None:
    """Digits pick the product by link number; P makes it presenting, highlighted with ▶ and the
    on-air background; P again puts it back to listed."""
    ctx = board.ctx
    qtbot.keyClicks(board.view, "3")
    assert board.view.selected() is not None and board.view.selected().sku == "MZ-KH03"
    qtbot.keyClick(board.view, Qt.Key.Key_P)
    wait_core(qtbot, ctx, "MZ-KH03", lambda d: d.product.state == "presenting")
    qtbot.waitUntil(lambda: cell(board, "MZ-KH03", "link") == "▶ 3", timeout=5000)
    row = board.model.row_of("MZ-KH03") or 0
    assert board.model.index(row, COL["state"]).data() == "Presenting"
    assert board.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert board.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    # Another product presenting takes over (at most one presenting per show).
    qtbot.keyClicks(board.view, "1")
    qtbot.keyClick(board.view, Qt.Key.Key_P)
    wait_core(qtbot, ctx, "MZ-JH01", lambda d: d.product.state == "presenting")
    assert core(ctx, "MZ-KH03").product.state == "listed"
    qtbot.waitUntil(lambda: cell(board, "MZ-JH01", "link") == "▶ 1", timeout=5000)
    qtbot.keyClick(board.view, Qt.Key.Key_P)
    wait_core(qtbot, ctx, "MZ-JH01", lambda d: d.product.state == "listed")


def test_l_lists_and_unlists(board: ProductsPanel, qtbot: QtBot) -> None:
    """L lists a pending product (上架), and unlists a listed one (下架)."""
    ctx = board.ctx
    board.view.select_link(2)
    qtbot.keyClick(board.view, Qt.Key.Key_L)
    wait_core(qtbot, ctx, "MZ-FD02", lambda d: d.product.state == "listed")
    qtbot.waitUntil(lambda: cell(board, "MZ-FD02", "state") == "Listed", timeout=5000)
    qtbot.keyClick(board.view, Qt.Key.Key_L)
    wait_core(qtbot, ctx, "MZ-FD02", lambda d: d.product.state == "unlisted")


def _type_into_cell(board: ProductsPanel, qtbot: QtBot, key: Qt.Key, text: str) -> None:
    qtbot.keyClick(board.view, key)
    editors = [e for e in board.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "the key opens the cell's editor"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_price_change_in_place_asks_over_30_percent(board: ProductsPanel, qtbot: QtBot) -> None:
    """E edits the live price in place; a small change is written at once, a move over 30 %
    only after the question is answered yes (no: nothing is written)."""
    ctx = board.ctx
    asked: list[list[str]] = []
    answers = [False, True]
    board.board_actions.confirm = lambda _w, reasons: (asked.append(reasons), answers.pop(0))[1]
    board.view.select_link(1)
    _type_into_cell(board, qtbot, Qt.Key.Key_E, "249")
    wait_core(qtbot, ctx, "MZ-JH01", lambda d: d.product.live_price_cents == 24_900)
    assert asked == []
    qtbot.waitUntil(lambda: cell(board, "MZ-JH01", "price") == "¥249", timeout=5000)
    _type_into_cell(board, qtbot, Qt.Key.Key_E, "129")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)  # the editor commits on the next pass
    assert "48%" in asked[0][0]
    qtbot.waitUntil(lambda: board.status.text() == "Price not changed.", timeout=5000)
    assert core(ctx, "MZ-JH01").product.live_price_cents == 24_900
    _type_into_cell(board, qtbot, Qt.Key.Key_E, "129")
    wait_core(qtbot, ctx, "MZ-JH01", lambda d: d.product.live_price_cents == 12_900)


def test_price_below_floor_is_never_silent(board: ProductsPanel, qtbot: QtBot) -> None:
    """The lipstick's floor is ¥89: ¥85 asks (the floor message); yes writes it forced and the
    board flags it; no leaves the price."""
    ctx = board.ctx
    asked: list[list[str]] = []
    answers = [False, True]
    board.board_actions.confirm = lambda _w, reasons: (asked.append(reasons), answers.pop(0))[1]
    board.view.select_link(3)
    _type_into_cell(board, qtbot, Qt.Key.Key_E, "85")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert any("below the floor" in r for r in asked[0])
    assert core(ctx, "MZ-KH03").product.live_price_cents == 15_900
    _type_into_cell(board, qtbot, Qt.Key.Key_E, "85")
    wait_core(qtbot, ctx, "MZ-KH03", lambda d: d.product.live_price_cents == 8_500)
    qtbot.waitUntil(lambda: "Price below floor" in cell(board, "MZ-KH03", "flags"), timeout=5000)


def test_s_adds_stock_and_f_ends_the_flash_sale(board: ProductsPanel, qtbot: QtBot) -> None:
    """S then a number tops the stock up (补库存); F ends the running flash sale."""
    ctx = board.ctx
    clock = ctx.clock
    start_flash_sale(ctx.store, ctx.show_id or 0, "MZ-KH03", 9_900, 300, clock=clock)
    board.view.select_link(3)
    before = core(ctx, "MZ-KH03").stock_left
    _type_into_cell(board, qtbot, Qt.Key.Key_S, "200")
    wait_core(qtbot, ctx, "MZ-KH03", lambda d: d.stock_left == before + 200)
    qtbot.waitUntil(lambda: board.board_actions.actions["end_flash"].isEnabled(), timeout=5000)
    qtbot.keyClick(board.view, Qt.Key.Key_F)
    wait_core(qtbot, ctx, "MZ-KH03", lambda d: d.flash is not None and not d.flash.running)


def test_c_adds_a_coupon_for_the_product(board: ProductsPanel, qtbot: QtBot) -> None:
    """C asks for a coupon and issues it for the selected product; 到手价 follows."""
    ctx = board.ctx
    form = CouponForm(3_000, 0, 50, None, None, ("MZ-FD02",), "粉底券")
    board.board_actions.ask_coupon = lambda _w, d, _now: form if d is not None else None
    board.view.select_link(2)
    qtbot.keyClick(board.view, Qt.Key.Key_C)
    qtbot.waitUntil(
        lambda: any(
            c.name == "粉底券" for c in coupon_book.list_coupons(ctx.store, ctx.show_id or 0)
        ),
        timeout=5000,
    )
    # 219 - 30 (粉底券) = 189, under the shop coupon's 199 threshold: the product coupon alone.
    qtbot.waitUntil(lambda: cell(board, "MZ-FD02", "best") == "¥189", timeout=5000)


def test_undo_for_ten_seconds_by_button_or_ctrl_z(board: ProductsPanel, qtbot: QtBot) -> None:
    """After a change a visible Undo counts down from 10 s; Ctrl+Z takes the change back; after
    10 s the undo is gone."""
    ctx = board.ctx
    now = [1000.0]
    board.undo_bar.now = lambda: now[0]
    board.view.select_link(1)
    qtbot.keyClick(board.view, Qt.Key.Key_L)
    wait_core(qtbot, ctx, "MZ-JH01", lambda d: d.product.state == "listed")
    qtbot.waitUntil(board.undo_bar.isVisible, timeout=5000)
    assert board.undo_bar.button.text() == "Undo (10 s)"
    now[0] += 3.2
    board.undo_bar.tick()
    assert board.undo_bar.button.text() == "Undo (7 s)"
    qtbot.keyClick(board.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_core(qtbot, ctx, "MZ-JH01", lambda d: d.product.state == "pending")
    qtbot.waitUntil(lambda: not board.undo_bar.isVisible(), timeout=5000)
    # A second change, left alone for 10 s: no more undo.
    qtbot.keyClick(board.view, Qt.Key.Key_L)
    wait_core(qtbot, ctx, "MZ-JH01", lambda d: d.product.state == "listed")
    qtbot.waitUntil(board.undo_bar.isVisible, timeout=5000)
    now[0] += 10.1
    board.undo_bar.tick()
    assert not board.undo_bar.isVisible()
    assert not board.board_actions.actions["undo"].isEnabled()
    qtbot.keyClick(board.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert core(ctx, "MZ-JH01").product.state == "listed"


def test_context_menu_offers_every_action(board: ProductsPanel) -> None:
    """Right-click on a row selects it and offers present, list, price, stock, flash sale,
    coupon and undo."""
    shown: list[list[str]] = []
    board.board_actions.show_menu = lambda menu, _at: shown.append(
        [a.text() for a in menu.actions()]
    )
    row = board.model.row_of("MZ-YY04") or 0
    rect = board.view.visualRect(board.model.index(row, COL["product"]))
    board.board_actions.context_menu(rect.center())
    assert board.view.selected() is not None and board.view.selected().sku == "MZ-YY04"
    words = [t for t in shown[0] if t]
    assert words == ["Present", "List", "Change price…", "Add stock…", "End flash sale",
                     "Add coupon…", "Undo last change"]  # fmt: skip


def test_empty_state_without_a_show(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Without a show the board says what to do next, with the button for it."""
    panel = ProductsPanel(app_ctx)
    qtbot.addWidget(panel)
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.button is not None and "script" in panel.empty.button.text()
    panel.shutdown()


def test_board_in_chinese(board: ProductsPanel, qtbot: QtBot) -> None:
    """In Chinese the board speaks the 中控's words: 链接号, 讲解中, 上架, 改价, 补库存, 秒杀."""
    from studio.ui.shell.i18n import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        panel = ProductsPanel(board.ctx)
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 8, timeout=5000)
        heads = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
        assert heads[:6] == ["链接号", "商品", "状态", "直播价", "秒杀", "剩余库存"]
        assert "到手价" in heads
        assert cell(panel, "MZ-JH01", "state") == "待上架"
        tools = [a.iconText() for a in panel.tools.actions()]
        assert tools == ["讲解 P", "上架/下架 L", "改价 E", "补库存 S", "结束秒杀 F", "优惠券 C"]
        panel.shutdown()
    finally:
        translations.install("en")


def test_column_order_is_kept_per_station(board: ProductsPanel, qtbot: QtBot) -> None:
    """A column dragged elsewhere (stock next to the name, for a narrow dock) stays there the
    next time the board opens."""
    header = board.view.horizontalHeader()
    header.moveSection(header.visualIndex(COL["stock"]), 2)
    board.shutdown()
    again = ProductsPanel(board.ctx)
    qtbot.addWidget(again)
    assert again.view.horizontalHeader().visualIndex(COL["stock"]) == 2
    assert again.view.horizontalHeader().visualIndex(COL["link"]) == 0
    again.shutdown()


def test_keys_act_on_the_product_on_air_without_a_click(board: ProductsPanel, qtbot: QtBot) -> None:
    """With nothing picked, the board picks the presenting product, so E, S or F act on it."""
    from studio.products.changes import present

    ctx = board.ctx
    present(ctx.store, ctx.show_id or 0, "MZ-YY04", clock=ctx.clock)
    fresh = ProductsPanel(ctx)
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: fresh.model.rowCount() == 8 and fresh.view.selected() is not None
                    and fresh.view.selected().sku == "MZ-YY04", timeout=5000)  # fmt: skip
    assert fresh.board_actions.actions["price"].isEnabled()
    fresh.shutdown()
