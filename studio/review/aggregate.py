"""From raw samples, CueEvents and logs to the review's tables: pure functions on numpy arrays.

Conventions (the tests recompute every number with them):
- A cumulative metric's value at time t is its latest sample at or before t (0 before the first).
  A segment's GMV, orders, entries, new followers... are value(end) - value(start).
- A segment that ran has figures however it ended (to its end, or closed with Skip): "skipped"
  is a label on the row, never a filter.
- A segment's average online viewers is the mean of the online_viewers samples in (start, end];
  its peak is their maximum.
- Viewers gained are the entries in the segment; viewers lost are the exits when an export gave
  them, else entries minus the net change of online viewers (people who came in and are not
  there at the end).
- The people present in a segment are those online at its start plus its entries. The follow
  rate is new followers / people present; the average watch time is the person-seconds watched
  in the segment (online viewers integrated over it, each reading standing until the next) /
  people present — what a lucky bag is for (关注, 停留), next to GMV.
- Rates come from `studio.metrics.kpi` (the one place the formulas live).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Mapping
from typing import Any

import numpy as np

from studio.metrics import kpi
from studio.metrics.series import value_at
from studio.review.model import (
    F64,
    Breakdown,
    ChannelRow,
    FunnelStep,
    Headline,
    IncidentSummary,
    Minutes,
    ProductRow,
    Review,
    ReviewInputs,
    SegmentRow,
    Series,
    TrendRow,
)
from studio.traffic.audience import AudienceRow
from studio.traffic.channels import channel_of
from studio.traffic.sources import SourceRow

MAX_CHART_POINTS = 1200
_EMPTY: Series = (np.empty(0), np.empty(0))


def _get(series: Mapping[str, Series], metric: str) -> Series:
    return series.get(metric, _EMPTY)


def cum_at(s: Series, t: float) -> float | None:
    """The cumulative value standing at t; None when the metric has no samples at all."""
    ts, v = s
    if len(ts) == 0:
        return None
    return float(value_at(ts, v, np.array([t], dtype=np.float64))[0])


def delta(s: Series, start: float, end: float) -> int | None:
    a, b = cum_at(s, start), cum_at(s, end)
    return None if a is None or b is None else round(b - a)


def mean_in(s: Series, start: float, end: float) -> float | None:
    """Mean of the samples with start < ts <= end."""
    ts, v = s
    lo = int(np.searchsorted(ts, start, side="right"))
    hi = int(np.searchsorted(ts, end, side="right"))
    if hi <= lo:
        return None
    return float(np.mean(v[lo:hi]))


def last(s: Series, at: float | None = None) -> float | None:
    ts, v = s
    if len(ts) == 0:
        return None
    if at is None:
        return float(v[-1])
    return cum_at(s, at)


def _int(x: float | None) -> int:
    return 0 if x is None else round(x)


def show_window(inp: ReviewInputs) -> tuple[float | None, float | None]:
    """The show's span: the runner's start/end, else the show's times, else the samples'."""
    a = inp.actuals
    start = a.started_at.timestamp() if a is not None and a.started_at is not None else None
    end = a.ended_at.timestamp() if a is not None and a.ended_at is not None else None
    if start is None and inp.show.started_at is not None:
        start = inp.show.started_at.timestamp()
    if end is None and inp.show.ended_at is not None:
        end = inp.show.ended_at.timestamp()
    spans = [s[0] for s in inp.series.values() if len(s[0])]
    if spans:
        first = min(float(ts[0]) for ts in spans)
        latest = max(float(ts[-1]) for ts in spans)
        start = first if start is None else start
        end = latest if end is None else end
    return start, end


def headline(inp: ReviewInputs, start: float | None, end: float | None) -> Headline:
    s = inp.series
    totals: dict[str, float | None] = {m: last(v, end) for m, v in s.items()}
    online = _get(s, "online_viewers")
    peak = None
    if len(online[0]):
        lo = 0 if start is None else int(np.searchsorted(online[0], start, side="left"))
        hi = len(online[0]) if end is None else int(np.searchsorted(online[0], end, side="right"))
        if hi > lo:
            peak = round(float(np.max(online[1][lo:hi])))
    avg_online = (
        mean_in(online, start - 1e-9, end) if start is not None and end is not None else None
    )
    k = kpi.compute(totals, gmv_target_cents=inp.show.gmv_target_cents or None, online_peak=peak)
    traffic = kpi.traffic_pace(totals.get("viewers_total"), inp.show.traffic_target)
    watch = totals.get("avg_watch_seconds")
    return Headline(
        gmv_cents=_int(totals.get("gmv_cents")),
        gmv_target_cents=inp.show.gmv_target_cents,
        target_pct=k.gmv_target_pct,
        orders=_int(totals.get("orders")),
        buyers=_int(totals.get("buyers")),
        aov_yuan=k.aov_yuan,
        gpm_yuan=k.gpm_yuan,
        uv_value_yuan=k.uv_value_yuan,
        viewers=_int(totals.get("viewers_total")),
        peak_online=peak,
        avg_online=avg_online,
        avg_watch_seconds=None if watch is None else float(watch),
        new_followers=_int(totals.get("new_followers")),
        roi=k.roi,
        ad_spend_cents=_int(totals.get("ad_spend_cents")),
        ctr=k.ctr,
        cvr=k.cvr,
        duration_s=(end - start) if start is not None and end is not None else None,
        traffic_target=inp.show.traffic_target,
        traffic_target_pct=traffic.target_pct,
    )


def integral(s: Series, start: float, end: float) -> float | None:
    """The area under a gauge over [start, end], each reading standing until the next one
    (0 before the first): person-seconds, for online viewers."""
    ts, v = s
    if len(ts) == 0 or end <= start:
        return None
    lo = int(np.searchsorted(ts, start, side="right"))
    hi = int(np.searchsorted(ts, end, side="left"))
    first = cum_at(s, start) or 0.0
    knots = np.concatenate(([start], ts[lo:hi], [end]))
    levels = np.concatenate(([first], v[lo:hi]))
    return float(np.sum(levels * np.diff(knots)))


def peak_in(s: Series, start: float, end: float) -> float | None:
    """The largest sample with start < ts <= end."""
    ts, v = s
    lo = int(np.searchsorted(ts, start, side="right"))
    hi = int(np.searchsorted(ts, end, side="right"))
    return None if hi <= lo else float(np.max(v[lo:hi]))


def segment_figures(series: Mapping[str, Series], st: float, en: float) -> dict[str, Any]:
    """Every per-segment figure over [st, en] (see the conventions at the top)."""
    s = series
    clicks = delta(_get(s, "product_clicks"), st, en)
    pexp = delta(_get(s, "product_exposures"), st, en)
    buyers = delta(_get(s, "buyers"), st, en)
    entries = delta(_get(s, "entries"), st, en)
    online = _get(s, "online_viewers")
    on_a, on_b = cum_at(online, st), cum_at(online, en)
    online_delta = None if on_a is None or on_b is None else round(on_b - on_a)
    exits = delta(_get(s, "exits"), st, en)
    if exits is None and entries is not None and online_delta is not None:
        exits = max(0, entries - online_delta)
    present = None if on_a is None or entries is None else on_a + entries
    followers = delta(_get(s, "new_followers"), st, en)
    watched = integral(online, st, en)
    peak = peak_in(online, st, en)
    return {
        "gmv_cents": delta(_get(s, "gmv_cents"), st, en),
        "orders": delta(_get(s, "orders"), st, en),
        "entries": entries,
        "online_delta": online_delta,
        "left": exits,
        "avg_online": mean_in(online, st, en),
        "peak_online": None if peak is None else round(peak),
        "ctr": kpi.ctr(clicks, pexp),
        "cvr": kpi.cvr(buyers, clicks),
        "new_followers": followers,
        "follow_rate": kpi.follow_rate(followers, present),
        "avg_watch_s": kpi.ratio(watched, present),
    }


def segment_state(seg: Any, i: int, last_ran: int, running: bool) -> str:
    """ran / cut / skipped / not_reached / running (see model.SEGMENT_STATES)."""
    if seg.actual_start is not None:
        if running:
            return "running"
        return "cut" if seg.skipped else "ran"
    return "not_reached" if i > last_ran else "skipped"


def segment_rows(inp: ReviewInputs, start: float | None, end: float | None) -> list[SegmentRow]:
    a = inp.actuals
    if a is None:
        return []
    rows = []
    segs = list(a.segments)
    ran = [i for i, g in enumerate(segs) if g.actual_start is not None]
    last_ran = ran[-1] if ran else -1
    for i, seg in enumerate(segs):
        st = seg.actual_start.timestamp() if seg.actual_start is not None else None
        en = seg.actual_end.timestamp() if seg.actual_end is not None else None
        running = st is not None and en is None
        if running:  # still running (or the show never ended)
            en = end
        # Every segment that ran gets its figures, however it ended (issue 15: a segment
        # closed with Skip after ten minutes used to lose them all).
        figures: dict[str, Any] = {}
        if st is not None and en is not None:
            figures = segment_figures(inp.series, st, en)
        rows.append(
            SegmentRow(
                index=seg.index,
                key=seg.key,
                title=seg.title,
                kind=seg.kind,
                product=seg.product,
                planned_offset_s=seg.planned_offset_s,
                planned_seconds=seg.planned_seconds,
                actual_offset_s=(st - start) if st is not None and start is not None else None,
                actual_seconds=seg.actual_seconds,
                start_ts=st,
                end_ts=en,
                gmv_cents=figures.get("gmv_cents"),
                orders=figures.get("orders"),
                entries=figures.get("entries"),
                left=figures.get("left"),
                online_delta=figures.get("online_delta"),
                avg_online=figures.get("avg_online"),
                ctr=figures.get("ctr"),
                cvr=figures.get("cvr"),
                skipped=seg.skipped,
                state=segment_state(seg, i, last_ran, running and a.ended_at is None),
                new_followers=figures.get("new_followers"),
                follow_rate=figures.get("follow_rate"),
                avg_watch_s=figures.get("avg_watch_s"),
                peak_online=figures.get("peak_online"),
            )
        )
    return rows


def product_rows(inp: ReviewInputs, end: float | None) -> list[ProductRow]:
    refs = {p.sku: p for p in inp.products}
    skus = list(refs) + sorted(k for k in inp.sku_series if k not in refs)
    out = []
    for sku in skus:
        series = inp.sku_series.get(sku, {})
        ref = refs.get(sku)

        def total(metric: str, series: Mapping[str, Series] = series) -> int | None:
            v = last(_get(series, metric), end)
            return None if v is None else round(v)

        exp, clicks, buyers = total("product_exposures"), total("product_clicks"), total("buyers")
        orders = total("orders")
        stock = ref.stock if ref is not None else 0
        out.append(
            ProductRow(
                sku=sku,
                name=ref.name if ref is not None else sku,
                exposures=exp,
                clicks=clicks,
                ctr=kpi.ctr(clicks, exp),
                buyers=buyers,
                cvr=kpi.cvr(buyers, clicks),
                orders=orders,
                gmv_cents=total("gmv_cents"),
                stock=stock,
                sold_through=kpi.ratio(orders, stock),
            )
        )
    return out


# People through the room in order: shown the room, came in, shown a product, clicked, ordered.
FUNNEL = ("exposures", "entries", "product_exposures", "product_clicks", "orders")


def funnel(inp: ReviewInputs, end: float | None) -> list[FunnelStep]:
    """The funnel steps with each one's rate of the step before (kpi.ratio). A step above its
    predecessor carries the note "f.over": platforms count product exposures per showing, so
    they can outnumber the people who came in, and such a rate is not a conversion."""
    out: list[FunnelStep] = []
    prev: float | None = None
    for i, m in enumerate(FUNNEL):
        v = last(_get(inp.series, m), end)
        rate = kpi.ratio(v, prev) if i else None
        note = "f.over" if rate is not None and rate > 1.0 else None
        out.append(FunnelStep(m, None if v is None else round(v), rate, note))
        prev = v
    return out


def pearson(x: F64, y: F64) -> float | None:
    """Pearson's r; None for fewer than 3 points or a constant variable."""
    if len(x) < 3 or len(x) != len(y):
        return None
    sx, sy = float(np.std(x)), float(np.std(y))
    if sx == 0 or sy == 0:
        return None
    r = float(np.mean((x - np.mean(x)) * (y - np.mean(y))) / (sx * sy))
    return max(-1.0, min(1.0, r))


def minutes(inp: ReviewInputs, start: float | None, end: float | None) -> Minutes:
    """Average online viewers and GMV in each whole or partial minute of the show."""
    empty = np.empty(0)
    if start is None or end is None or end <= start:
        return Minutes(empty, empty, empty, None)
    edges = np.arange(start, end, 60.0, dtype=np.float64)
    bounds = np.append(edges[1:], end)
    gmv = _get(inp.series, "gmv_cents")
    online = _get(inp.series, "online_viewers")
    if len(gmv[0]):
        g = value_at(gmv[0], gmv[1], bounds) - value_at(gmv[0], gmv[1], edges)
    else:
        g = np.full(len(edges), np.nan)
    ts, v = online
    lo = np.searchsorted(ts, edges, side="right")
    hi = np.searchsorted(ts, bounds, side="right")
    csum = np.concatenate(([0.0], np.cumsum(v)))
    n = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        avg = np.where(n > 0, (csum[hi] - csum[lo]) / np.maximum(n, 1), np.nan)
    ok = ~np.isnan(avg) & ~np.isnan(g)
    return Minutes(edges, avg.astype(np.float64), g.astype(np.float64), pearson(avg[ok], g[ok]))


def incident_summary(inp: ReviewInputs) -> IncidentSummary:
    by_cat: dict[str, int] = {}
    by_sev: dict[int, int] = {}
    matrix: dict[tuple[str, int], int] = {}
    for i in inp.incidents:
        by_cat[i.category] = by_cat.get(i.category, 0) + 1
        by_sev[i.severity] = by_sev.get(i.severity, 0) + 1
        matrix[(i.category, i.severity)] = matrix.get((i.category, i.severity), 0) + 1
    ttr = [i.time_to_resolve_s for i in inp.incidents if i.time_to_resolve_s is not None]
    return IncidentSummary(
        by_category=by_cat,
        by_severity=by_sev,
        matrix=matrix,
        median_resolve_s=statistics.median(ttr) if ttr else None,
        max_resolve_s=max(ttr) if ttr else None,
        unresolved=sum(1 for i in inp.incidents if i.status != "resolved"),
        items=inp.incidents,
    )


def trend(inp: ReviewInputs, h: Headline) -> list[TrendRow]:
    rows = [
        TrendRow(
            p.id,
            p.title,
            p.started_at,
            p.gmv_cents,
            kpi.target_pct(p.gmv_cents, p.gmv_target_cents or None),
            p.orders,
            kpi.gpm_yuan(p.gmv_cents, p.viewers),
            p.peak_online,
            kpi.ctr(p.product_clicks, p.product_exposures),
            kpi.cvr(p.buyers, p.product_clicks),
        )
        for p in sorted(inp.previous, key=lambda p: (p.started_at is None, p.started_at, p.id))
    ]
    if not rows:
        return []
    show = inp.show
    rows.append(
        TrendRow(
            show.id,
            show.title,
            show.started_at,
            h.gmv_cents,
            h.target_pct,
            h.orders,
            h.gpm_yuan,
            h.peak_online,
            h.ctr,
            h.cvr,
            current=True,
        )
    )
    return rows


def _shares(raw: Any) -> tuple[tuple[str, float], ...]:
    """{label: n} or [{name/label, value/share/count}] -> (label, share) sorted by share."""
    pairs: list[tuple[str, float]] = []
    if isinstance(raw, Mapping):
        items: list[Any] = list(raw.items())
    elif isinstance(raw, list):
        items = []
        for e in raw:
            if isinstance(e, Mapping):
                name = e.get("name", e.get("label", e.get("source")))
                value = next(
                    (e[k] for k in ("share", "value", "count", "pct", "percent") if k in e), None
                )
                items.append((name, value))
    else:
        return ()
    for name, value in items:
        if name is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if not math.isfinite(value) or value < 0:
            continue
        pairs.append((str(name), float(value)))
    total = sum(v for _, v in pairs)
    if total <= 0:
        return ()
    return tuple(sorted(((k, v / total) for k, v in pairs), key=lambda kv: -kv[1]))


def _sum(values: list[int | None]) -> int | None:
    got = [v for v in values if v is not None]
    return sum(got) if got else None


def channel_rows(sources: tuple[SourceRow, ...]) -> list[ChannelRow]:
    """Imported channels grouped by channel (a label no variant names stays its own row), with
    each one's share of entries and of GMV, and ROI where there was spend; largest first.

    Shares come from the entries when every channel has them, else from the export's 占比."""
    groups: dict[str, list[SourceRow]] = {}
    for r in sources:
        # An unrecognised label keeps its own row; 其他 itself is "other".
        key = r.label if channel_of(r.label) is None else r.channel
        groups.setdefault(key, []).append(r)
    with_entries = all(r.entries is not None for r in sources)
    total_entries = _sum([r.entries for r in sources]) if with_entries else None
    total_gmv = _sum([r.gmv_cents for r in sources])
    out = []
    for key, rows in groups.items():
        entries = _sum([r.entries for r in rows])
        gmv = _sum([r.gmv_cents for r in rows])
        spend = _sum([r.spend_cents for r in rows])
        if total_entries is not None:
            share = kpi.ratio(entries, total_entries)
        else:
            given = [r.share for r in rows if r.share is not None]
            share = sum(given) if given else None
        out.append(
            ChannelRow(
                key=key,
                entries=entries,
                share=share,
                gmv_cents=gmv,
                gmv_share=kpi.ratio(gmv, total_gmv),
                orders=_sum([r.orders for r in rows]),
                spend_cents=spend,
                roi=kpi.roi(gmv, spend) if spend else None,
                labels=tuple(r.label for r in rows),
            )
        )
    return sorted(out, key=lambda c: (-(c.share or 0.0), -(c.entries or 0)))


def audience_breakdowns(rows: tuple[AudienceRow, ...]) -> tuple[Breakdown, ...]:
    """One Breakdown per imported dimension in a fixed order: shares of the counts when every
    label has one, else the export's shares; the ten largest labels."""
    from studio.traffic.audience import DIMENSIONS

    by_dim: dict[str, list[AudienceRow]] = {}
    for r in rows:
        by_dim.setdefault(r.dimension, []).append(r)
    out = []
    for dim in [d for d in DIMENSIONS if d in by_dim]:
        items = by_dim[dim]
        counts = [r.count for r in items]
        total = sum(c for c in counts if c is not None)
        if all(c is not None for c in counts) and total > 0:
            pairs = [(r.label, (r.count or 0) / total) for r in items]
        else:
            pairs = [(r.label, r.share) for r in items if r.share is not None]
        ranked = tuple(sorted(pairs, key=lambda kv: -kv[1]))
        if ranked:
            out.append(Breakdown(dim, ranked[:10]))
    return tuple(out)


def breakdowns(
    extra: Mapping[str, Any],
    sources: tuple[SourceRow, ...] = (),
    audience: tuple[AudienceRow, ...] = (),
) -> tuple[tuple[Breakdown, ...], tuple[Breakdown, ...]]:
    """Traffic sources and audience profile: the imported exports (studio.traffic) when there
    are any, else whatever a show's `extra` JSON carries (older databases)."""
    traffic: list[Breakdown] = []
    if sources:
        rows = tuple((c.key, c.share) for c in channel_rows(sources) if c.share is not None)
        if rows:
            traffic.append(Breakdown("traffic_sources", rows))
    else:
        for key in ("traffic_sources", "traffic", "sources"):
            shares = _shares(extra.get(key))
            if shares:
                traffic.append(Breakdown("traffic_sources", shares))
                break
    if audience:
        return tuple(traffic), audience_breakdowns(audience)
    aud_out = []
    aud = extra.get("audience") or extra.get("audience_profile") or {}
    if isinstance(aud, Mapping):
        for key in ("gender", "age", "region", "city", "device"):
            shares = _shares(aud.get(key))
            if shares:
                aud_out.append(Breakdown(key, shares[:10]))
    return tuple(traffic), tuple(aud_out)


def decimate(
    s: Series, start: float | None, end: float | None, n: int = MAX_CHART_POINTS
) -> Series:
    """At most ~n points keeping each bucket's extremes, so peaks survive on the chart."""
    ts, v = s
    if start is not None and end is not None and len(ts):
        lo = int(np.searchsorted(ts, start, side="left"))
        hi = int(np.searchsorted(ts, end, side="right"))
        ts, v = ts[lo:hi], v[lo:hi]
    if len(ts) <= n:
        return ts, v
    buckets = n // 2
    idx = np.linspace(0, len(ts), buckets + 1).astype(int)
    keep: list[int] = []
    for a, b in itertools.pairwise(idx.tolist()):
        if b <= a:
            continue
        seg = v[a:b]
        i, j = a + int(np.argmin(seg)), a + int(np.argmax(seg))
        keep.extend(sorted({i, j}))
    k = np.array(keep, dtype=int)
    return ts[k], v[k]


def review(inp: ReviewInputs) -> Review:
    start, end = show_window(inp)
    h = headline(inp, start, end)
    traffic, audience = breakdowns(inp.show.extra or {}, inp.sources, inp.audience)
    return Review(
        show=inp.show,
        start_ts=start,
        end_ts=end,
        headline=h,
        segments=tuple(segment_rows(inp, start, end)),
        products=tuple(product_rows(inp, end)),
        funnel=tuple(funnel(inp, end)),
        minutes=minutes(inp, start, end),
        incidents=incident_summary(inp),
        checks=inp.checks,
        tasks=inp.tasks,
        crew=inp.crew,
        trend=tuple(trend(inp, h)),
        traffic=traffic,
        audience=audience,
        online=decimate(_get(inp.series, "online_viewers"), start, end),
        gmv_cum=decimate(_get(inp.series, "gmv_cents"), start, end),
        has_metrics=any(len(s[0]) for s in inp.series.values()),
        channels=tuple(channel_rows(inp.sources)),
        actions=inp.actions,
        carried=inp.carried,
        price_periods=inp.price_periods,
        product_changes=inp.product_changes,
        talkback=inp.talkback,
        questions=inp.questions,
    )
