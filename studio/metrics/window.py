"""When a show's samples can be: the window sources check, and the span consumers read.

One sample dated 2099 in a show of 2026 once made an export build a per-minute table of 73
years (17 GB). Sources (file tail, HTTP, platform export) quarantine samples outside the
show's window; consumers that build per-second or per-minute arrays (export, review, the
dashboard cache) read only the show's span, so rows stored before this check existed cannot
blow them up either.

The window is the show's known times (planned start and end, actual start and end) and now,
widened by a margin on each side. A show with no times at all (created without a planned
start, never on air) has no lower bound: importing last month's file into it is legitimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from studio.store.models import MetricSample, MetricSeries, Show

# Wide enough for a collector with a wrong time zone (±14 h would be the worst) and a show
# that overruns; narrow enough that an array of a show's seconds stays small.
DEFAULT_MARGIN_S = 12 * 3600.0
# A show without times: consumers keep this much either side of its median sample.
UNTIMED_HALF_SPAN_S = 24 * 3600.0


@dataclass(frozen=True)
class Window:
    lo: float | None  # None: no lower bound (a show without any known time)
    hi: float
    margin: float

    def refuse(self, ts: float) -> str | None:
        """Why `ts` cannot belong to the show, or None when it can."""
        if ts > self.hi:
            return f"ts {_day(ts)} is {_far(ts - self.hi + self.margin)} after the show's window"
        if self.lo is not None and ts < self.lo:
            return f"ts {_day(ts)} is {_far(self.lo + self.margin - ts)} before the show's window"
        return None


def _day(ts: float) -> str:
    return datetime.fromtimestamp(ts).astimezone().strftime("%Y-%m-%d %H:%M")


def _far(seconds: float) -> str:
    if seconds >= 2 * 86400:
        return f"{seconds / 86400:.0f} days"
    return f"{seconds / 3600:.1f} h"


def _anchors(s: Session | Connection, show_id: int) -> tuple[list[float], bool] | None:
    """The show's known times as epoch seconds, and whether there were any; None: no show."""
    row = s.execute(
        select(Show.planned_start, Show.planned_seconds, Show.started_at, Show.ended_at).where(
            Show.id == show_id
        )
    ).first()
    if row is None:
        return None
    planned_start, planned_seconds, started, ended = row
    times: list[float] = []
    if planned_start is not None:
        times += [planned_start.timestamp(), planned_start.timestamp() + (planned_seconds or 0)]
    if started is not None:
        times += [started.timestamp(), started.timestamp() + (planned_seconds or 0)]
    if ended is not None:
        times.append(ended.timestamp())
    return times, bool(times)


def show_window(
    s: Session | Connection, show_id: int, now: float, margin: float = DEFAULT_MARGIN_S
) -> Window:
    """The times a sample of the show may carry (see the module docstring)."""
    found = _anchors(s, show_id)
    times, timed = found if found is not None else ([], False)
    lo = min(times) - margin if timed else None
    return Window(lo, max([*times, now]) + margin, margin)


def show_span(
    s: Session | Connection, show_id: int, now: float, margin: float = DEFAULT_MARGIN_S
) -> tuple[float, float] | None:
    """The stored samples' time range cut to the show's window: what a consumer building
    arrays over time may cover. None when the show has no sample inside it."""
    row = s.execute(
        select(func.min(MetricSeries.first_ts), func.max(MetricSeries.last_ts)).where(
            MetricSeries.show_id == show_id
        )
    ).first()
    if row is None or row[0] is None:
        return None
    w = show_window(s, show_id, now, margin)
    lo, hi = float(row[0]), min(float(row[1]), w.hi)
    if w.lo is not None:
        lo = max(lo, w.lo)
    else:
        mid = _median_ts(s, show_id, lo, hi)
        if mid is not None:
            lo, hi = max(lo, mid - UNTIMED_HALF_SPAN_S), min(hi, mid + UNTIMED_HALF_SPAN_S)
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo > hi:
        return None
    return lo, hi


def _median_ts(s: Session | Connection, show_id: int, lo: float, hi: float) -> float | None:
    """The median sample time in [lo, hi]: where an untimed show's data really is."""
    m = MetricSample
    cond = (m.show_id == show_id, m.ts >= lo, m.ts <= hi)
    n = int(s.execute(select(func.count()).select_from(m).where(*cond)).scalar() or 0)
    if n == 0:
        return None
    value = s.execute(select(m.ts).where(*cond).order_by(m.ts).offset(n // 2).limit(1)).scalar()
    return None if value is None else float(value)
