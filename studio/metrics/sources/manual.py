"""Manual entry: the controller types the number the platform console shows right now."""

from __future__ import annotations

import time
from decimal import Decimal, InvalidOperation

from studio.metrics.names import METRICS
from studio.metrics.samples import SampleError, make_row, parse_value
from studio.metrics.writer import write_samples
from studio.store.store import Store
from studio.timeutil import Clock

SOURCE = "manual"


def parse_entry(metric: str, text: str) -> int | float:
    """What a person types: money in yuan ("12,345.60", "¥99"), counts as whole numbers."""
    info = METRICS.get(metric)
    if info is None:
        raise SampleError(f"unknown metric {metric!r}")
    cleaned = text.strip().replace(",", "").replace("，", "").lstrip("¥￥").strip()
    if not cleaned:
        raise SampleError(f"{metric}: enter a number")
    if info.money:
        try:
            yuan = Decimal(cleaned)
        except InvalidOperation as exc:
            raise SampleError(f"{metric}: {text!r} is not an amount of yuan") from exc
        if not yuan.is_finite() or yuan < 0:
            raise SampleError(f"{metric}: {text!r} is not a non-negative amount")
        if yuan != yuan.quantize(Decimal("0.01")):
            raise SampleError(f"{metric}: {text!r} has more than 2 decimals (fen)")
        return int(yuan * 100)
    return parse_value(metric, cleaned)


def enter(
    store: Store,
    show_id: int,
    values: dict[str, int | float],
    *,
    sku: str = "",
    ts: float | None = None,
    clock: Clock = time.time,
) -> int:
    """Commit one manual reading (already in storage units: counts, cents) at `ts` or now."""
    at = clock() if ts is None else ts
    rows = [make_row(show_id, SOURCE, m, at, parse_value(m, v), sku) for m, v in values.items()]
    if not rows:
        raise SampleError("nothing to enter")
    return write_samples(store, rows)
