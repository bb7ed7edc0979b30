"""A stored run of the demo rundown that runs late: what the simulators (metrics, comments)
must follow instead of the script's plan."""

from __future__ import annotations

from datetime import datetime

from studio.store.models import CueEvent, Segment, Show
from studio.store.store import Store
from studio.timeutil import from_epoch


def planned_starts(store: Store, show_id: int) -> dict[str, float]:
    """Segment key -> planned start (seconds into the show), in rundown order; "" -> the plan's
    end."""
    with store.session() as s:
        rows = s.execute(
            Segment.__table__.select()
            .with_only_columns(Segment.key, Segment.planned_seconds)
            .where(Segment.show_id == show_id)
            .order_by(Segment.position)
        ).all()
    out, t = {}, 0.0
    for key, secs in rows:
        out[str(key)] = t
        t += secs
    out[""] = t
    return out


def store_late_run(
    store: Store, show_id: int, start: datetime, planned: dict[str, float], late_s: float
) -> None:
    """The runner's record of a run started at `start` whose every segment after the opening
    starts `late_s` after its plan (and ends `late_s` after the plan's end)."""
    t0 = start.timestamp()
    keys = [k for k in planned if k]
    with store.transaction() as s:
        for i, key in enumerate(keys):
            at = 0.0 if i == 0 else planned[key] + late_s
            s.add(
                CueEvent(
                    show_id=show_id,
                    at=from_epoch(t0 + at),
                    action="start" if i == 0 else "next",
                    segment_key=key,
                    segment_index=i,
                )
            )
        s.add(
            CueEvent(
                show_id=show_id,
                at=from_epoch(t0 + planned[""] + late_s),
                action="end",
                segment_key=keys[-1],
                segment_index=len(keys) - 1,
            )
        )
        row = s.get(Show, show_id)
        assert row is not None
        row.started_at = start
