"""The figures rules judge, read from the one source of each: products from
`studio.products.derive` (through `derive_show`, or the same `derive_all` over sales replayed
from memory), show totals and the GMV pace from `studio.metrics.series.snapshot`, segment times
from the runner's snapshot. Only what the rules name is read (`needs`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from datetime import datetime

from studio.metrics.series import snapshot as metrics_snapshot
from studio.products.model import Derived
from studio.products.reader import derive_show
from studio.rules.evaluate import Facts, ProductFacts
from studio.rules.model import FIGURES, Rule
from studio.rules.parse import template_fields
from studio.runner.state import Snapshot as RunSnapshot
from studio.store.store import Store
from studio.timeutil import from_epoch

PACE_SETTLE_S = 300.0
RUN_FIGURES = frozenset({"segment_ends_in", "overrun", "lucky_bag_ends_in"})
PRODUCT_FIGURES = frozenset(
    {"stock_left", "quota_left", "sold_out", "flash_ends_in", "product", "sku", "price"}
)


def needs(rules: Iterable[Rule]) -> frozenset[str]:
    """What the rules read: "products", "metrics" and/or "questions" (the audience desk's
    queue); the run's figures are free."""
    out: set[str] = set()
    for r in rules:
        names = {r.when.figure}
        for text in (r.prompt, r.obs.text if r.obs else ""):
            with contextlib.suppress(ValueError):
                names.update(template_fields(text))
        for name in names:
            if name in PRODUCT_FIGURES:
                out.add("products")
            elif name == "questions_waiting":
                out.add("questions")
            elif name in RUN_FIGURES:
                continue
            elif name in FIGURES or name not in ("value", "threshold", "rule"):
                out.add("metrics")
    return frozenset(out)


def run_figures(run: RunSnapshot | None) -> dict[str, float | None]:
    """Segment ends in / overrun / lucky bag ends in, from the runner (None: not running)."""
    out: dict[str, float | None] = dict.fromkeys(RUN_FIGURES)
    if run is None or run.segment is None or run.status not in ("running", "held"):
        return out
    remaining = run.segment_remaining
    out["segment_ends_in"] = max(0.0, remaining)
    out["overrun"] = max(0.0, -remaining)
    if run.segment.kind == "lucky_bag" and run.banner_remaining is not None:
        out["lucky_bag_ends_in"] = max(0.0, run.banner_remaining)
    return out


def product_facts(derived: Sequence[Derived], when: datetime) -> dict[str, ProductFacts]:
    out: dict[str, ProductFacts] = {}
    for d in derived:
        fl = d.flash
        ends_in = None
        if fl is not None and fl.running and fl.ends_at is not None:
            ends_in = max(0.0, (fl.ends_at - when).total_seconds())
        out[d.sku] = ProductFacts(
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
    return out


def show_facts(store: Store, show_id: int, at: float | None) -> dict[str, float | None]:
    snap = metrics_snapshot(store, show_id, at)
    show: dict[str, float | None] = {
        k: (float(v) if v is not None else None) for k, v in snap.totals.items()
    }
    # The pace projects the first minutes' trickle over the whole show: judged from the 5th
    # minute on, or every show would start with a "pace below target" prompt.
    start, when = snap.timing.start_ts, snap.at
    settled = start is not None and when is not None and when - start >= PACE_SETTLE_S
    show["gmv_pace"] = snap.kpis.pace_target_pct if settled else None
    show["gmv_target_pct"] = snap.kpis.gmv_target_pct
    return show


def assemble(
    show: dict[str, float | None],
    derived: Sequence[Derived],
    now: float,
    run: RunSnapshot | None,
    questions_waiting: int | None,
) -> Facts:
    show = dict(show)
    show["questions_waiting"] = None if questions_waiting is None else float(questions_waiting)
    show.update(run_figures(run))
    products = product_facts(derived, from_epoch(now))
    featured = run.segment.product if run is not None and run.segment is not None else None
    if featured is None:  # between product segments: the product being presented, if any
        featured = next((d.sku for d in derived if d.presenting), None)
    return Facts(show, products, featured)


def facts_at(
    store: Store,
    show_id: int,
    now: float,
    *,
    at: float | None = None,
    run: RunSnapshot | None = None,
    questions_waiting: int | None = None,
    need: frozenset[str] = frozenset({"products", "metrics"}),
) -> Facts:
    """The figures at `now` (the show's clock); sales and metrics as they stood at `at`
    (None: the newest stored, what a live show wants)."""
    show = show_facts(store, show_id, at) if "metrics" in need else {}
    derived = derive_show(store, show_id, from_epoch(now), at) if "products" in need else []
    return assemble(show, derived, now, run, questions_waiting)
