"""The cue runner as a pure state machine: immutable state in, new state + Transition out.

Time comes from an injected clock (epoch seconds), so tests drive it with a fake and crash
recovery replays the recorded transitions at their recorded times (`apply_event`).

Timing model (Ontime-style):
- A segment can run more than once (jumped back to); its actual duration is the sum of its runs,
  minus the time spent on hold. Hold freezes the segment countdown, not the wall clock, so a hold
  makes the show run over.
- Back-timing is anchored at the show's actual start: planned end = start + total planned.
  Projected end = now + what is left of the current segment + every later segment's plan, so
  skipping or jumping past segments wins time back. over_under = projected end - planned end
  (positive: running over).
- Phase: "warn" when 0 < remaining <= the segment's warn_seconds, "danger" from 0 on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from studio.script.model import Script
from studio.timeutil import Clock

STATUSES = ("ready", "running", "held", "ended")


@dataclass(frozen=True)
class SegmentPlan:
    key: str
    title: str
    kind: str
    planned_seconds: int
    warn_seconds: int = 30
    cue_count: int = 0
    product: str | None = None
    # Seconds from the segment's start until the lucky-bag draw / end of the flash sale.
    banner_seconds: int | None = None

    @property
    def pages(self) -> int:
        """Cue positions in the segment; a segment without cues still has one (its title)."""
        return max(1, self.cue_count)


@dataclass(frozen=True)
class Plan:
    segments: tuple[SegmentPlan, ...]
    planned_start: float | None = None

    @property
    def total_seconds(self) -> int:
        return sum(s.planned_seconds for s in self.segments)

    def offsets(self) -> list[int]:
        out, t = [], 0
        for s in self.segments:
            out.append(t)
            t += s.planned_seconds
        return out

    def index_of(self, key: str | None) -> int | None:
        for i, s in enumerate(self.segments):
            if s.key == key:
                return i
        return None

    @classmethod
    def from_script(cls, script: Script) -> Plan:
        segs = []
        for seg in script.segments:
            banner = None
            if seg.kind == "lucky_bag" and seg.lucky_bag is not None:
                banner = seg.lucky_bag.draw_seconds or seg.planned_seconds
            elif seg.kind == "flash_sale":
                banner = seg.planned_seconds
            segs.append(
                SegmentPlan(
                    seg.id,
                    seg.title,
                    seg.kind,
                    seg.planned_seconds,
                    seg.warn_seconds,
                    len(seg.cues),
                    seg.product,
                    banner,
                )
            )
        start = script.planned_start.timestamp() if script.planned_start else None
        return cls(tuple(segs), start)


@dataclass(frozen=True)
class SegTiming:
    first_start: float | None = None
    last_end: float | None = None
    net_seconds: float = 0.0  # closed runs, holds excluded
    held_seconds: float = 0.0
    runs: int = 0
    skipped: bool = False


@dataclass(frozen=True)
class RunState:
    status: str = "ready"
    segment_index: int = 0
    cue_index: int = 0
    show_started_at: float | None = None
    show_ended_at: float | None = None
    run_started_at: float | None = None
    run_held: float = 0.0  # closed holds inside the current run
    hold_since: float | None = None
    total_held: float = 0.0  # closed holds over the whole show
    timings: tuple[SegTiming, ...] = ()

    @classmethod
    def initial(cls, plan: Plan) -> RunState:
        return cls(timings=tuple(SegTiming() for _ in plan.segments))


@dataclass(frozen=True)
class Transition:
    """What happened, ready to be written as a CueEvent (position is the one *after* it)."""

    action: str
    at: float
    segment_index: int | None
    cue_index: int | None
    segment_key: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)


class InvalidTransition(ValueError):
    pass


# -- pure transitions -------------------------------------------------------------------------


def _set_timing(st: RunState, i: int, timing: SegTiming) -> tuple[SegTiming, ...]:
    t = list(st.timings)
    t[i] = timing
    return tuple(t)


def _close_run(st: RunState, at: float, skipped: bool = False) -> RunState:
    """End the current segment's run at `at` (ending a hold too)."""
    i = st.segment_index
    started = st.run_started_at if st.run_started_at is not None else at
    open_hold = at - st.hold_since if st.hold_since is not None else 0.0
    held = st.run_held + open_hold
    old = st.timings[i]
    timing = replace(
        old,
        last_end=at,
        net_seconds=old.net_seconds + max(0.0, at - started - held),
        held_seconds=old.held_seconds + held,
        skipped=old.skipped or skipped,
    )
    return replace(
        st,
        timings=_set_timing(st, i, timing),
        run_started_at=None,
        run_held=0.0,
        hold_since=None,
        total_held=st.total_held + open_hold,
    )


def _open_run(st: RunState, seg: int, cue: int, at: float) -> RunState:
    old = st.timings[seg]
    timing = replace(
        old,
        first_start=old.first_start if old.first_start is not None else at,
        runs=old.runs + 1,
        last_end=None,
    )
    return replace(
        st,
        status="running",
        segment_index=seg,
        cue_index=cue,
        run_started_at=at,
        run_held=0.0,
        hold_since=None,
        timings=_set_timing(st, seg, timing),
    )


def _transition(plan: Plan, st: RunState, action: str, at: float, **detail: Any) -> Transition:
    key = plan.segments[st.segment_index].key if plan.segments else None
    return Transition(action, at, st.segment_index, st.cue_index, key, detail)


def segment_elapsed(st: RunState, i: int, now: float) -> float:
    """Seconds segment `i` has run (holds excluded), counting the open run up to `now`."""
    timing = st.timings[i]
    total = timing.net_seconds
    if i == st.segment_index and st.run_started_at is not None:
        ref = st.hold_since if st.hold_since is not None else now
        total += max(0.0, ref - st.run_started_at - st.run_held)
    return total


def start(plan: Plan, st: RunState, at: float, segment: int = 0) -> tuple[RunState, Transition]:
    if st.status != "ready":
        raise InvalidTransition("the show has already started")
    if not plan.segments:
        raise InvalidTransition("the script has no segments")
    if not 0 <= segment < len(plan.segments):
        raise InvalidTransition(f"no segment {segment + 1}")
    new = _open_run(replace(st, show_started_at=at), segment, 0, at)
    return new, _transition(plan, new, "start", at)


def move(
    plan: Plan, st: RunState, seg: int, cue: int, at: float, action: str
) -> tuple[RunState, Transition]:
    """Go to (seg, cue): within a segment only the cue changes; across segments the current
    run closes (a hold ends with it) and the target's run opens."""
    if st.status not in ("running", "held"):
        raise InvalidTransition(f"cannot {action}: the show is {st.status}")
    if not 0 <= seg < len(plan.segments):
        raise InvalidTransition(f"no segment {seg + 1}")
    cue = min(max(0, cue), plan.segments[seg].pages - 1)
    detail: dict[str, Any] = {"from_segment": st.segment_index, "from_cue": st.cue_index}
    if seg == st.segment_index and action != "jump":
        new = replace(st, cue_index=cue)
    else:
        detail["left_elapsed_s"] = round(segment_elapsed(st, st.segment_index, at), 3)
        if st.status == "held":
            detail["resumed"] = True
        closed = _close_run(st, at, skipped=action == "skip")
        new = _open_run(closed, seg, cue, at)
    return new, _transition(plan, new, action, at, **detail)


def next_cue(plan: Plan, st: RunState, at: float) -> tuple[RunState, Transition] | None:
    seg = plan.segments[st.segment_index]
    if st.cue_index < seg.pages - 1:
        return move(plan, st, st.segment_index, st.cue_index + 1, at, "next")
    if st.segment_index < len(plan.segments) - 1:
        return move(plan, st, st.segment_index + 1, 0, at, "next")
    return None  # the last cue: ending the show is a deliberate, separate action


def prev_cue(plan: Plan, st: RunState, at: float) -> tuple[RunState, Transition] | None:
    if st.cue_index > 0:
        return move(plan, st, st.segment_index, st.cue_index - 1, at, "prev")
    if st.segment_index > 0:
        prev = st.segment_index - 1
        return move(plan, st, prev, plan.segments[prev].pages - 1, at, "prev")
    return None


def skip(plan: Plan, st: RunState, at: float) -> tuple[RunState, Transition] | None:
    if st.segment_index >= len(plan.segments) - 1:
        return None
    new, tr = move(plan, st, st.segment_index + 1, 0, at, "skip")
    detail = dict(tr.detail)
    detail["skipped"] = plan.segments[st.segment_index].key
    return new, replace(tr, detail=detail)


def jump(plan: Plan, st: RunState, index: int, at: float) -> tuple[RunState, Transition] | None:
    if st.status == "ready":
        return start(plan, st, at, index)
    if index == st.segment_index and st.cue_index == 0:
        return None
    return move(plan, st, index, 0, at, "jump")


def hold(plan: Plan, st: RunState, at: float) -> tuple[RunState, Transition] | None:
    if st.status != "running":
        return None
    new = replace(st, status="held", hold_since=at)
    return new, _transition(plan, new, "hold", at)


def resume(plan: Plan, st: RunState, at: float) -> tuple[RunState, Transition] | None:
    if st.status != "held" or st.hold_since is None:
        return None
    held = at - st.hold_since
    new = replace(
        st,
        status="running",
        hold_since=None,
        run_held=st.run_held + held,
        total_held=st.total_held + held,
    )
    return new, _transition(plan, new, "resume", at, held_s=round(held, 3))


def end(plan: Plan, st: RunState, at: float) -> tuple[RunState, Transition] | None:
    if st.status not in ("running", "held"):
        return None
    over = snapshot(plan, st, at).over_under
    new = replace(_close_run(st, at), status="ended", show_ended_at=at)
    return new, _transition(plan, new, "end", at, over_under_s=round(over, 3))


def apply_event(
    plan: Plan,
    st: RunState,
    action: str,
    at: float,
    segment_index: int | None,
    cue_index: int | None,
    segment_key: str | None = None,
) -> RunState:
    """Re-apply a recorded transition (crash recovery, actuals).

    The recorded position is trusted over re-deriving it, so a replay lands exactly where the
    live runner was. If the script was edited since, the segment is found by its key.
    Events that no longer fit (e.g. a segment deleted since) are skipped rather than fatal.
    """
    seg = segment_index
    if segment_key is not None:
        by_key = plan.index_of(segment_key)
        if by_key is not None:
            seg = by_key
    try:
        if action == "start":
            return start(plan, st, at, seg or 0)[0]
        if action in ("next", "prev", "skip", "jump"):
            if seg is None:
                return st
            return move(plan, st, seg, cue_index or 0, at, action)[0]
        step = {"hold": hold, "resume": resume, "end": end}.get(action)
        if step is not None:
            result = step(plan, st, at)
            return result[0] if result else st
    except InvalidTransition:
        return st
    return st  # "recover" and unknown actions change nothing


# -- what the windows show --------------------------------------------------------------------


@dataclass(frozen=True)
class RowView:
    index: int
    key: str
    title: str
    kind: str
    planned_offset: int
    planned_seconds: int
    actual_start: float | None
    actual_seconds: float | None
    over_under: float | None
    state: str  # pending | current | done | skipped


@dataclass(frozen=True)
class Snapshot:
    status: str
    now: float
    segment_index: int
    cue_index: int
    segment: SegmentPlan | None
    segment_elapsed: float
    segment_remaining: float
    phase: str  # normal | warn | danger
    hold_elapsed: float
    show_elapsed: float
    planned_end: float | None
    projected_end: float | None
    time_to_planned_end: float | None
    over_under: float
    banner_remaining: float | None
    rows: tuple[RowView, ...]

    @property
    def held(self) -> bool:
        return self.status == "held"


def snapshot(plan: Plan, st: RunState, now: float) -> Snapshot:
    if not plan.segments:
        return Snapshot(
            st.status,
            now,
            0,
            0,
            None,
            0.0,
            0.0,
            "normal",
            0.0,
            0.0,
            None,
            None,
            None,
            0.0,
            None,
            (),
        )
    ref = st.show_ended_at if st.show_ended_at is not None else now
    i = st.segment_index
    seg = plan.segments[i]
    elapsed = segment_elapsed(st, i, ref)
    remaining = seg.planned_seconds - elapsed
    if st.status in ("ready", "ended"):
        phase = "normal"
    elif remaining <= 0:
        phase = "danger"
    elif remaining <= seg.warn_seconds:
        phase = "warn"
    else:
        phase = "normal"
    total = plan.total_seconds
    if st.show_started_at is not None:
        planned_end: float | None = st.show_started_at + total
    elif plan.planned_start is not None:
        planned_end = plan.planned_start + total
    else:
        planned_end = None
    later = sum(s.planned_seconds for s in plan.segments[i + 1 :])
    if st.status == "ended":
        projected_end: float | None = st.show_ended_at
    elif st.status == "ready":
        projected_end = planned_end
    else:
        projected_end = now + max(0.0, remaining) + later
    over = (
        (projected_end - planned_end)
        if projected_end is not None and planned_end is not None
        else 0.0
    )
    rows = []
    offsets = plan.offsets()
    for j, sp in enumerate(plan.segments):
        timing = st.timings[j]
        current = j == i and st.status in ("running", "held")
        actual = segment_elapsed(st, j, ref) if (timing.runs or current) else None
        if current:
            state = "current"
        elif timing.skipped or (timing.runs == 0 and j < i and st.status != "ready"):
            state = "skipped"
        elif timing.runs:
            state = "done"
        elif st.status == "ended":
            state = "skipped"
        else:
            state = "pending"
        rows.append(RowView(
            j, sp.key, sp.title, sp.kind, offsets[j], sp.planned_seconds, timing.first_start,
            actual, None if actual is None else actual - sp.planned_seconds, state,
        ))  # fmt: skip
    banner = None
    if seg.banner_seconds is not None and st.status in ("running", "held"):
        banner = seg.banner_seconds - elapsed
    return Snapshot(
        status=st.status, now=now, segment_index=i, cue_index=st.cue_index, segment=seg,
        segment_elapsed=elapsed, segment_remaining=remaining, phase=phase,
        hold_elapsed=(now - st.hold_since) if st.hold_since is not None else 0.0,
        show_elapsed=(ref - st.show_started_at) if st.show_started_at is not None else 0.0,
        planned_end=planned_end, projected_end=projected_end,
        time_to_planned_end=(planned_end - ref) if planned_end is not None else None,
        over_under=over, banner_remaining=banner, rows=tuple(rows),
    )  # fmt: skip


class Runner:
    """The state machine with its plan and clock; `propose` computes without changing anything,
    so a caller can persist the transition first and `commit` only once it is stored."""

    def __init__(self, plan: Plan, clock: Clock, state: RunState | None = None) -> None:
        self.plan = plan
        self.clock = clock
        self.state = state if state is not None else RunState.initial(plan)

    def propose(
        self, action: str, index: int | None = None, at: float | None = None
    ) -> tuple[RunState, Transition] | None:
        now = self.clock() if at is None else at
        st, plan = self.state, self.plan
        if st.status == "ended":
            return None
        if action == "start":
            return start(plan, st, now, index or 0) if st.status == "ready" else None
        if st.status == "ready" and action != "jump":
            return None
        if action == "next":
            return next_cue(plan, st, now)
        if action == "prev":
            return prev_cue(plan, st, now)
        if action == "skip":
            return skip(plan, st, now)
        if action == "jump":
            if index is None:
                raise InvalidTransition("jump needs a segment")
            if not 0 <= index < len(plan.segments):
                raise InvalidTransition(f"no segment {index + 1}")
            return jump(plan, st, index, now)
        if action == "hold":
            return hold(plan, st, now)
        if action == "resume":
            return resume(plan, st, now)
        if action == "hold_toggle":
            return resume(plan, st, now) if st.status == "held" else hold(plan, st, now)
        if action == "end":
            return end(plan, st, now)
        raise InvalidTransition(f"unknown action {action!r}")

    def commit(self, state: RunState) -> None:
        self.state = state

    def apply(self, action: str, index: int | None = None) -> Transition | None:
        result = self.propose(action, index)
        if result is None:
            return None
        self.commit(result[0])
        return result[1]

    def snapshot(self, now: float | None = None) -> Snapshot:
        return snapshot(self.plan, self.state, self.clock() if now is None else now)
