"""The live dashboard's targets without Qt: the GMV target-pace line, the traffic target (total
viewers vs target, its pace, the alert's facts, the stored target in the timing) and the short
axis labels (万 / k) of the GMV graph."""

from __future__ import annotations

import numpy as np
import pytest

from studio.metrics import alerts, kpi, queries
from studio.metrics.axis import tick_labels
from studio.metrics.live_figures import Pace, alert_facts, live_figures, target_line
from studio.metrics.samples import make_row
from studio.metrics.series import SeriesCache, ShowTiming
from studio.metrics.writer import write_samples
from studio.planning.targets import set_targets
from studio.store.shows import create_show

T0 = 1_794_000_000.0


def arr(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float64)


class ArraySeries:
    """Series held in plain arrays (the reading side of SeriesCache)."""

    def __init__(self, data: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        self.data = data

    def get(self, metric: str) -> tuple[np.ndarray, np.ndarray]:
        return self.data.get(metric, (arr(), arr()))

    def totals(self, at: float | None = None) -> dict[str, float | None]:
        return {m: float(v[-1]) if len(v) else None for m, (_t, v) in self.data.items()}

    def last_ts(self, metrics: object = None) -> float | None:
        ends = [float(t[-1]) for t, _v in self.data.values() if len(t)]
        return max(ends) if ends else None


def test_target_line_runs_from_zero_at_the_start_to_the_target_at_the_planned_end() -> None:
    """Where GMV should be: ¥0 at the start, ¥1,000 after 3,600 s, half of it after 1,800 s;
    no line without a target, a start or a planned length."""
    line = target_line(ShowTiming(T0, 3600, 100_000))
    assert line is not None
    assert line.x == (T0, T0 + 3600) and line.y == (0.0, 1000.0)
    assert line.top_before(T0 + 1800) == pytest.approx(500.0)
    assert line.top_before(T0 + 9000) == pytest.approx(1000.0)
    assert target_line(ShowTiming(T0, 3600, 0)) is None
    assert target_line(ShowTiming(None, 3600, 100_000)) is None
    assert target_line(ShowTiming(T0, 0, 100_000)) is None
    assert target_line(None) is None


def _viewers(t_end: int, per_s: float) -> ArraySeries:
    ts = np.arange(T0, T0 + t_end + 1, 10.0)
    return ArraySeries(
        {
            "online_viewers": (ts, np.full(len(ts), 100.0)),
            "viewers_total": (ts, (ts - T0) * per_s),
        }
    )


def test_live_figures_carry_the_traffic_pace_from_the_recent_rate() -> None:
    """30 min into a 2-hour show at 2 viewers/s (3,600 so far, 30,000 target): 12 % of the
    target, projected 3,600 + 2 x 5,400 = 14,400 (48 %); the pace goes into the alert's facts
    with the target."""
    series = _viewers(1800, 2.0)
    timing = ShowTiming(T0, 7200, 0, "live", traffic_target=30_000)
    f = live_figures(series, timing, T0 + 1800)
    expected = kpi.traffic_pace(3600, 30_000, 1800, 7200, recent_rate_per_s=2.0)
    assert f.traffic == expected
    assert f.traffic.target_pct == pytest.approx(12.0)
    assert f.traffic.projected == pytest.approx(14_400)
    assert f.pace.viewers_pace == pytest.approx(14_400)
    facts = alert_facts(series, timing, f.pace, now=T0 + 1801, watched_ts=T0 + 1800, slack_s=0)
    assert facts.viewers_pace == pytest.approx(14_400) and facts.traffic_target == 30_000
    seen: list[tuple[str, bool]] = []
    alerts.AlertMonitor(alerts.DEFAULTS, lambda k, a, _m: seen.append((k, a))).evaluate(facts)
    assert (alerts.TRAFFIC_PACE, True) in seen  # 48 % < 80 % after 25 % of the show


def test_no_traffic_target_no_percentages_and_no_alert() -> None:
    """Without a traffic target the tile has no share and the alert stays quiet."""
    series = _viewers(1800, 2.0)
    f = live_figures(series, ShowTiming(T0, 7200, 0, "live"), T0 + 1800)
    assert f.traffic.target is None and f.traffic.target_pct is None
    facts = alert_facts(series, None, Pace(), now=T0, watched_ts=None, slack_s=0)
    assert facts.traffic_target == 0 and facts.viewers_pace is None


def test_load_timing_reads_the_traffic_target(store) -> None:  # type: ignore[no-untyped-def]
    """The timing the panel loads carries the show's traffic target as set in planning."""
    sid = create_show(store, "t", gmv_target_cents=5_000_000)
    assert queries.load_timing(store, sid).traffic_target == 0
    set_targets(store, sid, traffic_target=40_000)
    timing = queries.load_timing(store, sid)
    assert timing.traffic_target == 40_000 and timing.gmv_target_cents == 5_000_000
    write_samples(store, [make_row(sid, "sim", "viewers_total", T0 + t, 20 * t) for t in (0, 60)])
    cache = SeriesCache(sid, ("viewers_total", "online_viewers"))
    queries.refresh_series(store, cache)
    assert live_figures(cache, timing, T0 + 60).traffic.target == 40_000


@pytest.mark.parametrize(
    ("values", "spacing", "chinese", "expected"),
    [
        (
            [0, 1e6, 2e6, 3e6, 4e6, 5e6],
            1e6,
            True,
            ["0", "100万", "200万", "300万", "400万", "500万"],
        ),
        ([0, 25_000, 50_000, 75_000], 25_000, True, ["0", "2.5万", "5.0万", "7.5万"]),
        ([2e8, 3e8], 1e8, True, ["2亿", "3亿"]),
        ([0, 2000, 4000, 6000], 2000, True, ["0", "2,000", "4,000", "6,000"]),
        ([0, 1e6, 2e6, 3e6], 1e6, False, ["0", "1M", "2M", "3M"]),
        ([0, 20_000, 40_000], 20_000, False, ["0", "20k", "40k"]),
        ([0, 12_500, 25_000], 12_500, False, ["0", "12.5k", "25.0k"]),
        ([0, 2000, 4000], 2000, False, ["0", "2,000", "4,000"]),
        ([0.0, 0.5, 1.0], 0.5, False, ["0", "0.5", "1.0"]),
    ],
)
def test_axis_labels_are_short_and_distinct(
    values: list[float], spacing: float, chinese: bool, expected: list[str]
) -> None:
    """GMV axis labels: 万/亿 in Chinese, k/M in English, thousands separators below, one unit
    per axis, and enough decimals that neighbouring ticks differ."""
    labels = tick_labels(values, spacing, chinese)
    assert labels == expected
    assert len(set(labels)) == len(labels)
    assert max(len(s) for s in labels) <= 6  # fits the 56-px axis


def test_axis_labels_leave_out_bad_values() -> None:
    """A NaN or infinite tick gets an empty label instead of an exception."""
    assert tick_labels([float("nan"), 10_000.0, float("inf")], 10_000, True) == ["", "1万", ""]
