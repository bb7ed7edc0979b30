"""Stock check before a show: planned flash-sale quantities and expected sales against stock.

Pure: `check_stock` takes plain product plans; `load_stock_plan` builds them from a stored show.
Expected sales, when nobody typed them in, are what it takes to reach the GMV target: the target
is spread over the featured products by their planned talk time and divided by the live price.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from studio.metrics.fmt import money_cents
from studio.store.models import Product, Segment, Show
from studio.store.store import Store

Message = tuple[str, Mapping[str, Any]]

LOW_STOCK_FRACTION = 0.10  # less than 10 % of the stock left after the plan is "low"
LOW_STOCK_UNITS = 20


@dataclass(frozen=True)
class StockPlan:
    sku: str
    name: str
    list_price_cents: int
    live_price_cents: int
    stock: int
    flash_quantity: int = 0
    flash_price_cents: int | None = None
    expected_sales: int = 0


@dataclass(frozen=True)
class StockLine:
    plan: StockPlan
    status: str  # pass / warn / fail
    messages: tuple[Message, ...] = field(default_factory=tuple)

    @property
    def demand(self) -> int:
        return self.plan.flash_quantity + self.plan.expected_sales

    @property
    def left_after(self) -> int:
        return self.plan.stock - self.demand


def check_one(p: StockPlan) -> StockLine:
    fails: list[Message] = []
    warns: list[Message] = []
    if p.live_price_cents <= 0:
        fails.append(("stock.no_price", {"sku": p.sku}))
    if p.stock <= 0:
        fails.append(("stock.out", {"sku": p.sku}))
    demand = p.flash_quantity + p.expected_sales
    if p.stock > 0 and demand > p.stock:
        fails.append(
            (
                "stock.short",
                {
                    "sku": p.sku,
                    "demand": demand,
                    "flash": p.flash_quantity,
                    "expected": p.expected_sales,
                    "stock": p.stock,
                },
            )
        )
    elif p.stock > 0:
        left = p.stock - demand
        if left < max(LOW_STOCK_UNITS, math.ceil(p.stock * LOW_STOCK_FRACTION)):
            warns.append(("stock.low", {"sku": p.sku, "left": left}))
    if p.list_price_cents > 0 and p.live_price_cents > p.list_price_cents:
        warns.append(
            (
                "stock.price_above_list",
                {
                    "sku": p.sku,
                    "live": money_cents(p.live_price_cents),
                    "list": money_cents(p.list_price_cents),
                },
            )
        )
    if (
        p.flash_price_cents is not None
        and p.live_price_cents > 0
        and p.flash_price_cents >= p.live_price_cents
    ):
        warns.append(
            (
                "stock.flash_above_live",
                {
                    "sku": p.sku,
                    "flash": money_cents(p.flash_price_cents),
                    "live": money_cents(p.live_price_cents),
                },
            )
        )
    status = "fail" if fails else "warn" if warns else "pass"
    return StockLine(p, status, tuple(fails + warns))


def check_stock(plans: Sequence[StockPlan]) -> list[StockLine]:
    return [check_one(p) for p in plans]


def expected_sales_for_target(
    gmv_target_cents: int,
    prices_cents: Mapping[str, int],
    talk_seconds: Mapping[str, int],
) -> dict[str, int]:
    """Units each product must sell for the show to reach its target, spreading the target over
    the products by planned talk time (rounded up: planning for a unit too many is safe)."""
    total = sum(v for k, v in talk_seconds.items() if prices_cents.get(k, 0) > 0)
    out: dict[str, int] = {}
    for sku, secs in talk_seconds.items():
        price = prices_cents.get(sku, 0)
        if total <= 0 or price <= 0 or gmv_target_cents <= 0:
            out[sku] = 0
            continue
        out[sku] = math.ceil(gmv_target_cents * secs / total / price)
    return out


def load_stock_plan(
    store: Store, show_id: int, expected: Mapping[str, int] | None = None
) -> list[StockPlan]:
    """The show's products with their flash-sale quantities (from the script's segments) and
    expected sales (given, or derived from the GMV target)."""
    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise LookupError(f"no show with id {show_id}")
        products = list(
            s.scalars(select(Product).where(Product.show_id == show_id).order_by(Product.position))
        )
        segments = list(
            s.scalars(select(Segment).where(Segment.show_id == show_id).order_by(Segment.position))
        )
        target = show.gmv_target_cents
    flash_qty: dict[str, int] = {}
    flash_price: dict[str, int] = {}
    talk: dict[str, int] = {}
    for seg in segments:
        sku = seg.product_sku
        if not sku:
            continue
        fs = (seg.extra or {}).get("flash_sale")
        if seg.kind == "flash_sale" and isinstance(fs, Mapping):
            q = fs.get("quantity")
            if isinstance(q, int) and q > 0:
                flash_qty[sku] = flash_qty.get(sku, 0) + q
            price = fs.get("price_cents")
            if isinstance(price, int) and price > 0:
                flash_price[sku] = min(price, flash_price.get(sku, price))
        else:
            talk[sku] = talk.get(sku, 0) + seg.planned_seconds
    prices = {p.sku: p.live_price_cents for p in products}
    derived = expected_sales_for_target(
        target, prices, {p.sku: talk.get(p.sku, 0) for p in products}
    )
    given = dict(expected or {})
    return [
        StockPlan(
            sku=p.sku,
            name=p.name,
            list_price_cents=p.list_price_cents,
            live_price_cents=p.live_price_cents,
            stock=p.stock,
            flash_quantity=flash_qty.get(p.sku, 0),
            flash_price_cents=flash_price.get(p.sku),
            expected_sales=int(given.get(p.sku, derived.get(p.sku, 0))),
        )
        for p in products
    ]
