"""Creating, listing and finding shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from studio.store.models import Show
from studio.store.store import Store


class ShowNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ShowSummary:
    id: int
    title: str
    status: str
    planned_start: datetime | None
    gmv_target_cents: int
    is_rehearsal: bool
    traffic_target: int = 0
    campaign_share_cents: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "planned_start": self.planned_start.isoformat() if self.planned_start else None,
            "gmv_target_yuan": self.gmv_target_cents / 100,
            "rehearsal": self.is_rehearsal,
        }


def _summary(show: Show) -> ShowSummary:
    return ShowSummary(
        show.id,
        show.title,
        show.status,
        show.planned_start,
        show.gmv_target_cents,
        show.is_rehearsal,
        show.traffic_target,
        show.campaign_share_cents,
    )


def save_recording_path(store: Store, show_id: int, path: str) -> bool:
    """Remember where the show's recording was written; False when the show is gone."""
    with store.transaction() as s:
        show = s.get(Show, show_id)
        if show is None:
            return False
        show.recording_path = path
        change = store.record_change(s, "show", show_id, show_id)
    store.publish(change)
    return True


def create_show(
    store: Store,
    title: str,
    *,
    planned_start: datetime | None = None,
    gmv_target_cents: int = 0,
    planned_seconds: int = 0,
    traffic_target: int = 0,
    platform: str = "",
    theme: str = "",
    is_rehearsal: bool = False,
) -> int:
    title = title.strip()
    if not title:
        raise ValueError("a show needs a title")
    if gmv_target_cents < 0:
        raise ValueError("the GMV target cannot be negative")
    with store.transaction() as s:
        show = Show(
            title=title,
            planned_start=planned_start,
            gmv_target_cents=gmv_target_cents,
            planned_seconds=planned_seconds,
            traffic_target=traffic_target,
            platform=platform,
            theme=theme,
            is_rehearsal=is_rehearsal,
        )
        s.add(show)
        s.flush()
        change = store.record_change(s, "show", show.id, show.id)
        show_id = show.id
    store.publish(change)
    return show_id


def list_shows(store: Store) -> list[ShowSummary]:
    with store.session() as s:
        shows = s.scalars(
            select(Show).order_by(Show.planned_start.desc().nulls_last(), Show.id.desc())
        )
        return [_summary(show) for show in shows]


def get_show(store: Store, show_id: int) -> ShowSummary:
    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        return _summary(show)
