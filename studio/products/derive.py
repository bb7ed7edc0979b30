"""The one function that turns a stored product and its sales into what every screen shows.

Pure: the product, its sales figures, the show's coupons and `now` in; a `Derived` out. The
board, the prompter card, `studio product list`, the review and the readiness gate all call
this, so no two screens can disagree about a price or what is left.

- effective price: the flash-sale price inside the sale's window [start, end), else the live
  price;
- 到手价: the effective price after the best stack of coupons (`studio.products.coupons`);
- stock left = initial + added - sold (negative only when oversold, which is flagged);
- quota left = quota - units sold inside the window, where units sold inside the window = sold
  at the window's end (or now) - sold at its start;
- sell-through = sold / (initial + added); CTR and CVR by `studio.metrics.kpi`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from studio.metrics import kpi
from studio.products import coupons as coupon_rules
from studio.products.flags import flags_for
from studio.products.model import CouponTerms, Derived, FlashStatus, LiveProduct, Sales


def flash_status(
    product: LiveProduct, sales: Sales, sold: int, now: datetime
) -> FlashStatus | None:
    fs = product.flash
    if fs is None:
        return None
    running = fs.running(now)
    if not fs.started(now):
        in_window = 0
    else:
        base = sales.sold_at_flash_start or 0
        ended = fs.ends_at is not None and now >= fs.ends_at
        top = sales.sold_at_flash_end if ended and sales.sold_at_flash_end is not None else sold
        in_window = max(top - base, 0)
    return FlashStatus(
        price_cents=fs.price_cents,
        quota=fs.quota,
        sold=in_window,
        quota_left=fs.quota - in_window,
        starts_at=fs.starts_at,
        ends_at=fs.ends_at,
        running=running,
    )


def derive(
    product: LiveProduct,
    sales: Sales,
    coupons: Sequence[CouponTerms],
    now: datetime,
) -> Derived:
    """What a screen shows of `product` at `now` (an aware datetime from the show's clock)."""
    sold = sales.sold or 0
    flash = flash_status(product, sales, sold, now)
    running = flash is not None and flash.running
    effective = flash.price_cents if running and flash is not None else product.live_price_cents
    mine = tuple(c for c in coupons if c.applies_to(product.sku))
    best, used = coupon_rules.best_price(effective, mine, product.sku, now, flash_running=running)
    total = product.stock_total
    flags = flags_for(
        state=product.state,
        stock_total=total,
        sold=sold,
        low_stock_at=product.low_stock_at,
        flash_sold=None if flash is None else flash.sold,
        flash_quota=None if flash is None else flash.quota,
        effective_price_cents=effective,
        best_price_cents=best,
        floor_cents=product.floor_cents,
        coupon_exhausted=coupon_rules.exhausted_for(mine, product.sku, now),
    )
    return Derived(
        product=product,
        at=now,
        effective_price_cents=effective,
        best_price_cents=best,
        best_coupons=used,
        sold=sold,
        stock_left=total - sold,
        sell_through=kpi.ratio(sold, total),
        flash=flash,
        coupons=mine,
        sales=sales,
        ctr=kpi.ctr(sales.clicks, sales.product_exposures),
        # Buyers per SKU when the source gives them; else orders (one buyer an order).
        cvr=kpi.cvr(sales.buyers if sales.buyers is not None else sales.orders, sales.clicks),
        flags=flags,
    )


def derive_all(
    products: Sequence[LiveProduct],
    sales: Mapping[str, Sales],
    coupons: Sequence[CouponTerms],
    now: datetime,
) -> list[Derived]:
    """`derive` for every product of a show, in the order given (link number, then position)."""
    empty = Sales()
    # Each product is handed only the coupons that apply to it (shop coupons and its own), in
    # issue order: 200 products x 20 coupons checked one by one cost most of a board refresh.
    shop = [(i, c) for i, c in enumerate(coupons) if c.shop_wide]
    own: dict[str, list[tuple[int, CouponTerms]]] = {}
    for i, c in enumerate(coupons):
        for sku in c.skus:
            own.setdefault(sku, []).append((i, c))
    plain = [c for _, c in shop]
    out = []
    for p in products:
        mine = own.get(p.sku)
        applicable = plain if mine is None else [c for _, c in sorted(shop + mine)]
        out.append(derive(p, sales.get(p.sku, empty), applicable, now))
    return out
