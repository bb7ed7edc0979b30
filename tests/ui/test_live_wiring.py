"""Monitor conditions become auto-incidents through the app's wiring, off the GUI thread."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from studio.store.models import Incident
from studio.store.shows import create_show
from studio.ui.common.context import AppContext
from studio.ui.shell.live_wiring import LiveWiring


class FakeRunner:
    def __init__(self, status: str) -> None:
        self.status = status

    def snapshot(self) -> Any:
        return type("Snap", (), {"status": self.status, "segment": None, "cue_index": 0})()

    @property
    def state(self) -> Any:
        return self.snapshot()


def incidents(ctx: AppContext) -> list[Incident]:
    with ctx.store.session() as s:
        return list(s.scalars(select(Incident).order_by(Incident.id)))


def test_conditions_open_and_mitigate_one_incident(app_ctx: AppContext, qtbot: QtBot) -> None:
    """A frozen camera reported many times is one incident, mitigated when it clears."""
    app_ctx.show_id = create_show(app_ctx.store, "测试场")
    wiring = LiveWiring(app_ctx)
    for _ in range(5):
        wiring.report("camera.frozen", True, "Camera picture frozen")
    wiring.report("camera.frozen", False, "Camera picture moving again")
    wiring.shutdown()
    rows = incidents(app_ctx)
    assert len(rows) == 1
    assert rows[0].source == "auto" and rows[0].status == "mitigated"


def test_silent_mic_only_counts_on_air(app_ctx: AppContext, qtbot: QtBot) -> None:
    """A quiet mic before the show is normal; during a running segment it is an incident."""
    app_ctx.show_id = create_show(app_ctx.store, "测试场")
    app_ctx.runner = FakeRunner("ready")
    wiring = LiveWiring(app_ctx)
    wiring.report("mic_silent", True, "No sound for 5 s")
    wiring.shutdown()
    assert incidents(app_ctx) == []
    app_ctx.runner = FakeRunner("running")
    wiring = LiveWiring(app_ctx)
    wiring.report("mic_silent", True, "No sound for 5 s")
    wiring.shutdown()
    app_ctx.runner = None
    assert [i.condition_key for i in incidents(app_ctx)] == ["mic_silent"]


def test_auto_incidents_are_stamped_with_the_show_clock(app_ctx: AppContext, qtbot: QtBot) -> None:
    """At demo speed the show clock runs ahead of the wall clock: an automatic incident and its
    mitigation carry show time, so markers and durations sit where the show is."""
    from clock import FakeClock

    from studio.timeutil import from_epoch

    clock = FakeClock()
    app_ctx.clock = clock
    app_ctx.show_id = create_show(app_ctx.store, "测试场")
    wiring = LiveWiring(app_ctx)
    wiring.report("camera.frozen", True, "Camera picture frozen")
    wiring.shutdown()
    clock.advance(125)
    wiring = LiveWiring(app_ctx)
    wiring.report("camera.frozen", True, "Camera picture frozen")
    wiring.report("camera.frozen", False, "Camera picture moving again")
    wiring.shutdown()
    rows = incidents(app_ctx)
    assert rows[0].at == from_epoch(clock.t - 125)
    assert rows[-1].mitigated_at is not None
    assert rows[-1].mitigated_at == from_epoch(clock.t)
