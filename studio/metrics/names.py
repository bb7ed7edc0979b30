"""The canonical metric names: what each one means, how it is labelled, and how it behaves.

A sample carries what the platform console shows at `ts`. Counts and money are the show's
cumulative totals so far (累计); gauges such as `online_viewers` are instantaneous. Rates are
never ingested: `studio.metrics.kpi` derives them from these raw values.

The encoder link (`studio.obs`) stores the stream's health as `stream_*` measurements of the
show. They are known metrics (labels, `value_real`) but not among the platform's `NAMES`, which
the simulator, the platform export and the KPIs iterate.
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

# OBS's stream health (studio.obs.health computes them; all measurements, none cumulative).
_STREAM: Final = (
    MetricInfo(
        "stream_bitrate_kbps", "推流码率 (kbit/s)", "Stream bitrate (kbit/s)", False, real=True
    ),
    MetricInfo("stream_congestion_pct", "推流拥塞 (%)", "Stream congestion (%)", False, real=True),
    MetricInfo(
        "stream_dropped_pct", "丢帧，网络 (%)", "Dropped frames, network (%)", False, real=True
    ),
    MetricInfo(
        "stream_skipped_pct", "跳帧，编码 (%)", "Skipped frames, encoding (%)", False, real=True
    ),
    MetricInfo(
        "stream_missed_pct", "漏帧，渲染 (%)", "Missed frames, rendering (%)", False, real=True
    ),
    MetricInfo("stream_fps", "编码帧率 (fps)", "Encoder frame rate (fps)", False, real=True),
    MetricInfo("stream_render_ms", "渲染耗时 (ms)", "Render time (ms)", False, real=True),
    MetricInfo("stream_cpu_pct", "OBS CPU 占用 (%)", "OBS CPU (%)", False, real=True),
    MetricInfo(
        "stream_disk_free_gb", "录制盘剩余空间 (GB)", "Free recording disk (GB)", False, real=True
    ),
    MetricInfo(
        "stream_live",
        "推流状态（1 直播中，0.5 重连中，0 已停止）",
        "Streaming (1 live, 0.5 reconnecting, 0 stopped)",
        False,
        real=True,
    ),
    MetricInfo(
        "stream_recording",
        "录制状态（1 录制中，0 未录制）",
        "Recording (1 on, 0 off)",
        False,
        real=True,
    ),
)

# Only in the platforms' post-show exports (studio.traffic imports them): known, not in NAMES.
_IMPORTED: Final = (MetricInfo("exits", "离开人数", "Exits", cumulative=True),)

# Units sold per product, when a source reports them apart from orders (one order may hold
# several units); the live product model counts stock by units when they exist. Not a console
# metric of its own, so not in NAMES (the simulator's set stays as it is).
_UNITS: Final = (MetricInfo("units", "成交件数", "Units sold", cumulative=True),)

METRICS: Final[dict[str, MetricInfo]] = {m.name: m for m in (*_ALL, *_STREAM, *_IMPORTED, *_UNITS)}
# The platform console's metrics (what a source such as the simulator or an export carries).
NAMES: Final[tuple[str, ...]] = tuple(m.name for m in _ALL)
STREAM_NAMES: Final[tuple[str, ...]] = tuple(m.name for m in _STREAM)
CUMULATIVE: Final[frozenset[str]] = frozenset(
    m.name for m in (*_ALL, *_IMPORTED, *_UNITS) if m.cumulative
)
INSTANTANEOUS: Final[frozenset[str]] = frozenset(m.name for m in _ALL if not m.cumulative)
MONEY: Final[frozenset[str]] = frozenset(m.name for m in _ALL if m.money)
REAL: Final[frozenset[str]] = frozenset(m.name for m in METRICS.values() if m.real)

# Metrics that sources may carry per product (keyed by SKU) as well as for the whole show.
PER_SKU: Final[frozenset[str]] = frozenset(
    {"product_exposures", "product_clicks", "orders", "buyers", "gmv_cents", "units"}
)


def is_known(name: str) -> bool:
    return name in METRICS


def label(name: str, lang: str = "zh") -> str:
    """The on-screen label; unknown (non-canonical) metrics show their raw name."""
    info = METRICS.get(name)
    if info is None:
        return name
    return info.zh if lang.startswith("zh") else info.en
