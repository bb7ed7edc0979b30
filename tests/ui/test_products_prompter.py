"""The prompter's product card and flash-sale banner read the station's live products: during
the lipstick flash sale both show ¥99 and the quota left (the issue's case), never ¥159 and the
total stock; a sold-out product is struck through."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clock import FakeClock
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.ui.common.context import AppContext
from studio.ui.products.qt_live import QtLiveProducts


@pytest.fixture
def prompter(app_ctx: AppContext, qtbot: QtBot) -> Iterator[Any]:
    """The demo show running on a fake clock, with its live products and the prompter."""
    from studio.ui.anchor.window import AnchorWindow
    from studio.ui.rundown.qt_runner import QtRunner

    clock = FakeClock()
    app_ctx.clock = clock
    show_id = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app_ctx.products = QtLiveProducts(app_ctx.store, show_id, clock)
    app_ctx.runner = QtRunner(app_ctx.store, show_id, clock=clock)
    anchor = AnchorWindow(app_ctx)
    qtbot.addWidget(anchor)
    anchor.resize(1920, 1080)
    anchor.show()
    app_ctx.runner.start()
    yield anchor
    anchor.close()
    app_ctx.products.shutdown()
    app_ctx.products = None


def _jump_to(ctx: AppContext, segment_id: str) -> None:
    runner = ctx.runner
    assert runner is not None
    index = next(i for i, s in enumerate(runner.script.segments) if s.id == segment_id)
    runner.jump(index)


def test_flash_sale_banner_and_card_agree_on_price_and_quota_left(
    prompter: Any, qtbot: QtBot
) -> None:
    """Lipstick flash sale (¥99, quota 300), 300 sold before it and 323 now: the banner and the
    card both say ¥99.00 and 277 of 300 left; neither shows ¥159 or the 1,177 units of stock."""
    ctx: AppContext = prompter.ctx
    clock = ctx.clock
    assert isinstance(clock, FakeClock) and ctx.products is not None
    show_id = ctx.show_id or 0
    write_samples(ctx.store, [make_row(show_id, "sim", "orders", clock.t - 10, 300, "MZ-KH03")])
    _jump_to(ctx, "flash-lipstick")  # the rundown starts the sale (products follow it)
    qtbot.waitUntil(
        lambda: (d := ctx.products.get("MZ-KH03")) is not None and d.flash_running, timeout=5000
    )
    clock.advance(20)
    write_samples(ctx.store, [make_row(show_id, "sim", "orders", clock.t - 5, 323, "MZ-KH03")])
    qtbot.waitUntil(
        lambda: (
            (d := ctx.products.get("MZ-KH03")) is not None
            and d.flash is not None
            and d.flash.quota_left == 277
        ),
        timeout=5000,
    )
    prompter.refresh()
    banner, card = prompter.banner.text(), prompter.product_card
    assert prompter.banner.isVisible()
    assert "¥99.00" in banner and "277/300" in banner
    assert card.price.text() == "¥99.00" and card.badge.isVisible()
    assert "277" in card.left.text() and "300" in card.left.text()
    assert card.list_price.text() == "¥269.00" and card.list_price.font().strikeOut()
    shown = banner + card.price.text() + card.left.text()
    assert "159" not in shown and "1,177" not in shown


def test_ended_flash_sale_puts_the_live_price_back_on_both(prompter: Any, qtbot: QtBot) -> None:
    """The 中控 ends the sale early: the banner says it is over and the card shows ¥159 and the
    stock left again (no longer the quota)."""
    from studio.products.changes import end_flash_sale

    ctx: AppContext = prompter.ctx
    assert ctx.products is not None
    _jump_to(ctx, "flash-lipstick")
    qtbot.waitUntil(
        lambda: (d := ctx.products.get("MZ-KH03")) is not None and d.flash_running, timeout=5000
    )
    end_flash_sale(ctx.store, ctx.show_id or 0, "MZ-KH03", clock=ctx.clock)
    qtbot.waitUntil(
        lambda: (d := ctx.products.get("MZ-KH03")) is not None and not d.flash_running,
        timeout=5000,
    )
    prompter.refresh()
    assert prompter.banner.text() == "FLASH SALE OVER"
    card = prompter.product_card
    assert card.price.text() == "¥159.00" and not card.badge.isVisible()
    assert card.left.text() == "Stock left: 1,500"


def test_sold_out_product_is_struck_through(prompter: Any, qtbot: QtBot) -> None:
    """All 300 perfumes sold: the card strikes the name and price through and says sold out."""
    ctx: AppContext = prompter.ctx
    assert ctx.products is not None
    clock = ctx.clock
    write_samples(ctx.store, [make_row(ctx.show_id or 0, "sim", "orders", clock(), 300, "MZ-XS08")])
    _jump_to(ctx, "perfume")
    qtbot.waitUntil(
        lambda: (d := ctx.products.get("MZ-XS08")) is not None and "sold_out" in d.flags,
        timeout=5000,
    )
    prompter.refresh()
    card = prompter.product_card
    assert card.price.font().strikeOut() and card.name.font().strikeOut()
    assert card.left.text() == "SOLD OUT"
    assert not card.list_price.isVisible()


def test_card_shows_the_live_stock_left(prompter: Any, qtbot: QtBot) -> None:
    """Outside a flash sale the card shows the stock left the core derives (initial + added −
    sold), not the script's stock."""
    from studio.products.changes import add_stock

    ctx: AppContext = prompter.ctx
    assert ctx.products is not None
    write_samples(ctx.store, [make_row(ctx.show_id or 0, "sim", "orders", ctx.clock(), 412, "MZ-JH01")])  # fmt: skip
    add_stock(ctx.store, ctx.show_id or 0, "MZ-JH01", 100, clock=ctx.clock)
    _jump_to(ctx, "essence")
    qtbot.waitUntil(
        lambda: (d := ctx.products.get("MZ-JH01")) is not None and d.stock_left == 488,
        timeout=5000,
    )
    prompter.refresh()
    assert prompter.product_card.left.text() == "Stock left: 488"
    assert prompter.product_card.price.text() == "¥259.00"
