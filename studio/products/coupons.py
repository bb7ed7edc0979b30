"""The coupon-best 到手价 (the price a buyer pays for one unit with the best coupons).

Stacking rules, the way Douyin / Taobao shops set them up:

1. A coupon counts for a product at `now` when it applies to the product (its SKU list names
   it, or it has no SKU list: a shop coupon, 店铺券), it is valid at `now` (`valid_from` <= now
   <= `valid_to`; a missing end is open), and it is not exhausted (`count` 0 is unlimited,
   otherwise fewer than `count` have been claimed).
2. A coupon applies only when the price it is applied to reaches its threshold (满减: "¥20 off
   from ¥199"; a threshold of 0 always applies). The 到手价 is per unit, as the anchor quotes it,
   so the threshold is checked against one unit's price.
3. At most one product coupon (商品券, with a SKU list) and at most one shop coupon stack on a
   unit. The product coupon applies first; the shop coupon's threshold is then checked against
   the price after the product coupon.
4. No coupon applies to a flash-sale (秒杀) price: inside a flash-sale window the flash price is
   the 到手价.
5. Of all allowed stacks the lowest price wins; on a tie the stack with fewer coupons, then the
   coupons listed first (the order given, i.e. the order they were issued).
6. The 到手价 never goes below 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from studio.products.model import CouponTerms


def usable(coupons: Sequence[CouponTerms], sku: str, now: datetime) -> list[CouponTerms]:
    """Rule 1: the coupons that count for `sku` at `now`, in the order given."""
    return [c for c in coupons if c.applies_to(sku) and c.valid_at(now) and not c.exhausted]


def _apply(price: int, coupon: CouponTerms | None) -> int | None:
    """The price after `coupon` (None: its threshold is not reached)."""
    if coupon is None:
        return price
    if price < coupon.threshold_cents:
        return None
    return max(price - coupon.value_cents, 0)


def best_price(
    price_cents: int,
    coupons: Sequence[CouponTerms],
    sku: str,
    now: datetime,
    *,
    flash_running: bool = False,
) -> tuple[int, tuple[str, ...]]:
    """The 到手价 of one unit at `price_cents` and the uids of the coupons that give it."""
    if flash_running or not coupons:
        return price_cents, ()
    ok = usable(coupons, sku, now)
    product: list[CouponTerms | None] = [None, *(c for c in ok if not c.shop_wide)]
    shop: list[CouponTerms | None] = [None, *(c for c in ok if c.shop_wide)]
    best = (price_cents, 0, 0, 0)  # price, coupons used, rank of product, rank of shop coupon
    chosen: tuple[CouponTerms | None, CouponTerms | None] = (None, None)
    # Two short lists (a show issues a handful of coupons): trying every pair is the rule itself.
    for i, pc in enumerate(product):
        after_product = _apply(price_cents, pc)
        if after_product is None:
            continue
        for j, sc in enumerate(shop):
            final = _apply(after_product, sc)
            if final is None:
                continue
            key = (final, (pc is not None) + (sc is not None), i, j)
            if key < best:
                best, chosen = key, (pc, sc)
    return best[0], tuple(c.uid for c in chosen if c is not None)


def exhausted_for(coupons: Sequence[CouponTerms], sku: str, now: datetime) -> bool:
    """A coupon meant for this product (not yet expired) has run out: the anchor must stop
    announcing it."""
    return any(c.applies_to(sku) and c.exhausted and not c.expired(now) for c in coupons)
