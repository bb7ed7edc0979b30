"""Every derived KPI, computed from raw cumulative counts — the one place the formulas live.

Platforms change their definitions; when they do, this module changes and nothing else. A KPI
whose denominator is zero (or missing) is `None`, which the UI shows as "—".

Money stays in integer cents in the inputs; money KPIs are returned in yuan (float) because they
are ratios (GPM, AOV) that are not whole cents anyway. Rates are fractions (0.123 = 12.3 %),
except `gmv_target_pct`, which is a percentage as its name says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

Number = int | float


def ratio(num: Number | None, den: Number | None) -> float | None:
    """num / den, or None when either is missing or the denominator is not positive."""
    if num is None or den is None or den <= 0:
        return None
    return num / den


def gpm_yuan(gmv_cents: Number | None, viewers: Number | None) -> float | None:
    """千次观看成交金额: GMV per thousand viewers."""
    r = ratio(gmv_cents, viewers)
    return None if r is None else r * 1000 / 100


def uv_value_yuan(gmv_cents: Number | None, viewers: Number | None) -> float | None:
    """UV价值: GMV per viewer."""
    r = ratio(gmv_cents, viewers)
    return None if r is None else r / 100


def aov_yuan(gmv_cents: Number | None, buyers: Number | None) -> float | None:
    """客单价: GMV per buyer."""
    r = ratio(gmv_cents, buyers)
    return None if r is None else r / 100


def exposure_to_view(viewers: Number | None, exposures: Number | None) -> float | None:
    """曝光进入率: how many of the people shown the room watched it."""
    return ratio(viewers, exposures)


def view_to_product_exposure(
    product_exposures: Number | None, viewers: Number | None
) -> float | None:
    """How many viewers were shown a product."""
    return ratio(product_exposures, viewers)


def ctr(product_clicks: Number | None, product_exposures: Number | None) -> float | None:
    """商品点击率: product clicks / product exposures."""
    return ratio(product_clicks, product_exposures)


def cvr(buyers: Number | None, product_clicks: Number | None) -> float | None:
    """点击成交转化率: buyers / product clicks."""
    return ratio(buyers, product_clicks)


def follow_rate(new_followers: Number | None, viewers: Number | None) -> float | None:
    """转粉率: new followers / viewers."""
    return ratio(new_followers, viewers)


def interaction_rate(
    comments: Number | None, shares: Number | None, viewers: Number | None
) -> float | None:
    """互动率: (comments + shares) / viewers.

    Likes are left out on purpose: a viewer taps like dozens of times, so likes/viewers is
    routinely above 100 % and says little about engagement.
    """
    if comments is None and shares is None:
        return None
    return ratio((comments or 0) + (shares or 0), viewers)


def roi(gmv_cents: Number | None, ad_spend_cents: Number | None) -> float | None:
    """投产比: GMV / ad spend."""
    return ratio(gmv_cents, ad_spend_cents)


def target_pct(gmv_cents: Number | None, target_cents: Number | None) -> float | None:
    """GMV as a percentage of the show's target."""
    r = ratio(gmv_cents, target_cents)
    return None if r is None else r * 100


def projected_total(
    so_far: Number | None,
    elapsed_s: float | None,
    planned_s: float | None,
    rate_per_s: float | None = None,
) -> float | None:
    """Projected end-of-show total of a running count: what is in now plus the current rate
    over the remaining planned time. Without a measured recent rate the average rate since the
    start is used. After the planned end the projection is simply the total so far."""
    if so_far is None or elapsed_s is None or planned_s is None:
        return None
    if elapsed_s <= 0 or planned_s <= 0:
        return None
    rate = rate_per_s if rate_per_s is not None else so_far / elapsed_s
    remaining = max(0.0, planned_s - elapsed_s)
    return so_far + max(0.0, rate) * remaining


def pace_cents(
    gmv_cents: Number | None,
    elapsed_s: float | None,
    planned_s: float | None,
    rate_cents_per_s: float | None = None,
) -> float | None:
    """Projected end-of-show GMV (see `projected_total`)."""
    return projected_total(gmv_cents, elapsed_s, planned_s, rate_cents_per_s)


@dataclass(frozen=True, slots=True)
class TrafficPace:
    """Total viewers against the show's traffic target (流量目标), live or after the show."""

    viewers: int | None
    target: int | None  # None: no target set
    target_pct: float | None  # viewers so far as a percentage of the target
    projected: float | None  # end-of-show viewers at the current rate
    projected_pct: float | None  # the projection as a percentage of the target
    expected_now: float | None  # where viewers would be now on a straight line to the target


def traffic_pace(
    viewers_total: Number | None,
    traffic_target: Number | None,
    elapsed_s: float | None = None,
    planned_s: float | None = None,
    recent_rate_per_s: float | None = None,
) -> TrafficPace:
    """Viewers total vs the traffic target, and the pace: the one function behind the live
    traffic tile, its alert and the review's figure. Without elapsed/planned time (after the
    show) only the share of the target is known."""
    target = traffic_target if traffic_target is not None and traffic_target > 0 else None
    projected = projected_total(viewers_total, elapsed_s, planned_s, recent_rate_per_s)
    expected = None
    if target is not None and elapsed_s is not None and planned_s and planned_s > 0:
        expected = target * min(1.0, max(0.0, elapsed_s) / planned_s)
    return TrafficPace(
        viewers=None if viewers_total is None else round(viewers_total),
        target=None if target is None else round(target),
        target_pct=target_pct(viewers_total, target),
        projected=projected,
        projected_pct=target_pct(projected, target),
        expected_now=expected,
    )


@dataclass(frozen=True, slots=True)
class Kpis:
    gpm_yuan: float | None
    uv_value_yuan: float | None
    exposure_to_view: float | None
    view_to_product_exposure: float | None
    ctr: float | None
    cvr: float | None
    aov_yuan: float | None
    follow_rate: float | None
    interaction_rate: float | None
    roi: float | None
    online_now: int | None
    online_peak: int | None
    gmv_target_pct: float | None
    gmv_pace_yuan: float | None
    pace_target_pct: float | None

    JSON_KEYS = (
        "gpm_yuan",
        "uv_value_yuan",
        "ctr",
        "cvr",
        "aov_yuan",
        "follow_rate",
        "roi",
        "online_peak",
        "gmv_target_pct",
        "gmv_pace_yuan",
    )

    def as_dict(self) -> dict[str, float | int | None]:
        return asdict(self)

    def as_json(self) -> dict[str, float | int | None]:
        """The keys of `studio kpi --json`, money rounded to fen, rates to 6 places."""
        out: dict[str, float | int | None] = {}
        for key in self.JSON_KEYS:
            v = getattr(self, key)
            if isinstance(v, float):
                v = round(v, 2) if key.endswith(("_yuan", "_pct")) else round(v, 6)
            out[key] = v
        return out


def compute(
    totals: Mapping[str, Number | None],
    *,
    gmv_target_cents: Number | None = None,
    elapsed_s: float | None = None,
    planned_s: float | None = None,
    online_peak: int | None = None,
    recent_gmv_rate: float | None = None,
) -> Kpis:
    """All KPIs from the cumulative totals at one moment and the show's plan."""
    t = totals.get
    gmv = t("gmv_cents")
    viewers = t("viewers_total")
    pace = pace_cents(gmv, elapsed_s, planned_s, recent_gmv_rate)
    online = t("online_viewers")
    return Kpis(
        gpm_yuan=gpm_yuan(gmv, viewers),
        uv_value_yuan=uv_value_yuan(gmv, viewers),
        exposure_to_view=exposure_to_view(viewers, t("exposures")),
        view_to_product_exposure=view_to_product_exposure(t("product_exposures"), viewers),
        ctr=ctr(t("product_clicks"), t("product_exposures")),
        cvr=cvr(t("buyers"), t("product_clicks")),
        aov_yuan=aov_yuan(gmv, t("buyers")),
        follow_rate=follow_rate(t("new_followers"), viewers),
        interaction_rate=interaction_rate(t("comments"), t("shares"), viewers),
        roi=roi(gmv, t("ad_spend_cents")),
        online_now=None if online is None else int(online),
        online_peak=online_peak,
        gmv_target_pct=target_pct(gmv, gmv_target_cents),
        gmv_pace_yuan=None if pace is None else pace / 100,
        pace_target_pct=target_pct(pace, gmv_target_cents),
    )
