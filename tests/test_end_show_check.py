"""Ending a show names what it leaves behind: open incidents, segments not run, sales among them."""

from __future__ import annotations

from clock import FakeClock

from studio.demo import demo_script_path
from studio.incidents.log import quick_log, update
from studio.planning.end_show import end_show_check
from studio.runner.jump import SELLING_KINDS
from studio.runner.session import RunnerSession
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store


def test_open_incidents_and_segments_not_run(store: Store) -> None:
    """Counts only open incidents; lists the pending segments after the current one in order."""
    clock = FakeClock()
    show_id = create_show_from_script_file(store, demo_script_path())
    session = RunnerSession(store, show_id, clock=clock)
    try:
        session.act("start")
        session.act("skip")  # now in the second segment
        first = quick_log(store, show_id, "technical")
        quick_log(store, show_id, "product")
        assert first is not None
        update(store, first, status="mitigated")
        check = end_show_check(store, show_id, session.snapshot())
        segments = session.plan.segments
        assert check.open_incidents == 1
        assert check.segments_not_run == tuple(s.title for s in segments[2:])
        assert check.sales_not_run == sum(1 for s in segments[2:] if s.kind in SELLING_KINDS)
        assert not check.clean
        while session.snapshot().status != "ended":
            session.act("skip") if session.snapshot().segment_index + 1 < len(
                segments
            ) else session.act("end")
        update(store, first, status="resolved")
        done = end_show_check(store, show_id, session.snapshot())
        assert done.segments_not_run == () and done.open_incidents == 1
    finally:
        session.close()
