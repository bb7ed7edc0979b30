"""The rundown restyles only the rows whose look changed (show-day soak, issue 23)."""

from __future__ import annotations

from typing import Any

import pytest
from clock import FakeClock
from covered_dock import tab_behind
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.ui.common.context import AppContext
from studio.ui.rundown.qt_runner import QtRunner


@pytest.fixture
def panel(app_ctx: AppContext, qtbot: QtBot) -> Any:
    from studio.ui.rundown.panel import RundownPanel

    clock = FakeClock()
    app_ctx.clock = clock
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app_ctx.runner = QtRunner(app_ctx.store, app_ctx.show_id, clock=clock)
    p = RundownPanel(app_ctx)
    qtbot.addWidget(p)
    p.clock = clock  # type: ignore[attr-defined]
    yield p
    p.shutdown()
    app_ctx.runner.shutdown()


def _count_restyles(panel: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    restyled: list[int] = []
    original = panel._apply_row_style

    def counting(index: int, style: Any) -> None:
        restyled.append(index)
        original(index, style)

    monkeypatch.setattr(panel, "_apply_row_style", counting)
    return restyled


def test_a_tick_without_a_state_change_restyles_no_row(
    panel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refreshing while the clock runs within a segment touches no row's font or colours."""
    panel.runner.start()
    panel.refresh()
    restyled = _count_restyles(panel, monkeypatch)
    for _ in range(5):
        panel.clock.advance(1)
        panel.refresh()
    assert restyled == []
    assert panel.table.item(0, 0).font().bold()  # the live row keeps its highlight


def test_next_restyles_only_the_rows_that_changed_and_keeps_the_look(
    panel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Next cue into the second segment restyles the segment left and the one entered; the
    look is the same as a full restyle: the live row bold on blue, the done row dimmed."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from studio.ui.rundown.panel import CURRENT_BG

    runner = panel.runner
    runner.start()
    panel.refresh()
    restyled = _count_restyles(panel, monkeypatch)
    cues = len(runner.script.segments[0].cues)
    for _ in range(cues):
        panel.clock.advance(5)
        runner.next()
    assert runner.snapshot().segment_index == 1
    assert sorted(set(restyled)) == [0, 1]
    live, done, later = (panel.table.item(r, 0) for r in (1, 0, 2))
    assert live.font().bold() and live.background().color() == QColor(CURRENT_BG)
    assert not done.font().bold() and done.foreground().color() == QColor("#8a8a8a")
    assert not later.font().bold() and later.background().style() == Qt.BrushStyle.NoBrush
    assert done.background().color() != QColor(CURRENT_BG)


def test_an_edit_refills_the_table_and_styles_every_row_again(
    panel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving a segment makes new items: every row gets its look again (none left plain)."""
    runner = panel.runner
    runner.start()
    panel.refresh()
    restyled = _count_restyles(panel, monkeypatch)
    panel.table.selectRow(2)
    panel.move_down()
    assert sorted(set(restyled)) == list(range(len(runner.script.segments)))
    assert panel.table.item(0, 0).font().bold()


def _fitted(panel: Any) -> list[tuple[int, int]]:
    """(width, width its contents need) of each column but the segment title's."""
    table, header = panel.table, panel.table.horizontalHeader()
    return [
        (
            table.columnWidth(c),
            max(table.sizeHintForColumn(c), header.sectionSizeHint(c), header.minimumSectionSize()),
        )
        for c in range(1, table.columnCount())
    ]


def test_columns_fit_their_contents_as_the_show_runs(panel: Any) -> None:
    """The columns keep fitting their contents (as ResizeToContents did) when times fill in,
    grow longer and the live row turns bold, without re-measuring on every item change."""
    panel.resize(900, 600)
    panel.show()
    runner = panel.runner
    runner.start()
    panel.refresh()
    assert all(width == needed for width, needed in _fitted(panel))
    for _ in range(len(runner.script.segments[0].cues) + 1):
        panel.clock.advance(700)  # over ten minutes: "9:59" -> "10:00"
        runner.next()
    panel.refresh()
    assert all(width == needed for width, needed in _fitted(panel))


def test_a_covered_rundown_follows_the_cues_when_revealed(panel: Any, qtbot: QtBot) -> None:
    """Tabbed behind another dock, a cue change lays nothing out; revealed, the rundown shows
    the segment the show is in."""

    from studio.ui.common.on_screen import on_screen

    panel._timer.stop()
    _window, mine = tab_behind(qtbot, panel, (1200, 700))
    runner = panel.runner
    runner.start()
    assert not panel.table.item(0, 0).font().bold()  # not laid out while covered
    mine.raise_()
    qtbot.waitUntil(lambda: on_screen(panel), timeout=2000)
    panel.on_revealed()
    assert panel.table.item(0, 0).font().bold()
    assert not panel.buttons["start"].isEnabled()
    panel.setParent(None)  # the fixture shuts it down after the window is gone
