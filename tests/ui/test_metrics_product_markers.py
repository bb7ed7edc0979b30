"""Product changes (price, stock, state, flash sale) as markers on the live metrics graphs:
their own colour and glyph, clustered like incidents, a tooltip per change, refreshed from the
store bus."""

from __future__ import annotations

from typing import Any

import pytest
from clock import FakeClock
from live_board import feed_samples, open_board, set_timeline

from studio.products.changes import add_stock, change_price
from studio.store.models import Product
from studio.store.shows import create_show

T0 = 1_794_000_000.0
SEGS = [("open", "开场", "opening", 600), ("p1", "讲解", "product", 2400)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def _show(store: Any) -> int:
    """A 1-hour show with two products (links 3 and 4) and 15 minutes of samples."""
    sid = create_show(store, "markers")
    with store.transaction() as s:
        set_timeline(s, sid, T0, 3000, SEGS)
        for i, (sku, name, link, cents) in enumerate(
            [("LIP-1", "口红", 3, 15_900), ("MASK-2", "面膜", 4, 9_900)]
        ):
            s.add(
                Product(
                    show_id=sid, position=i, sku=sku, name=name, link=link, state="listed",
                    list_price_cents=cents, live_price_cents=cents, stock=500,
                )
            )  # fmt: skip
    feed_samples(store, sid, SEGS, T0, 900)
    return sid


def _panel(ctx: Any, qtbot: Any, clock: FakeClock) -> Any:
    sid = _show(ctx.store)
    clock.t = T0 + 901
    return open_board(ctx, qtbot, sid)


def _labels(panel: Any) -> list[Any]:
    return [t for t, _x in panel.overlays._product_labels if t.isVisible()]


def test_price_change_appears_as_a_marker_with_its_tooltip(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """A price change made while the dashboard is open becomes a "¥ #3" marker at its time
    (from the store bus), in the product colour, with "#3 口红: Price ¥159.00 → ¥149.00 (小王)"
    as its tooltip; the graphs below draw a dotted line there."""
    from studio.ui.metrics.overlays import PRODUCT_COLOR

    panel = _panel(ctx, qtbot, clock)
    assert panel.overlays.product_groups == []
    at = T0 + 400
    change_price(ctx.store, panel.show_id, "LIP-1", 14_900, who="小王", clock=lambda: at)
    qtbot.waitUntil(lambda: len(panel.overlays.product_groups) == 1, timeout=3000)
    [group] = panel.overlays.product_groups
    assert group.at == at
    [label] = _labels(panel)
    assert label.text() == "¥ #3"
    assert label.brush().color().name() == PRODUCT_COLOR
    assert label.toolTip().endswith("#3 口红: Price ¥159.00 → ¥149.00 (小王)")
    [line] = panel.overlays._product_lines
    assert line.value() == at and line.toolTip() == label.toolTip()
    gmv = [c for c, xs in panel.overlays._vlines["gmv"] if xs == [at]]
    assert len(gmv) == 1 and list(gmv[0].getData()[0]) == [at, at]
    panel.shutdown()


def test_two_close_changes_are_one_marker(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """A price change and a stock top-up 5 s apart are one marker "¥+ · 2 changes" listing
    both; a change 5 minutes later keeps its own marker, and no two labels overlap."""
    panel = _panel(ctx, qtbot, clock)
    sid = panel.show_id
    change_price(ctx.store, sid, "LIP-1", 14_900, who="小王", clock=lambda: T0 + 300)
    add_stock(ctx.store, sid, "MASK-2", 50, who="小李", clock=lambda: T0 + 305)
    change_price(ctx.store, sid, "MASK-2", 8_900, clock=lambda: T0 + 600)
    qtbot.waitUntil(lambda: len(panel.overlays._products) == 3, timeout=3000)
    groups = panel.overlays.product_groups
    assert [(g.at, len(g.marks)) for g in groups] == [(T0 + 300, 2), (T0 + 600, 1)]
    labels = _labels(panel)
    assert sorted(t.text() for t in labels) == ["¥ #4", "¥+ · 2 changes"]
    both = next(t for t in labels if "2 changes" in t.text()).toolTip().splitlines()
    assert both[0].endswith("#3 口红: Price ¥159.00 → ¥149.00 (小王)")
    assert both[1].endswith("#4 面膜: Stock +50 (小李)")
    a, b = labels
    assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect())
    panel.shutdown()


def test_product_markers_read_in_chinese(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """In Chinese the group label and the tooltip read "¥+ · 2 项改动", "价格 … → …", "库存 +50"."""
    from studio.ui.shell.i18n import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        panel = _panel(ctx, qtbot, clock)
        sid = panel.show_id
        change_price(ctx.store, sid, "LIP-1", 14_900, who="小王", clock=lambda: T0 + 300)
        add_stock(ctx.store, sid, "LIP-1", 50, clock=lambda: T0 + 302)
        qtbot.waitUntil(lambda: len(panel.overlays.product_groups) == 1, timeout=3000)
        [label] = _labels(panel)
        assert label.text() == "¥+ · 2 项改动"
        first, second = label.toolTip().splitlines()
        assert first.endswith("#3 口红: 价格 ¥159.00 → ¥149.00 (小王)")
        assert second.endswith("#3 口红: 库存 +50")
        panel.shutdown()
    finally:
        translations.install("en")
