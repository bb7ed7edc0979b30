"""The figures rules judge, read from the one source of each: products from
`studio.products.reader.derive_show`, show totals and the GMV pace from
`studio.metrics.series.snapshot`, segment times from the runner's snapshot."""

from __future__ import annotations

from studio.metrics.series import snapshot as metrics_snapshot
from studio.products.reader import derive_show
from studio.rules.evaluate import Facts, ProductFacts
from studio.runner.state import Snapshot as RunSnapshot
from studio.store.store import Store
from studio.timeutil import from_epoch


def run_figures(run: RunSnapshot | None) -> dict[str, float | None]:
    """Segment ends in / overrun / lucky bag ends in, from the runner (None: not running)."""
    out: dict[str, float | None] = {
        "segment_ends_in": None,
        "overrun": None,
        "lucky_bag_ends_in": None,
    }
    if run is None or run.segment is None or run.status not in ("running", "held"):
        return out
    remaining = run.segment_remaining
    out["segment_ends_in"] = max(0.0, remaining)
    out["overrun"] = max(0.0, -remaining)
    if run.segment.kind == "lucky_bag" and run.banner_remaining is not None:
        out["lucky_bag_ends_in"] = max(0.0, run.banner_remaining)
    return out


def facts_at(
    store: Store,
    show_id: int,
    now: float,
    *,
    at: float | None = None,
    run: RunSnapshot | None = None,
    questions_waiting: int | None = None,
) -> Facts:
    """The figures at `now` (the show's clock); sales and metrics as they stood at `at`
    (None: the newest stored, what a live show wants)."""
    snap = metrics_snapshot(store, show_id, at if at is not None else None)
    show: dict[str, float | None] = {
        k: (float(v) if v is not None else None) for k, v in snap.totals.items()
    }
    show["gmv_pace"] = snap.kpis.pace_target_pct
    show["gmv_target_pct"] = snap.kpis.gmv_target_pct
    show["questions_waiting"] = None if questions_waiting is None else float(questions_waiting)
    show.update(run_figures(run))
    when = from_epoch(now)
    products: dict[str, ProductFacts] = {}
    for d in derive_show(store, show_id, when, at):
        fl = d.flash
        ends_in = None
        if fl is not None and fl.running and fl.ends_at is not None:
            ends_in = max(0.0, (fl.ends_at - when).total_seconds())
        products[d.sku] = ProductFacts(
            sku=d.sku,
            name=d.product.name,
            stock_left=d.stock_left,
            stock_total=d.product.stock_total,
            quota_left=None if fl is None or not fl.starts_at else fl.quota_left,
            quota=None if fl is None else fl.quota,
            sold_out="sold_out" in d.flags or d.product.state == "sold_out",
            flash_ends_in=ends_in,
            price=d.effective_price_cents / 100,
        )
    featured = run.segment.product if run is not None and run.segment is not None else None
    if featured is None:
        featured = next((sku for sku, _ in _presenting(store, show_id, products)), None)
    return Facts(show, products, featured)


def _presenting(
    store: Store, show_id: int, products: dict[str, ProductFacts]
) -> list[tuple[str, bool]]:
    from studio.products.reader import load_products

    with store.session() as s:
        rows = load_products(s, show_id)
    return [(p.sku, True) for p in rows if p.state == "presenting" and p.sku in products]
