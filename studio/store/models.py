"""The studio's data: shows and their scripts, what happened live, and what was checked.

Times are UTC (`UTCDateTime`); metric timestamps are epoch seconds (float) because they are
written hundreds of thousands at a time and range-scanned for graphs. Money is integer cents.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from studio.store.types import UTCDateTime
from studio.timeutil import utcnow


def new_uid() -> str:
    """Client-made ids make inserts idempotent when an offline station replays its outbox."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


SHOW_STATUSES = ("planned", "ready", "live", "ended")


class Show(Base):
    __tablename__ = "show"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="planned")
    platform: Mapped[str] = mapped_column(String(40), default="")
    theme: Mapped[str] = mapped_column(String(200), default="")
    planned_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    planned_seconds: Mapped[int] = mapped_column(Integer, default=0)
    gmv_target_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    traffic_target: Mapped[int] = mapped_column(Integer, default=0)
    is_rehearsal: Mapped[bool] = mapped_column(Boolean, default=False)
    script_yaml: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Revision 3: planning, recording, imported platform data.
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"), index=True
    )
    campaign_share_cents: Mapped[int | None] = mapped_column(BigInteger)
    recording_path: Mapped[str | None] = mapped_column(String(1000))
    # Traffic sources, audience profile etc. from a platform's post-show export: shapes vary.
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")

    products: Mapped[list[Product]] = relationship(
        back_populates="show", cascade="all, delete-orphan", order_by="Product.position"
    )
    segments: Mapped[list[Segment]] = relationship(
        back_populates="show", cascade="all, delete-orphan", order_by="Segment.position"
    )


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (UniqueConstraint("show_id", "sku"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    list_price_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    live_price_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    cost_cents: Mapped[int | None] = mapped_column(BigInteger)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    selling_points: Mapped[list[Any]] = mapped_column(default=list)
    image_path: Mapped[str | None] = mapped_column(String(500))
    # Revision 8: the live product (studio.products). `stock` stays the initial stock; what
    # was topped up during the show is `stock_added`, so "left" = stock + added - sold.
    link: Mapped[int | None] = mapped_column(Integer)  # 链接号, unique per show (checked in code)
    state: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    floor_cents: Mapped[int | None] = mapped_column(BigInteger)
    stock_added: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    low_stock_at: Mapped[int | None] = mapped_column(Integer)
    flash_price_cents: Mapped[int | None] = mapped_column(BigInteger)
    flash_quota: Mapped[int | None] = mapped_column(Integer)
    flash_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    flash_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    show: Mapped[Show] = relationship(back_populates="products")


class ProductEvent(Base):
    """One change of a live product, field by field: who, where, when, in which segment, and
    why. The product row holds the current values; these rows are how they came to be."""

    __tablename__ = "product_event"
    __table_args__ = (Index("ix_product_event_show_at", "show_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    field: Mapped[str] = mapped_column(String(24))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(64), default="")
    station: Mapped[str] = mapped_column(String(64), default="")
    segment_key: Mapped[str | None] = mapped_column(String(64))
    cue_index: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    # The client-made id of the change that wrote the row (one change may set several fields):
    # a change queued offline and replayed twice finds its rows and does nothing; undo names it.
    op: Mapped[str] = mapped_column(String(32), index=True)
    undoes: Mapped[str | None] = mapped_column(String(32))


class Coupon(Base):
    """A coupon (优惠券) issued for a show: `value` off once the price reaches `threshold`.

    No SKUs means the whole shop. `count` 0 means unlimited."""

    __tablename__ = "coupon"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    value_cents: Mapped[int] = mapped_column(BigInteger)
    threshold_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    count: Mapped[int] = mapped_column(Integer, default=0)
    claimed: Mapped[int] = mapped_column(Integer, default=0)
    used: Mapped[int] = mapped_column(Integer, default=0)
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    valid_to: Mapped[datetime | None] = mapped_column(UTCDateTime)
    skus: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Segment(Base):
    __tablename__ = "segment"
    __table_args__ = (UniqueConstraint("show_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32), default="talk")
    planned_seconds: Mapped[int] = mapped_column(Integer)
    product_sku: Mapped[str | None] = mapped_column(String(64))
    warn_seconds: Mapped[int] = mapped_column(Integer, default=30)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)

    show: Mapped[Show] = relationship(back_populates="segments")
    cues: Mapped[list[Cue]] = relationship(
        back_populates="segment", cascade="all, delete-orphan", order_by="Cue.position"
    )


class Cue(Base):
    __tablename__ = "cue"

    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segment.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")

    segment: Mapped[Segment] = relationship(back_populates="cues")


class CueEvent(Base):
    """One runner transition, committed the moment it happens so a crash loses nothing."""

    __tablename__ = "cue_event"
    __table_args__ = (Index("ix_cue_event_show_at", "show_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(24))
    segment_key: Mapped[str | None] = mapped_column(String(64))
    segment_index: Mapped[int | None] = mapped_column(Integer)
    cue_index: Mapped[int | None] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class MetricSample(Base):
    """What the platform console showed at `ts`: cumulative counts, or an instantaneous gauge.

    `value` holds counts and money (integer cents); `value_real` holds measurements that are not
    integers by nature (stream bitrate, congestion). Exactly one of them is set.
    """

    __tablename__ = "metric_sample"
    __table_args__ = (
        # The key is the de-duplication rule (a retried sample is the same show, time, metric,
        # sku and source), and it is the only index: time first, so a feed's inserts append at
        # the right edge of the tree, and on SQLite the rows live in that tree (no rowid, no
        # second index). That doubled the insert rate over a rowid table with a unique index on
        # (show, metric, ...) (benchmarks/bench_ingest.py). Per-metric lookups go through
        # MetricSeries first, so a metric that never reported does not scan the show.
        PrimaryKeyConstraint("show_id", "ts", "metric", "sku", "source", name="pk_metric_sample"),
        {"sqlite_with_rowid": False},
    )

    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    ts: Mapped[float] = mapped_column(Float)
    metric: Mapped[str] = mapped_column(String(64))
    # '' rather than NULL: NULLs never collide in a key, so retries would duplicate.
    sku: Mapped[str] = mapped_column(String(64), default="")
    source: Mapped[str] = mapped_column(String(64), default="")
    value: Mapped[int | None] = mapped_column(BigInteger)
    value_real: Mapped[float | None] = mapped_column(Float)


@event.listens_for(MetricSample, "after_insert")
def _widen_series(_mapper: Any, connection: Connection, target: MetricSample) -> None:
    # Bulk writers go through studio.store.samples.insert_samples; this keeps the spans right
    # for a sample added one at a time through the ORM as well.
    from studio.store.samples import widen_series

    widen_series(connection, {(target.show_id, target.metric, target.sku or ""): [target.ts] * 2})


class MetricSeries(Base):
    """Which (metric, sku) series a show has and the time span of each, kept by every writer of
    metric samples in the same transaction: "latest orders of SKU x" becomes one probe at
    `last_ts` instead of a backward scan through every other metric's samples."""

    __tablename__ = "metric_series"

    show_id: Mapped[int] = mapped_column(
        ForeignKey("show.id", ondelete="CASCADE"), primary_key=True
    )
    metric: Mapped[str] = mapped_column(String(64), primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), primary_key=True, default="")
    first_ts: Mapped[float] = mapped_column(Float)
    last_ts: Mapped[float] = mapped_column(Float)


class Incident(Base):
    __tablename__ = "incident"
    __table_args__ = (Index("ix_incident_show_at", "show_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int | None] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    category: Mapped[str] = mapped_column(String(16))
    severity: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[str] = mapped_column(String(16), default="open")
    source: Mapped[str] = mapped_column(String(16), default="manual")
    segment_key: Mapped[str | None] = mapped_column(String(64))
    cue_index: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    mitigated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Revision 2: follow-up fields and auto-incident de-duplication.
    condition_key: Mapped[str | None] = mapped_column(String(120), index=True)
    owner: Mapped[str] = mapped_column(String(40), default="", server_default="")
    action_taken: Mapped[str] = mapped_column(Text, default="", server_default="")
    impact: Mapped[str] = mapped_column(Text, default="", server_default="")
    checklist: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    history: Mapped[list[IncidentHistory]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="IncidentHistory.id"
    )


class IncidentHistory(Base):
    """Every edit of an incident, field by field: nothing is overwritten without a trace."""

    __tablename__ = "incident_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    who: Mapped[str] = mapped_column(String(64), default="")
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    # The client-made id of the edit that wrote the row: an edit queued offline and replayed
    # twice (crash before the outbox was emptied) finds its rows and does nothing.
    op: Mapped[str | None] = mapped_column(String(32), index=True)

    incident: Mapped[Incident] = relationship(back_populates="history")


class MetricQuarantine(Base):
    """A metrics line that could not be ingested, kept with where it came from and why."""

    __tablename__ = "metric_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(500))
    line_no: Mapped[int | None] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IngestOffset(Base):
    """How far a tailed file has been ingested; committed in the same transaction as its rows."""

    __tablename__ = "ingest_offset"
    __table_args__ = (UniqueConstraint("show_id", "path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(1000))
    file_id: Mapped[str] = mapped_column(String(64), default="")
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    line_no: Mapped[int] = mapped_column(Integer, default=0)
    header: Mapped[str | None] = mapped_column(Text)


class ChangeLog(Base):
    """An append-only feed of what changed, for views on other stations to catch up from."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    table: Mapped[str] = mapped_column(String(40))
    # The changed row's id; for metric_sample (keyed by time, not id) the earliest whole second
    # of the batch, so a view re-reads the series from there (late rows included).
    row_id: Mapped[int | None] = mapped_column(BigInteger)
    show_id: Mapped[int | None] = mapped_column(Integer, index=True)
    station: Mapped[str] = mapped_column(String(64), default="")


class RunnerLease(Base):
    """Who drives a show's runner; a heartbeat older than the lease means the owner is gone."""

    __tablename__ = "runner_lease"

    show_id: Mapped[int] = mapped_column(
        ForeignKey("show.id", ondelete="CASCADE"), primary_key=True
    )
    station: Mapped[str] = mapped_column(String(64))
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DeviceCheck(Base):
    """One run of a pre-show check (camera, light, mic, obs) with its findings."""

    __tablename__ = "device_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int | None] = mapped_column(ForeignKey("show.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(8))
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    findings: Mapped[list[Any]] = mapped_column(default=list)
    station: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # Revision 5: a client-made id, so a check saved offline is replayed exactly once.
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)


class Campaign(Base):
    """A campaign target (e.g. 11.11) split across several shows."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    gmv_target_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    split_mode: Mapped[str] = mapped_column(String(16), default="proportional")
    starts_on: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ends_on: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CatalogProduct(Base):
    """The studio's product catalogue, from which a show's products are picked."""

    __tablename__ = "catalog_product"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    list_price_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    live_price_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    cost_cents: Mapped[int | None] = mapped_column(BigInteger)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    selling_points: Mapped[list[Any]] = mapped_column(default=list)
    image_path: Mapped[str | None] = mapped_column(String(500))


class CrewMember(Base):
    __tablename__ = "crew_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))


class WarmupTask(Base):
    """A warm-up (预热) task: short videos, live preview, fan-group notice, ad plan."""

    __tablename__ = "warmup_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(100), default="")
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReadinessWaiver(Base):
    """A readiness item waived before going live, with who and why."""

    __tablename__ = "readiness_waiver"

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# Revision 9: traffic sources and audience profile from the platforms' exports, review actions.


class TrafficSource(Base):
    """One channel of a show's traffic-source export (流量来源), as the file named it."""

    __tablename__ = "traffic_source"
    __table_args__ = (UniqueConstraint("show_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(32))  # studio.traffic.channels key
    entries: Mapped[int | None] = mapped_column(BigInteger)
    exposures: Mapped[int | None] = mapped_column(BigInteger)
    share: Mapped[float | None] = mapped_column(Float)  # of entries, 0..1, when given
    gmv_cents: Mapped[int | None] = mapped_column(BigInteger)
    orders: Mapped[int | None] = mapped_column(BigInteger)
    buyers: Mapped[int | None] = mapped_column(BigInteger)
    spend_cents: Mapped[int | None] = mapped_column(BigInteger)
    source_file: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AudienceShare(Base):
    """One label of one audience dimension (gender: female, age: 24-30 ...) of a show."""

    __tablename__ = "audience_share"
    __table_args__ = (UniqueConstraint("show_id", "dimension", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    dimension: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(100))
    count: Mapped[int | None] = mapped_column(BigInteger)
    share: Mapped[float | None] = mapped_column(Float)  # 0..1, when given
    source_file: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewAction(Base):
    """A change decided in a show's review (复盘), checked in a later show's readiness and report."""

    __tablename__ = "review_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(100), default="")
    # None: due at the next show; else due by this time.
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    station: Mapped[str] = mapped_column(String(64), default="", server_default="")


# Feature-owned tables, in their own modules; imported here so Base.metadata holds every table.
from studio.store import audience_models as audience_models  # noqa: E402
from studio.store import talkback_models as talkback_models  # noqa: E402
