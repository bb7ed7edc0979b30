"""The flags a product raises on the board, each a plain word (the JSON contract) with its
on-screen label marked for translation."""

from __future__ import annotations

import math
from typing import Final

from studio.i18n_marks import QT_TRANSLATE_NOOP, Template

# Stock at or below this share of the product's stock, or this many units (whichever is more),
# is low — the same default as the pre-show stock check (studio.planning.stock).
LOW_STOCK_FRACTION: Final = 0.10
LOW_STOCK_UNITS: Final = 20

LABELS: Final[dict[str, Template]] = {
    "oversell": QT_TRANSLATE_NOOP("ProductFlags", "Oversold"),
    "low_stock": QT_TRANSLATE_NOOP("ProductFlags", "Low stock"),
    "sold_out": QT_TRANSLATE_NOOP("ProductFlags", "Sold out"),
    "below_floor": QT_TRANSLATE_NOOP("ProductFlags", "Price below floor"),
    "coupon_below_floor": QT_TRANSLATE_NOOP("ProductFlags", "Coupons take the price below floor"),
    "coupon_exhausted": QT_TRANSLATE_NOOP("ProductFlags", "Coupon used up"),
}


def low_stock_threshold(stock_total: int, per_product: int | None) -> int:
    """Units left at or below which stock is low: the product's own threshold, else 10 % of
    its stock or 20 units, whichever is more."""
    if per_product is not None:
        return per_product
    return max(LOW_STOCK_UNITS, math.ceil(max(stock_total, 0) * LOW_STOCK_FRACTION))


def flags_for(
    *,
    state: str,
    stock_total: int,
    sold: int,
    low_stock_at: int | None,
    flash_sold: int | None,
    flash_quota: int | None,
    effective_price_cents: int,
    best_price_cents: int,
    floor_cents: int | None,
    coupon_exhausted: bool,
) -> tuple[str, ...]:
    """The product's flags, in the order of `studio.products.model.FLAGS`."""
    left = stock_total - sold
    out: list[str] = []
    if sold > stock_total or (
        flash_sold is not None and flash_quota is not None and flash_sold > flash_quota
    ):
        out.append("oversell")
    if 0 < left <= low_stock_threshold(stock_total, low_stock_at):
        out.append("low_stock")
    if state == "sold_out" or left <= 0:
        out.append("sold_out")
    if floor_cents is not None and effective_price_cents < floor_cents:
        out.append("below_floor")
    if (
        floor_cents is not None
        and best_price_cents < effective_price_cents
        and best_price_cents < floor_cents
    ):
        out.append("coupon_below_floor")
    if coupon_exhausted:
        out.append("coupon_exhausted")
    return tuple(out)
