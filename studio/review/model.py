"""The review's inputs and results as plain frozen data (no store, no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from numpy.typing import NDArray

from studio.audience.stats import QuestionsReview
from studio.planning.review_actions import Action
from studio.products.history import HistoryEntry
from studio.products.periods import PricePeriod
from studio.talkback.timeline import TalkMark
from studio.traffic.audience import AudienceRow
from studio.traffic.sources import SourceRow

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
    # An automatic incident's text is English made from its monitor's templates; with its
    # condition key the UI reads it back and shows it translated (studio.ui.common.texts).
    source: str = "manual"
    condition_key: str | None = None


@dataclass(frozen=True)
class CheckRef:
    kind: str
    at: datetime
    status: str
    source: str
    problems: tuple[str, ...] = ()  # English messages of the warn/fail findings
    # The same findings as stored (with their translation keys, studio.devices.findings).
    findings: tuple[Mapping[str, Any], ...] = ()


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
    # Imported from the platform's exports (studio.traffic); empty when nothing was imported.
    sources: tuple[SourceRow, ...] = ()
    audience: tuple[AudienceRow, ...] = ()
    # Actions decided in this review, and those of earlier reviews carried into this show.
    actions: tuple[Action, ...] = ()
    carried: tuple[Action, ...] = ()
    # Per SKU, when which price applied and what sold at it (studio.products.periods), and the
    # show's product changes, oldest first (studio.products.history).
    price_periods: Mapping[str, tuple[PricePeriod, ...]] = field(default_factory=dict)
    product_changes: tuple[HistoryEntry, ...] = ()
    talkback: tuple[TalkMark, ...] = ()  # messages to the anchor and rule firings
    questions: QuestionsReview | None = None  # the audience desk (studio.audience)


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
    traffic_target: int = 0
    traffic_target_pct: float | None = None  # total viewers as % of the traffic target


# What became of a segment in the rundown: it ran to its end ("ran"), ran and was closed with
# Skip ("cut"), was passed over ("skipped"), came after the last one that ran ("not_reached"),
# or is on now ("running"). A segment that ran has figures however it ended.
SEGMENT_STATES = ("ran", "cut", "skipped", "not_reached", "running")


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
    skipped: bool  # closed with Skip or passed over: a label, never a reason to drop figures
    state: str = "ran"
    new_followers: int | None = None
    follow_rate: float | None = None  # new followers / people present (online at start + entries)
    avg_watch_s: float | None = None  # person-seconds watched in the segment / people present
    peak_online: int | None = None

    @property
    def ran(self) -> bool:
        return self.start_ts is not None

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
    # A step larger than the one before is not a share of it: its rate is shown with this word
    # saying why (e.g. product exposures count every time a product is shown, not people).
    note: str | None = None


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
class ChannelRow:
    """One traffic channel (labels of the same channel added up), for the review's table."""

    key: str  # studio.traffic.channels key, or the file's label for a channel no variant names
    entries: int | None
    share: float | None  # of all entries
    gmv_cents: int | None
    gmv_share: float | None  # of the channels' GMV
    orders: int | None
    spend_cents: int | None
    roi: float | None  # GMV / spend, paid channels
    labels: tuple[str, ...]  # as the export named them


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
    channels: tuple[ChannelRow, ...] = ()
    actions: tuple[Action, ...] = ()  # decided in this review
    carried: tuple[Action, ...] = ()  # from earlier reviews, done or not
    price_periods: Mapping[str, tuple[PricePeriod, ...]] = field(default_factory=dict)
    product_changes: tuple[HistoryEntry, ...] = ()
    talkback: tuple[TalkMark, ...] = ()
    questions: QuestionsReview | None = None

    @property
    def has_price_periods(self) -> bool:
        """Some product's price changed or went on flash sale: the per-period table says
        something the product table does not."""
        return any(len(ps) > 1 or any(p.flash for p in ps) for ps in self.price_periods.values())
