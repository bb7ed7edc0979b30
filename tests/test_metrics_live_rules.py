"""The live dashboard's rules without Qt: feed stalled by the show clock, pace inputs, the visible
time range, segment spans and incident markers, and the store reads behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pytest

from studio.metrics import alerts, queries
from studio.metrics.live_feed import (
    lag_shown,
    on_air,
    pipeline_slack,
    stall_limit,
    watched_sample_ts,
)
from studio.metrics.live_figures import (
    Pace,
    alert_facts,
    live_figures,
    orders_per_minute,
    pace_line,
    pace_tone,
    rate_grid,
    recent_gmv_rate,
    rolling_rates,
    show_start,
)
from studio.metrics.live_range import (
    LAST_MINUTES,
    SCROLL_STEP_S,
    recent_range,
    settled_until,
    visible_range,
    whole_show_range,
    window_bounds,
)
from studio.metrics.live_spans import (
    IncidentMark,
    PlannedSegment,
    SegmentSpan,
    actual_times,
    group_marks,
    in_view,
    incident_label_y,
    label_x,
    marker_label_x,
    segment_edges,
    segment_spans,
    spans_start,
)
from studio.metrics.samples import make_row
from studio.metrics.series import SeriesCache, ShowTiming
from studio.metrics.writer import write_samples
from studio.store.models import Incident, Segment
from studio.store.shows import create_show
from studio.timeutil import from_epoch

T0 = 1_794_000_000.0


def arr(*values: float) -> np.ndarray:
    return np.asarray(values, dtype=np.float64)


# -- feed stalled, by sample time against the show clock ------------------------------------------


def test_pipeline_slack_grows_with_the_demo_speed() -> None:
    """A real clock allows no slack; a 60x demo clock allows 1.5 real seconds = 88.5 show s."""
    assert pipeline_slack(1.0) == 0.0
    assert pipeline_slack(0.0) == 0.0  # an unset speed counts as real time
    assert pipeline_slack(60.0) == pytest.approx(88.5)
    assert pipeline_slack(0.5) == 0.0  # a slowed clock gives no negative slack


def test_stall_limit_comes_from_the_profile_rules() -> None:
    """The stalled-feed limit is the rules' `seconds`, 30 when the profile does not say."""
    assert stall_limit(alerts.DEFAULTS) == 30.0
    assert stall_limit({}) == 30.0
    assert stall_limit({"feed_stalled": {"seconds": 12}}) == 12.0


def test_feed_is_watched_once_live_and_only_moves_forward() -> None:
    """On air the rule is armed by any sample; off air only by fresh samples that arrived while
    the show was on screen (an import of old samples arms nothing); once armed the watched
    time only moves forward and a read without platform samples keeps it."""
    kw = {"limit_s": 30.0, "slack_s": 0.0}
    old = T0 - 3600
    assert watched_sample_ts(None, old, now=T0, live=True, seen=False, **kw) == old
    assert watched_sample_ts(None, old, now=T0, live=False, seen=False, **kw) is None
    assert watched_sample_ts(None, old, now=T0, live=False, seen=True, **kw) is None
    assert watched_sample_ts(None, T0 - 20, now=T0, live=False, seen=True, **kw) == T0 - 20
    assert watched_sample_ts(None, T0 - 20, now=T0, live=False, seen=False, **kw) is None
    assert watched_sample_ts(T0 - 5, T0 - 50, now=T0, live=True, seen=True, **kw) == T0 - 5
    assert watched_sample_ts(T0 - 5, T0 - 1, now=T0, live=True, seen=True, **kw) == T0 - 1
    assert watched_sample_ts(T0 - 5, None, now=T0, live=True, seen=True, **kw) == T0 - 5
    # At 60x, samples 100 show-seconds old are still fresh (30 s limit + 88.5 s slack).
    fast = {"limit_s": 30.0, "slack_s": pipeline_slack(60.0)}
    assert watched_sample_ts(None, T0 - 100, now=T0, live=False, seen=True, **fast) == T0 - 100
    assert watched_sample_ts(None, T0 - 130, now=T0, live=False, seen=True, **fast) is None


def test_on_air_is_the_live_status() -> None:
    """Only a show whose status is live expects a feed."""
    assert on_air(ShowTiming(T0, 600, 0, "live"))
    assert not on_air(ShowTiming(T0, 600, 0, "ended"))
    assert not on_air(None)


def test_updated_line_says_how_old_the_data_is_beyond_the_slack() -> None:
    """ "Updated" adds the age once the armed feed is 10 s behind beyond the pipeline's slack."""
    assert lag_shown(T0 + 9, T0, 0.0, watched=T0) is None
    assert lag_shown(T0 + 10.7, T0, 0.0, watched=T0) == 10
    assert lag_shown(T0 + 45, T0, 0.0, watched=None) is None  # not armed: an old show
    slack = pipeline_slack(60.0)
    assert lag_shown(T0 + 45, T0, slack, watched=T0) is None
    assert lag_shown(T0 + 130, T0, slack, watched=T0) == 41


def test_stalled_feed_alert_follows_the_show_clock_at_demo_speed() -> None:
    """Fed with the dashboard's facts, the alert rules call a 60x feed 45 show-seconds behind
    live, raise the stall once the gap passes limit + slack, and clear it on a new sample."""
    got: list[tuple[str, bool, str]] = []
    monitor = alerts.AlertMonitor(alerts.DEFAULTS, lambda k, a, m: got.append((k, a, m)))
    timing = ShowTiming(T0, 720, 0, "live")
    series = ArraySeries({"online_viewers": (arr(T0, T0 + 60), arr(100, 120))})
    slack = pipeline_slack(60.0)

    def judge(now: float, watched: float) -> None:
        monitor.evaluate(
            alert_facts(series, timing, Pace(), now=now, watched_ts=watched, slack_s=slack)
        )

    judge(T0 + 60 + 45, T0 + 60)
    assert got == []
    judge(T0 + 60 + 30 + slack + 1, T0 + 60)
    assert got[-1][:2] == (alerts.FEED_STALLED, True)
    assert got[-1][2] == "Metrics feed stalled: no sample for 120 s"
    judge(T0 + 200, T0 + 199)
    assert got[-1][:2] == (alerts.FEED_STALLED, False)


# -- the visible time range ------------------------------------------------------------------


def test_last_15_minutes_moves_in_steps_and_keeps_room_after_the_newest_sample() -> None:
    """The recent window is 15 min + a step wide, keeps 5..35 s after the newest sample, and
    stays put while the newest sample moves inside one step."""
    base = T0 + 600  # a multiple of the step
    seen = set()
    for last in np.arange(base - 4.5, base + SCROLL_STEP_S - 4.5, 0.5):
        x0, x1 = recent_range(float(last))
        assert x1 - x0 == LAST_MINUTES * 60 + SCROLL_STEP_S + 5
        assert 5 <= x1 - last <= 35
        seen.add((x0, x1))
    assert len(seen) == 1
    assert recent_range(base + SCROLL_STEP_S - 4.5)[1] == recent_range(base)[1] + SCROLL_STEP_S


def test_whole_show_spans_start_to_planned_end_and_grows_in_overtime() -> None:
    """The whole-show window runs from the start (or an earlier first sample) to 30 s past the
    planned end; past it, it grows in 60-s steps ahead of the newest sample."""
    timing = ShowTiming(T0, 3600, 0)
    assert whole_show_range(timing, T0 + 3, T0 + 100) == (T0, T0 + 3630)
    assert whole_show_range(timing, T0 - 50, T0 + 100) == (T0 - 50, T0 + 3630)
    x0, x1 = whole_show_range(timing, T0, T0 + 3700)
    assert x0 == T0 and x1 >= T0 + 3705 and x1 % 60 == 0 and x1 - (T0 + 3705) < 60
    assert whole_show_range(None, T0 + 7, T0 + 100)[0] == T0 + 7  # no start: the first sample
    assert whole_show_range(None, None, T0 + 100)[0] == T0 + 100
    assert visible_range(True, timing, T0, T0 + 100) == whole_show_range(timing, T0, T0 + 100)
    assert visible_range(False, timing, T0, T0 + 100) == recent_range(T0 + 100)


def test_settled_samples_and_window_slices() -> None:
    """Samples settle per scroll step; a window slice keeps one sample beyond each edge."""
    assert settled_until(T0 + 59.5) == T0 + 30  # T0 is a multiple of 30
    assert settled_until(T0 + 60) == T0 + 60
    ts = arr(*range(0, 100, 10))
    i0, i1 = window_bounds(ts, 25, 55)
    assert list(ts[i0:i1]) == [20, 30, 40, 50, 60]
    assert window_bounds(ts, -10, 5) == (0, 2)


# -- pace inputs and the figures ---------------------------------------------------------------


@pytest.fixture
def show_cache(store):  # type: ignore[no-untyped-def]
    """A 20-minute show's series in a real SeriesCache: GMV +10 fen/s, viewers rising."""
    sid = create_show(store, "figures", gmv_target_cents=100_000, planned_seconds=3600)
    rows = []
    for t in range(0, 1201, 10):
        rows.append(make_row(sid, "sim", "gmv_cents", T0 + t, 10 * t))
        rows.append(make_row(sid, "sim", "online_viewers", T0 + t, 100 + t // 10))
        rows.append(make_row(sid, "sim", "viewers_total", T0 + t, 1000 + t))
    write_samples(store, rows)
    cache = SeriesCache(sid, ("gmv_cents", "online_viewers", "viewers_total", "orders"))
    assert queries.refresh_series(store, cache) == len(rows)
    return sid, cache


def test_live_figures_project_the_pace_from_the_recent_rate(show_cache) -> None:  # type: ignore[no-untyped-def]
    """20 min into a 60-min show at 10 fen/s the pace is the GMV now plus 40 min at that rate,
    elapsed counts from the show's start, and the peak is the highest viewers sample."""
    _sid, cache = show_cache
    timing = ShowTiming(T0, 3600, 100_000, "live")
    f = live_figures(cache, timing, T0 + 1200)
    assert f.start == T0 and f.elapsed_s == 1200
    assert f.totals["gmv_cents"] == 12_000
    assert f.kpis.gmv_pace_yuan == pytest.approx((12_000 + 10 * 2400) / 100)
    assert f.kpis.online_peak == 220
    assert f.kpis.gmv_target_pct == pytest.approx(12.0)
    assert f.pace.pace_yuan == pytest.approx(360.0) and f.pace.gmv_cents == 12_000
    untimed = live_figures(cache, ShowTiming(None, 3600, 0), T0 + 1200)
    assert untimed.start == T0  # the first viewers sample


def test_recent_gmv_rate_needs_ten_minutes() -> None:
    """The pace's current rate is the GMV gained over the last 10 minutes, none before."""
    ts = arr(*range(0, 1201, 60))
    gmv = ts * 3
    assert recent_gmv_rate(ts, gmv, 1200, elapsed_s=1200) == pytest.approx(3.0)
    assert recent_gmv_rate(ts, gmv, 600, elapsed_s=600) is None
    assert recent_gmv_rate(arr(), arr(), 1200, elapsed_s=1200) is None
    assert show_start(None, None, 42.0) == 42.0


def test_pace_tone_and_pace_line() -> None:
    """The pace reads good from 100 % of target, warn from 80 %; the projection runs from the
    GMV now to the pace at the planned end, and its visible top is cut at the window edge."""
    assert [pace_tone(p) for p in (None, 120, 100, 80, 79.9)] == [
        None,
        "good",
        "good",
        "warn",
        "bad",
    ]
    timing = ShowTiming(T0, 3600, 0)
    line = pace_line(Pace(500.0, 20_000), timing, T0 + 1200)
    assert line is not None
    assert line.x == (T0 + 1200, T0 + 3600) and line.y == (200.0, 500.0)
    assert line.top_before(T0 + 4000) == 500.0
    assert line.top_before(T0 + 2400) == pytest.approx(350.0)
    late = pace_line(Pace(500.0, 20_000), timing, T0 + 4000)
    assert late is not None and late.x == (T0 + 4000, T0 + 4000)
    assert pace_line(Pace(None, 20_000), timing, T0) is None
    assert pace_line(Pace(500.0, 20_000), ShowTiming(None, 3600, 0), T0) is None
    point = pace_line(Pace(100.0, 0), ShowTiming(T0, 0, 0), T0)  # at the planned end
    assert point is not None and point.top_before(T0 - 1) == 0.0


def test_orders_per_minute_in_view() -> None:
    """Cumulative orders become counts per minute; the first minute of a clipped window (no
    baseline) is dropped and the minute still running is not settled."""
    ts = arr(*range(0, 301, 10))
    orders = np.floor(ts / 10) * 2  # 12 orders a minute
    bars = orders_per_minute(ts, orders, 0, 300)
    assert list(bars.counts[:-1]) == [12.0] * (len(bars.counts) - 1)
    assert len(bars.edges) == len(bars.counts) + 1 and np.all(np.diff(bars.edges) == 60)
    assert bars.settled == len(bars.counts) - 1
    clipped = orders_per_minute(ts + T0, orders, T0 + 200, T0 + 300)
    assert clipped.edges[0] == T0 + 120  # from 2 min before the window, less the first minute
    assert orders_per_minute(arr(), arr(), 0, 100).settled == 0


def test_rolling_rates_over_five_minutes() -> None:
    """CTR is clicks over exposures and CVR buyers over clicks within the trailing 5 minutes,
    NaN where nothing was shown; the grid runs every 30 s from the window or first sample."""
    ts = arr(*range(0, 1201, 10))
    series = ArraySeries(
        {
            "product_exposures": (ts, ts * 10),
            "product_clicks": (ts, ts),
            "buyers": (ts, ts / 4),
        }
    )
    grid = rate_grid(300.0, 0.0, 1200.0)
    assert grid[0] == 300.0 and grid[-1] == 1200.0 and np.all(np.diff(grid) == 30)
    ctr, cvr = rolling_rates(series, grid, 300.0)
    assert np.allclose(ctr, 0.1) and np.allclose(cvr, 0.25)
    empty = ArraySeries({"product_exposures": (ts, ts * 0)})
    ctr0, _ = rolling_rates(empty, grid, 300.0)
    assert np.all(np.isnan(ctr0))


def test_alert_facts_carry_pace_target_and_elapsed() -> None:
    """The facts judged by the rules: pace in cents, elapsed from the show start to the newest
    sample, target and plan from the show."""
    series = ArraySeries({"online_viewers": (arr(T0, T0 + 900), arr(10, 20))})
    timing = ShowTiming(T0, 3600, 50_000)
    f = alert_facts(
        series, timing, Pace(230.93, 10_000), now=T0 + 905, watched_ts=T0 + 900, slack_s=0.0
    )
    assert f.pace_cents == pytest.approx(23_093) and f.gmv_cents == 10_000
    assert f.elapsed_s == 900 and f.target_cents == 50_000 and f.planned_s == 3600
    assert f.last_sample_ts == T0 + 900 and list(f.online) == [10, 20]
    blank = alert_facts(series, None, Pace(), now=T0, watched_ts=None, slack_s=0.0)
    assert blank.pace_cents is None and blank.elapsed_s is None and blank.target_cents == 0


# -- segment spans and incident markers ---------------------------------------------------------

PLAN = [
    PlannedSegment("open", "开场", "opening", 120),
    PlannedSegment("p1", "", "product", 300),
    PlannedSegment("flash", "秒杀", "flash_sale", 180),
]


@dataclass(frozen=True)
class Recorded:
    key: str
    actual_start: datetime | None
    actual_end: datetime | None


def test_segment_spans_chain_planned_times_from_the_start() -> None:
    """Without recorded times the segments follow each other from the show's start, titled
    by their title or key; without any start there is nothing to place."""
    spans = segment_spans(PLAN, {}, T0, None)
    assert spans == [
        SegmentSpan(T0, T0 + 120, "开场", "opening"),
        SegmentSpan(T0 + 120, T0 + 420, "p1", "product"),
        SegmentSpan(T0 + 420, T0 + 600, "秒杀", "flash_sale"),
    ]
    assert segment_edges(spans) == [T0 + 120, T0 + 420]
    assert segment_spans(PLAN, {}, None, None) == []


def test_segment_spans_use_recorded_times_and_a_running_segment_reaches_the_newest_sample() -> None:
    """Recorded segments use their actual times, the next planned one follows the actual end,
    and a segment still running ends at its planned length or the newest sample."""
    actual = actual_times(
        [
            Recorded("open", from_epoch(T0 + 10), from_epoch(T0 + 200)),
            Recorded("p1", from_epoch(T0 + 200), None),
            Recorded("flash", None, None),
        ]
    )
    assert actual == {"open": (T0 + 10, T0 + 200), "p1": (T0 + 200, None)}
    spans = segment_spans(PLAN, actual, T0, T0 + 900)
    assert [(s.start, s.end) for s in spans] == [
        (T0 + 10, T0 + 200),
        (T0 + 200, T0 + 900),
        (T0 + 900, T0 + 1080),
    ]
    early = segment_spans(PLAN, actual, T0, T0 + 250)
    assert early[1].end == T0 + 500  # its planned 300 s
    assert segment_spans(PLAN[1:], {"p1": (T0 + 5, None)}, None, None)[0].end == T0 + 305


def test_spans_start_from_the_show_or_its_first_sample() -> None:
    """Planned segments count from the show's start, else its first viewers sample."""
    assert spans_start(ShowTiming(T0, 0, 0), T0 + 9) == T0
    assert spans_start(ShowTiming(None, 0, 0), T0 + 9) == T0 + 9
    assert spans_start(None, None) is None


def test_segment_labels_sit_where_there_is_room() -> None:
    """A label sits at its segment's visible left edge when the visible part is wide enough
    on screen (label + 4 px), and nowhere when it starts after the view or is too narrow."""
    span = SegmentSpan(T0 + 100, T0 + 400, "精华讲解", "product")
    assert label_x(span, T0, T0 + 1000, 1.0, 60) == T0 + 100
    assert label_x(span, T0 + 200, T0 + 1000, 1.0, 60) == T0 + 200  # clamped into view
    assert label_x(span, T0 + 350, T0 + 1000, 1.0, 60) is None  # 50 px left of it
    assert label_x(span, T0 + 350, T0 + 1000, 2.0, 60) == T0 + 350  # 100 px at 2 px/s
    assert label_x(span, T0 - 1000, T0 + 100, 1.0, 10) is None


def test_incident_marks() -> None:
    """Incidents close together on screen are one group marked with the worst severity; a
    marker shows only inside the view, at 82 % of the viewers graph's height."""
    marks = [
        IncidentMark(T0 + 200, "technical", 2, "音画不同步"),
        IncidentMark(T0 + 230, "product", 1, "链接错误"),
        IncidentMark(T0 + 900, "anchor", 3, ""),
    ]
    groups = group_marks(marks, min_gap_s=60)
    assert [(g.at, len(g.marks), g.worst) for g in groups] == [(T0 + 200, 2, 1), (T0 + 900, 1, 3)]
    assert groups[0].marks == tuple(marks[:2])
    assert [len(g.marks) for g in group_marks(marks, min_gap_s=10)] == [1, 1, 1]
    # A label 60 s wide: at its marker, moved left to end at the view's edge, not onto the
    # previous label.
    assert marker_label_x(T0 + 100, 60, T0 + 900, T0) == T0 + 100
    assert marker_label_x(T0 + 880, 60, T0 + 900, T0) == T0 + 840
    assert marker_label_x(T0 + 880, 60, T0 + 900, T0 + 860) == T0 + 860
    assert in_view(T0 + 200, T0, T0 + 200) and not in_view(T0 + 201, T0, T0 + 200)
    assert incident_label_y(100.0, 200.0) == pytest.approx(182.0)


# -- the store reads ------------------------------------------------------------------------------


def test_queries_read_timing_segments_incidents_and_new_samples(store) -> None:  # type: ignore[no-untyped-def]
    """The dashboard's reads: the show's timing (LookupError for none), its segments in script
    order, its incidents in time order, and only new rows on a cache refresh."""
    sid = create_show(store, "q", gmv_target_cents=5_000, planned_seconds=600)
    with pytest.raises(LookupError):
        queries.load_timing(store, sid + 99)
    timing = queries.load_timing(store, sid)
    assert (timing.planned_seconds, timing.gmv_target_cents) == (600, 5_000)
    with store.transaction() as s:
        for pos, key in ((1, "b"), (0, "a")):
            s.add(
                Segment(
                    show_id=sid,
                    position=pos,
                    key=key,
                    title=key.upper(),
                    kind="talk",
                    planned_seconds=60 * (pos + 1),
                )
            )
        for at, cat in ((T0 + 50, "product"), (T0 + 10, "technical")):
            s.add(Incident(show_id=sid, at=from_epoch(at), category=cat, severity=2, text=""))
    assert queries.planned_segments(store, sid) == [
        PlannedSegment("a", "A", "talk", 60),
        PlannedSegment("b", "B", "talk", 120),
    ]
    marks = queries.incident_marks(store, sid)
    assert [(m.at, m.category) for m in marks] == [(T0 + 10, "technical"), (T0 + 50, "product")]
    write_samples(store, [make_row(sid, "sim", "orders", T0 + t, t) for t in range(5)])
    cache = SeriesCache(sid, ("orders",))
    assert queries.refresh_series(store, cache) == 5
    write_samples(store, [make_row(sid, "sim", "orders", T0 + 5, 5)])
    assert queries.refresh_series(store, cache, since=T0 + 5) == 1
    assert list(cache.get("orders")[0]) == [T0 + t for t in range(6)]


class ArraySeries:
    """Series held in plain arrays: the reading side of SeriesCache, for the pure figures."""

    def __init__(self, data: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        self.data = data

    def get(self, metric: str) -> tuple[np.ndarray, np.ndarray]:
        return self.data.get(metric, (arr(), arr()))

    def totals(self, at: float | None = None) -> dict[str, float | None]:
        return {m: float(v[-1]) if len(v) else None for m, (_t, v) in self.data.items()}

    def last_ts(self, metrics: object = None) -> float | None:
        ends = [float(t[-1]) for t, _v in self.data.values() if len(t)]
        return max(ends) if ends else None
