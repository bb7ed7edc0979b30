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

from sqlalchemy import select
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
    # One row per series, its newest value probed by primary key in a correlated subquery:
    # a plain join let SQLite scan the show's samples (366 ms against 1.5 ms for 200 SKUs).
    # Sales figures are counts and cents, so `value` (never `value_real`) holds them.
    M, S = MetricSample, MetricSeries
    newest = (
        select(M.value)
        .where(M.show_id == S.show_id, M.ts == S.last_ts, M.metric == S.metric, M.sku == S.sku)
        .order_by(M.source)
        .limit(1)
        .correlate(S)
        .scalar_subquery()
    )
    q = select(S.metric, S.sku, newest).where(
        S.show_id == show_id, S.metric.in_(SALES_METRICS), S.sku != ""
    )
    return {(metric, sku): int(v) for metric, sku, v in s.execute(q) if v is not None}


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


EdgeKey = tuple[str, str, float]  # (metric, sku, epoch seconds)


@dataclass
class _Edges:
    """Sold counts at flash-sale window edges: (metric, sku, ts) -> value (None: no sample)."""

    values: dict[EdgeKey, int | None]

    def fetch(self, s: Session, show_id: int, keys: Iterable[EdgeKey]) -> None:
        """Read the edges not known yet, all in one statement (one probe each by key)."""
        missing = [k for k in dict.fromkeys(keys) if k not in self.values]
        if not missing:
            return
        M = MetricSample
        probes = [
            select(M.value)
            .where(M.show_id == show_id, M.metric == metric, M.sku == sku, M.ts <= ts)
            .order_by(M.ts.desc(), M.source)
            .limit(1)
            .scalar_subquery()
            for metric, sku, ts in missing
        ]
        row = s.execute(select(*probes)).one()
        for key, v in zip(missing, row, strict=True):
            self.values[key] = None if v is None else int(v)

    def drop_from(self, ts: float) -> None:
        """Samples at or after `ts` arrived: edges from there on may have moved."""
        for key in [k for k in self.values if k[2] >= ts]:
            del self.values[key]


def _edge_keys(p: LiveProduct, metric: str, now: datetime) -> tuple[EdgeKey | None, EdgeKey | None]:
    fs = p.flash
    if fs is None or fs.starts_at is None or fs.starts_at > now:
        return (None, None)
    start = (metric, p.sku, fs.starts_at.timestamp())
    end = None
    if fs.ends_at is not None and fs.ends_at <= now:
        end = (metric, p.sku, fs.ends_at.timestamp())
    return (start, end)


def _per_sku(
    s: Session,
    show_id: int,
    products: Iterable[LiveProduct],
    latest: Latest,
    edges: _Edges,
    now: datetime,
) -> dict[str, Sales]:
    keys = {p.sku: _edge_keys(p, sold_metric(latest, p.sku), now) for p in products}
    edges.fetch(s, show_id, (k for pair in keys.values() for k in pair if k is not None))

    def value(key: EdgeKey | None) -> int | None:
        return None if key is None else edges.values.get(key)

    return {
        sku: sales_of(sku, latest, (value(start), value(end))) for sku, (start, end) in keys.items()
    }


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
                if change.since is not None:
                    ts = float(change.since)
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
            per_sku = _per_sku(s, self.show_id, self._products, self._latest, self._edges, when)
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
        per_sku = _per_sku(s, show_id, products, latest, edges, now)
    return derive_all(products, per_sku, coupons, now)


def find(derived: Iterable[Derived], sku: str) -> Derived | None:
    return next((d for d in derived if d.sku == sku), None)
