"""The rundown session: one driver per show keyed by process instance, followers, position."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from clock import FakeClock

from studio.demo import demo_script_path
from studio.obs.follow_show import recording_step
from studio.runner.autopilot import autopilot_action
from studio.runner.events import read_events
from studio.runner.session import NotDriving, RunnerSession, lease_holder_name, station_of
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store
from studio.store.sync import lease


@pytest.fixture
def shared(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Two handles on one SQLite file, both the same station (two copies of studio on one PC)."""
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    a = Store.open(url, station="controller@pc1")
    b = Store.open(url, station="controller@pc1")
    yield a, b
    b.close()
    a.close()


def test_position_is_stamped_only_while_the_show_runs(store: Store) -> None:
    """Before the start and after the end there is no position; during the show, segment + cue."""
    clock = FakeClock()
    show_id = create_show_from_script_file(store, demo_script_path())
    session = RunnerSession(store, show_id, clock=clock)
    try:
        assert session.position() == (None, None)
        session.act("start")
        first = session.plan.segments[0].key
        assert session.position() == (first, 0)
        session.act("next")
        assert session.position() == (first, 1)
        session.act("hold_toggle")
        assert session.position() == (first, 1)  # held is still "in" the segment
        session.act("end")
        assert session.position() == (None, None)
    finally:
        session.close()


def test_two_instances_of_one_station_do_not_both_drive(shared: tuple[Store, Store]) -> None:
    """Same role on the same PC: the second process follows and is refused transitions."""
    a, b = shared
    show_id = create_show_from_script_file(a, demo_script_path())
    first = RunnerSession(a, show_id, instance="111-aaaaaa")
    second = RunnerSession(b, show_id, instance=f"{_live_pid()}-bbbbbb")
    try:
        assert first.driver is None
        assert second.driver == "controller@pc1"
        assert second.read_only
        first.act("start")
        with pytest.raises(NotDriving, match="controller@pc1"):
            second.act("next")
        second.follow()
        assert second.snapshot().status == "running"
        # Only the driver wrote: one start event.
        assert [e.action for e in read_events(a, show_id)] == ["start"]
    finally:
        second.close()
        first.close()


def _live_pid() -> int:
    import os

    return os.getpid()


def test_a_dead_process_lease_on_this_pc_is_taken_back(shared: tuple[Store, Store]) -> None:
    """A restarted control room drives again at once when the lease's process is gone."""
    a, b = shared
    show_id = create_show_from_script_file(a, demo_script_path())
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(gone.stdout)
    lease.acquire(a, show_id, lease_holder_name("controller@pc1", f"{dead_pid}-dead00"))
    import socket

    here = Store.open(str(a.engine.url), station=f"controller@{socket.gethostname()}")
    try:
        # The dead lease belongs to "controller@pc1", another PC: never taken back silently.
        other_pc = RunnerSession(b, show_id)
        assert other_pc.driver == "controller@pc1"
        other_pc.close()
        lease.release(a, show_id, lease_holder_name("controller@pc1", f"{dead_pid}-dead00"))
        station = here.station
        lease.acquire(here, show_id, lease_holder_name(station, f"{dead_pid}-dead00"))
        session = RunnerSession(here, show_id)
        try:
            assert session.driver is None
            info = lease.holder(here, show_id)
            assert info is not None and info.station == session.holder_name
        finally:
            session.close()
    finally:
        here.close()


def test_take_over_needs_a_silent_driver(shared: tuple[Store, Store]) -> None:
    """A follower takes over only once the driver's heartbeat is stale; then it drives."""
    a, b = shared
    clock = FakeClock()
    show_id = create_show_from_script_file(a, demo_script_path())
    driver = RunnerSession(a, show_id, clock=clock, instance="1-driver", heartbeat_s=3600)
    follower = RunnerSession(b, show_id, clock=clock, instance=f"{_live_pid()}-follow")
    try:
        driver.act("start")
        with pytest.raises(lease.LeaseHeld):
            follower.take_over()
        clock.advance(lease.STALE_AFTER_S + 1)
        follower.take_over()
        assert follower.driver is None
        assert follower.act("next") is not None
        assert station_of(follower.holder_name) == "controller@pc1"
    finally:
        follower.close()
        driver.close(release_lease=False)


def test_a_show_without_segments_has_no_session_and_keeps_no_lease(store: Store) -> None:
    """Opening an empty show fails cleanly and leaves the lease free."""
    from studio.store.shows import create_show

    show_id = create_show(store, "empty")
    with pytest.raises(ValueError, match="no segments"):
        RunnerSession(store, show_id)
    assert lease.holder(store, show_id) is None


def test_autopilot_turns_cues_evenly_and_moves_on_at_segment_end(store: Store) -> None:
    """The demo's autopilot: next cue on schedule, next segment at time, end after the last."""
    clock = FakeClock()
    show_id = create_show_from_script_file(store, demo_script_path())
    session = RunnerSession(store, show_id, clock=clock)
    try:
        session.act("start")
        seen: list[str] = []
        for _ in range(20_000):
            action = autopilot_action(session.plan, session.snapshot())
            if action is not None:
                seen.append(action)
                session.act(action)
            if session.snapshot().status == "ended":
                break
            clock.advance(5)
        assert session.snapshot().status == "ended"
        assert seen[-1] == "end"
        # Every segment ran to its last cue, so none was cut short.
        assert "skip" not in seen
        assert seen.count("next") == sum(s.cue_count for s in session.plan.segments) - 1
    finally:
        session.close()


def test_recording_follows_start_and_end_only() -> None:
    """OBS recording starts when the show starts and stops when it ends; nothing else moves it."""
    assert recording_step("ready", "running") == "start"
    assert recording_step("running", "ended") == "stop"
    assert recording_step("held", "ended") == "stop"
    assert recording_step("running", "held") is None
    assert recording_step("held", "running") is None
    assert recording_step("ready", "ended") is None


def test_a_read_only_database_is_followed_never_driven(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a show on a read-only database takes no lease (that writes) and refuses
    transitions with a reason instead of a traceback from the lease."""
    import os

    import studio.store.engine as engine_mod
    from studio.runner.session import READ_ONLY

    path = tmp_path / "ro.db"
    url = f"sqlite:///{path}"
    writer = Store.open(url)
    show_id = create_show_from_script_file(writer, demo_script_path())
    writer.close()
    real = os.access

    def access(p: object, mode: int, *a: object, **k: object) -> bool:
        if Path(str(p)) in (path, path.parent) and mode & os.W_OK:
            return False  # root ignores chmod: the permission check itself says no
        return real(p, mode, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_mod.os, "access", access)
    ro = Store.open(url)
    try:
        assert ro.read_only
        session = RunnerSession(ro, show_id)
        assert session.driver == READ_ONLY and session.read_only
        with pytest.raises(NotDriving):
            session.act("start")
        session.close()
        assert lease.holder(ro, show_id) is None
    finally:
        ro.close()
