"""The audience views do no view work while covered (show-day soak, issue 23): Qt keeps a dock
tabbed behind another isVisible, so the panel re-read and re-listed the desk every 2 s."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from covered_dock import tab_behind
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from studio.audience.ingest import accept_lines
from studio.audience.stats import Now, desk_now
from studio.demo import demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.timeutil import from_epoch
from studio.ui.common.on_screen import on_screen


def _show(ctx: Any) -> int:
    t0 = ctx.clock()
    show = create_show_from_script_file(ctx.store, demo_script_path(), planned_start=from_epoch(t0))
    lines = [
        {"ts": t0 - 100 + i * 10, "type": "chat", "id": f"m{i}", "user": f"v{i}", "text": t}
        for i, t in enumerate(["这个多少钱", "3号链接多少钱？", "新疆包邮吗"])
    ]
    accept_lines(ctx.store, show, lines, source="test")
    ctx.show_id = show
    return show


@pytest.fixture
def tabbed(qtbot: QtBot) -> Iterator[Callable[[QWidget], QDockWidget]]:
    """Put a widget in a dock tabbed behind another one in a shown window; returns its dock."""
    windows: list[QMainWindow] = []

    def put(widget: QWidget) -> QDockWidget:
        window, dock = tab_behind(qtbot, widget, (1200, 700))
        windows.append(window)
        return dock

    yield put


def test_a_covered_audience_panel_reads_nothing_and_catches_up_when_revealed(
    ctx: Any, qtbot: QtBot, tabbed: Callable[[QWidget], QDockWidget]
) -> None:
    """Behind another tab, neither its timer nor the desk's changes read the desk; revealed,
    it reads once and shows the figures."""
    from studio.ui.audience.panel import AudiencePanel

    _show(ctx)
    panel = AudiencePanel(ctx)
    dock = tabbed(panel)
    qtbot.waitUntil(lambda: not panel._busy, timeout=5000)  # the first read, at building
    reads: list[int] = []
    real = panel._worker.submit

    def counting(*args: Any, **kwargs: Any) -> None:
        reads.append(1)
        real(*args, **kwargs)

    panel._worker.submit = counting  # type: ignore[method-assign]
    panel._tick()
    panel._on_changed("audience_event", 1, ctx.show_id)
    assert reads == [] and panel._behind
    dock.raise_()
    qtbot.waitUntil(lambda: on_screen(panel), timeout=2000)
    panel.on_revealed()
    assert reads == [1]
    expected = str(desk_now(ctx.store, ctx.show_id, ctx.clock()).open)
    assert expected != "0"
    qtbot.waitUntil(lambda: panel.figures["open"].text() == expected, timeout=5000)
    qtbot.waitUntil(lambda: not panel._busy, timeout=5000)
    panel._tick()  # on screen: the timer reads as before
    assert reads == [1, 1]
    panel.shutdown()


def test_the_top_questions_are_relisted_only_when_they_change(ctx: Any, qtbot: QtBot) -> None:
    """Figures refreshed with the same top questions keep the list (and its selection)."""
    from studio.ui.audience.panel import AudiencePanel

    panel = AudiencePanel(ctx)
    qtbot.addWidget(panel)
    now = Now(questions_per_min=1.0, open=2, answered=0, oldest_wait_s=90.0,
              top=[(7, "这个多少钱", 2, None), (8, "新疆包邮吗", 1, None)])  # fmt: skip
    panel._show(now)
    panel.top.setCurrentRow(1)
    first = panel.top.item(1)
    panel._show(now)
    assert panel.top.item(1) is first and panel.top.currentRow() == 1
    panel._show(Now(questions_per_min=1.0, open=1, answered=1, oldest_wait_s=90.0,
                    top=[(8, "新疆包邮吗", 1, None)]))  # fmt: skip
    assert panel.top.count() == 1 and panel.top.currentItem().text().endswith("新疆包邮吗")
    panel.shutdown()


def test_a_covered_queue_does_not_repaint_its_waits(
    ctx: Any, qtbot: QtBot, tabbed: Callable[[QWidget], QDockWidget]
) -> None:
    """The 客服 queue's second tick repaints the waits only while the queue can be seen."""
    from studio.ui.audience.station import QueueView

    _show(ctx)
    view = QueueView(ctx)
    dock = tabbed(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    ticks: list[int] = []
    view.model.dataChanged.connect(lambda *_a: ticks.append(1))
    view._on_tick()
    assert ticks == []
    dock.raise_()
    qtbot.waitUntil(lambda: on_screen(view), timeout=2000)
    view._on_tick()
    assert ticks == [1]
    view.shutdown()
