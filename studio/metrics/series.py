"""Reading metric series and totals back from the store, fast enough for a 1 Hz dashboard.

Samples are keyed by (show, ts, metric, sku, source): a time window of a show is one range scan.
"The latest value of a metric" asks `metric_series` for the series' span first, then probes the
sample at its last time (a metric that never reported costs one probe, not a scan). Cumulative
metrics are turned into per-minute or rolling figures by differencing on numpy arrays (pure
functions below).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.orm import Session

from studio.metrics import kpi
from studio.metrics.names import NAMES
from studio.metrics.window import Window, show_window
from studio.store.models import MetricQuarantine, MetricSample, MetricSeries, Segment, Show
from studio.store.store import Store
from studio.timeutil import Clock

F64 = NDArray[np.float64]
M = MetricSample
RECENT_RATE_WINDOW_S = 600.0


def _val(value: int | None, value_real: float | None) -> int | float | None:
    return value if value is not None else value_real


def _span(s: Session, show_id: int, metric: str, sku: str) -> tuple[float, float] | None:
    row = s.execute(
        select(MetricSeries.first_ts, MetricSeries.last_ts).where(
            MetricSeries.show_id == show_id, MetricSeries.metric == metric, MetricSeries.sku == sku
        )
    ).first()
    return None if row is None else (float(row[0]), float(row[1]))


def latest_value(
    s: Session, show_id: int, metric: str, at: float | None = None, sku: str = ""
) -> int | float | None:
    """The last value of `metric` at or before `at` (any source)."""
    span = _span(s, show_id, metric, sku)
    if span is None or (at is not None and span[0] > at):
        return None
    q = select(M.value, M.value_real).where(M.show_id == show_id, M.metric == metric, M.sku == sku)
    # At or after the series' last sample: that sample, by key. Before it: walk back from `at`.
    q = q.where(M.ts == span[1]) if at is None or at >= span[1] else q.where(M.ts <= at)
    row = s.execute(q.order_by(M.ts.desc(), M.source).limit(1)).first()
    return None if row is None else _val(row[0], row[1])


def totals_at(
    s: Session, show_id: int, at: float | None = None, sku: str = "", metrics: Iterable[str] = NAMES
) -> dict[str, int | float | None]:
    """Cumulative totals (and gauges) as they stood at `at`: a probe or two per metric."""
    return {m: latest_value(s, show_id, m, at, sku) for m in metrics}


def value_before(s: Session, show_id: int, metric: str, at: float) -> int | float | None:
    return latest_value(s, show_id, metric, at)


def online_peak(s: Session, show_id: int, at: float | None = None) -> int | None:
    q = select(func.max(M.value)).where(
        M.show_id == show_id, M.metric == "online_viewers", M.sku == ""
    )
    if at is not None:
        q = q.where(M.ts <= at)
    v = s.scalar(q)
    return None if v is None else int(v)


def time_range(s: Session, show_id: int) -> tuple[float, float] | None:
    """First and last sample time of the show (from the series spans: no sample scan)."""
    row = s.execute(
        select(func.min(MetricSeries.first_ts), func.max(MetricSeries.last_ts)).where(
            MetricSeries.show_id == show_id
        )
    ).first()
    if row is None or row[0] is None:
        return None
    return float(row[0]), float(row[1])


def series(
    s: Session,
    show_id: int,
    metrics: Sequence[str],
    since: float | None = None,
    until: float | None = None,
    sku: str = "",
) -> dict[str, tuple[F64, F64]]:
    """Each metric's (ts, value) arrays in a window, sorted by time: one range scan."""
    q = select(M.metric, M.ts, M.value, M.value_real).where(
        M.show_id == show_id, M.sku == sku, M.metric.in_(list(metrics))
    )
    if since is not None:
        q = q.where(M.ts >= since)
    if until is not None:
        q = q.where(M.ts <= until)
    grouped: dict[str, tuple[list[float], list[float]]] = {m: ([], []) for m in metrics}
    for metric, ts, value, value_real in s.execute(q.order_by(M.ts)):
        g = grouped[metric]
        g[0].append(ts)
        g[1].append(value if value is not None else (value_real or 0.0))
    return {
        m: (np.asarray(t, dtype=np.float64), np.asarray(v, dtype=np.float64))
        for m, (t, v) in grouped.items()
    }


def last_minutes(
    s: Session, show_id: int, metrics: Sequence[str], minutes: float, at: float | None = None
) -> dict[str, tuple[F64, F64]]:
    end = at if at is not None else (time_range(s, show_id) or (time.time(), time.time()))[1]
    return series(s, show_id, metrics, since=end - minutes * 60, until=end)


# -- pure differencing on arrays ---------------------------------------------------------------


def value_at(ts: F64, cum: F64, at: F64) -> F64:
    """The cumulative value standing at each time in `at` (0 before the first sample)."""
    idx = np.searchsorted(ts, at, side="right") - 1
    out = np.where(idx >= 0, cum[np.clip(idx, 0, max(len(cum) - 1, 0))] if len(cum) else 0, 0)
    return np.asarray(out, dtype=np.float64)


def per_minute(ts: F64, cum: F64) -> tuple[F64, F64]:
    """Per-minute increments of a cumulative series: (minute start times, increments)."""
    if len(ts) == 0:
        return np.empty(0), np.empty(0)
    first = np.floor(ts[0] / 60.0) * 60.0
    edges = np.arange(first, ts[-1] + 60.0, 60.0)
    at_edges = value_at(ts, cum, np.append(edges[1:], ts[-1]))
    base = np.concatenate(([value_at(ts, cum, np.array([first - 1e-9]))[0]], at_edges[:-1]))
    return edges, at_edges - base


def rolling_ratio(ts_num: F64, num: F64, ts_den: F64, den: F64, window_s: float, grid: F64) -> F64:
    """Δnum / Δden over the trailing window at each grid time (NaN where Δden is 0)."""
    dn = value_at(ts_num, num, grid) - value_at(ts_num, num, grid - window_s)
    dd = value_at(ts_den, den, grid) - value_at(ts_den, den, grid - window_s)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(dd > 0, dn / np.where(dd > 0, dd, 1.0), np.nan)
    return np.asarray(r, dtype=np.float64)


def min_max_decimate(ts: F64, v: F64, bins: int) -> tuple[F64, F64]:
    """At most 2 x `bins` points that draw like the full series at `bins` pixels wide: each
    run of samples becomes its minimum and maximum (in time order), so peaks and dips
    survive. Series that already fit are returned as they are."""
    n = len(ts)
    if bins < 1 or n <= 2 * bins:
        return ts, v
    k = -(-n // bins)  # samples per bin, rounded up
    m = n // k
    body = v[: m * k].reshape(m, k)
    lo_i = body.argmin(axis=1)
    hi_i = body.argmax(axis=1)
    first = np.minimum(lo_i, hi_i)
    second = np.maximum(lo_i, hi_i)
    base = np.arange(m) * k
    idx = np.empty(2 * m, dtype=np.int64)
    idx[0::2] = base + first
    idx[1::2] = base + second
    if m * k < n:  # the unfinished last bin: keep its samples (the newest, which matter)
        idx = np.concatenate((idx, np.arange(m * k, n)))
    return ts[idx], v[idx]


# -- a show's KPIs at a moment ---------------------------------------------------------------


@dataclass(frozen=True)
class ShowTiming:
    start_ts: float | None
    planned_seconds: int
    gmv_target_cents: int
    status: str = ""  # Show.status: "live" means a feed is expected to be sending
    traffic_target: int = 0  # Show.traffic_target (viewers); filled by queries.load_timing


def show_timing(s: Session, show_id: int) -> ShowTiming:
    show = s.get(Show, show_id)
    if show is None:
        raise LookupError(f"no show with id {show_id}")
    planned = show.planned_seconds or int(
        s.scalar(
            select(func.coalesce(func.sum(Segment.planned_seconds), 0)).where(
                Segment.show_id == show_id
            )
        )
        or 0
    )
    start = show.started_at or show.planned_start
    start_ts = start.timestamp() if start else None
    if start_ts is None:
        first = time_range(s, show_id)
        start_ts = first[0] if first else None
    return ShowTiming(start_ts, planned, show.gmv_target_cents, show.status)


@dataclass(frozen=True)
class Snapshot:
    show_id: int
    at: float | None
    totals: dict[str, int | float | None]
    kpis: kpi.Kpis
    quarantined: int
    timing: ShowTiming


def snapshot(store: Store, show_id: int, at: float | None = None) -> Snapshot:
    """Totals and every KPI of a show at `at` (default: its latest sample)."""
    with store.session() as s:
        timing = show_timing(s, show_id)
        if at is None:
            rng = time_range(s, show_id)
            at = rng[1] if rng else None
        totals = totals_at(s, show_id, at)
        peak = online_peak(s, show_id, at)
        elapsed = at - timing.start_ts if at is not None and timing.start_ts is not None else None
        recent = None
        gmv = totals.get("gmv_cents")
        if at is not None and gmv is not None and elapsed and elapsed > RECENT_RATE_WINDOW_S:
            before = latest_value(s, show_id, "gmv_cents", at - RECENT_RATE_WINDOW_S)
            if before is not None:
                recent = (gmv - before) / RECENT_RATE_WINDOW_S
        k = kpi.compute(
            totals,
            gmv_target_cents=timing.gmv_target_cents or None,
            elapsed_s=elapsed,
            planned_s=timing.planned_seconds or None,
            online_peak=peak,
            recent_gmv_rate=recent,
        )
        quarantined = int(
            s.scalar(
                select(func.count())
                .select_from(MetricQuarantine)
                .where(MetricQuarantine.show_id == show_id)
            )
            or 0
        )
    return Snapshot(show_id, at, totals, k, quarantined, timing)


# -- incremental cache for the dashboard ----------------------------------------------------


class _Growable:
    __slots__ = ("n", "sorted", "ts", "v")

    def __init__(self) -> None:
        self.ts = np.empty(1024)
        self.v = np.empty(1024)
        self.n = 0
        self.sorted = True

    def extend(self, ts: F64, v: F64) -> None:
        k = len(ts)
        if self.n + k > len(self.ts):
            cap = max(2 * len(self.ts), self.n + k)
            self.ts = np.resize(self.ts, cap)
            self.v = np.resize(self.v, cap)
        self.ts[self.n : self.n + k] = ts
        self.v[self.n : self.n + k] = v
        if (
            self.sorted
            and k
            and ((self.n and ts[0] < self.ts[self.n - 1]) or (np.diff(ts) < 0).any())
        ):
            self.sorted = False
        self.n += k

    def drop_from(self, t: float) -> F64:
        """Forget the points at or after `t` (they are about to be read again); returns the
        times dropped."""
        ts, _v = self.view()
        keep = int(np.searchsorted(ts, t, side="left"))
        dropped = ts[keep:].copy()
        self.n = keep
        return dropped

    def view(self) -> tuple[F64, F64]:
        if not self.sorted:
            order = np.argsort(self.ts[: self.n], kind="stable")
            self.ts[: self.n] = self.ts[: self.n][order]
            self.v[: self.n] = self.v[: self.n][order]
            self.sorted = True
        return self.ts[: self.n], self.v[: self.n]


# Each refresh also re-reads this much before the newest sample it has: rows from one batch
# that commit a moment after a later one (two sources, or PostgreSQL's commit order) are
# picked up without waiting for their change notice.
OVERLAP_S = 2.0


@dataclass(frozen=True)
class SeriesRead:
    """Rows read for a SeriesCache by `SeriesCache.read()` (on any thread), for its
    `merge()`: from `start` on (strictly after it when `after`), planned against the cache's
    newest sample `newest` and the show's time window `window`."""

    start: float
    after: bool
    newest: float | None
    window: Window
    # Per metric, the (times, values) read, in the order read; `last` the newest time among
    # them (None: nothing read). Grouped here, on the reading thread, so merging is a few
    # array copies on the cache's thread.
    grouped: dict[str, tuple[F64, F64]]
    last: float | None


class SeriesCache:
    """A show's whole-show series (sku ''), kept in numpy arrays and topped up by time.

    `refresh()` reads only the rows from a little before the newest sample it holds, so a
    repaint after a 1 Hz sample costs one short range read of the (show, ts) key, not a 4-hour
    reload. Writers announce each batch with a change whose `since` is the batch's earliest
    second; passing that as `since` re-reads from there, which brings in late rows (an offline
    station's replayed outbox, a backfill) wherever they fall in time.
    """

    def __init__(
        self, show_id: int, metrics: Iterable[str] = NAMES, clock: Clock = time.time
    ) -> None:
        self.show_id = show_id
        self.metrics = frozenset(metrics)
        self.clock = clock
        # The show's window (`studio.metrics.window`), read at reload: samples outside it are
        # never loaded, so one sample dated 2099 cannot stretch every array to 2099.
        self._window: Window | None = None
        self.newest: float | None = None  # the newest sample time read so far
        # Rows that arrived older than the newest sample already held (views keyed on the data
        # redo their work when this moves).
        self.late_rows = 0
        self._data: dict[str, _Growable] = {m: _Growable() for m in self.metrics}
        base = select(M.metric, M.ts, M.value, M.value_real).where(
            M.show_id == show_id, M.sku == "", M.metric.in_(sorted(self.metrics))
        )
        self._from = base.where(M.ts >= bindparam("start"), M.ts <= bindparam("end"))
        self._after = base.where(M.ts > bindparam("start"), M.ts <= bindparam("end"))

    def reload(self, s: Session | Connection) -> int:
        self.newest = None
        self._data = {m: _Growable() for m in self.metrics}
        self._window = show_window(s, self.show_id, self.clock())
        return self.refresh(s)

    def refresh(self, s: Session | Connection, since: float | None = None) -> int:
        """Read new rows (and, with `since`, everything from that time on again); returns how
        many rows the cache did not hold before."""
        fresh = self.merge(self.read(s, since))
        assert fresh is not None  # read and merged with nothing in between
        return fresh

    def read(self, s: Session | Connection, since: float | None = None) -> SeriesRead:
        """The rows `refresh()` would add, read without changing the cache: a worker thread
        reads them and the thread that owns the cache `merge()`s them. The cache must not be
        merged into by anyone else in between (one read in flight at a time)."""
        newest, window = self.newest, self._window
        if window is None:
            window = show_window(s, self.show_id, self.clock())
        lo = -math.inf if window.lo is None else window.lo
        # A live show's window moves with the clock.
        end = max(window.hi, self.clock() + window.margin)
        after = False
        if newest is None:
            start = lo
        elif since is None:
            start = newest - OVERLAP_S
        elif since > newest:
            # The usual 1 Hz case: the batch is newer than anything held, so only rows after
            # the newest are read and nothing is dropped and read again.
            start, after = newest, True
        else:
            start = since
        start = max(start, lo)
        query = self._after if after else self._from
        lists: dict[str, tuple[list[float], list[float]]] = {}
        for metric, ts, value, value_real in s.execute(query, {"start": start, "end": end}):
            g = lists.setdefault(metric, ([], []))
            g[0].append(ts)
            g[1].append(value if value is not None else (value_real or 0.0))
        grouped = {
            m: (np.asarray(t, dtype=np.float64), np.asarray(v, dtype=np.float64))
            for m, (t, v) in lists.items()
        }
        last = max((float(t.max()) for t, _v in grouped.values()), default=None)
        return SeriesRead(start, after, newest, window, grouped, last)

    def merge(self, read: SeriesRead) -> int | None:
        """Put a `read()`'s rows in the cache; returns how many rows it did not hold before,
        or None (nothing merged) when the cache moved on since the read was made."""
        if read.newest != self.newest:
            return None
        if self._window is None:
            self._window = read.window
        if read.last is None:
            return 0
        if read.after:
            dropped = {m: np.empty(0) for m in self._data}
        else:
            dropped = {m: g.drop_from(read.start) for m, g in self._data.items()}
        fresh = 0
        old_newest = self.newest
        for metric, (ts, v) in read.grouped.items():
            self._data[metric].extend(ts, v)
            gone = dropped[metric]
            fresh += max(0, len(ts) - len(gone))
            if old_newest is not None:
                before = int(np.count_nonzero(ts < old_newest))
                self.late_rows += max(0, before - int(np.count_nonzero(gone < old_newest)))
        self.newest = read.last if old_newest is None else max(old_newest, read.last)
        return fresh

    def get(self, metric: str) -> tuple[F64, F64]:
        g = self._data.get(metric)
        if g is None:
            return np.empty(0), np.empty(0)
        return g.view()

    def last(self, metric: str) -> float | None:
        _ts, v = self.get(metric)
        return float(v[-1]) if len(v) else None

    def last_ts(self, metrics: Iterable[str] | None = None) -> float | None:
        """The newest sample time of any of `metrics` (default: every cached metric)."""
        groups = self._data.values() if metrics is None else map(self._data.get, metrics)
        latest = [float(g.view()[0][-1]) for g in groups if g is not None and g.n]
        return max(latest) if latest else None

    def totals(self, at: float | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for m in self.metrics:
            ts, v = self.get(m)
            if not len(ts):
                out[m] = None
                continue
            if at is None:
                out[m] = float(v[-1])
            else:
                i = int(np.searchsorted(ts, at, side="right")) - 1
                out[m] = float(v[i]) if i >= 0 else None
        return out

    def nbytes(self) -> int:
        return sum(g.ts.nbytes + g.v.nbytes for g in self._data.values())
