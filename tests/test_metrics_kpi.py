"""KPI formulas on hand-computed cases, and how numbers are formatted."""

from __future__ import annotations

import pytest

from studio.metrics import fmt, kpi

TOTALS = {
    "viewers_total": 20_000,
    "exposures": 80_000,
    "product_exposures": 10_000,
    "product_clicks": 1_200,
    "buyers": 150,
    "orders": 160,
    "gmv_cents": 3_000_000,  # ¥30,000
    "new_followers": 400,
    "comments": 900,
    "shares": 100,
    "likes": 50_000,
    "ad_spend_cents": 500_000,  # ¥5,000
    "online_viewers": 812,
}


def test_hand_computed_kpis() -> None:
    """Every KPI matches the value worked out by hand for a realistic show."""
    k = kpi.compute(
        TOTALS, gmv_target_cents=10_000_000, elapsed_s=1800, planned_s=7200, online_peak=1500
    )
    assert k.gpm_yuan == pytest.approx(1500.0)  # 30000 / 20000 * 1000
    assert k.uv_value_yuan == pytest.approx(1.5)
    assert k.exposure_to_view == pytest.approx(0.25)
    assert k.view_to_product_exposure == pytest.approx(0.5)
    assert k.ctr == pytest.approx(0.12)
    assert k.cvr == pytest.approx(0.125)
    assert k.aov_yuan == pytest.approx(200.0)
    assert k.follow_rate == pytest.approx(0.02)
    assert k.interaction_rate == pytest.approx(0.05)  # (900 + 100) / 20000, likes excluded
    assert k.roi == pytest.approx(6.0)
    assert k.gmv_target_pct == pytest.approx(30.0)
    # ¥30,000 in 30 min -> ¥1,000/min; 90 min left -> ¥120,000 projected
    assert k.gmv_pace_yuan == pytest.approx(120_000.0)
    assert k.pace_target_pct == pytest.approx(120.0)
    assert k.online_now == 812 and k.online_peak == 1500


def test_pace_uses_recent_rate_and_stops_at_planned_end() -> None:
    """Pace projects with the recent rate when given, and equals GMV after the planned end."""
    assert kpi.pace_cents(1000, 100, 200, rate_cents_per_s=2.0) == pytest.approx(1200)
    assert kpi.pace_cents(1000, 300, 200) == pytest.approx(1000)
    assert kpi.pace_cents(1000, 0, 200) is None
    assert kpi.pace_cents(1000, 100, 0) is None


def test_division_by_zero_is_none_and_dash() -> None:
    """A show with no viewers, clicks, buyers or target yields None KPIs shown as '—'."""
    k = kpi.compute({"gmv_cents": 0, "viewers_total": 0, "product_clicks": 0})
    assert k.gpm_yuan is None and k.ctr is None and k.cvr is None and k.aov_yuan is None
    assert k.roi is None and k.gmv_target_pct is None and k.gmv_pace_yuan is None
    assert k.interaction_rate is None
    assert fmt.rate(k.ctr) == "—" and fmt.money_yuan(k.aov_yuan) == "—"
    js = k.as_json()
    assert list(js) == list(kpi.Kpis.JSON_KEYS)
    assert all(v is None for v in js.values())


def test_formatting() -> None:
    """Money reads ¥ with thousands separators and rates as % with one decimal."""
    assert fmt.money_cents(1_234_567_89) == "¥1,234,567.89"
    assert fmt.money_yuan(12345) == "¥12,345.00"
    assert fmt.rate(0.1234) == "12.3%"
    assert fmt.pct(45.26) == "45.3%"
    assert fmt.count(1234567) == "1,234,567"
