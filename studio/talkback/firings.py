"""The log of rule firings: one `rule_firing` row per episode, with the figures that made the
rule fire and what it did. Written like a message (client-made uid, change log, offline outbox
replayed exactly once); `studio.rules` decides when, this module only keeps the record, so the
review and the dashboard read firings without knowing about rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio.store.changes import Change
from studio.store.models import new_uid
from studio.store.store import Store
from studio.store.sync.rows import RecordChange
from studio.store.sync.writes import register_replay
from studio.store.talkback_models import RuleFiring as Row
from studio.talkback.rows import insert_row, replay_insert

TABLE: Final = "rule_firing"
LOG_OP: Final = "rule_firing_log"


@dataclass(frozen=True)
class FiringRecord:
    id: int | None
    uid: str
    show_id: int
    at: datetime
    rule: str
    text: str
    figures: dict[str, Any] = field(default_factory=dict)
    actions: list[str] = field(default_factory=list)
    rehearsal: bool = False
    station: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "rule": self.rule,
            "text": self.text,
            "figures": dict(self.figures),
            "actions": list(self.actions),
            "rehearsal": self.rehearsal,
        }


def _view(r: Row) -> FiringRecord:
    return FiringRecord(
        id=r.id,
        uid=r.uid,
        show_id=r.show_id,
        at=r.at,
        rule=r.rule,
        text=r.text or "",
        figures=dict(r.figures or {}),
        actions=[str(a) for a in (r.actions or [])],
        rehearsal=bool(r.rehearsal),
        station=r.station or "",
    )


def _clean(figures: Mapping[str, Any]) -> dict[str, Any]:
    return {
        str(k): v
        for k, v in figures.items()
        if v is not None and isinstance(v, bool | int | float | str)
    }


def log_firing(
    store: Store,
    show_id: int,
    rule: str,
    at: datetime,
    *,
    text: str = "",
    figures: Mapping[str, Any] | None = None,
    actions: Sequence[str] = (),
    rehearsal: bool = False,
) -> FiringRecord:
    """Keep one firing; committed, or queued offline (then `id` is None)."""
    values: dict[str, Any] = {
        "uid": new_uid(),
        "show_id": show_id,
        "at": at,
        "rule": rule[:100],
        "text": text,
        "figures": _clean(figures or {}),
        "actions": list(actions),
        "rehearsal": bool(rehearsal),
        "station": store.station,
    }

    def now() -> int:
        with store.transaction() as s:
            new_id, change = insert_row(s, Row, TABLE, values, store.record_change)
        store.publish(change)
        return new_id

    new_id = store.sync_writer.run_or_queue(LOG_OP, values, now)
    return _view(Row(id=new_id, **values))


def _replay(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
    return replay_insert(s, Row, TABLE, "rule firing", args, record_change)


def list_firings(
    store: Store, show_id: int, *, since: datetime | None = None
) -> list[FiringRecord]:
    """The show's rule firings, oldest first."""
    with store.session() as s:
        q = select(Row).where(Row.show_id == show_id)
        if since is not None:
            q = q.where(Row.at >= since)
        return [_view(r) for r in s.scalars(q.order_by(Row.at, Row.id))]


def recent_banners(
    store: Store, show_id: int, now: datetime, within_s: float = 60.0
) -> list[FiringRecord]:
    """Firings with a banner action from the last `within_s` seconds, newest first."""
    since = now - timedelta(seconds=within_s)
    return [f for f in reversed(list_firings(store, show_id, since=since)) if "banner" in f.actions]


register_replay(LOG_OP, _replay)

__all__ = ["TABLE", "FiringRecord", "list_firings", "log_firing", "recent_banners"]
