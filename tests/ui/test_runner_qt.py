"""A short show driven through the rundown with keys; the prompter follows; CueEvents stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from clock import FakeClock
from PySide6.QtCore import QSettings, Qt

from studio.profile import Profile
from studio.runner.events import read_events
from studio.script.store_io import create_show_from_script_file, load_script
from studio.store.store import Store
from studio.ui.common.context import AppContext, StoreSignals

SHORT = """\
title: 短测试
products:
  - {sku: K1, name: 丝绒口红, list_price: 269, live_price: 159, stock: 1500}
segments:
  - id: open
    kind: opening
    duration: 60s
    warn: 10s
    cues: [大家好欢迎来到直播间, 先点个关注]
  - id: sale
    kind: flash_sale
    product: K1
    duration: 30s
    flash_sale: {quantity: 300, price: 99}
    cues: [秒杀开始]
  - id: bye
    kind: closing
    duration: 20s
    cues: [拜拜]
"""


@pytest.fixture
def ctx(store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    from studio.ui.rundown.qt_runner import QtRunner

    script = tmp_path / "short.yaml"
    script.write_text(SHORT, encoding="utf-8")
    show_id = create_show_from_script_file(store, script)
    clock = FakeClock()
    signals = StoreSignals(store)
    context = AppContext(
        store=store,
        profile=Profile.load(),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        signals=signals,
        clock=clock,
        show_id=show_id,
    )
    context.runner = QtRunner(store, show_id, clock=clock)
    yield context
    context.runner.shutdown()
    signals.close()


def test_full_show_by_keys(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Keys in the rundown drive the show; the anchor shows cue, colours, product; events kept."""
    from studio.ui.anchor.window import AMBER, RED, WHITE, AnchorWindow
    from studio.ui.rundown.panel import RundownPanel

    clock = ctx.clock
    assert isinstance(clock, FakeClock)
    panel = RundownPanel(ctx)
    anchor = AnchorWindow(ctx)
    qtbot.addWidget(panel)
    qtbot.addWidget(anchor)
    anchor.resize(1920, 1080)
    panel.show()
    anchor.show()

    qtbot.keyClick(panel, Qt.Key.Key_Space)  # ready: Space starts the show
    anchor.refresh()
    assert anchor.cue.text() == "大家好欢迎来到直播间"
    assert anchor.next_cue.text() == "先点个关注"
    assert anchor.countdown.text() == "1:00" and anchor.countdown_phase == "normal"
    assert WHITE in anchor.countdown.styleSheet()
    assert anchor.cue.font().pointSizeF() >= 48 and anchor.countdown.font().pointSizeF() >= 96

    qtbot.keyClick(panel.table, Qt.Key.Key_PageDown)  # keys work with the table focused too
    assert anchor.cue.text() == "先点个关注"
    clock.t += 52
    anchor.refresh()
    assert anchor.countdown.text() == "0:08" and anchor.countdown_phase == "warn"
    assert AMBER in anchor.countdown.styleSheet()
    clock.t += 13
    anchor.refresh()
    assert anchor.countdown.text() == "+0:05" and anchor.countdown_phase == "danger"
    assert RED in anchor.countdown.styleSheet()

    qtbot.keyClick(panel, Qt.Key.Key_Right)  # into the flash sale
    anchor.refresh()
    assert anchor.cue.text() == "秒杀开始"
    # No live products on this station: card and banner both show the script's flash price.
    assert anchor.product_card.isVisible() and anchor.live_price.text() == "¥99.00"
    assert anchor.list_price.font().strikeOut() and anchor.list_price.text() == "¥269.00"
    assert anchor.banner.isVisible() and "¥99.00" in anchor.banner.text()
    assert "0:30" in anchor.banner.text()
    assert panel.table.item(1, 0).font().bold()  # current row highlighted

    qtbot.keyClick(panel, Qt.Key.Key_H)
    clock.t += 10
    qtbot.keyClick(panel, Qt.Key.Key_H)
    qtbot.keyClick(panel, Qt.Key.Key_Left)  # back to the opening's last cue
    anchor.refresh()
    assert anchor.cue.text() == "先点个关注"
    qtbot.keyClick(anchor, Qt.Key.Key_PageDown)  # the prompter's pedal works as well
    qtbot.keyClick(panel, Qt.Key.Key_PageDown)
    anchor.refresh()
    assert anchor.cue.text() == "拜拜" and not anchor.banner.isVisible()
    # 75 s of wall time used 60 s of plan plus a flash sale cut to nothing: 15 s under.
    assert panel.over_under.text() == "Under 0:15"
    panel.end_show(confirm=False)
    anchor.refresh()
    assert panel.status.text() == "ENDED"

    events = read_events(ctx.store, ctx.show_id)  # type: ignore[arg-type]
    assert [(e.action, e.segment_key, e.cue_index) for e in events] == [
        ("start", "open", 0), ("next", "open", 1), ("next", "sale", 0), ("hold", "sale", 0),
        ("resume", "sale", 0), ("prev", "open", 1), ("next", "sale", 0), ("next", "bye", 0),
        ("end", "bye", 0),
    ]  # fmt: skip
    anchor.close()


def test_empty_state_and_editing_with_undo(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """No runner shows 'Load a script'; edits are stored, undone with Ctrl+Z and saved as YAML."""
    from studio.script.loader import load_script_file
    from studio.ui.rundown.panel import RundownPanel

    runner = ctx.runner
    ctx.runner = None
    empty = RundownPanel(ctx)
    qtbot.addWidget(empty)
    assert empty.stack.currentWidget() is empty.empty
    assert empty.empty.button is not None
    ctx.runner = runner

    panel = RundownPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.table.selectRow(2)
    panel.move_up()
    assert [s.id for s in load_script(ctx.store, ctx.show_id).segments] == ["open", "bye", "sale"]  # type: ignore[arg-type]
    assert panel.set_duration(0, "2m")
    panel.set_cue_text(0, 0, "新的开场白")
    assert panel.table.item(0, 3).text() == "2:00"
    qtbot.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert runner.script.segments[0].cues[0].text == "大家好欢迎来到直播间"
    qtbot.keyClick(
        panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert runner.script.segments[0].cues[0].text == "新的开场白"
    out = tmp_path / "edited.yaml"
    panel.save_yaml(str(out))
    saved = load_script_file(out)
    assert saved == runner.script and saved.segments[0].planned_seconds == 120
    assert panel.edits is not None and not panel.edits.dirty
