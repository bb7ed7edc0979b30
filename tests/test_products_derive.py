"""The one derive: figures against hand-computed cases (flash-sale window edges, top-ups,
oversell, coupon stacking rules, flags) and the stock-left property."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.products.coupons import best_price
from studio.products.derive import derive
from studio.products.flags import low_stock_threshold
from studio.products.model import CouponTerms, FlashSale, LiveProduct, Sales

T0 = datetime(2026, 12, 12, 12, 0, tzinfo=UTC)
START = T0 + timedelta(minutes=30)
END = START + timedelta(minutes=5)


def lipstick(**kw: object) -> LiveProduct:
    base: dict[str, object] = {
        "sku": "MZ-KH03",
        "name": "丝绒雾面口红",
        "list_price_cents": 26_900,
        "live_price_cents": 15_900,
        "stock_initial": 1_500,
        "flash": FlashSale(9_900, 300, START, END),
    }
    base.update(kw)
    return LiveProduct(**base)  # type: ignore[arg-type]


def test_flash_price_applies_from_the_first_instant_of_the_window_until_before_its_end() -> None:
    """Start is inclusive, end exclusive: ¥99 at the start, ¥159 a microsecond before it and
    at the end itself."""
    p = lipstick()
    sales = Sales(sold=500, sold_at_flash_start=177)
    tick = timedelta(microseconds=1)
    assert derive(p, Sales(sold=177), [], START - tick).effective_price_cents == 15_900
    assert derive(p, sales, [], START).effective_price_cents == 9_900
    assert derive(p, sales, [], END - tick).effective_price_cents == 9_900
    ended = derive(p, Sales(sold=500, sold_at_flash_start=177, sold_at_flash_end=460), [], END)
    assert ended.effective_price_cents == 15_900
    assert ended.flash is not None and not ended.flash.running


def test_quota_left_counts_only_what_sold_inside_the_window() -> None:
    """The issue's case: 1,500 stock, 177 sold before the sale, 323 in total now during it:
    146 of the 300 quota went at ¥99, 154 left, 1,000 units of stock left."""
    d = derive(
        lipstick(), Sales(sold=323, sold_at_flash_start=177), [], START + timedelta(minutes=2)
    )
    assert d.flash is not None
    assert (d.flash.sold, d.flash.quota_left, d.flash.running) == (146, 154, True)
    assert d.stock_left == 1_500 - 323
    assert d.effective_price_cents == 9_900 and d.best_price_cents == 9_900
    assert "oversell" not in d.flags


def test_after_the_window_its_sales_stop_at_the_end_value() -> None:
    """Once ended, sold within the window is the count at its end minus at its start."""
    d = derive(
        lipstick(),
        Sales(sold=700, sold_at_flash_start=100, sold_at_flash_end=390),
        [],
        END + timedelta(minutes=10),
    )
    assert d.flash is not None and (d.flash.sold, d.flash.quota_left) == (290, 10)


def test_flash_sale_not_started_has_its_whole_quota() -> None:
    """Announced but not started (no start time): live price, quota untouched."""
    p = lipstick(flash=FlashSale(9_900, 300, None, None))
    d = derive(p, Sales(sold=40), [], START)
    assert d.effective_price_cents == 15_900
    assert d.flash is not None and (d.flash.sold, d.flash.quota_left, d.flash.running) == (
        0,
        300,
        False,
    )


def test_oversold_quota_is_flagged_and_quota_left_goes_negative() -> None:
    """310 sold inside a 300 window: oversell, quota left -10 (so the board can say by how much)."""
    d = derive(
        lipstick(), Sales(sold=410, sold_at_flash_start=100), [], START + timedelta(seconds=30)
    )
    assert d.flash is not None and d.flash.quota_left == -10
    assert "oversell" in d.flags


def test_replenishment_adds_to_stock_left_and_clears_sold_out() -> None:
    """800 initial, 800 sold: sold out; 200 added: 200 left, low stock (threshold 80), not out."""
    p = LiveProduct("A", "a", 39_900, 25_900, stock_initial=800)
    out = derive(p, Sales(sold=800), [], T0)
    assert out.stock_left == 0 and "sold_out" in out.flags and "oversell" not in out.flags
    topped = derive(
        LiveProduct("A", "a", 39_900, 25_900, stock_initial=800, stock_added=200),
        Sales(sold=800),
        [],
        T0,
    )
    assert topped.stock_left == 200 and topped.sell_through == 0.8
    assert "sold_out" not in topped.flags and "low_stock" not in topped.flags  # 200 > 100
    low = derive(
        LiveProduct("A", "a", 39_900, 25_900, stock_initial=800, stock_added=200),
        Sales(sold=905),
        [],
        T0,
    )
    assert low.stock_left == 95 and "low_stock" in low.flags  # 10 % of 1,000 = 100


def test_selling_past_the_stock_is_oversell_with_negative_stock_left() -> None:
    """Stock left is never hidden at 0: 12 past the stock reads -12 and is flagged."""
    d = derive(LiveProduct("A", "a", 1_000, 900, stock_initial=100), Sales(sold=112), [], T0)
    assert d.stock_left == -12 and {"oversell", "sold_out"} <= set(d.flags)


def test_low_stock_threshold_per_product_or_default() -> None:
    """Default: 10 % or 20 units, whichever is more; a product's own threshold wins."""
    assert low_stock_threshold(1_500, None) == 150
    assert low_stock_threshold(100, None) == 20
    assert low_stock_threshold(1_500, 30) == 30
    p = LiveProduct("A", "a", 1_000, 900, stock_initial=1_500, low_stock_at=30)
    assert "low_stock" not in derive(p, Sales(sold=1_400), [], T0).flags
    assert "low_stock" in derive(p, Sales(sold=1_470), [], T0).flags


def coupon(
    uid: str, value: int, threshold: int = 0, skus: tuple[str, ...] = (), **kw: object
) -> CouponTerms:
    return CouponTerms(uid, value, threshold, skus=skus, **kw)  # type: ignore[arg-type]


def test_one_product_coupon_and_one_shop_coupon_stack_product_first() -> None:
    """¥259: product ¥30 off from ¥259 -> ¥229, then shop ¥20 off from ¥199 -> ¥209; a second
    shop coupon does not stack on top."""
    coupons = [
        coupon("shop20", 2_000, 19_900),
        coupon("shop10", 1_000, 0),
        coupon("jh30", 3_000, 25_900, ("MZ-JH01",)),
    ]
    price, used = best_price(25_900, coupons, "MZ-JH01", T0)
    assert (price, used) == (20_900, ("jh30", "shop20"))


def test_shop_threshold_is_checked_after_the_product_coupon() -> None:
    """¥210: product ¥30 off -> ¥180 misses the ¥199 shop threshold; the best stack is then
    the product coupon with the no-threshold ¥10 shop coupon: ¥170."""
    coupons = [
        coupon("shop20", 2_000, 19_900),
        coupon("shop10", 1_000),
        coupon("p30", 3_000, 0, ("S",)),
    ]
    assert best_price(21_000, coupons, "S", T0) == (17_000, ("p30", "shop10"))
    # Without the small shop coupon, shop20 alone (¥190) loses to p30 alone (¥180).
    assert best_price(21_000, coupons[::2], "S", T0) == (18_000, ("p30",))


def test_coupons_outside_their_validity_exhausted_or_for_other_products_do_not_count() -> None:
    """Expired, not yet valid, all claimed, or meant for another SKU: the live price stands."""
    later = T0 + timedelta(hours=1)
    coupons = [
        coupon("expired", 5_000, valid_to=T0 - timedelta(seconds=1)),
        coupon("future", 5_000, valid_from=later),
        coupon("gone", 5_000, count=100, claimed=100),
        coupon("other", 5_000, skus=("B",)),
    ]
    assert best_price(20_000, coupons, "A", T0) == (20_000, ())
    assert best_price(20_000, coupons, "A", later) == (15_000, ("future",))


def test_no_coupon_on_a_flash_price_and_never_below_zero() -> None:
    """Inside the flash window the flash price is the 到手价; a coupon bigger than the price
    gives 0, not a negative price."""
    d = derive(lipstick(), Sales(sold=200, sold_at_flash_start=177), [coupon("c", 1_000)], START)
    assert d.best_price_cents == 9_900 and d.best_coupons == ()
    assert best_price(800, [coupon("big", 1_000)], "A", T0) == (0, ("big",))


def test_floor_flags_for_the_price_and_for_coupons() -> None:
    """A live price under the floor flags below_floor; coupons taking 到手价 under it flag
    coupon_below_floor; an exhausted coupon for the product flags coupon_exhausted."""
    p = LiveProduct("A", "a", 30_000, 20_000, stock_initial=100, floor_set_cents=18_000)
    ok = derive(p, Sales(sold=0), [coupon("c", 1_000)], T0)
    assert ok.best_price_cents == 19_000 and "coupon_below_floor" not in ok.flags
    cut = derive(p, Sales(sold=0), [coupon("c", 3_000)], T0)
    assert cut.best_price_cents == 17_000 and "coupon_below_floor" in cut.flags
    under = derive(
        LiveProduct("A", "a", 30_000, 17_500, stock_initial=100, cost_cents=18_000),
        Sales(),
        [coupon("gone", 1_000, count=5, claimed=5, skus=("A",))],
        T0,
    )
    assert under.product.floor_cents == 18_000  # the cost when no floor is set
    assert {"below_floor", "coupon_exhausted"} <= set(under.flags)


def test_funnel_rates_come_from_the_per_sku_samples() -> None:
    """CTR = clicks / exposures, CVR = buyers / clicks (orders when buyers are unknown)."""
    p = LiveProduct("A", "a", 1_000, 900, stock_initial=100)
    d = derive(p, Sales(sold=30, product_exposures=1_000, clicks=200, orders=30, buyers=25), [], T0)
    assert d.ctr == 0.2 and d.cvr == 0.125
    assert derive(p, Sales(sold=30, clicks=200, orders=30), [], T0).cvr == 0.15
    blank = derive(p, Sales(), [], T0).as_json()
    assert blank["ctr"] is None and blank["sold"] == 0 and blank["gmv_cents"] is None


@settings(max_examples=300, deadline=None)
@given(
    initial=st.integers(0, 5_000),
    added=st.integers(0, 5_000),
    sold=st.integers(0, 12_000),
    base=st.integers(0, 12_000),
    quota=st.integers(1, 2_000),
)
def test_stock_left_is_initial_plus_added_minus_sold_and_never_negative_unflagged(
    initial: int, added: int, sold: int, base: int, quota: int
) -> None:
    """For any figures: stock left = initial + added - sold, and below 0 only with oversell;
    quota left below 0 only with oversell too."""
    p = LiveProduct(
        "A", "a", 10_000, 9_000, stock_initial=initial, stock_added=added,
        flash=FlashSale(5_000, quota, START, END),
    )  # fmt: skip
    d = derive(p, Sales(sold=sold, sold_at_flash_start=min(base, sold)), [], START)
    assert d.stock_left == initial + added - sold
    if d.stock_left < 0:
        assert "oversell" in d.flags
    assert d.flash is not None
    if d.flash.quota_left < 0:
        assert "oversell" in d.flags
    if "oversell" not in d.flags:
        assert d.stock_left >= 0 and d.flash.quota_left >= 0
