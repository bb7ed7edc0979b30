"""Viewer events, classified comments, question groups and answers (owned by studio.audience).

Kept apart from `models.py` so each feature owns its tables; `models.py` imports this module at
its end so that `Base.metadata` (migrations, create_all) has every table.

Event times are epoch seconds (float) like metric samples: comments arrive thousands a minute
and are range-scanned per minute for the dashboard and the review.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from studio.store.models import Base, new_uid
from studio.store.types import UTCDateTime


class AudienceEvent(Base):
    """One viewer event (chat, follow, join, gift, like, order), with what the desk read in it.

    `dedup` is what makes ingestion exactly once: `id:<platform message id>` when the event
    carries one, else `at:<source>:<offset>` (the byte offset of its line in the source)."""

    __tablename__ = "audience_event"
    __table_args__ = (
        UniqueConstraint("show_id", "dedup"),
        Index("ix_audience_event_show_ts", "show_id", "ts"),
        Index("ix_audience_event_group", "group_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    dedup: Mapped[str] = mapped_column(String(300))
    ts: Mapped[float] = mapped_column(Float)
    type: Mapped[str] = mapped_column(String(16), default="chat")
    msg_id: Mapped[str | None] = mapped_column(String(200))
    user: Mapped[str] = mapped_column(String(100), default="")
    user_id: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text, default="")
    sku: Mapped[str | None] = mapped_column(String(64))  # as sent by the source
    link: Mapped[int | None] = mapped_column(Integer)  # as sent by the source
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str] = mapped_column(String(500), default="")
    # What the desk read in it (chat only; None for other types).
    kind: Mapped[str | None] = mapped_column(String(20))
    topics: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    product_sku: Mapped[str | None] = mapped_column(String(64))  # the product it is about
    segment_key: Mapped[str | None] = mapped_column(String(64))  # on air when it came
    group_id: Mapped[int | None] = mapped_column(Integer)  # its question card, if a question


class AudienceGroup(Base):
    """A question card: repeated questions (same product + topic, or near-identical text) with
    a count and the askers; what the 客服 queue lists, claims, answers, ignores or escalates."""

    __tablename__ = "audience_group"
    __table_args__ = (Index("ix_audience_group_show_status", "show_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="question")
    text: Mapped[str] = mapped_column(Text, default="")  # the first asker's words
    sku: Mapped[str | None] = mapped_column(String(64))
    topic: Mapped[str | None] = mapped_column(String(20))
    segment_key: Mapped[str | None] = mapped_column(String(64))
    first_ts: Mapped[float] = mapped_column(Float)
    last_ts: Mapped[float] = mapped_column(Float)
    count: Mapped[int] = mapped_column(Integer, default=1)
    askers: Mapped[list[Any]] = mapped_column(JSON, default=list)  # nicknames, the first 50
    status: Mapped[str] = mapped_column(String(16), default="open")  # open|answered|ignored
    claimed_by: Mapped[str] = mapped_column(String(64), default="")
    claimed_ts: Mapped[float | None] = mapped_column(Float)
    escalated_ts: Mapped[float | None] = mapped_column(Float)
    answered_ts: Mapped[float | None] = mapped_column(Float)
    ignored_ts: Mapped[float | None] = mapped_column(Float)  # when the desk ignored it
    answered_by: Mapped[str] = mapped_column(String(64), default="")
    reply: Mapped[str] = mapped_column(Text, default="")


class AudienceQuarantine(Base):
    """A viewer-event line that could not be ingested, kept with where it came from and why."""

    __tablename__ = "audience_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(500))
    line_no: Mapped[int | None] = mapped_column(Integer)
    offset: Mapped[int | None] = mapped_column(BigInteger)
    raw: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class AudienceFaq(Base):
    """A ready answer of the FAQ library: for one product (sku) or for every show (sku None,
    show None), offered as a quick reply when a question's topic matches."""

    __tablename__ = "audience_faq"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int | None] = mapped_column(
        ForeignKey("show.id", ondelete="CASCADE"), index=True
    )
    sku: Mapped[str | None] = mapped_column(String(64))
    topic: Mapped[str | None] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AudienceAlias(Base):
    """Another name viewers use for a product (色号 "316", "枫叶红", "小棕瓶")."""

    __tablename__ = "audience_alias"
    __table_args__ = (UniqueConstraint("show_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(64))
    alias: Mapped[str] = mapped_column(String(100))
