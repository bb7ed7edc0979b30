"""Every runner transition as a CueEvent row, committed the moment it happens.

Action vocabulary (`CueEvent.action`). Every event carries the position *after* the transition:
`segment_index` (0-based position in the script), `segment_key` (the script's segment id, stable
across edits) and `cue_index` (0-based cue within the segment). `at` is the wall-clock time (UTC).

| action  | meaning                                                   | `detail`                                   |
|---------|-----------------------------------------------------------|--------------------------------------------|
| start   | the show started at this segment (normally the first)     | {}                                         |
| next    | next cue; at a segment's last cue, the next segment       | from_segment, from_cue[, left_elapsed_s, resumed] |
| prev    | previous cue; at a segment's first cue, the previous one  | same as next                               |
| skip    | the current segment was cut short; next segment begins   | same as next + skipped (key of cut segment)|
| jump    | the controller went to another segment directly           | same as next                               |
| hold    | countdown frozen (technical problem, anchor off camera)   | {}                                         |
| resume  | countdown running again                                   | held_s (length of the hold)                |
| end     | the show ended                                            | over_under_s (+ over / - under the plan)   |
| recover | the app restarted mid-show and rebuilt the runner         | events (how many were replayed)            |

`left_elapsed_s` is how long the segment being left had run in total (holds excluded);
`resumed` is true when a segment change also ended a hold. A segment change ends the left
segment's run; its actual duration is the sum of its runs (see `studio.runner.actuals`).

Writers commit first and only then notify (`store.publish`) and move the in-memory runner, so
what the windows show has always been stored.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from studio.runner.state import Plan, Runner, Snapshot, Transition
from studio.store.models import CueEvent, Show
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch

log = logging.getLogger(__name__)

ACTIONS = ("start", "next", "prev", "skip", "jump", "hold", "resume", "end", "recover")


@dataclass(frozen=True)
class EventRecord:
    """A CueEvent detached from its session (what recovery, actuals and review consume)."""

    action: str
    at: datetime
    segment_key: str | None
    segment_index: int | None
    cue_index: int | None
    detail: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
    station: str = ""


def read_events(store: Store, show_id: int) -> list[EventRecord]:
    with store.session() as s:
        rows = s.scalars(
            select(CueEvent).where(CueEvent.show_id == show_id).order_by(CueEvent.at, CueEvent.id)
        )
        return [
            EventRecord(
                r.action,
                r.at,
                r.segment_key,
                r.segment_index,
                r.cue_index,
                dict(r.detail or {}),
                r.id,
                r.station,
            )
            for r in rows
        ]


def write_transition(store: Store, show_id: int, tr: Transition) -> int | None:
    """Store one transition and return the CueEvent id; published after the commit.

    The CueEvent goes through the store's idempotent path: on a shared database that is out of
    reach it waits in the station's outbox (id None) and the show goes on. The show's
    live/ended status is a second, best-effort write: offline it can be rebuilt from the events.
    """
    result = store.insert_idempotent(
        CueEvent,
        {
            "show_id": show_id,
            "at": from_epoch(tr.at),
            "action": tr.action,
            "segment_key": tr.segment_key,
            "segment_index": tr.segment_index,
            "cue_index": tr.cue_index,
            "station": store.station,
            "detail": dict(tr.detail),
        },
    )
    if tr.action in ("start", "end"):
        try:
            with store.transaction() as s:
                show = s.get(Show, show_id)
                if show is None:
                    return result.ids[0] if result.ids else None
                if tr.action == "start":
                    show.status = "live"
                    show.started_at = from_epoch(tr.at)
                else:
                    show.status = "ended"
                    show.ended_at = from_epoch(tr.at)
                change = store.record_change(s, "show", show_id, show_id)
            store.publish(change)
        except SQLAlchemyError:
            if store.link_status.online:
                raise
            log.warning("show %s status not stored while offline; the CueEvents carry it", show_id)
    return result.ids[0] if result.ids else None


class LiveRunner:
    """A Runner whose every transition is stored before it takes effect.

    If the write fails (database gone, disk full) the exception propagates and the runner stays
    where it was: the screen never shows a state the database does not have.
    """

    def __init__(
        self, store: Store, show_id: int, plan: Plan, clock: Clock, runner: Runner | None = None
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.runner = runner if runner is not None else Runner(plan, clock)

    @property
    def plan(self) -> Plan:
        return self.runner.plan

    def act(self, action: str, index: int | None = None) -> Transition | None:
        result = self.runner.propose(action, index)
        if result is None:
            return None
        new_state, transition = result
        write_transition(self.store, self.show_id, transition)
        self.runner.commit(new_state)
        return transition

    def record(self, transition: Transition) -> None:
        """Store a transition that does not move the runner (e.g. `recover`)."""
        write_transition(self.store, self.show_id, transition)

    def snapshot(self, now: float | None = None) -> Snapshot:
        return self.runner.snapshot(now)


def replay(plan: Plan, events: Sequence[EventRecord], clock: Clock) -> Runner:
    """A Runner in the state the recorded events left it in."""
    from studio.runner.state import RunState, apply_event

    state = RunState.initial(plan)
    for e in events:
        state = apply_event(
            plan, state, e.action, e.at.timestamp(), e.segment_index, e.cue_index, e.segment_key
        )
    return Runner(plan, clock, state)
