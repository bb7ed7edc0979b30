"""Price periods of a product for the review: when which price applied, and what sold at it.

The product's fields are replayed through its change history: at any moment the effective price
is the flash price inside the flash window the product had at that moment, else the live price
it had (`studio.products.derive` says the same of "now"). Units and GMV of a period are the
per-SKU cumulative metrics at its end minus at its start.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from studio.metrics.series import latest_value
from studio.products.history import HistoryEntry
from studio.products.model import LiveProduct
from studio.store.store import Store

_FLASH = ("flash_price_cents", "flash_quota", "flash_starts_at", "flash_ends_at")


@dataclass(frozen=True)
class PricePeriod:
    sku: str
    starts_at: datetime
    ends_at: datetime
    price_cents: int
    flash: bool  # inside a flash-sale window
    sold: int | None = None  # units sold in the period (None: no per-SKU samples)
    gmv_cents: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "price_cents": self.price_cents,
            "flash": self.flash,
            "sold": self.sold,
            "gmv_cents": self.gmv_cents,
        }


def _initial(product: LiveProduct, events: Sequence[HistoryEntry]) -> dict[str, Any]:
    """The fields as they were before the first change (each field's first `old`)."""
    fs = product.flash
    state: dict[str, Any] = {
        "live_price_cents": product.live_price_cents,
        "flash_price_cents": fs.price_cents if fs else None,
        "flash_quota": fs.quota if fs else None,
        "flash_starts_at": fs.starts_at if fs else None,
        "flash_ends_at": fs.ends_at if fs else None,
    }
    seen: set[str] = set()
    for e in events:
        if e.field in state and e.field not in seen:
            state[e.field] = e.old
            seen.add(e.field)
    return state


def _price(state: Mapping[str, Any], t: datetime) -> tuple[int, bool]:
    start, end, price = state["flash_starts_at"], state["flash_ends_at"], state["flash_price_cents"]
    if price is not None and start is not None and start <= t and (end is None or t < end):
        return int(price), True
    return int(state["live_price_cents"]), False


def price_periods(
    product: LiveProduct, events: Sequence[HistoryEntry], start: datetime, end: datetime
) -> list[PricePeriod]:
    """The product's price periods between `start` and `end` (events: its own, oldest first)."""
    if end <= start:
        return []
    mine = [e for e in events if e.sku == product.sku]
    state = _initial(product, mine)
    cuts = {start, end}
    pending = list(mine)
    states: list[tuple[datetime, dict[str, Any]]] = [(start, dict(state))]
    for e in pending:
        if e.field in state:
            state[e.field] = e.new
            if start < e.at < end:
                cuts.add(e.at)
            states.append((e.at, dict(state)))
        for f in ("flash_starts_at", "flash_ends_at"):
            v = state.get(f)
            if isinstance(v, datetime) and start < v < end:
                cuts.add(v)
    for f in ("flash_starts_at", "flash_ends_at"):
        v = states[0][1].get(f)
        if isinstance(v, datetime) and start < v < end:
            cuts.add(v)
    edges = sorted(cuts)

    def state_at(t: datetime) -> dict[str, Any]:
        current = states[0][1]
        for at, st in states:
            if at <= t:
                current = st
            else:
                break
        return current

    out: list[PricePeriod] = []
    for a, b in itertools.pairwise(edges):
        price, flash = _price(state_at(a), a)
        if out and out[-1].price_cents == price and out[-1].flash == flash:
            last = out[-1]
            out[-1] = PricePeriod(last.sku, last.starts_at, b, price, flash)
        else:
            out.append(PricePeriod(product.sku, a, b, price, flash))
    return out


def with_sales(
    s: Session, show_id: int, periods: Sequence[PricePeriod], sold_metric: str = "orders"
) -> list[PricePeriod]:
    """The periods with the units (`sold_metric`) and GMV sold in each, from the samples."""

    def at(metric: str, sku: str, t: datetime) -> int | None:
        v = latest_value(s, show_id, metric, t.timestamp(), sku)
        return None if v is None else int(v)

    out = []
    for p in periods:
        figures: list[int | None] = []
        for metric in (sold_metric, "gmv_cents"):
            hi = at(metric, p.sku, p.ends_at)
            lo = at(metric, p.sku, p.starts_at)
            figures.append(None if hi is None else hi - (lo or 0))
        out.append(
            PricePeriod(
                p.sku, p.starts_at, p.ends_at, p.price_cents, p.flash, figures[0], figures[1]
            )
        )
    return out


def show_price_periods(
    store: Store, show_id: int, start: datetime, end: datetime
) -> dict[str, list[PricePeriod]]:
    """Every product's price periods between `start` and `end` with what sold in each (the
    review's per-product table)."""
    from studio.products.history import product_history
    from studio.products.reader import latest_per_sku, load_products, sold_metric

    events = product_history(store, show_id)
    with store.session() as s:
        products = load_products(s, show_id)
        latest = latest_per_sku(s, show_id)
        return {
            p.sku: with_sales(
                s, show_id, price_periods(p, events, start, end), sold_metric(latest, p.sku)
            )
            for p in products
        }
