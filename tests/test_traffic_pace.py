"""Viewers against the traffic target: the one pace figure (live tile, alert, review) and the
viewers-pace alert."""

from __future__ import annotations

import numpy as np
import pytest

from studio.metrics import alerts, kpi


def test_traffic_pace_by_hand() -> None:
    """30 min into a 2-hour show with 6,000 viewers and a 30,000 target: 20 % done, 24,000
    projected at the average rate (80 %), 7,500 expected by now; a recent rate overrides."""
    p = kpi.traffic_pace(6000, 30_000, elapsed_s=1800, planned_s=7200)
    assert p.viewers == 6000 and p.target == 30_000
    assert p.target_pct == pytest.approx(20.0)
    assert p.projected == pytest.approx(6000 + 6000 / 1800 * 5400)
    assert p.projected_pct == pytest.approx(80.0)
    assert p.expected_now == pytest.approx(7500.0)
    fast = kpi.traffic_pace(6000, 30_000, 1800, 7200, recent_rate_per_s=10.0)
    assert fast.projected == pytest.approx(6000 + 10 * 5400)
    after = kpi.traffic_pace(31_000, 30_000, 8000, 7200)
    assert after.projected == 31_000 and after.expected_now == pytest.approx(30_000)


def test_traffic_pace_without_target_or_time() -> None:
    """No target: no percentages; no elapsed time (the review): the share of the target only."""
    none = kpi.traffic_pace(6000, 0, 1800, 7200)
    assert none.target is None and none.target_pct is None and none.projected_pct is None
    assert none.projected == pytest.approx(24_000)
    review = kpi.traffic_pace(45_000, 50_000)
    assert review.target_pct == pytest.approx(90.0) and review.projected is None
    assert kpi.traffic_pace(None, 50_000).target_pct is None


def _facts(pace: float | None, target: int, elapsed: float) -> alerts.Facts:
    return alerts.Facts(
        now=1000.0,
        last_sample_ts=1000.0,
        online_ts=np.array([1000.0]),
        online=np.array([10.0]),
        gmv_cents=None,
        pace_cents=None,
        target_cents=0,
        elapsed_s=elapsed,
        planned_s=7200,
        viewers_pace=pace,
        traffic_target=target,
    )


def test_viewers_pace_alert_starts_and_ends() -> None:
    """The alert waits for 20 % of the planned time, fires when the projection is below 80 % of
    the traffic target, and clears when it recovers; no target, no alert."""
    seen: list[tuple[str, bool, str]] = []
    mon = alerts.AlertMonitor(alerts.DEFAULTS, lambda k, a, m: seen.append((k, a, m)))
    mon.evaluate(_facts(10_000, 30_000, 1000))  # too early to judge
    assert seen == []
    mon.evaluate(_facts(20_000, 30_000, 1800))  # 66.7 % of target
    assert seen == [
        (alerts.TRAFFIC_PACE, True, "Viewers pace 20,000 is 67% of traffic target 30,000")
    ]
    mon.evaluate(_facts(25_000, 30_000, 2400))  # 83 %: recovered
    assert seen[-1][:2] == (alerts.TRAFFIC_PACE, False)
    mon.evaluate(_facts(100, 0, 3000))
    assert len(seen) == 2
    assert alerts.TRAFFIC_PACE in alerts.CONDITION_TEXTS
