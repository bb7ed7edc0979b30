"""Live products from the store: sales from per-SKU samples, the 1 Hz reader, coupons, the
script's product fields, the readiness items, price periods and the simulator's limits."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studio.demo import demo_script_path
from studio.metrics.samples import make_row
from studio.metrics.sources.sim import ShowSimulator, SimSegment, load_stocks
from studio.metrics.writer import write_samples
from studio.planning.readiness import ProductFacts, ReadinessInputs, evaluate, readiness
from studio.products.changes import (
    add_stock,
    change_price,
    end_flash_sale,
    present,
    start_flash_sale,
)
from studio.products.coupon_book import CouponError, add_coupon, list_coupons, set_counts
from studio.products.history import product_history
from studio.products.model import CouponTerms, LiveProduct
from studio.products.periods import price_periods, show_price_periods, with_sales
from studio.products.reader import LiveProducts, derive_show, find, load_products
from studio.script.loader import load_script_file, load_script_text
from studio.script.store_io import create_show_from_script_file, load_script, replace_script
from studio.script.yaml_io import dump_yaml
from studio.store.store import Store
from studio.store.sync.outbox import Outbox
from studio.store.sync.writes import SyncWriter
from studio.timeutil import from_epoch

NOW = 1_797_000_000.0
SKU = "MZ-KH03"
ITEMS = ("product_links", "product_prices", "flash_quota", "coupons", "stock_plan")


@pytest.fixture
def show(store: Store) -> int:
    return create_show_from_script_file(store, demo_script_path())


def orders(
    show: int, *points: tuple[float, int], metric: str = "orders"
) -> list[dict[str, object]]:
    return [make_row(show, "sim", metric, NOW + t, v, SKU) for t, v in points]


def test_sold_comes_from_per_sku_orders_and_units_win_when_given(store: Store, show: int) -> None:
    """Orders samples give sold and the funnel; a per-SKU units series, once present, is the
    units sold (one order may hold several units)."""
    write_samples(store, orders(show, (0, 10), (60, 40)))
    write_samples(store, [make_row(show, "sim", "product_clicks", NOW + 60, 400, SKU),
                       make_row(show, "sim", "product_exposures", NOW + 60, 2_000, SKU),
                       make_row(show, "sim", "gmv_cents", NOW + 60, 40 * 15_900, SKU)])  # fmt: skip
    d = find(derive_show(store, show, from_epoch(NOW + 61)), SKU)
    assert d is not None and (d.sold, d.stock_left, d.sales.orders) == (40, 1_460, 40)
    assert d.ctr == 0.2 and d.cvr == 0.1 and d.sales.gmv_cents == 636_000
    write_samples(store, orders(show, (60, 55), metric="units"))
    d = find(derive_show(store, show, from_epoch(NOW + 61)), SKU)
    assert d is not None and (d.sold, d.sales.orders) == (55, 40)
    # As it stood at +30 s: only the first sample counts.
    early = find(derive_show(store, show, from_epoch(NOW + 30), at=NOW + 30), SKU)
    assert early is not None and early.sold == 10


def test_flash_window_sales_from_samples_and_late_samples_move_the_edge(
    store: Store, show: int
) -> None:
    """The issue's case in the store: 177 sold before the ¥99 sale, 323 during it -> 146 of
    300; a late sample before the start moves the edge and the reader follows."""
    clock = lambda: NOW + 200  # noqa: E731
    write_samples(store, orders(show, (0, 100), (90, 177)))
    start_flash_sale(store, show, SKU, 9_900, 300, seconds=300, clock=lambda: NOW + 100)
    write_samples(store, orders(show, (150, 250), (200, 323)))
    live = LiveProducts(store, show, clock)
    try:
        d = find(live.refresh(), SKU)
        assert d is not None and d.flash is not None
        assert (d.effective_price_cents, d.flash.sold, d.flash.quota_left) == (9_900, 146, 154)
        write_samples(store, orders(show, (95, 180)))  # arrives late, still before the start
        d = find(live.refresh(), SKU)
        assert d is not None and d.flash is not None and d.flash.sold == 143
        end_flash_sale(store, show, SKU, clock=lambda: NOW + 250)
        write_samples(store, orders(show, (240, 400), (300, 450)))
        d = find(live.refresh(from_epoch(NOW + 310)), SKU)
        assert d is not None and d.flash is not None and not d.flash.running
        assert d.effective_price_cents == 15_900 and d.flash.sold == 400 - 180
    finally:
        live.close()


def test_coupons_issue_list_and_counts_only_grow(store: Store, show: int) -> None:
    """A coupon is issued with its terms; counts only go up; unknown SKU or bad terms refused."""
    end = datetime(2026, 12, 12, 23, 59, tzinfo=UTC)
    uid, queued = add_coupon(store, show, value_cents=1_000, threshold_cents=9_900, count=2,
                             valid_to=end, skus=[SKU])  # fmt: skip
    assert not queued
    [c] = [c for c in list_coupons(store, show) if c.uid == uid]
    assert (c.value_cents, c.threshold_cents, c.count, c.skus, c.valid_to) == (
        1_000, 9_900, 2, (SKU,), end
    )  # fmt: skip
    assert set_counts(store, uid, claimed=2, used=1) is not None
    after = set_counts(store, uid, claimed=1)
    assert after is not None and (after.claimed, after.used, after.exhausted) == (2, 1, True)
    with pytest.raises(CouponError, match="no product"):
        add_coupon(store, show, value_cents=500, skus=["NOPE"])
    with pytest.raises(CouponError, match="value"):
        add_coupon(store, show, value_cents=0)
    with pytest.raises(CouponError, match="valid"):
        add_coupon(store, show, value_cents=500, valid_from=end, valid_to=end)


def test_coupon_issued_offline_arrives_once(store: Store, tmp_path: Path) -> None:
    """Issued while the database is away: queued, then stored exactly once."""
    store.outbox = Outbox(tmp_path / "outbox.sqlite")
    store.sync_writer = SyncWriter(store, store.outbox, store.link)
    show = create_show_from_script_file(store, demo_script_path())
    before = len(list_coupons(store, show))
    store.link.update(online=False)
    uid, queued = add_coupon(store, show, value_cents=500, count=10)
    assert queued
    store.link.update(online=True)
    assert store.flush_outbox() == 1 and store.flush_outbox() == 0
    assert [c.uid for c in list_coupons(store, show)].count(uid) == 1
    assert len(list_coupons(store, show)) == before + 1


def test_script_product_fields_and_coupons_round_trip_and_reach_the_rows(store: Store) -> None:
    """Link numbers, floors and the coupons of the demo survive save -> load and are on the
    product rows and coupon rows of a new show."""
    script = load_script_file(demo_script_path())
    again = load_script_text(dump_yaml(script), "again.yaml")
    assert again == script
    assert [p.link for p in script.products] == list(range(1, 9))
    assert script.product(SKU) is not None and script.product(SKU).floor_cents == 8_900  # type: ignore[union-attr]
    show = create_show_from_script_file(store, demo_script_path())
    derived = derive_show(store, show, from_epoch(NOW))
    assert [d.product.link for d in derived] == list(range(1, 9))
    essence = find(derived, "MZ-JH01")
    assert essence is not None and essence.best_price_cents == 25_900 - 3_000 - 2_000
    assert len(list_coupons(store, show)) == 2


def test_editing_the_script_keeps_what_happened_live(store: Store, show: int) -> None:
    """After a live price change, a top-up and a present, saving an edited script keeps them
    (a title edit must not reset the board); fields never changed live follow the script."""
    change_price(store, show, SKU, 14_900, clock=lambda: NOW)
    add_stock(store, show, SKU, 100, clock=lambda: NOW)
    present(store, show, SKU, clock=lambda: NOW)
    script = load_script(store, show)
    products = tuple(
        replace(p, live_price_cents=p.live_price_cents + 100, link=(p.link or 0) + 10)
        for p in script.products
    )
    replace_script(store, show, replace(script, products=products))
    with store.session() as s:
        rows = {p.sku: p for p in load_products(s, show)}
    lip = rows[SKU]
    assert (lip.live_price_cents, lip.stock_added, lip.state, lip.link) == (
        14_900, 100, "presenting", 13
    )  # fmt: skip
    assert rows["MZ-JH01"].live_price_cents == 26_000 and rows["MZ-JH01"].state == "pending"


def facts(**kw: object) -> ProductFacts:
    product = LiveProduct("A", "a", 30_000, 20_000, stock_initial=500, link=1,
                          floor_set_cents=15_000)  # fmt: skip
    base: dict[str, object] = {"products": (product,)}
    base.update(kw)
    return ProductFacts(**base)  # type: ignore[arg-type]


def checklist_for(live: ProductFacts) -> dict[str, str]:
    inp = ReadinessInputs(
        show_id=1, status="planned", gmv_target_cents=1, traffic_target=1, script_problems=(),
        segment_count=1, planned_seconds=60, stock=(), device_checks={}, live=live,
    )  # fmt: skip
    return {i.key: i.status for i in evaluate(inp).items}


def test_readiness_items_for_live_products() -> None:
    """Each gate item fails (or warns) on its own problem and passes otherwise."""
    end = datetime(2026, 12, 12, 22, 0, tzinfo=UTC)
    ok = checklist_for(facts(planned_end=end))
    assert {k: ok[k] for k in ITEMS} == dict.fromkeys(ITEMS, "pass")
    p = facts().products[0]
    assert checklist_for(facts(products=(replace(p, link=None),)))["product_links"] == "fail"
    two = (p, replace(p, sku="B"))
    assert checklist_for(facts(products=two))["product_links"] == "fail"
    above = replace(p, live_price_cents=31_000)
    assert checklist_for(facts(products=(above,)))["product_prices"] == "fail"
    assert checklist_for(facts(flash_sales=(("A", 14_000, 100),)))["product_prices"] == "fail"
    assert checklist_for(facts(flash_sales=(("A", 15_000, 501),)))["flash_quota"] == "fail"
    early = CouponTerms("c1", 1_000, valid_to=end - timedelta(minutes=1))
    assert checklist_for(facts(coupons=(early,), planned_end=end))["coupons"] == "fail"
    deep = (CouponTerms("p", 3_000, skus=("A",)), CouponTerms("s", 2_500))
    assert checklist_for(facts(coupons=deep, planned_end=end))["coupons"] == "fail"
    assert checklist_for(facts(planned_sales={"A": 501}))["stock_plan"] == "warn"


def test_demo_show_passes_the_live_product_items(store: Store, show: int) -> None:
    """The demo script is numbered, priced, within stock and its coupons clear the floor."""
    items = {i.key: i.status for i in readiness(store, show, clock=lambda: NOW).items}
    assert {k: items[k] for k in ITEMS} == dict.fromkeys(ITEMS, "pass")


def test_price_periods_split_sales_by_price(store: Store, show: int) -> None:
    """¥159 until a ¥99 flash sale of 2 minutes, then ¥149 after a change: three periods,
    each with the units and GMV sold in it."""
    start, t_flash, t_price, end = (from_epoch(NOW + t) for t in (0, 100, 400, 600))
    start_flash_sale(store, show, SKU, 9_900, 300, seconds=120, clock=lambda: NOW + 100)
    change_price(store, show, SKU, 14_900, clock=lambda: NOW + 400)
    rows = orders(show, (0, 0), (99, 10), (219, 200), (399, 210), (599, 230))
    gmv = [(0, 0), (99, 159_000), (219, 159_000 + 190 * 9_900), (399, 159_000 + 190 * 9_900
           + 10 * 15_900), (599, 159_000 + 190 * 9_900 + 10 * 15_900 + 20 * 14_900)]  # fmt: skip
    rows += [make_row(show, "sim", "gmv_cents", NOW + t, v, SKU) for t, v in gmv]
    write_samples(store, rows)
    with store.session() as s:
        product = next(p for p in load_products(s, show) if p.sku == SKU)
        periods = with_sales(
            s, show, price_periods(product, product_history(store, show, SKU), start, end)
        )
    assert [(p.starts_at, p.ends_at, p.price_cents, p.flash) for p in periods] == [
        (start, t_flash, 15_900, False),
        (t_flash, t_flash + timedelta(seconds=120), 9_900, True),
        (t_flash + timedelta(seconds=120), t_price, 15_900, False),
        (t_price, end, 14_900, False),
    ]
    assert [(p.sold, p.gmv_cents) for p in periods] == [
        (10, 159_000), (190, 190 * 9_900), (10, 10 * 15_900), (20, 20 * 14_900)
    ]  # fmt: skip
    whole_show = show_price_periods(store, show, start, end)
    assert whole_show[SKU] == periods
    assert [(p.price_cents, p.sold) for p in whole_show["MZ-JH01"]] == [(25_900, None)]


def test_simulator_never_sells_past_quota_or_stock() -> None:
    """A hot flash sale sells exactly its quota (not more), and a product with little stock
    stops at its stock; with plenty of stock the draws are those of an unlimited show."""
    segs = [
        SimSegment("p", "product", 900, "A"),
        SimSegment("f", "flash_sale", 600, "B", {"flash_sale": {"quantity": 50, "price_cents": 100}}),
        SimSegment("p2", "product", 900, "B"),
    ]  # fmt: skip

    def run(stocks: dict[str, int] | None) -> ShowSimulator:
        sim = ShowSimulator(segs, show_id=1, start_ts=NOW, seed=3, base_traffic=60.0,
                            stocks=stocks)  # fmt: skip
        for _ in sim.run_all():
            pass
        return sim

    free = run(None)
    assert free.sku_c["A"]["orders"] > 30
    tight = run({"A": 30, "B": 60})
    assert tight.sku_c["A"]["orders"] == 30
    assert tight.sku_c["B"]["orders"] == 60  # 50 in the flash sale, 10 after it
    assert tight.flash_left["f"] == 0
    flash_only = ShowSimulator(segs[1:2], show_id=1, start_ts=NOW, seed=3, base_traffic=60.0)
    for _ in flash_only.run_all():
        pass
    assert flash_only.sku_c["B"]["orders"] == 50
    big = run({"A": 10**6, "B": 10**6})
    assert big.sku_c == free.sku_c


def test_load_stocks_counts_top_ups(store: Store, show: int) -> None:
    """The simulator's stock for a show is the initial stock plus what was added live."""
    add_stock(store, show, SKU, 250, clock=lambda: NOW)
    assert load_stocks(store, show)[SKU] == 1_750
