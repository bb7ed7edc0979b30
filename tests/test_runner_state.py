"""The pure runner state machine, driven by a fake clock: cues, holds, skips, back-timing."""

from __future__ import annotations

import pytest
from clock import FakeClock

from studio.runner.state import InvalidTransition, Plan, Runner, SegmentPlan


def _plan() -> Plan:
    return Plan((
        SegmentPlan("open", "开场", "opening", 60, warn_seconds=10, cue_count=2),
        SegmentPlan("p1", "精华", "product", 120, cue_count=3, product="A"),
        SegmentPlan("bag", "福袋", "lucky_bag", 90, cue_count=1, banner_seconds=60),
        SegmentPlan("close", "收尾", "closing", 30, cue_count=0),
    ))  # fmt: skip


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def runner(clock: FakeClock) -> Runner:
    return Runner(_plan(), clock)


def test_nothing_moves_before_start(runner: Runner) -> None:
    """Next/hold/skip before the show starts do nothing; back-timing shows the plan."""
    assert runner.apply("next") is None
    assert runner.apply("hold") is None
    snap = runner.snapshot()
    assert snap.status == "ready" and snap.over_under == 0
    assert [r.state for r in snap.rows] == ["pending"] * 4


def test_next_walks_cues_then_segments(runner: Runner, clock: FakeClock) -> None:
    """Next goes through each cue; after a segment's last cue it opens the next segment."""
    runner.apply("start")
    positions = [(runner.state.segment_index, runner.state.cue_index)]
    for _ in range(6):
        clock.advance(5)
        runner.apply("next")
        positions.append((runner.state.segment_index, runner.state.cue_index))
    assert positions == [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 0), (3, 0)]
    assert runner.apply("next") is None  # the very end: only End ends the show


def test_prev_goes_back_into_previous_segment_last_cue(runner: Runner, clock: FakeClock) -> None:
    """Prev at a segment's first cue returns to the previous segment's last cue."""
    runner.apply("start")
    runner.apply("next")
    clock.advance(10)
    runner.apply("next")
    tr = runner.apply("prev")
    assert tr is not None and (tr.segment_index, tr.cue_index) == (0, 1)
    assert tr.detail["from_segment"] == 1
    assert runner.apply("prev") is not None and runner.state.cue_index == 0
    assert runner.apply("prev") is None


def test_countdown_phases_warn_and_danger(runner: Runner, clock: FakeClock) -> None:
    """Remaining counts down; amber inside the warn window, red (negative) on overrun."""
    runner.apply("start")
    clock.advance(45)
    snap = runner.snapshot()
    assert (snap.segment_remaining, snap.phase) == (15, "normal")
    clock.advance(6)
    assert runner.snapshot().phase == "warn"
    clock.advance(9)
    snap = runner.snapshot()
    assert snap.segment_remaining == 0 and snap.phase == "danger"
    clock.advance(12)
    snap = runner.snapshot()
    assert snap.segment_remaining == -12 and snap.phase == "danger"
    assert snap.over_under == 12  # the overrun pushes the projected end


def test_hold_freezes_countdown_but_show_runs_over(runner: Runner, clock: FakeClock) -> None:
    """A hold stops the segment clock; the wall clock keeps going, so the show runs over."""
    runner.apply("start")
    clock.advance(20)
    runner.apply("hold")
    clock.advance(30)
    snap = runner.snapshot()
    assert snap.held and snap.segment_elapsed == 20 and snap.hold_elapsed == 30
    assert snap.over_under == 30
    assert snap.time_to_planned_end == 300 - 50
    tr = runner.apply("hold_toggle")
    assert tr is not None and tr.action == "resume" and tr.detail["held_s"] == 30
    clock.advance(10)
    snap = runner.snapshot()
    assert snap.segment_elapsed == 30 and snap.over_under == 30


def test_skip_wins_time_back(runner: Runner, clock: FakeClock) -> None:
    """Skipping a segment early marks it skipped and brings the projected end forward."""
    runner.apply("start")
    clock.advance(60)
    runner.apply("next")
    runner.apply("next")  # into p1
    clock.advance(30)
    tr = runner.apply("skip")
    assert tr is not None and tr.detail["skipped"] == "p1" and tr.segment_key == "bag"
    snap = runner.snapshot()
    rows = {r.key: r for r in snap.rows}
    assert rows["p1"].state == "skipped" and rows["p1"].actual_seconds == 30
    assert rows["p1"].over_under == -90
    assert snap.over_under == -90
    assert rows["open"].state == "done" and rows["open"].over_under == 0


def test_jump_forward_drops_segments_and_back_reruns(runner: Runner, clock: FakeClock) -> None:
    """Jumping past segments drops them from the projection; jumping back adds a second run."""
    runner.apply("start")
    clock.advance(30)
    runner.apply("jump", 2)
    snap = runner.snapshot()
    assert [r.state for r in snap.rows] == ["done", "skipped", "current", "pending"]
    assert snap.over_under == -30 - 120
    clock.advance(40)
    runner.apply("jump", 0)
    clock.advance(5)
    snap = runner.snapshot()
    assert snap.segment_elapsed == 35  # 30 + 5: the runs add up
    assert runner.state.timings[0].runs == 2
    with pytest.raises(InvalidTransition):
        runner.apply("jump", 9)


def test_jump_before_start_starts_there(runner: Runner) -> None:
    """Jumping while ready starts the show at that segment."""
    tr = runner.apply("jump", 1)
    assert tr is not None and tr.action == "start" and tr.segment_index == 1


def test_segment_change_ends_a_hold(runner: Runner, clock: FakeClock) -> None:
    """Going to the next segment while held resumes; the hold is charged to the left segment."""
    runner.apply("start")
    runner.apply("next")
    clock.advance(10)
    runner.apply("hold")
    clock.advance(20)
    tr = runner.apply("next")
    assert tr is not None and tr.detail["resumed"] is True and tr.detail["left_elapsed_s"] == 10
    assert runner.state.status == "running"
    assert runner.state.timings[0].held_seconds == 20


def test_end_closes_and_reports_over_under(runner: Runner, clock: FakeClock) -> None:
    """End stores the final over/under; nothing moves afterwards."""
    runner.apply("start")
    clock.advance(100)
    tr = runner.apply("end")
    assert tr is not None and tr.detail["over_under_s"] == 40
    snap = runner.snapshot()
    assert snap.status == "ended"
    assert [r.state for r in snap.rows] == ["done", "skipped", "skipped", "skipped"]
    assert runner.apply("next") is None and runner.apply("start") is None


def test_banner_counts_to_the_draw(runner: Runner, clock: FakeClock) -> None:
    """A lucky-bag segment exposes a countdown to its draw time."""
    runner.apply("jump", 2)
    clock.advance(15)
    assert runner.snapshot().banner_remaining == 45
    runner.apply("next")
    assert runner.snapshot().banner_remaining is None
