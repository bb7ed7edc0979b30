"""Auto-incidents from monitors: one incident per ongoing condition, mitigated when it clears."""

from __future__ import annotations

import threading

import pytest
from clock import FakeClock

from studio.incidents.auto import AutoIncidents
from studio.incidents.log import get_incident, history, list_incidents, update
from studio.store.shows import create_show


class FakeCameraMonitor:
    """Stands in for the camera monitor: reports through `on_condition` like the real one."""

    def __init__(self, on_condition) -> None:  # type: ignore[no-untyped-def]
        self.on_condition = on_condition

    def frame(self, frozen: bool) -> None:
        if frozen:
            self.on_condition("camera.frozen", True, "Camera picture frozen")
        else:
            self.on_condition("camera.frozen", False, "picture moving again")


@pytest.fixture
def show(store):  # type: ignore[no-untyped-def]
    return create_show(store, "Auto")


def test_frozen_repeat_clear_frozen_gives_two_incidents(store, show) -> None:
    """frozen, frozen x N, clear, frozen -> exactly 2 incidents, the first auto-mitigated."""
    clock = FakeClock()
    auto = AutoIncidents(store, show, clock=clock, where=lambda: ("intro", 1), update_every=10)
    cam = FakeCameraMonitor(auto.on_condition)
    for _ in range(30):  # a monitor reporting every analysis tick
        cam.frame(frozen=True)
        clock.t += 1
    cam.frame(frozen=False)
    cam.frame(frozen=False)  # a repeated clear changes nothing
    clock.t += 60
    cam.frame(frozen=True)

    incidents = list_incidents(store, show)
    assert len(incidents) == 2
    first, second = incidents
    assert (first.source, first.status, first.category) == ("auto", "mitigated", "technical")
    assert first.condition_key == "camera.frozen"
    assert first.text == "Camera picture frozen (×30)"
    assert first.time_to_mitigate == 30
    assert (first.segment_key, first.cue_index) == ("intro", 1)
    assert "cleared" in first.action_taken
    assert (second.status, second.text) == ("open", "Camera picture frozen")
    # Throttled: 30 reports over 30 s wrote the count a handful of times, not 30.
    text_rows = [h for h in history(store, first.id) if h.field == "text"]
    assert 1 <= len(text_rows) <= 4


def test_escalation_and_new_message_update_the_same_incident(store, show) -> None:
    """A worse severity or a changed message is written at once onto the open incident."""
    auto = AutoIncidents(store, show, clock=FakeClock())
    iid = auto.condition("camera.fps", True, "fps 22 < 24", severity=2)
    assert auto.condition("camera.fps", True, "fps 9 < 24", severity=1) == iid
    inc = get_incident(store, iid)
    assert inc.severity == 1 and inc.text == "fps 9 < 24 (×2)"
    assert len(list_incidents(store, show)) == 1


def test_separate_conditions_get_separate_incidents(store, show) -> None:
    """Camera frozen and metrics feed stalled at once are two incidents, each with its category."""
    auto = AutoIncidents(store, show, clock=FakeClock())
    auto.condition("camera.frozen", True, "frozen")
    auto.callback("other", 3)("metrics.feed.stalled", True, "no metrics for 60 s")
    cats = sorted((i.category, i.severity) for i in list_incidents(store, show))
    assert cats == [("other", 3), ("technical", 2)]


def test_a_restarted_app_adopts_the_open_incident(store, show) -> None:
    """After a restart, a condition still active continues its open incident (no duplicate)."""
    AutoIncidents(store, show, clock=FakeClock()).condition("mic.silent", True, "mic silent 6 s")
    again = AutoIncidents(store, show, clock=FakeClock())
    again.condition("mic.silent", True, "mic silent 6 s")
    again.condition("mic.silent", False, "")
    (only,) = list_incidents(store, show)
    assert only.status == "mitigated"


def test_a_person_handling_it_first_is_respected(store, show) -> None:
    """If the controller resolves an auto incident, repeats do not reopen or rewrite it."""
    clock = FakeClock()
    auto = AutoIncidents(store, show, clock=clock, update_every=0)
    iid = auto.condition("obs.dropped", True, "dropped frames 4 %")
    update(store, iid, status="resolved", who="tech")
    clock.t += 5
    auto.condition("obs.dropped", True, "dropped frames 4 %")
    auto.condition("obs.dropped", False, "")
    (only,) = list_incidents(store, show)
    assert only.status == "resolved" and only.text == "dropped frames 4 %"


def test_concurrent_monitor_threads_open_one_incident(store, show) -> None:
    """Eight worker threads reporting the same condition at once still make one incident."""
    auto = AutoIncidents(store, show, clock=FakeClock())
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        for _ in range(5):
            auto.on_condition("audio.clipping", True, "clipping burst")

    threads = [threading.Thread(target=worker, name=f"mon-{n}") for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    auto.flush()
    (only,) = list_incidents(store, show)
    assert only.text == "clipping burst (×40)"


def test_database_failure_does_not_raise_into_the_monitor(store, show, caplog) -> None:
    """A monitor thread survives a database error; the report is logged and retried later."""
    auto = AutoIncidents(store, show + 50, clock=FakeClock())  # no such show
    assert auto.condition("camera.black", True, "black picture") is None
    assert "camera.black" in caplog.text
    auto.show_id = show
    assert auto.condition("camera.black", True, "black picture") is not None


def test_known_monitor_keys_are_filed_by_kind(store, show) -> None:
    """A lost camera is S1 technical, a viewer drop is filed under 'other'."""
    auto = AutoIncidents(store, show, clock=FakeClock())
    auto.on_condition("camera.lost", True, "Camera lost — reconnecting…")
    auto.on_condition("metrics.viewers_drop", True, "Online viewers dropped 35%")
    got = sorted((i.condition_key, i.category, i.severity) for i in list_incidents(store, show))
    assert got == [("camera.lost", "technical", 1), ("metrics.viewers_drop", "other", 2)]
