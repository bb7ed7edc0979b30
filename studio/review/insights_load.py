"""Reading the facts behind the insights for every live show in a time window, in a few queries.

A hundred 3-hour shows hold millions of samples; none of them is scanned. Totals come from each
series' last sample (found through `metric_series`), and a segment's figures from the cumulative
values standing at its start and end: one statement per show asks for all of its boundaries at
once, each answered by a short backward walk of the samples' key (benchmarks/bench_insights.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from studio.review.insights import Insights, ProductFacts, SegmentFacts, ShowFacts, insights
from studio.runner.actuals import compute_actuals
from studio.runner.events import EventRecord
from studio.runner.state import Plan, SegmentPlan
from studio.store.models import CrewMember, Cue, CueEvent, Product, Segment, Show
from studio.store.store import Store

SHOW_TOTALS = ("gmv_cents", "viewers_total", "orders", "buyers", "product_clicks", "new_followers")
SEGMENT_METRICS = ("gmv_cents", "new_followers", "entries")
_CHUNK = 400  # ids per IN (...) list


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def _shows(s: Session, since: datetime | None, until: datetime | None) -> list[Show]:
    q = select(Show).where(Show.is_rehearsal.is_(False), Show.started_at.is_not(None))
    if since is not None:
        q = q.where(Show.started_at >= since)
    if until is not None:
        q = q.where(Show.started_at < until)
    return list(s.scalars(q.order_by(Show.started_at, Show.id)))


def _last_values(
    s: Session, ids: Sequence[int]
) -> tuple[dict[int, dict[tuple[str, str], float]], dict[int, float]]:
    """(show -> (metric, sku) -> last value, show -> time of its last sample), by each series'
    last time in metric_series: one key lookup per series, no scan."""
    values: dict[int, dict[tuple[str, str], float]] = defaultdict(dict)
    last_ts: dict[int, float] = {}
    for chunk in _chunks(ids):
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        rows = s.execute(
            text(
                # CROSS JOIN keeps SQLite's loop order: each series, then one key lookup (a
                # plain JOIN let it scan every sample of the shows instead).
                "SELECT ms.show_id, ms.metric, ms.sku, ms.last_ts, "
                "COALESCE(m.value, m.value_real) FROM metric_series ms CROSS JOIN metric_sample m "
                "WHERE m.show_id = ms.show_id AND m.ts = ms.last_ts AND m.metric = ms.metric "
                f"AND m.sku = ms.sku AND ms.show_id IN ({marks})"
            ),
            {f"i{n}": v for n, v in enumerate(chunk)},
        )
        for show_id, metric, sku, ts, value in rows:
            if value is not None:
                # Several sources at the same last time: the largest running total wins.
                key = (metric, sku)
                values[show_id][key] = max(float(value), values[show_id].get(key, float("-inf")))
            if not str(metric).startswith("stream_"):
                last_ts[show_id] = max(float(ts), last_ts.get(show_id, float("-inf")))
    return values, last_ts


def _plans(s: Session, ids: Sequence[int]) -> dict[int, Plan]:
    cue_counts = dict(
        s.execute(
            select(Cue.segment_id, func.count(Cue.id))
            .join(Segment, Segment.id == Cue.segment_id)
            .where(Segment.show_id.in_(list(ids)))
            .group_by(Cue.segment_id)
        ).all()
    )
    segs: dict[int, list[SegmentPlan]] = defaultdict(list)
    g = Segment
    q = select(
        g.id, g.show_id, g.key, g.title, g.kind, g.planned_seconds, g.warn_seconds, g.product_sku
    ).where(g.show_id.in_(list(ids)))
    for seg_id, show_id, key, title, kind, planned, warn, sku in s.execute(
        q.order_by(g.show_id, g.position)
    ):
        segs[show_id].append(
            SegmentPlan(key, title, kind, planned, warn, int(cue_counts.get(seg_id, 0)), sku)
        )
    return {sid: Plan(tuple(p)) for sid, p in segs.items()}


def _events(s: Session, ids: Sequence[int]) -> dict[int, list[EventRecord]]:
    out: dict[int, list[EventRecord]] = defaultdict(list)
    e = CueEvent
    # Without `detail` (JSON the actuals do not read).
    q = select(e.show_id, e.action, e.at, e.segment_key, e.segment_index, e.cue_index)
    for show_id, action, at, key, index, cue in s.execute(
        q.where(e.show_id.in_(list(ids))).order_by(e.show_id, e.at, e.id)
    ):
        out[show_id].append(EventRecord(action, at, key, index, cue))
    return out


def values_at(s: Session, show_id: int, probes: Sequence[tuple[str, float]]) -> list[float | None]:
    """The cumulative value of each (metric, time) as it stood then (None: no sample yet)."""
    if not probes:
        return []
    conn = s.connection()
    # Driver SQL with positional marks: SQLAlchemy's text() would re-parse a statement with
    # hundreds of named parameters for every show (a third of the whole run).
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    rows = ", ".join([f"({mark}, {mark}, {mark})"] * len(probes))
    params: list[Any] = []
    for i, (metric, ts) in enumerate(probes):
        params += (i, metric, ts)
    params.append(show_id)
    # A correlated probe per boundary: the newest sample at or before t walks the key
    # (show_id, ts, ...) backwards and stops within the last tick's rows.
    sql = (
        f"WITH q(n, metric, t) AS (VALUES {rows}) "
        "SELECT q.n, (SELECT COALESCE(m.value, m.value_real) FROM metric_sample m "
        f"WHERE m.show_id = {mark} AND m.ts <= q.t AND m.metric = q.metric AND m.sku = '' "
        "ORDER BY m.ts DESC LIMIT 1) FROM q"
    )
    out: list[float | None] = [None] * len(probes)
    for n, value in conn.exec_driver_sql(sql, tuple(params)):
        out[int(n)] = None if value is None else float(value)
    return out


def _delta(a: float | None, b: float | None) -> int | None:
    if b is None:
        return None
    return round(b - (a or 0.0))


def _segments(
    s: Session, show_id: int, plan: Plan | None, events: list[EventRecord], end_ts: float
) -> tuple[SegmentFacts, ...]:
    if plan is None or not events:
        return ()
    actuals = compute_actuals(plan, events, now=end_ts)
    spans = []
    for seg in actuals.segments:
        if seg.actual_start is None:
            continue
        st = seg.actual_start.timestamp()
        en = seg.actual_end.timestamp() if seg.actual_end is not None else end_ts
        if en > st:
            spans.append((seg.kind, st, en))
    probes = [(m, t) for _, st, en in spans for t in (st, en) for m in SEGMENT_METRICS]
    vals = iter(values_at(s, show_id, probes))
    out = []
    for kind, st, en in spans:
        at_start = {m: next(vals) for m in SEGMENT_METRICS}
        at_end = {m: next(vals) for m in SEGMENT_METRICS}
        d = {m: _delta(at_start[m], at_end[m]) for m in SEGMENT_METRICS}
        out.append(SegmentFacts(kind, en - st, d["gmv_cents"], d["new_followers"], d["entries"]))
    return tuple(out)


def load_facts(
    store: Store, since: datetime | None = None, until: datetime | None = None
) -> list[ShowFacts]:
    """The facts of every live show that started in [since, until)."""
    with store.session() as s:
        shows = _shows(s, since, until)
        ids = [sh.id for sh in shows]
        if not ids:
            return []
        values, last_ts = _last_values(s, ids)
        plans = _plans(s, ids)
        events = _events(s, ids)
        anchors: dict[int, list[str]] = defaultdict(list)
        q = select(CrewMember).where(CrewMember.show_id.in_(ids), CrewMember.role == "anchor")
        for c in s.scalars(q.order_by(CrewMember.id)):
            anchors[c.show_id].append(c.name)
        products: dict[int, list[Product]] = defaultdict(list)
        for p in s.scalars(
            select(Product).where(Product.show_id.in_(ids)).order_by(Product.position)
        ):
            products[p.show_id].append(p)
        out = []
        for sh in shows:
            assert sh.started_at is not None
            start = sh.started_at.timestamp()
            end = sh.ended_at.timestamp() if sh.ended_at is not None else last_ts.get(sh.id)
            seconds = max(0.0, (end or start) - start)
            v = values.get(sh.id, {})

            def total(metric: str, sku: str = "", v: dict[tuple[str, str], float] = v) -> int:
                return round(v.get((metric, sku), 0.0))

            def opt(metric: str, sku: str, v: dict[tuple[str, str], float] = v) -> int | None:
                x = v.get((metric, sku))
                return None if x is None else round(x)

            out.append(
                ShowFacts(
                    id=sh.id,
                    title=sh.title,
                    started_at=sh.started_at,
                    seconds=seconds,
                    gmv_cents=total("gmv_cents"),
                    viewers=total("viewers_total"),
                    orders=total("orders"),
                    buyers=total("buyers"),
                    product_clicks=total("product_clicks"),
                    new_followers=total("new_followers"),
                    anchors=tuple(anchors.get(sh.id, ())),
                    products=tuple(
                        ProductFacts(
                            sku=p.sku,
                            name=p.name,
                            stock=p.stock + (p.stock_added or 0),  # initial + topped up live
                            exposures=opt("product_exposures", p.sku),
                            clicks=opt("product_clicks", p.sku),
                            buyers=opt("buyers", p.sku),
                            orders=opt("orders", p.sku),
                            gmv_cents=opt("gmv_cents", p.sku),
                        )
                        for p in products.get(sh.id, ())
                    ),
                    segments=_segments(
                        s, sh.id, plans.get(sh.id), events.get(sh.id, []), end or start
                    ),
                )
            )
    return out


def load_insights(
    store: Store,
    since: datetime | None = None,
    until: datetime | None = None,
    tz: tzinfo | None = None,
) -> Insights:
    """Insights over the live shows that started in [since, until) (all when None)."""
    return insights(load_facts(store, since, until), since=since, until=until, tz=tz)
