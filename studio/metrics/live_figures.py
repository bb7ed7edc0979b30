"""The live dashboard's figures from a show's cached series: KPIs with their pace inputs, the
pace projection, orders per minute and rolling CTR/CVR over the visible window, and the facts
the alert rules judge. Pure functions on arrays; the series come from `SeriesCache` (or
anything with the same reading methods).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from studio.metrics import alerts, kpi
from studio.metrics.series import (
    F64,
    RECENT_RATE_WINDOW_S,
    ShowTiming,
    per_minute,
    rolling_ratio,
)

ROLLING_WINDOW_S = 300.0
RATE_GRID_S = 30.0
# Orders per minute over a window also read this much before it: the first minute needs the
# cumulative count standing before it.
ORDERS_LEAD_S = 120.0


class Series(Protocol):
    """What the figures read from a show's cached series (studio.metrics.series.SeriesCache)."""

    def get(self, metric: str) -> tuple[F64, F64]: ...

    def totals(self, at: float | None = None) -> dict[str, Any]: ...

    def last_ts(self, metrics: Any = None) -> float | None: ...


@dataclass(frozen=True)
class Pace:
    """The pace inputs: projected end-of-show GMV and the GMV standing now, and the projected
    end-of-show total viewers (the traffic pace)."""

    pace_yuan: float | None = None
    gmv_cents: float | None = None
    viewers_pace: float | None = None


@dataclass(frozen=True)
class LiveFigures:
    kpis: kpi.Kpis
    totals: dict[str, Any]
    start: float  # the show's start the elapsed time counts from
    elapsed_s: float
    traffic: kpi.TrafficPace  # total viewers against the traffic target

    @property
    def pace(self) -> Pace:
        return Pace(self.kpis.gmv_pace_yuan, self.totals.get("gmv_cents"), self.traffic.projected)


def _first(ts: F64) -> float | None:
    return float(ts[0]) if len(ts) else None


def show_start(timing: ShowTiming | None, first_ts: float | None, last: float) -> float:
    """Where the show's elapsed time counts from: its start, else its first online-viewers
    sample, else the newest sample `last`."""
    if timing is not None and timing.start_ts:
        return timing.start_ts
    return first_ts if first_ts is not None else last


def recent_rate(
    ts: F64, counts: F64, last: float, elapsed_s: float, window_s: float = RECENT_RATE_WINDOW_S
) -> float | None:
    """How fast a cumulative count grew per second over the last `window_s` before `last` (a
    pace's current rate); None until the show has run longer than the window."""
    if not len(counts) or elapsed_s <= window_s:
        return None
    i = int(np.searchsorted(ts, last - window_s, side="right")) - 1
    if i < 0:
        return None
    return float(counts[-1] - counts[i]) / window_s


def recent_gmv_rate(
    gmv_ts: F64, gmv: F64, last: float, elapsed_s: float, window_s: float = RECENT_RATE_WINDOW_S
) -> float | None:
    """GMV cents per second over the last `window_s` before `last` (the GMV pace's rate)."""
    return recent_rate(gmv_ts, gmv, last, elapsed_s, window_s)


def live_figures(series: Series, timing: ShowTiming | None, last: float) -> LiveFigures:
    """Every KPI of the show as it stands at its newest platform sample `last`."""
    totals = series.totals()
    online_ts, online = series.get("online_viewers")
    start = show_start(timing, _first(online_ts), last)
    elapsed = last - start
    gmv_ts, gmv = series.get("gmv_cents")
    figures = kpi.compute(
        totals,
        gmv_target_cents=(timing.gmv_target_cents or None) if timing else None,
        elapsed_s=elapsed,
        planned_s=(timing.planned_seconds or None) if timing else None,
        online_peak=int(online.max()) if len(online) else None,
        recent_gmv_rate=recent_gmv_rate(gmv_ts, gmv, last, elapsed),
    )
    viewers_ts, viewers = series.get("viewers_total")
    traffic = kpi.traffic_pace(
        totals.get("viewers_total"),
        timing.traffic_target if timing else None,
        elapsed_s=elapsed,
        planned_s=(timing.planned_seconds or None) if timing else None,
        recent_rate_per_s=recent_rate(viewers_ts, viewers, last, elapsed),
    )
    return LiveFigures(figures, totals, start, elapsed, traffic)


def pace_tone(pace_target_pct: float | None) -> str | None:
    """How the pace reads against the target: good (on target), warn (80 %+), bad; None
    without a target."""
    if pace_target_pct is None:
        return None
    if pace_target_pct >= 100:
        return "good"
    return "warn" if pace_target_pct >= 80 else "bad"


@dataclass(frozen=True)
class PaceLine:
    """The projection drawn on the GMV graph (yuan): from the GMV now at `last` to the pace at
    the planned end (or at `last` once past it)."""

    x: tuple[float, float]
    y: tuple[float, float]

    def top_before(self, x1: float) -> float:
        """The height the line reaches left of x1 (the visible window's right edge)."""
        (x_now, end), (y_now, y_end) = self.x, self.y
        frac = 1.0 if end <= x1 else (x1 - x_now) / max(1e-9, end - x_now)
        return y_now + (y_end - y_now) * max(0.0, frac)


def pace_line(pace: Pace, timing: ShowTiming | None, last: float) -> PaceLine | None:
    """The pace projection, or None without a pace, a GMV or a show start."""
    if pace.pace_yuan is None or pace.gmv_cents is None or timing is None:
        return None
    if not timing.start_ts:
        return None
    end = max(timing.start_ts + timing.planned_seconds, last)
    return PaceLine((last, end), (pace.gmv_cents / 100.0, pace.pace_yuan))


def target_line(timing: ShowTiming | None) -> PaceLine | None:
    """Where GMV should stand at each moment to meet the target (yuan): a straight line from 0
    at the show's start to the target at its planned end; None without a target, a start or a
    planned length. Against it the GMV curve reads "ahead" or "behind" all show long, where the
    flat target line alone leaves it near zero until the last hour."""
    if timing is None or not timing.start_ts or timing.planned_seconds <= 0:
        return None
    if timing.gmv_target_cents <= 0:
        return None
    end = timing.start_ts + timing.planned_seconds
    return PaceLine((timing.start_ts, end), (0.0, timing.gmv_target_cents / 100.0))


@dataclass(frozen=True)
class MinuteBars:
    """Orders per minute as step-curve edges (one more than the counts); the first `settled`
    minutes are closed (a later sample exists), the rest still grow."""

    edges: F64
    counts: F64
    settled: int


def orders_per_minute(ts: F64, orders: F64, x0: float, x1: float) -> MinuteBars:
    """Orders per minute for the minutes in [x0, x1] from the cumulative order count."""
    lo = int(np.searchsorted(ts, x0 - ORDERS_LEAD_S))
    hi = int(np.searchsorted(ts, x1, side="right"))
    starts, counts = per_minute(ts[lo:hi], orders[lo:hi])
    if len(counts) > 1:
        # The first bucket of a clipped window has no baseline: drop it.
        starts, counts = starts[1:], counts[1:]
    if not len(counts):
        return MinuteBars(np.empty(0), counts, 0)
    edges = np.append(starts, starts[-1] + 60)
    settled = int(np.searchsorted(starts + 60, ts[hi - 1], side="right"))
    return MinuteBars(edges, counts, settled)


def rate_grid(first_ts: float | None, x0: float, last: float) -> F64:
    """The times the rolling rates are computed at: every 30 s from the window's left edge
    (or the first sample) to the newest sample."""
    start = max(x0, first_ts) if first_ts is not None else x0
    return np.arange(start, last + 1, RATE_GRID_S)


def rolling_rates(series: Series, grid: F64, x0: float) -> tuple[F64, F64]:
    """Product CTR and click-to-buy rate (fractions; NaN where nothing was shown or clicked)
    over the trailing ROLLING_WINDOW_S at each grid time; only samples from a window before
    `x0` on are read."""
    lo = x0 - ROLLING_WINDOW_S
    pe_ts, pe = series.get("product_exposures")
    pc_ts, pc = series.get("product_clicks")
    b_ts, b = series.get("buyers")
    i1, i2, i3 = (int(np.searchsorted(a, lo)) for a in (pe_ts, pc_ts, b_ts))
    ctr = rolling_ratio(pc_ts[i2:], pc[i2:], pe_ts[i1:], pe[i1:], ROLLING_WINDOW_S, grid)
    cvr = rolling_ratio(b_ts[i3:], b[i3:], pc_ts[i2:], pc[i2:], ROLLING_WINDOW_S, grid)
    return ctr, cvr


def alert_facts(
    series: Series,
    timing: ShowTiming | None,
    pace: Pace,
    *,
    now: float,
    watched_ts: float | None,
    slack_s: float,
) -> alerts.Facts:
    """What the alert rules judge: `now` is the show clock, `watched_ts` the sample time the
    stalled-feed rule watches (studio.metrics.live_feed), `slack_s` the pipeline's slack."""
    last = series.last_ts()
    online_ts, online = series.get("online_viewers")
    started = timing.start_ts if timing else None
    return alerts.Facts(
        now=now,
        last_sample_ts=watched_ts,
        online_ts=online_ts,
        online=online,
        gmv_cents=pace.gmv_cents,
        pace_cents=None if pace.pace_yuan is None else pace.pace_yuan * 100,
        target_cents=timing.gmv_target_cents if timing else 0,
        elapsed_s=last - started if last and started else None,
        planned_s=timing.planned_seconds if timing else 0,
        slack_s=slack_s,
        viewers_pace=pace.viewers_pace,
        traffic_target=timing.traffic_target if timing else 0,
    )
