"""The review's per-product price periods and product changes: GMV split by price period adds up
to the product's GMV, and both tables appear (in both languages) only when the show has them."""

from __future__ import annotations

from sqlalchemy import update

from studio.demo import demo_script_path
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.products.changes import change_price, start_flash_sale
from studio.review import tables
from studio.review.html import render_html
from studio.review.load import build_review
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Show
from studio.store.store import Store
from studio.timeutil import from_epoch

NOW = 1_797_000_000.0
SKU = "MZ-KH03"  # the demo's lipstick, ¥159


def _show(store: Store) -> int:
    sid = create_show_from_script_file(store, demo_script_path())
    with store.transaction() as s:
        s.execute(
            update(Show)
            .where(Show.id == sid)
            .values(status="ended", started_at=from_epoch(NOW), ended_at=from_epoch(NOW + 600))
        )
    return sid


def _sell(store: Store, sid: int, sku: str, points: list[tuple[float, int, int]]) -> None:
    """Cumulative per-SKU orders and GMV at the given offsets."""
    rows = [make_row(sid, "sim", "orders", NOW + t, n, sku) for t, n, _ in points]
    rows += [make_row(sid, "sim", "gmv_cents", NOW + t, g, sku) for t, _, g in points]
    write_samples(store, rows)


def _flash_and_price_change(store: Store) -> int:
    """¥159 for 100 s, a ¥99 flash sale of 120 s, ¥159 again, then ¥149 from 400 s."""
    sid = _show(store)
    start_flash_sale(store, sid, SKU, 9_900, 300, seconds=120, clock=lambda: NOW + 100,
                     who="小李", reason="冲量")  # fmt: skip
    change_price(store, sid, SKU, 14_900, clock=lambda: NOW + 400, who="小李", reason="限时降价")
    g1 = 10 * 15_900
    g2 = g1 + 190 * 9_900
    g3 = g2 + 10 * 15_900
    g4 = g3 + 20 * 14_900
    _sell(
        store, sid, SKU, [(0, 0, 0), (99, 10, g1), (219, 200, g2), (399, 210, g3), (599, 230, g4)]
    )
    _sell(store, sid, "MZ-JH01", [(0, 0, 0), (599, 4, 4 * 25_900)])
    return sid


def test_gmv_by_price_period_adds_up_to_the_products_gmv(store: Store) -> None:
    """Four periods of the lipstick (one a flash sale) whose units and GMV add up to the
    product's row of the review; a product without changes has one period."""
    sid = _flash_and_price_change(store)
    r = build_review(store, sid)
    periods = r.price_periods[SKU]
    assert [(p.price_cents, p.flash) for p in periods] == [
        (15_900, False), (9_900, True), (15_900, False), (14_900, False)
    ]  # fmt: skip
    assert [p.sold for p in periods] == [10, 190, 10, 20]
    product = next(p for p in r.products if p.sku == SKU)
    assert (
        product.gmv_cents
        == sum(p.gmv_cents or 0 for p in periods)
        == 159_000 + 190 * 9_900 + 159_000 + 20 * 14_900
    )
    assert [(p.sold, p.gmv_cents) for p in r.price_periods["MZ-JH01"]] == [(4, 4 * 25_900)]
    assert r.has_price_periods


def test_price_period_and_change_tables_in_both_languages(store: Store) -> None:
    """The period table ends the lipstick with its total; the change table has the flash sale
    as one row and the price change with who and why; both are in the HTML report."""
    sid = _flash_and_price_change(store)
    r = build_review(store, sid)
    t = tables.price_periods(r, "zh_CN")
    assert t.headers == ("商品", "时段", "价格", "秒杀", "件数", "成交金额")
    lipstick = [row for row in t.rows if "¥99.00" in row]
    assert lipstick and lipstick[0][3] == "是"
    total = t.rows[min(t.emphasis)]
    assert total[0].endswith("：全部时段") and total[4] == "230"
    assert total[5] == f"¥{(159_000 * 2 + 190 * 9_900 + 20 * 14_900) / 100:,.0f}"
    changes = tables.product_changes(r, "en")
    assert len(changes.rows) == 2
    flash, price = changes.rows
    assert flash[2].startswith("Flash-sale price, Flash-sale quota") and "¥99.00" in flash[3]
    assert price[2:] == ("Live price", "¥159.00 → ¥149.00", "小李", "限时降价")
    zh = tables.product_changes(r, "zh_CN")
    assert zh.rows[1][2] == "直播价" and "；" in zh.rows[0][3]
    html = render_html(r, "zh_CN")
    assert "商品：分价格时段成交" in html and "商品改动记录" in html
    assert "Products: GMV by price period" in render_html(r, "en")


def test_no_price_tables_without_changes(store: Store) -> None:
    """A show whose prices never changed has neither table in the report."""
    sid = _show(store)
    _sell(store, sid, SKU, [(0, 0, 0), (599, 5, 5 * 15_900)])
    r = build_review(store, sid)
    assert not r.has_price_periods and not r.product_changes
    html = render_html(r, "en")
    assert "GMV by price period" not in html and "Product changes" not in html
    assert [(p.price_cents, p.flash, p.sold) for p in r.price_periods[SKU]] == [(15_900, False, 5)]
