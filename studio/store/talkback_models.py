"""Talkback messages and rule firings (owned by studio.talkback and studio.rules).

Kept apart from `models.py` so each feature owns its tables; `models.py` imports this module at
its end so that `Base.metadata` (migrations, create_all) has every table.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from studio.store.models import Base, new_uid
from studio.store.types import UTCDateTime


class TalkbackMessage(Base):
    """One message from the crew (or a rule) to the anchor's prompter strip.

    `kind` "message" (the strip's first section) or "question" (an audience question the
    customer-service desk passes on; the second section). A message leaves the strip when the
    anchor acknowledges it, when someone clears it, or when `expires_at` has passed."""

    __tablename__ = "talkback_message"
    __table_args__ = (Index("ix_talkback_message_show_at", "show_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(16), default="message")
    from_role: Mapped[str] = mapped_column(String(24), default="controller")
    to_role: Mapped[str] = mapped_column(String(24), default="anchor")
    text: Mapped[str] = mapped_column(Text, default="")
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # The rule that sent it (None: a person did) and the live figures it was sent with.
    rule: Mapped[str | None] = mapped_column(String(100))
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # An opaque reference of the sender's (e.g. an audience comment uid), for clear_ref().
    ref: Mapped[str | None] = mapped_column(String(100), index=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acked_by: Mapped[str] = mapped_column(String(64), default="")
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    station: Mapped[str] = mapped_column(String(64), default="")
    rehearsal: Mapped[bool] = mapped_column(Boolean, default=False)


class RuleFiring(Base):
    """One episode of a rule: the moment its condition first held, with the figures that made
    it hold and what it did (prompt, banner, OBS text, incident)."""

    __tablename__ = "rule_firing"
    __table_args__ = (Index("ix_rule_firing_show_at", "show_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    rule: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text, default="")
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    rehearsal: Mapped[bool] = mapped_column(Boolean, default=False)
    station: Mapped[str] = mapped_column(String(64), default="")
