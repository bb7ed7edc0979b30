"""Reading everything a review needs from the store, in a handful of queries."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, and_, func, or_, select

from studio.incidents.log import list_incidents
from studio.metrics.series import online_peak, totals_at
from studio.metrics.window import show_span
from studio.planning.readiness import UNATTACHED_CHECK_WINDOW
from studio.planning.review_actions import actions_for_show, list_actions
from studio.products.history import product_history
from studio.products.periods import PricePeriod, show_price_periods
from studio.review.model import (
    CheckRef,
    CrewRef,
    IncidentRef,
    PastShow,
    ProductRef,
    Review,
    ReviewInputs,
    Series,
    ShowInfo,
    TaskRef,
)
from studio.store.models import (
    Campaign,
    CrewMember,
    DeviceCheck,
    MetricSample,
    Product,
    Show,
    WarmupTask,
)
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.timeutil import from_epoch
from studio.traffic.store import load_audience, load_sources

_HEADLINE = (
    "gmv_cents",
    "orders",
    "buyers",
    "viewers_total",
    "product_exposures",
    "product_clicks",
)


def _show_info(show: Show, campaign: str | None) -> ShowInfo:
    return ShowInfo(
        id=show.id,
        title=show.title,
        status=show.status,
        platform=show.platform,
        theme=show.theme,
        planned_start=show.planned_start,
        planned_seconds=show.planned_seconds,
        gmv_target_cents=show.gmv_target_cents,
        traffic_target=show.traffic_target,
        is_rehearsal=show.is_rehearsal,
        started_at=show.started_at,
        ended_at=show.ended_at,
        campaign_name=campaign,
        campaign_share_cents=show.campaign_share_cents,
        extra=dict(show.extra or {}),
    )


def load_series(
    store: Store, show_id: int
) -> tuple[dict[str, Series], dict[str, dict[str, Series]]]:
    """Every sample of the show, as arrays per (sku, metric); one range scan of the key.

    Several sources may report the same metric; their samples are merged by time. A 4-hour show
    at 1 Hz is ~300k rows, so rows come back as plain tuples and are split into numpy arrays by
    group boundaries rather than appended one by one. Only the show's span is read
    (`studio.metrics.window.show_span`): a stray sample dated decades away would otherwise
    make every per-minute table of the review decades long.
    """
    m = MetricSample
    with store.session() as s:
        span = show_span(s, show_id, time.time())
        if span is None:
            return {}, {}
        conn = s.connection()
        rows: list[tuple[Any, ...]]
        if conn.dialect.name == "sqlite":
            # Plain driver tuples: building 300k SQLAlchemy Rows costs more than the scan itself.
            rows = conn.exec_driver_sql(
                "SELECT sku, metric, ts, COALESCE(value, value_real, 0.0) FROM metric_sample "
                "WHERE show_id = ? AND ts >= ? AND ts <= ?",
                (show_id, span[0], span[1]),
            ).fetchall()  # type: ignore[assignment]
        else:
            q = select(m.sku, m.metric, m.ts, func.coalesce(m.value, m.value_real, 0.0))
            q = q.where(m.show_id == show_id, m.ts >= span[0], m.ts <= span[1])
            rows = [tuple(r) for r in s.execute(q)]
    whole: dict[str, Series] = {}
    per_sku: dict[str, dict[str, Series]] = {}
    if not rows:
        return whole, per_sku
    skus, metrics, ts_col, val_col = zip(*rows, strict=True)
    codes: dict[tuple[str, str], int] = {}
    key = np.fromiter(
        (codes.setdefault(k, len(codes)) for k in zip(skus, metrics, strict=True)),
        dtype=np.int64,
        count=len(rows),
    )
    ts = np.asarray(ts_col, dtype=np.float64)
    vals = np.asarray(val_col, dtype=np.float64)
    order = np.lexsort((ts, key))
    key, ts, vals = key[order], ts[order], vals[order]
    bounds = np.searchsorted(key, np.arange(len(codes) + 1))
    for (sku, metric), code in codes.items():
        a, b = int(bounds[code]), int(bounds[code + 1])
        target = whole if sku == "" else per_sku.setdefault(sku, {})
        target[metric] = (ts[a:b], vals[a:b])
    return whole, per_sku


def _checks_of(show: Show) -> ColumnElement[bool]:
    """The show's own checks, and those run without naming a show in the readiness gate's
    window before it went live (or was planned to): the checks the gate counted for it."""
    cond = DeviceCheck.show_id == show.id
    ref = show.started_at or show.planned_start
    if ref is None:
        return cond
    unattached = and_(
        DeviceCheck.show_id.is_(None),
        DeviceCheck.at >= ref - UNATTACHED_CHECK_WINDOW,
        DeviceCheck.at <= ref,
    )
    return or_(cond, unattached)


def _check_ref(c: DeviceCheck) -> CheckRef:
    bad = tuple(
        f for f in (c.findings or []) if isinstance(f, dict) and f.get("status") in ("warn", "fail")
    )
    return CheckRef(
        c.kind, c.at, c.status, c.source, tuple(str(f.get("message", "")) for f in bad), bad
    )


def _task_state(due: datetime | None, done: bool, done_at: datetime | None, ref: datetime) -> str:
    if done:
        return "late" if due is not None and done_at is not None and done_at > due else "done"
    if due is not None and ref > due:
        return "missed"
    return "pending"


def _previous(store: Store, show: Show, n: int) -> list[PastShow]:
    """The last `n` live (not rehearsal) shows that started before this one."""
    if n <= 0 or show.is_rehearsal:
        return []
    ref = show.started_at or show.planned_start
    with store.session() as s:
        q = select(Show).where(
            Show.id != show.id, Show.is_rehearsal.is_(False), Show.started_at.is_not(None)
        )
        if ref is not None:
            q = q.where(Show.started_at < ref)
        shows = list(s.scalars(q.order_by(Show.started_at.desc()).limit(n)))
        out = []
        for p in shows:
            t = totals_at(s, p.id, metrics=_HEADLINE)
            out.append(
                PastShow(
                    id=p.id,
                    title=p.title,
                    started_at=p.started_at,
                    gmv_cents=int(t["gmv_cents"] or 0),
                    gmv_target_cents=p.gmv_target_cents,
                    orders=int(t["orders"] or 0),
                    buyers=int(t["buyers"] or 0),
                    viewers=int(t["viewers_total"] or 0),
                    peak_online=online_peak(s, p.id),
                    product_exposures=int(t["product_exposures"] or 0),
                    product_clicks=int(t["product_clicks"] or 0),
                )
            )
    return out


def load_inputs(store: Store, show_id: int, compare: int = 5) -> ReviewInputs:
    from studio.runner.actuals import load_actuals
    from studio.script.store_io import has_segments

    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        campaign = s.get(Campaign, show.campaign_id) if show.campaign_id else None
        info = _show_info(show, campaign.name if campaign else None)
        products = tuple(
            ProductRef(p.sku, p.name, p.list_price_cents, p.live_price_cents, p.stock)
            for p in s.scalars(
                select(Product).where(Product.show_id == show_id).order_by(Product.position)
            )
        )
        checks = tuple(
            _check_ref(c)
            for c in s.scalars(select(DeviceCheck).where(_checks_of(show)).order_by(DeviceCheck.at))
        )
        start_ref = show.started_at or show.planned_start or datetime.now().astimezone()
        tasks = tuple(
            TaskRef(t.title, t.owner, t.due_at, _task_state(t.due_at, t.done, t.done_at, start_ref))
            for t in s.scalars(
                select(WarmupTask).where(WarmupTask.show_id == show_id).order_by(WarmupTask.id)
            )
        )
        crew = tuple(
            CrewRef(c.role, c.name)
            for c in s.scalars(
                select(CrewMember).where(CrewMember.show_id == show_id).order_by(CrewMember.id)
            )
        )
        previous = _previous(store, show, compare)
        sources = tuple(load_sources(s, show_id))
        audience = tuple(load_audience(s, show_id))
    actuals = load_actuals(store, show_id) if has_segments(store, show_id) else None
    series, sku_series = load_series(store, show_id)
    incidents = tuple(
        IncidentRef(
            i.at,
            i.category,
            i.severity,
            i.status,
            i.segment_key,
            i.text,
            i.time_to_resolve,
            i.time_to_mitigate,
            i.source,
            i.condition_key,
        )
        for i in list_incidents(store, show_id)
    )
    inputs = ReviewInputs(
        show=info,
        actuals=actuals,
        series=series,
        sku_series=sku_series,
        products=products,
        incidents=incidents,
        checks=checks,
        tasks=tasks,
        crew=crew,
        previous=tuple(previous),
        sources=sources,
        audience=audience,
        actions=tuple(list_actions(store, show_id)),
        carried=tuple(actions_for_show(store, show_id)),
    )
    return _with_products(store, inputs)


def _with_products(store: Store, inp: ReviewInputs) -> ReviewInputs:
    """The inputs with the product changes and the price periods over the show's span."""
    from studio.review.aggregate import show_window

    changes = tuple(product_history(store, inp.show.id))
    start, end = show_window(inp)
    periods: dict[str, tuple[PricePeriod, ...]] = {}
    if start is not None and end is not None and end > start:
        found = show_price_periods(store, inp.show.id, from_epoch(start), from_epoch(end))
        periods = {sku: tuple(ps) for sku, ps in found.items()}
    from studio.talkback.timeline import talk_marks

    talk = tuple(talk_marks(store, inp.show.id))
    from studio.audience.stats import questions_review

    asked = questions_review(store, inp.show.id)
    return replace(
        inp, price_periods=periods, product_changes=changes, talkback=talk, questions=asked
    )


def build_review(store: Store, show_id: int, compare: int = 5) -> Review:
    """The review of a show: its inputs loaded and aggregated."""
    from studio.review.aggregate import review

    return review(load_inputs(store, show_id, compare))
