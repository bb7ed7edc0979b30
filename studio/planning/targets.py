"""A show's planning fields: targets, platform, theme, time slot."""

from __future__ import annotations

from datetime import datetime

from studio.store.models import Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store


def set_targets(
    store: Store,
    show_id: int,
    *,
    gmv_target_cents: int | None = None,
    traffic_target: int | None = None,
    planned_start: datetime | None = None,
    planned_seconds: int | None = None,
    platform: str | None = None,
    theme: str | None = None,
) -> None:
    """Change the given fields (None leaves a field as it is)."""
    for name, value in (
        ("GMV target", gmv_target_cents),
        ("traffic target", traffic_target),
        ("planned duration", planned_seconds),
    ):
        if value is not None and value < 0:
            raise ValueError(f"the {name} cannot be negative")
    if planned_start is not None and planned_start.tzinfo is None:
        raise ValueError("the planned start needs a time zone")
    with store.transaction() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        if gmv_target_cents is not None:
            show.gmv_target_cents = gmv_target_cents
        if traffic_target is not None:
            show.traffic_target = traffic_target
        if planned_start is not None:
            show.planned_start = planned_start
        if planned_seconds is not None:
            show.planned_seconds = planned_seconds
        if platform is not None:
            show.platform = platform.strip()
        if theme is not None:
            show.theme = theme.strip()
        change = store.record_change(s, "show", show_id, show_id)
    store.publish(change)
