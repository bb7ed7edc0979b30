"""The review's inputs and results as plain frozen data (no store, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from numpy.typing import NDArray

F64 = NDArray[np.float64]
Series = tuple[F64, F64]  # (ts epoch seconds, value), sorted by ts


@dataclass(frozen=True)
class ShowInfo:
    id: int
    title: str
    status: str
    platform: str = ""
    theme: str = ""
    planned_start: datetime | None = None
    planned_seconds: int = 0
    gmv_target_cents: int = 0
    traffic_target: int = 0
    is_rehearsal: bool = False
    started_at: datetime | None = None
    ended_at: datetime | None = None
    campaign_name: str | None = None
    campaign_share_cents: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProductRef:
    sku: str
    name: str
    list_price_cents: int = 0
    live_price_cents: int = 0
    stock: int = 0


@dataclass(frozen=True)
class IncidentRef:
    at: datetime
    category: str
    severity: int
    status: str
    segment_key: str | None
    text: str
    time_to_resolve_s: float | None
    time_to_mitigate_s: float | None


@dataclass(frozen=True)
class CheckRef:
    kind: str
    at: datetime
    status: str
    source: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskRef:
    title: str
    owner: str
    due_at: datetime | None
    state: str  # done / late / missed / pending


@dataclass(frozen=True)
class CrewRef:
    role: str
    name: str


@dataclass(frozen=True)
class PastShow:
    """A previous show's headline figures, for the trend."""

    id: int
    title: str
    started_at: datetime | None
    gmv_cents: int
    gmv_target_cents: int
    orders: int
    buyers: int
    viewers: int
    peak_online: int | None
    product_exposures: int
    product_clicks: int


@dataclass(frozen=True)
class ReviewInputs:
    show: ShowInfo
    # Planned vs actual per segment (studio.runner.actuals); None when the show has no script.
    actuals: Any
    series: dict[str, Series]
    sku_series: dict[str, dict[str, Series]]
    products: tuple[ProductRef, ...] = ()
    incidents: tuple[IncidentRef, ...] = ()
    checks: tuple[CheckRef, ...] = ()
    tasks: tuple[TaskRef, ...] = ()
    crew: tuple[CrewRef, ...] = ()
    previous: tuple[PastShow, ...] = ()


# -- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    gmv_cents: int
    gmv_target_cents: int
    target_pct: float | None
    orders: int
    buyers: int
    aov_yuan: float | None
    gpm_yuan: float | None
    uv_value_yuan: float | None
    viewers: int
    peak_online: int | None
    avg_online: float | None
    avg_watch_seconds: float | None
    new_followers: int
    roi: float | None
    ad_spend_cents: int
    ctr: float | None
    cvr: float | None
    duration_s: float | None


@dataclass(frozen=True)
class SegmentRow:
    index: int
    key: str
    title: str
    kind: str
    product: str | None
    planned_offset_s: int
    planned_seconds: int
    actual_offset_s: float | None
    actual_seconds: float | None
    start_ts: float | None
    end_ts: float | None
    gmv_cents: int | None
    orders: int | None
    entries: int | None  # viewers gained
    left: int | None  # viewers lost (entered minus the net change in online viewers)
    online_delta: int | None
    avg_online: float | None
    ctr: float | None
    cvr: float | None
    skipped: bool

    @property
    def over_under_s(self) -> float | None:
        return None if self.actual_seconds is None else self.actual_seconds - self.planned_seconds


@dataclass(frozen=True)
class ProductRow:
    sku: str
    name: str
    exposures: int | None
    clicks: int | None
    ctr: float | None
    buyers: int | None
    cvr: float | None
    orders: int | None
    gmv_cents: int | None
    stock: int
    sold_through: float | None


@dataclass(frozen=True)
class FunnelStep:
    key: str
    value: int | None
    rate: float | None  # from the previous step


@dataclass(frozen=True)
class Minutes:
    """Per-minute figures over the show (minute 0 starts at the show's start)."""

    start_ts: F64
    avg_online: F64
    gmv_cents: F64
    correlation: float | None


@dataclass(frozen=True)
class IncidentSummary:
    by_category: dict[str, int]
    by_severity: dict[int, int]
    matrix: dict[tuple[str, int], int]
    median_resolve_s: float | None
    max_resolve_s: float | None
    unresolved: int
    items: tuple[IncidentRef, ...]


@dataclass(frozen=True)
class Breakdown:
    """Shares of a whole (traffic sources, audience gender/age/region)."""

    key: str
    rows: tuple[tuple[str, float], ...]  # (label, share 0..1)


@dataclass(frozen=True)
class TrendRow:
    id: int
    title: str
    started_at: datetime | None
    gmv_cents: int
    target_pct: float | None
    orders: int
    gpm_yuan: float | None
    peak_online: int | None
    ctr: float | None
    cvr: float | None
    current: bool = False


@dataclass(frozen=True)
class Review:
    show: ShowInfo
    start_ts: float | None
    end_ts: float | None
    headline: Headline
    segments: tuple[SegmentRow, ...]
    products: tuple[ProductRow, ...]
    funnel: tuple[FunnelStep, ...]
    minutes: Minutes
    incidents: IncidentSummary
    checks: tuple[CheckRef, ...]
    tasks: tuple[TaskRef, ...]
    crew: tuple[CrewRef, ...]
    trend: tuple[TrendRow, ...]
    traffic: tuple[Breakdown, ...]
    audience: tuple[Breakdown, ...]
    online: Series  # decimated for charts
    gmv_cum: Series  # decimated for charts
    has_metrics: bool
