"""The Planning panel offscreen: the checklist shows what blocks, a waiver with a reason
unblocks, and go_live() takes the show live with the context's clock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.devices.checks_store import save_check
from studio.devices.findings import Finding
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Show
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext
from studio.ui.planning.panel import PlanningPanel

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "show.yaml"
NOW = 1_797_000_000.0


def test_planning_panel_blocks_waives_and_goes_live(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Blocked by the light check -> Go live refused; waived with a reason -> live at ctx.clock."""
    store = app_ctx.store
    sid = create_show_from_script_file(store, DEMO)
    for kind in ("camera", "mic", "obs", "stream_test"):
        save_check(store, kind, "dev", {}, [Finding("x", "pass", "ok")], show_id=sid)
    app_ctx.show_id = sid
    app_ctx.clock = lambda: NOW
    panel = PlanningPanel(app_ctx)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel.snapshot is not None and panel.snapshot.checklist is not None)
        cl = panel.snapshot.checklist
        assert [i.key for i in cl.blocking] == ["device:light"]
        assert not panel.live_button.isEnabled() and panel.waive_button.isEnabled()
        assert panel.stock.rowCount() == 8 and panel.shows.rowCount() == 1
        with qtbot.waitSignal(panel.not_ready, timeout=5000):
            panel.go_live()
        panel.waive("device:light", "   ")  # refused: no reason
        assert "reason" in panel.message.text()
        panel.waive("device:light", "daylight set tonight")
        qtbot.waitUntil(lambda: panel.snapshot.checklist.ready, timeout=5000)
        assert panel.live_button.isEnabled()
        with qtbot.waitSignal(panel.went_live, timeout=5000) as live:
            panel.go_live()
        assert live.args == [sid]
        with store.session() as s:
            show = s.get(Show, sid)
            assert show.status == "live" and show.started_at == from_epoch(NOW)
    finally:
        panel.shutdown()


def test_planning_panel_edits_targets_crew_and_tasks(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Targets, crew and the usual warm-up tasks are saved through the panel's worker."""
    from studio.planning.crew import list_crew, list_tasks
    from studio.store.shows import create_show

    sid = create_show(app_ctx.store, "新品首发")
    app_ctx.show_id = sid
    panel = PlanningPanel(app_ctx)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel.snapshot is not None)
        panel.gmv_edit.setValue(120_000)
        panel.traffic_edit.setValue(50_000)
        panel._save_targets()
        panel.name_edit.setText("小美")
        panel._add_crew()
        panel._add_usual_tasks()
        qtbot.waitUntil(
            lambda: panel.tasks.rowCount() == 4 and panel.crew.rowCount() == 1, timeout=5000
        )
        with app_ctx.store.session() as s:
            show = s.get(Show, sid)
            assert (show.gmv_target_cents, show.traffic_target) == (12_000_000, 50_000)
        assert [c.name for c in list_crew(app_ctx.store, sid)] == ["小美"]
        assert len(list_tasks(app_ctx.store, sid)) == 4
        panel.tasks.item(0, 0).setCheckState(Qt.CheckState.Checked)
        qtbot.waitUntil(lambda: any(t.done for t in list_tasks(app_ctx.store, sid)), timeout=5000)
    finally:
        panel.shutdown()
