"""Ctrl+J: a searchable list with the current segment selected; a jump back or over a sale is
confirmed (a bare spin box defaulting to 1 used to send a live show back to the opening)."""

from __future__ import annotations

from clock import FakeClock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studio.demo import demo_script_path
from studio.runner.jump import SELLING_KINDS, jump_check
from studio.runner.session import RunnerSession
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store
from studio.ui.rundown.jump_dialog import JumpDialog


def _session(store: Store, clock: FakeClock) -> RunnerSession:
    return RunnerSession(
        store, create_show_from_script_file(store, demo_script_path()), clock=clock
    )


def test_jump_check_knows_back_and_skipped_sales(store: Store) -> None:
    """Back is only during the show; the segments passed over that sell are named."""
    clock = FakeClock()
    session = _session(store, clock)
    try:
        plan = session.plan
        assert not jump_check(session.snapshot(), 0).back  # not started: nothing is back
        session.act("start")
        session.act("jump", 3)
        snap = session.snapshot()
        assert jump_check(snap, 0).back
        assert jump_check(snap, 0).skipped == ()
        far = len(plan.segments) - 1
        ahead = jump_check(snap, far)
        expected = [s for s in plan.segments[4:far] if s.kind in SELLING_KINDS]
        assert ahead.skipped_sales == tuple(s.title for s in expected)
        assert ahead.needs_confirmation == bool(expected)
        assert not jump_check(snap, 4).needs_confirmation  # the next one: no question
    finally:
        session.close()


def test_dialog_selects_the_current_segment_filters_and_asks(
    store: Store, qtbot: QtBot, monkeypatch: object
) -> None:
    """Enter on the opened dialog keeps the current segment; typing filters; a jump back asks
    and a No keeps the show where it is."""
    import pytest

    clock = FakeClock()
    session = _session(store, clock)
    try:
        session.act("start")
        session.act("jump", 3)
        asked: list[str] = []

        def answer(*args: object, **kw: object) -> QMessageBox.StandardButton:
            asked.append(str(args[2]))
            return QMessageBox.StandardButton.No

        mp = pytest.MonkeyPatch()
        mp.setattr(QMessageBox, "question", answer)
        dialog = JumpDialog(session.snapshot(), {})
        qtbot.addWidget(dialog)
        assert dialog.selected() == 3
        qtbot.keyClicks(dialog.filter, "5")  # a number is a segment number, whatever else matches
        assert dialog.selected() == 4
        dialog.filter.clear()
        dialog.filter.setText(session.plan.segments[0].title)  # QTest types ASCII only
        assert dialog.selected() == 0
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
        assert asked and dialog.target is None  # asked, and No keeps it open
        dialog.filter.clear()
        dialog.filter.setText(session.plan.segments[4].title)
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
        assert dialog.target == 4 and len(asked) == 1
        mp.undo()
    finally:
        session.close()
