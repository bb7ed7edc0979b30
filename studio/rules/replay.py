"""`studio rules test FILE --show ID`: a stored show's metrics replayed through rules.

At every stored sample time of the show (in order) the figures are read as they stood then
(sales and totals at that time, the rundown from its CueEvents up to then) and the evaluator
judges them with its clock set to that time, so a rule fires at the sample where its condition
first held — what it would have done live. Nothing is written. When a rule names
`questions_waiting`, the times the audience desk's queue changed (a question first asked,
answered, ignored) are replayed too, and the count at each time is the live rules' own
(`studio.audience.queue.QueueSpans.waiting`, read once for the show).

The per-product sales are read once and replayed from memory into the same `derive_all` every
screen uses (one query per sample time would make a 2-hour show take minutes); the show's totals
and pace, when a rule names them, come from `studio.metrics.series.snapshot` at each time.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from sqlalchemy import select

from studio.products.derive import derive_all
from studio.products.model import Derived, LiveProduct
from studio.products.reader import (
    SALES_METRICS,
    Latest,
    load_coupons,
    load_products,
    sales_of,
    sold_metric,
)
from studio.rules.evaluate import Evaluator
from studio.rules.facts import assemble, needs, show_facts
from studio.rules.model import Firing, Rule
from studio.runner.events import read_events
from studio.runner.state import Plan, RunState, apply_event, snapshot
from studio.script.store_io import load_script
from studio.store.models import MetricSample
from studio.store.store import Store
from studio.timeutil import from_epoch

Series = tuple[list[float], list[int]]


def sample_times(store: Store, show_id: int) -> list[float]:
    """The distinct times the show has samples at, oldest first."""
    with store.session() as s:
        rows = s.scalars(
            select(MetricSample.ts).where(MetricSample.show_id == show_id).distinct()
        ).all()
    return sorted(float(t) for t in rows)


class SalesTimeline:
    """A show's per-SKU sales series in memory: what `derive_show(store, id, now, at)` derives,
    at any time, without a query."""

    def __init__(self, store: Store, show_id: int) -> None:
        M = MetricSample
        with store.session() as s:
            self.products: list[LiveProduct] = load_products(s, show_id)
            self.coupons = load_coupons(s, show_id)
            rows = s.execute(
                select(M.metric, M.sku, M.ts, M.value)
                .where(M.show_id == show_id, M.sku != "", M.metric.in_(SALES_METRICS))
                .order_by(M.ts, M.source)
            ).all()
        self.series: dict[tuple[str, str], Series] = {}
        for metric, sku, ts, value in rows:
            if value is None:
                continue
            ts_list, values = self.series.setdefault((metric, sku), ([], []))
            if ts_list and ts_list[-1] == ts:
                continue  # the first source at a time wins, as the store's probe does
            ts_list.append(float(ts))
            values.append(int(value))

    def _value(self, key: tuple[str, str], at: float) -> int | None:
        found = self.series.get(key)
        if found is None:
            return None
        i = bisect.bisect_right(found[0], at) - 1
        return found[1][i] if i >= 0 else None

    def derived(self, now: float) -> list[Derived]:
        latest: Latest = {}
        for key in self.series:
            v = self._value(key, now)
            if v is not None:
                latest[key] = v
        when = from_epoch(now)
        sales = {}
        for p in self.products:
            metric = sold_metric(latest, p.sku)
            start = end = None
            fs = p.flash
            if fs is not None and fs.starts_at is not None and fs.starts_at <= when:
                start = self._value((metric, p.sku), fs.starts_at.timestamp())
                if fs.ends_at is not None and fs.ends_at <= when:
                    end = self._value((metric, p.sku), fs.ends_at.timestamp())
            sales[p.sku] = sales_of(p.sku, latest, (start, end))
        return derive_all(self.products, sales, self.coupons, when)


def replay_show(store: Store, show_id: int, rules: Sequence[Rule]) -> list[Firing]:
    """Every firing the rules would have made during the stored show."""
    try:
        plan: Plan | None = Plan.from_script(load_script(store, show_id))
    except Exception:  # a show without a usable script still has metrics and products
        plan = None
    events = read_events(store, show_id) if plan is not None else []
    state = RunState.initial(plan) if plan is not None else None
    need = needs(rules)
    timeline = SalesTimeline(store, show_id) if "products" in need else None
    times = sample_times(store, show_id)
    waiting_at = None
    if "questions" in need:
        from studio.audience.queue import QueueSpans

        queue = QueueSpans.read(store, show_id)
        times = sorted(set(times).union(queue.change_times()))
        waiting_at = queue.waiting

    t = [0.0]
    ev = Evaluator(rules, clock=lambda: t[0])
    fired: list[Firing] = []
    k = 0
    for ts in times:
        t[0] = ts
        run = None
        if plan is not None and state is not None:
            while k < len(events) and events[k].at.timestamp() <= ts:
                e = events[k]
                state = apply_event(
                    plan,
                    state,
                    e.action,
                    e.at.timestamp(),
                    e.segment_index,
                    e.cue_index,
                    e.segment_key,
                )
                k += 1
            run = snapshot(plan, state, ts)
        show = show_facts(store, show_id, ts) if "metrics" in need else {}
        derived = timeline.derived(ts) if timeline is not None else []
        waiting = waiting_at(ts) if waiting_at is not None else None
        fired.extend(ev.step(assemble(show, derived, ts, run, waiting)))
    return fired
