"""Reading a show's live products from the store, and `LiveProducts`, the cheap 1 Hz reader.

Sales come from the per-SKU samples of the metrics store: units sold are the per-SKU `units`
metric where a source gives one, else `orders`. The newest value of every per-SKU series of a
show is one query (metric_series' last sample time joined to the samples); a flash sale's window
edges are one probe each and are kept until a late sample at or before the edge arrives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from studio.metrics.series import latest_value
from studio.products.derive import derive_all
from studio.products.model import CouponTerms, Derived, FlashSale, LiveProduct, Sales
from studio.store.changes import Change
from studio.store.models import Coupon, MetricSample, MetricSeries, Product, Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock

UNITS: Final = "units"
SALES_METRICS: Final = (
    UNITS,
    "orders",
    "product_exposures",
    "product_clicks",
    "buyers",
    "gmv_cents",
)
# Changes that alter the product rows or coupons (metric samples are handled apart).
ROW_TABLES: Final = frozenset({"product", "product_event", "coupon", "show"})


def product_of(row: Product) -> LiveProduct:
    flash = None
    if row.flash_price_cents is not None and row.flash_quota is not None:
        flash = FlashSale(
            row.flash_price_cents, row.flash_quota, row.flash_starts_at, row.flash_ends_at
        )
    return LiveProduct(
        sku=row.sku,
        name=row.name,
        list_price_cents=row.list_price_cents,
        live_price_cents=row.live_price_cents,
        stock_initial=row.stock,
        stock_added=row.stock_added or 0,
        link=row.link,
        state=row.state or "pending",
        cost_cents=row.cost_cents,
        floor_set_cents=row.floor_cents,
        low_stock_at=row.low_stock_at,
        flash=flash,
        position=row.position,
        image_path=row.image_path,
    )


def coupon_of(row: Coupon) -> CouponTerms:
    return CouponTerms(
        uid=row.uid,
        value_cents=row.value_cents,
        threshold_cents=row.threshold_cents,
        count=row.count,
        claimed=row.claimed,
        used=row.used,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        skus=tuple(str(s) for s in row.skus or ()),
        name=row.name,
    )


def board_order(p: LiveProduct) -> tuple[bool, int, int]:
    """Link number first (products without one last), then the script's order."""
    return (p.link is None, p.link or 0, p.position)


def load_products(s: Session, show_id: int) -> list[LiveProduct]:
    rows = s.scalars(select(Product).where(Product.show_id == show_id))
    return sorted((product_of(r) for r in rows), key=board_order)


def load_coupons(s: Session, show_id: int) -> list[CouponTerms]:
    rows = s.scalars(select(Coupon).where(Coupon.show_id == show_id).order_by(Coupon.id))
    return [coupon_of(r) for r in rows]


Latest = dict[tuple[str, str], int]  # (metric, sku) -> value


def latest_per_sku(s: Session, show_id: int, at: float | None = None) -> Latest:
    """The value of every per-SKU sales series standing at `at` (None: the newest)."""
    if at is not None:
        keys = s.execute(
            select(MetricSeries.metric, MetricSeries.sku).where(
                MetricSeries.show_id == show_id,
                MetricSeries.metric.in_(SALES_METRICS),
                MetricSeries.sku != "",
            )
        ).all()
        out: Latest = {}
        for metric, sku in keys:
            v = latest_value(s, show_id, metric, at, sku)
            if v is not None:
                out[(metric, sku)] = int(v)
        return out
    M = MetricSample
    q = (
        select(M.metric, M.sku, M.value, M.value_real)
        .join(
            MetricSeries,
            and_(
                MetricSeries.show_id == M.show_id,
                MetricSeries.metric == M.metric,
                MetricSeries.sku == M.sku,
                MetricSeries.last_ts == M.ts,
            ),
        )
        .where(
            MetricSeries.show_id == show_id,
            MetricSeries.metric.in_(SALES_METRICS),
            MetricSeries.sku != "",
        )
        .order_by(M.source.desc())  # several sources at one time: the first by name wins
    )
    latest: Latest = {}
    for metric, sku, value, value_real in s.execute(q):
        v = value if value is not None else value_real
        if v is not None:
            latest[(metric, sku)] = int(v)
    return latest


def sold_metric(latest: Mapping[tuple[str, str], int], sku: str) -> str:
    return UNITS if (UNITS, sku) in latest else "orders"


def sales_of(
    sku: str, latest: Mapping[tuple[str, str], int], edges: tuple[int | None, int | None]
) -> Sales:
    return Sales(
        sold=latest.get((sold_metric(latest, sku), sku)),
        product_exposures=latest.get(("product_exposures", sku)),
        clicks=latest.get(("product_clicks", sku)),
        orders=latest.get(("orders", sku)),
        buyers=latest.get(("buyers", sku)),
        gmv_cents=latest.get(("gmv_cents", sku)),
        sold_at_flash_start=edges[0],
        sold_at_flash_end=edges[1],
    )


@dataclass
class _Edges:
    """Sold counts at flash-sale window edges: (metric, sku, ts) -> value (None: no sample)."""

    values: dict[tuple[str, str, float], int | None]

    def get(self, s: Session, show_id: int, metric: str, sku: str, at: datetime) -> int | None:
        key = (metric, sku, at.timestamp())
        if key not in self.values:
            v = latest_value(s, show_id, metric, key[2], sku)
            self.values[key] = None if v is None else int(v)
        return self.values[key]

    def drop_from(self, ts: float) -> None:
        """Samples at or after `ts` arrived: edges from there on may have moved."""
        for key in [k for k in self.values if k[2] >= ts]:
            del self.values[key]


def _edges_for(
    s: Session,
    show_id: int,
    p: LiveProduct,
    metric: str,
    edges: _Edges,
    now: datetime,
) -> tuple[int | None, int | None]:
    fs = p.flash
    if fs is None or fs.starts_at is None or fs.starts_at > now:
        return (None, None)
    start = edges.get(s, show_id, metric, p.sku, fs.starts_at)
    end = None
    if fs.ends_at is not None and fs.ends_at <= now:
        end = edges.get(s, show_id, metric, p.sku, fs.ends_at)
    return (start, end)


class LiveProducts:
    """A show's derived products for a board or prompter, re-read only as far as changed.

    Subscribes to the store's change bus (own and, on PostgreSQL, other stations' changes):
    product rows and coupons are re-read after a product, product_event, coupon or show change;
    the per-SKU sales after a metric_sample change; window-edge values only when a sample at or
    before the edge arrives. `refresh()` then costs one query or none. Call `close()` when done.
    """

    def __init__(
        self, store: Store, show_id: int, clock: Clock = wall_clock, *, subscribe: bool = True
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.clock = clock
        self._lock = threading.Lock()
        self._rows_dirty = True
        self._sales_dirty = True
        self._edge_from: float | None = None
        self._subscribed = subscribe
        self._products: list[LiveProduct] = []
        self._coupons: list[CouponTerms] = []
        self._latest: Latest = {}
        self._edges = _Edges({})
        self._last: list[Derived] = []
        self._unsubscribe: Callable[[], None] | None = (
            store.bus.subscribe(self.note_change) if subscribe else None
        )

    def note_change(self, change: Change) -> None:
        """Mark what a change makes stale (safe from any thread)."""
        if change.show_id is not None and change.show_id != self.show_id:
            return
        with self._lock:
            if change.table in ROW_TABLES:
                self._rows_dirty = True
            elif change.table == "metric_sample":
                self._sales_dirty = True
                if change.row_id is not None:
                    ts = float(change.row_id)
                    self._edge_from = ts if self._edge_from is None else min(self._edge_from, ts)
                else:
                    self._edge_from = float("-inf")

    def refresh(self, now: datetime | None = None) -> list[Derived]:
        """Every product derived at `now` (default: the clock), board order."""
        when = now or from_epoch(self.clock())
        with self._lock:
            rows, sales = self._rows_dirty or not self._subscribed, self._sales_dirty
            sales = sales or not self._subscribed
            edge_from = self._edge_from
            self._rows_dirty = self._sales_dirty = False
            self._edge_from = None
        if not self._subscribed:
            self._edges.values.clear()
        elif edge_from is not None:
            self._edges.drop_from(edge_from)
        with self.store.session() as s:
            if rows:
                if s.get(Show, self.show_id) is None:
                    raise ShowNotFound(f"no show with id {self.show_id}")
                self._products = load_products(s, self.show_id)
                self._coupons = load_coupons(s, self.show_id)
            if sales:
                self._latest = latest_per_sku(s, self.show_id)
            per_sku = {
                p.sku: sales_of(
                    p.sku,
                    self._latest,
                    _edges_for(
                        s,
                        self.show_id,
                        p,
                        sold_metric(self._latest, p.sku),
                        self._edges,
                        when,
                    ),
                )
                for p in self._products
            }
        self._last = derive_all(self._products, per_sku, self._coupons, when)
        return self._last

    @property
    def last(self) -> list[Derived]:
        """What the last refresh derived (no database access)."""
        return self._last

    def get(self, sku: str) -> Derived | None:
        return next((d for d in self._last if d.sku == sku), None)

    def presenting(self) -> Derived | None:
        return next((d for d in self._last if d.presenting), None)

    def by_link(self, link: int) -> Derived | None:
        return next((d for d in self._last if d.product.link == link), None)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def derive_show(
    store: Store, show_id: int, now: datetime, at: float | None = None
) -> list[Derived]:
    """A show's products derived once at `now` (sales as they stood at `at`, epoch seconds;
    None: the newest) — what a command or report calls."""
    edges = _Edges({})
    with store.session() as s:
        if s.get(Show, show_id) is None:
            raise ShowNotFound(f"no show with id {show_id}")
        products = load_products(s, show_id)
        coupons = load_coupons(s, show_id)
        latest = latest_per_sku(s, show_id, at)
        per_sku = {
            p.sku: sales_of(
                p.sku, latest, _edges_for(s, show_id, p, sold_metric(latest, p.sku), edges, now)
            )
            for p in products
        }
    return derive_all(products, per_sku, coupons, now)


def find(derived: Iterable[Derived], sku: str) -> Derived | None:
    return next((d for d in derived if d.sku == sku), None)
