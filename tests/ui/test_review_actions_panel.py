"""The review panel's Actions section: an action added in show A's review (through the core, on
the worker) is a warning of show B's readiness gate; ticking Done clears it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from studio.demo import demo_script_path
from studio.planning.readiness import readiness
from studio.planning.review_actions import list_actions
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Show
from studio.store.shows import create_show
from studio.ui.common.context import AppContext
from studio.ui.review.actions_section import STATUS_COLUMN
from studio.ui.review.panel import ReviewPanel

DAY1 = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)


def _item(store, show_id: int):  # type: ignore[no-untyped-def]
    checklist = readiness(store, show_id, clock=lambda: (DAY1 + timedelta(days=2)).timestamp())
    return next(i for i in checklist.items if i.key == "review_actions")


def test_action_added_in_review_panel_warns_in_next_shows_readiness(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """Add (what, owner, next show) in A's panel → a warn item in B's readiness naming it; the
    Done box marks it done and B's item passes."""
    store = app_ctx.store
    a = create_show_from_script_file(store, demo_script_path())
    with store.transaction() as s:
        s.execute(
            update(Show)
            .where(Show.id == a)
            .values(status="ended", started_at=DAY1, ended_at=DAY1 + timedelta(hours=2))
        )
    b = create_show(store, "周三专场", planned_start=DAY1 + timedelta(days=2))
    assert _item(store, b).status == "pass"
    app_ctx.show_id = a
    panel = ReviewPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.show()  # a hidden review waits to be shown
    try:
        qtbot.waitUntil(lambda: panel.review is not None, timeout=10000)
        section = panel.actions_section
        assert panel.sections["actions"][0].isVisibleTo(panel)
        assert section.empty.isVisibleTo(panel) and not section.table.isVisibleTo(panel)
        qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
        dialog = section.dialog
        assert dialog is not None
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no text yet
        qtbot.keyClicks(dialog.what, "x")  # typing enables OK (QTest types Latin-1 only)
        assert ok.isEnabled()
        dialog.what.setText("开场福袋提前到第5分钟")
        dialog.owner.setText("阿强")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=10000)
        assert section.table.item(0, 0).text() == "开场福袋提前到第5分钟"
        assert [(x.what, x.owner, x.due_at) for x in list_actions(store, a)] == [
            ("开场福袋提前到第5分钟", "阿强", None)
        ]
        item = _item(store, b)
        assert item.status == "warn"
        assert item.message[1]["first"] == "开场福袋提前到第5分钟"

        status = section.table.item(0, STATUS_COLUMN)
        assert status.checkState() == Qt.CheckState.Unchecked
        status.setCheckState(Qt.CheckState.Checked)
        qtbot.waitUntil(lambda: list_actions(store, a)[0].done, timeout=10000)
        qtbot.waitUntil(
            lambda: section.review_actions and section.review_actions[0].done, timeout=10000
        )
        assert section.table.item(0, STATUS_COLUMN).checkState() == Qt.CheckState.Checked
        assert _item(store, b).status == "pass"
    finally:
        panel.shutdown()


def test_action_due_by_date(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Choosing "By date" records the action due at the start of that local day."""
    store = app_ctx.store
    a = create_show_from_script_file(store, demo_script_path())
    app_ctx.show_id = a
    panel = ReviewPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.show()  # a hidden review waits to be shown
    try:
        qtbot.waitUntil(lambda: panel.review is not None, timeout=10000)
        section = panel.actions_section
        section.ask_add()
        dialog = section.dialog
        assert dialog is not None
        dialog.what.setText("主播补练话术")
        dialog.by_date.setChecked(True)
        assert dialog.date.isEnabled()
        d = dialog.date.date()
        dialog.accept()
        qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=10000)
        due = list_actions(store, a)[0].due_at
        assert due is not None
        local = due.astimezone()
        assert (local.year, local.month, local.day, local.hour) == (d.year(), d.month(), d.day(), 0)
    finally:
        panel.shutdown()
