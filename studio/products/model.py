"""A live product as plain frozen data, and `Derived`: what every screen shows of it.

Money is integer cents; counts are whole units; times are aware UTC datetimes. `LiveProduct` is
what the store holds (the script's plan plus what changed live); `Sales` is what the metrics
store says about the product; `Derived` is computed from both by `studio.products.derive`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

PRODUCT_STATES: Final = ("pending", "listed", "presenting", "sold_out", "unlisted")
FLAGS: Final = (
    "oversell",
    "low_stock",
    "sold_out",
    "below_floor",
    "coupon_below_floor",
    "coupon_exhausted",
)


@dataclass(frozen=True, slots=True)
class FlashSale:
    """A flash sale (秒杀): `quota` units at `price_cents` from `starts_at` (inclusive) to
    `ends_at` (exclusive). No start: announced, not running yet; no end: runs until ended."""

    price_cents: int
    quota: int
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    def running(self, now: datetime) -> bool:
        return (
            self.starts_at is not None
            and self.starts_at <= now
            and (self.ends_at is None or now < self.ends_at)
        )

    def started(self, now: datetime) -> bool:
        return self.starts_at is not None and self.starts_at <= now


@dataclass(frozen=True, slots=True)
class CouponTerms:
    """A coupon: `value_cents` off once the price reaches `threshold_cents` (满减; threshold 0 is
    a plain 立减). No SKUs: the whole shop. `count` 0: unlimited."""

    uid: str
    value_cents: int
    threshold_cents: int = 0
    count: int = 0
    claimed: int = 0
    used: int = 0
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    skus: tuple[str, ...] = ()
    name: str = ""

    @property
    def shop_wide(self) -> bool:
        return not self.skus

    @property
    def exhausted(self) -> bool:
        return self.count > 0 and self.claimed >= self.count

    @property
    def left(self) -> int | None:
        """Coupons still to claim (None: unlimited)."""
        return None if self.count <= 0 else max(self.count - self.claimed, 0)

    def applies_to(self, sku: str) -> bool:
        return self.shop_wide or sku in self.skus

    def valid_at(self, now: datetime) -> bool:
        return (self.valid_from is None or self.valid_from <= now) and (
            self.valid_to is None or now <= self.valid_to
        )

    def expired(self, now: datetime) -> bool:
        return self.valid_to is not None and now > self.valid_to

    def as_json(self) -> dict[str, Any]:
        """The contract of `studio coupon list --json` (and the `coupons` of a product)."""
        return {
            "uid": self.uid,
            "name": self.name,
            "value_cents": self.value_cents,
            "threshold_cents": self.threshold_cents,
            "count": self.count,
            "claimed": self.claimed,
            "used": self.used,
            "left": self.left,
            "valid_from": _iso(self.valid_from),
            "valid_to": _iso(self.valid_to),
            "skus": list(self.skus),
        }


@dataclass(frozen=True, slots=True)
class LiveProduct:
    """A show's product as stored: the plan and everything changed live."""

    sku: str
    name: str
    list_price_cents: int
    live_price_cents: int
    stock_initial: int
    stock_added: int = 0
    link: int | None = None
    state: str = "pending"
    cost_cents: int | None = None
    floor_set_cents: int | None = None  # as set; `floor_cents` falls back to the cost
    low_stock_at: int | None = None
    flash: FlashSale | None = None
    position: int = 0
    image_path: str | None = None

    @property
    def floor_cents(self) -> int | None:
        """The lowest price allowed: as set, else the cost, else none."""
        return self.floor_set_cents if self.floor_set_cents is not None else self.cost_cents

    @property
    def stock_total(self) -> int:
        return self.stock_initial + self.stock_added


@dataclass(slots=True)  # read-only by convention (see FlashStatus): 200 are made a second
class Sales:
    """What the metrics store says about one product; None where no sample exists.

    `sold` counts units (a per-SKU `units` metric when a source gives one, else orders);
    `sold_at_flash_start` / `sold_at_flash_end` are that count as it stood at the flash sale's
    start and end (end: None while the sale runs, or when no sample reached that far)."""

    sold: int | None = None
    product_exposures: int | None = None
    clicks: int | None = None
    orders: int | None = None
    buyers: int | None = None
    gmv_cents: int | None = None
    sold_at_flash_start: int | None = None
    sold_at_flash_end: int | None = None


# Read-only by convention, not frozen: a frozen dataclass sets each field through
# object.__setattr__, which made building one Derived cost more than deriving it (200 products
# at 1 Hz, benchmarks/bench_products.py).
@dataclass(slots=True)
class FlashStatus:
    price_cents: int
    quota: int
    sold: int  # units sold inside the window so far (0 before it starts)
    quota_left: int  # quota - sold; below 0 only when oversold (flagged)
    starts_at: datetime | None
    ends_at: datetime | None
    running: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "price_cents": self.price_cents,
            "quota": self.quota,
            "sold": self.sold,
            "quota_left": self.quota_left,
            "starts_at": _iso(self.starts_at),
            "ends_at": _iso(self.ends_at),
            "running": self.running,
        }


@dataclass(slots=True)
class Derived:
    """Everything a screen shows of a product at one moment, from `derive`."""

    product: LiveProduct
    at: datetime
    effective_price_cents: int  # the flash price inside its window, else the live price
    best_price_cents: int  # 到手价: the effective price after the best stack of coupons
    best_coupons: tuple[str, ...]  # uids of that stack
    sold: int
    stock_left: int  # stock_initial + stock_added - sold; below 0 only when oversold
    sell_through: float | None  # sold / (initial + added)
    flash: FlashStatus | None
    coupons: tuple[CouponTerms, ...]  # every coupon that applies to this product
    sales: Sales
    ctr: float | None
    cvr: float | None
    flags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def sku(self) -> str:
        return self.product.sku

    @property
    def presenting(self) -> bool:
        return self.product.state == "presenting"

    @property
    def flash_running(self) -> bool:
        return self.flash is not None and self.flash.running

    def as_json(self) -> dict[str, Any]:
        """The contract of `studio product list --json`."""
        p, s = self.product, self.sales
        return {
            "sku": p.sku,
            "link": p.link,
            "name": p.name,
            "state": p.state,
            "list_price_cents": p.list_price_cents,
            "live_price_cents": p.live_price_cents,
            "effective_price_cents": self.effective_price_cents,
            "best_price_cents": self.best_price_cents,
            "floor_cents": p.floor_cents,
            "cost_cents": p.cost_cents,
            "stock_initial": p.stock_initial,
            "stock_added": p.stock_added,
            "sold": self.sold,
            "stock_left": self.stock_left,
            "sell_through": self.sell_through,
            "flash_sale": None if self.flash is None else self.flash.as_json(),
            "coupons": [c.as_json() for c in self.coupons],
            "product_exposures": s.product_exposures,
            "clicks": s.clicks,
            "orders": s.orders,
            "gmv_cents": s.gmv_cents,
            "ctr": self.ctr,
            "cvr": self.cvr,
            "flags": list(self.flags),
        }


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()
