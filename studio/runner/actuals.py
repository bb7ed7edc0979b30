"""Planned vs actual per segment, from the CueEvents alone (for the review and rehearsals).

Pure: give it the plan and the events; `load_actuals` is the one-call version on a store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from studio.runner.events import EventRecord, read_events
from studio.runner.state import Plan, RunState, apply_event, segment_elapsed
from studio.store.store import Store
from studio.timeutil import from_epoch


@dataclass(frozen=True)
class SegmentActual:
    index: int
    key: str
    title: str
    kind: str
    product: str | None
    planned_offset_s: int
    planned_seconds: int
    actual_start: datetime | None
    actual_end: datetime | None
    actual_seconds: float | None  # holds excluded; None if the segment never ran
    held_seconds: float
    runs: int
    skipped: bool

    @property
    def over_under_s(self) -> float | None:
        return None if self.actual_seconds is None else self.actual_seconds - self.planned_seconds

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.key, "title": self.title, "kind": self.kind, "product": self.product,
            "planned_start_offset_s": self.planned_offset_s,
            "planned_seconds": self.planned_seconds,
            "actual_start": self.actual_start.isoformat() if self.actual_start else None,
            "actual_end": self.actual_end.isoformat() if self.actual_end else None,
            "actual_seconds": self.actual_seconds, "held_seconds": self.held_seconds,
            "over_under_s": self.over_under_s, "runs": self.runs, "skipped": self.skipped,
        }  # fmt: skip


@dataclass(frozen=True)
class ShowActuals:
    started_at: datetime | None
    ended_at: datetime | None
    planned_seconds: int
    segments: tuple[SegmentActual, ...]

    @property
    def actual_seconds(self) -> float | None:
        if self.started_at is None or self.ended_at is None:
            return None
        return (self.ended_at - self.started_at).total_seconds()

    @property
    def over_under_s(self) -> float | None:
        actual = self.actual_seconds
        return None if actual is None else actual - self.planned_seconds


def compute_actuals(
    plan: Plan, events: Sequence[EventRecord], now: float | None = None
) -> ShowActuals:
    """Per-segment actual timings. For a show still running, the open segment is measured up
    to `now` (default: the last event's time)."""
    state = RunState.initial(plan)
    for e in events:
        state = apply_event(
            plan, state, e.action, e.at.timestamp(), e.segment_index, e.cue_index, e.segment_key
        )
    ref = now if now is not None else (events[-1].at.timestamp() if events else 0.0)
    offsets = plan.offsets()
    out = []
    for i, sp in enumerate(plan.segments):
        t = state.timings[i]
        running = i == state.segment_index and state.run_started_at is not None
        ran = t.runs > 0
        out.append(SegmentActual(
            index=i, key=sp.key, title=sp.title, kind=sp.kind, product=sp.product,
            planned_offset_s=offsets[i], planned_seconds=sp.planned_seconds,
            actual_start=from_epoch(t.first_start) if t.first_start is not None else None,
            actual_end=from_epoch(t.last_end) if t.last_end is not None and not running else None,
            actual_seconds=segment_elapsed(state, i, ref) if ran else None,
            held_seconds=t.held_seconds, runs=t.runs, skipped=t.skipped or not ran,
        ))  # fmt: skip
    return ShowActuals(
        started_at=from_epoch(state.show_started_at) if state.show_started_at else None,
        ended_at=from_epoch(state.show_ended_at) if state.show_ended_at else None,
        planned_seconds=plan.total_seconds,
        segments=tuple(out),
    )


def load_actuals(store: Store, show_id: int, now: float | None = None) -> ShowActuals:
    """Actuals of a stored show (live or rehearsal): its script's plan + its CueEvents."""
    from studio.script.store_io import load_script

    plan = Plan.from_script(load_script(store, show_id))
    return compute_actuals(plan, read_events(store, show_id), now)
