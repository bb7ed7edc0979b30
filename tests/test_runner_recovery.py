"""CueEvents written per transition, crash recovery from them, and planned-vs-actual timings."""

from __future__ import annotations

from pathlib import Path

import pytest
from clock import FakeClock
from sqlalchemy import select

from studio.runner.actuals import load_actuals
from studio.runner.events import LiveRunner, read_events
from studio.runner.recovery import find_resumable_show, rebuild_runner
from studio.runner.state import Plan
from studio.script.store_io import create_rehearsal, create_show_from_script_file, load_script
from studio.store.models import CueEvent, Show
from studio.store.store import Store

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "show.yaml"


def _live(store: Store, clock: FakeClock) -> LiveRunner:
    show_id = create_show_from_script_file(store, DEMO)
    return LiveRunner(store, show_id, Plan.from_script(load_script(store, show_id)), clock)


def test_every_transition_is_committed_as_it_happens(store: Store) -> None:
    """Each action is a CueEvent row readable from a fresh session right away, in order."""
    clock = FakeClock()
    live = _live(store, clock)
    seen = []
    store.bus.subscribe(lambda c: seen.append(c.table))
    for action in ("start", "next", "hold", "resume", "skip"):
        clock.t += 7
        live.act(action)
    events = read_events(store, live.show_id)
    assert [e.action for e in events] == ["start", "next", "hold", "resume", "skip"]
    assert events[-1].segment_key == "lucky-bag-1" and events[-1].detail["skipped"] == "opening"
    assert seen.count("cue_event") == 5
    with store.session() as s:
        show = s.get(Show, live.show_id)
        assert show is not None and show.status == "live" and show.started_at is not None


def test_no_event_for_a_no_op(store: Store) -> None:
    """An action that changes nothing (prev at the first cue) writes nothing."""
    clock = FakeClock()
    live = _live(store, clock)
    live.act("start")
    assert live.act("prev") is None
    with store.session() as s:
        assert len(s.scalars(select(CueEvent)).all()) == 1


def test_crash_recovery_restores_cue_elapsed_and_over_under(db_url: str) -> None:
    """Killing the runner mid-show and rebuilding from the database gives the same state."""
    clock = FakeClock()
    first = Store.open(db_url)
    live = _live(first, clock)
    for action, dt in [
        ("start", 0),
        ("next", 100),
        ("next", 150),
        ("next", 80),
        ("hold", 20),
        ("resume", 45),
        ("next", 30),
        ("jump", 60),
    ]:
        clock.t += dt
        live.act(action, 5 if action == "jump" else None)
    clock.t += 33
    before = live.snapshot()
    first.close()
    del live  # the app died

    second = Store.open(db_url)
    try:
        show_id = find_resumable_show(second)
        assert show_id is not None
        rebuilt = rebuild_runner(second, show_id, clock)
        after = rebuilt.snapshot()
        assert (after.segment_index, after.cue_index) == (before.segment_index, before.cue_index)
        assert after.segment_elapsed == pytest.approx(before.segment_elapsed, abs=1e-3)
        assert after.over_under == pytest.approx(before.over_under, abs=1e-3)
        assert [r.actual_seconds for r in after.rows] == pytest.approx(
            [r.actual_seconds for r in before.rows], abs=1e-3
        )  # type: ignore[arg-type]
        assert read_events(second, show_id)[-1].action == "recover"
        rebuilt.act("next")  # and it carries on
        rebuilt.act("end")
        assert find_resumable_show(second) is None
    finally:
        second.close()


def test_recovery_keeps_a_hold(store: Store) -> None:
    """A show held when the app died comes back held, with the hold still counting."""
    clock = FakeClock()
    live = _live(store, clock)
    live.act("start")
    clock.t += 50
    live.act("hold")
    clock.t += 100
    rebuilt = rebuild_runner(store, live.show_id, clock)
    snap = rebuilt.snapshot()
    assert snap.held and snap.segment_elapsed == pytest.approx(50)
    assert snap.hold_elapsed == pytest.approx(100)


def test_actuals_planned_vs_actual(store: Store) -> None:
    """Per-segment actual start/duration/over-under come out of the CueEvents alone."""
    clock = FakeClock()
    live = _live(store, clock)
    t0 = clock.t
    live.act("start")
    clock.t += 320
    live.act("skip")  # opening ran 320 s against 300 planned
    clock.t += 100
    live.act("skip")  # lucky bag: 100 of 180
    clock.t += 5
    live.act("end")
    actuals = load_actuals(store, live.show_id)
    opening, bag, essence = actuals.segments[:3]
    assert opening.actual_start is not None and opening.actual_start.timestamp() == t0
    assert opening.actual_seconds == pytest.approx(320) and opening.over_under_s == pytest.approx(
        20
    )
    assert bag.actual_seconds == pytest.approx(100) and bag.skipped
    assert essence.actual_seconds == pytest.approx(5)
    assert actuals.segments[3].actual_seconds is None and actuals.segments[3].skipped
    assert actuals.actual_seconds == pytest.approx(425)


def test_rehearsal_is_a_separate_show_with_its_own_timings(store: Store) -> None:
    """A rehearsal copies the script, is flagged, and its events do not touch the live show."""
    clock = FakeClock()
    live = _live(store, clock)
    rehearsal_id = create_rehearsal(store, live.show_id)
    assert load_script(store, rehearsal_id) == load_script(store, live.show_id)
    plan = Plan.from_script(load_script(store, rehearsal_id))
    rehearsal = LiveRunner(store, rehearsal_id, plan, clock)
    rehearsal.act("start")
    clock.t += 280
    rehearsal.act("skip")
    with store.session() as s:
        show = s.get(Show, rehearsal_id)
        assert show is not None and show.is_rehearsal
    assert read_events(store, live.show_id) == []
    assert load_actuals(store, rehearsal_id).segments[0].over_under_s == pytest.approx(-20)
