"""The canonical metric names: what each one means, how it is labelled, and how it behaves.

A sample carries what the platform console shows at `ts`. Counts and money are the show's
cumulative totals so far (累计); gauges such as `online_viewers` are instantaneous. Rates are
never ingested: `studio.metrics.kpi` derives them from these raw values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class MetricInfo:
    name: str
    zh: str
    en: str
    cumulative: bool  # a running total: per-minute figures are differences
    money: bool = False  # integer cents (分)
    real: bool = False  # not an integer by nature: stored in `value_real`


_ALL: Final = (
    MetricInfo("online_viewers", "在线人数", "Online viewers", cumulative=False),
    MetricInfo("viewers_total", "累计观看人数", "Total viewers", cumulative=True),
    MetricInfo("entries", "进入人数", "Entries", cumulative=True),
    MetricInfo("exposures", "曝光人数", "Exposures", cumulative=True),
    MetricInfo("product_exposures", "商品曝光人数", "Product exposures", cumulative=True),
    MetricInfo("product_clicks", "商品点击人数", "Product clicks", cumulative=True),
    MetricInfo("orders", "成交订单数", "Orders", cumulative=True),
    MetricInfo("buyers", "成交人数", "Buyers", cumulative=True),
    MetricInfo("gmv_cents", "成交金额", "GMV", cumulative=True, money=True),
    MetricInfo("new_followers", "新增粉丝", "New followers", cumulative=True),
    MetricInfo("comments", "评论数", "Comments", cumulative=True),
    MetricInfo("likes", "点赞数", "Likes", cumulative=True),
    MetricInfo("shares", "分享数", "Shares", cumulative=True),
    MetricInfo("avg_watch_seconds", "人均观看时长", "Avg. watch time", cumulative=False, real=True),
    MetricInfo("ad_spend_cents", "投放消耗", "Ad spend", cumulative=True, money=True),
)

METRICS: Final[dict[str, MetricInfo]] = {m.name: m for m in _ALL}
NAMES: Final[tuple[str, ...]] = tuple(m.name for m in _ALL)
CUMULATIVE: Final[frozenset[str]] = frozenset(m.name for m in _ALL if m.cumulative)
INSTANTANEOUS: Final[frozenset[str]] = frozenset(m.name for m in _ALL if not m.cumulative)
MONEY: Final[frozenset[str]] = frozenset(m.name for m in _ALL if m.money)
REAL: Final[frozenset[str]] = frozenset(m.name for m in _ALL if m.real)

# Metrics that sources may carry per product (keyed by SKU) as well as for the whole show.
PER_SKU: Final[frozenset[str]] = frozenset(
    {"product_exposures", "product_clicks", "orders", "buyers", "gmv_cents"}
)


def is_known(name: str) -> bool:
    return name in METRICS


def label(name: str, lang: str = "zh") -> str:
    """The on-screen label; unknown (non-canonical) metrics show their raw name."""
    info = METRICS.get(name)
    if info is None:
        return name
    return info.zh if lang.startswith("zh") else info.en
