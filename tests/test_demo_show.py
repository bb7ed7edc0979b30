"""The built-in demo show: loaded once, reused until it goes on air."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from studio.demo import demo_script_path, ensure_demo_show
from studio.script.loader import load_script_file
from studio.store.models import CueEvent, Product, Segment
from studio.store.store import Store


def test_demo_show_is_created_with_its_products_and_segments(store: Store) -> None:
    """The demo script lands in the store with every product and segment it declares."""
    script = load_script_file(demo_script_path())
    show_id = ensure_demo_show(store)
    with store.session() as s:
        n_products = s.scalar(select(func.count()).where(Product.show_id == show_id))
        n_segments = s.scalar(select(func.count()).where(Segment.show_id == show_id))
    assert n_products == len(script.products) == 8
    assert n_segments == len(script.segments)


def test_demo_show_is_reused_until_it_has_run(store: Store) -> None:
    """A second start reuses the untouched demo show; once it has CueEvents, a new one is made."""
    first = ensure_demo_show(store)
    assert ensure_demo_show(store) == first
    with store.transaction() as s:
        s.add(
            CueEvent(
                show_id=first, at=datetime.now(UTC), action="start", segment_index=0, cue_index=0
            )
        )
    second = ensure_demo_show(store)
    assert second != first


def _live_demo_with_lease(store: Store, holder: str) -> int:
    """A demo show on air whose rundown lease names `holder`."""
    import time

    from studio.runner.session import RunnerSession
    from studio.store.models import RunnerLease, Show

    show_id = ensure_demo_show(store)
    session = RunnerSession(store, show_id, clock=time.time)
    session.act("start")
    session.close(release_lease=False)
    with store.transaction() as s:
        lease = s.get(RunnerLease, show_id)
        assert lease is not None
        lease.station = holder
        lease.heartbeat_at = datetime.now(UTC)
        assert s.get(Show, show_id).status == "live"  # type: ignore[union-attr]
    return show_id


def test_a_station_joining_does_not_end_a_demo_another_process_runs(store: Store) -> None:
    """`end_abandoned_demos` (run when any station starts) leaves a demo whose driving process
    still runs on this PC, and a joining station opens it; one whose process is gone (a killed
    demo) is ended and no longer opened."""
    import socket
    import subprocess
    import sys

    from studio.demo import end_abandoned_demos, startup_show
    from studio.store.models import Show

    host = socket.gethostname()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = _live_demo_with_lease(store, f"controller@{host}#{alive.pid}-abcd")
        assert end_abandoned_demos(store) == []
        with store.session() as s:
            assert s.get(Show, running).status == "live"  # type: ignore[union-attr]
        assert startup_show(store, None) == running  # a station joining opens the demo on air
    finally:
        alive.kill()
        alive.wait()
    # The same show once its process is gone: a killed demo, ended at its last event.
    assert end_abandoned_demos(store) == [running]
    with store.session() as s:
        assert s.get(Show, running).status == "ended"  # type: ignore[union-attr]
    assert startup_show(store, None) is None
