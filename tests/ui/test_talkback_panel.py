"""The controller's talkback panel: a preset or typed message reaches the store, the sent list
says seen once the anchor acknowledges and expired after 30 s, the presets are editable and
remembered, a rule's banner shows and can be dismissed; the rules worker fires on the driving
station only and runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clock import T0, FakeClock
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.talkback import messages as talkback
from studio.talkback.firings import log_firing
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext


@pytest.fixture
def panel(app_ctx: AppContext, qtbot: QtBot) -> Iterator[Any]:
    from studio.ui.talkback.panel import TalkbackPanel

    app_ctx.clock = FakeClock()
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    p = TalkbackPanel(app_ctx)
    qtbot.addWidget(p)
    p.show()
    yield p
    p.shutdown()


def stored(ctx: AppContext) -> list[talkback.Message]:
    assert ctx.show_id is not None
    return talkback.list_messages(ctx.store, ctx.show_id)


def test_preset_sends_and_the_list_shows_seen(panel: Any, qtbot: QtBot) -> None:
    """A preset button sends its text; after the anchor's acknowledgement the row says Seen."""
    ctx: AppContext = panel.ctx
    button = next(b for b in panel.preset_buttons if b.text() == "Look at the camera")
    button.click()
    qtbot.waitUntil(lambda: [m.text for m in stored(ctx)] == ["Look at the camera"], timeout=5000)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
    assert panel.table.item(0, 3).text() == "Waiting"
    talkback.acknowledge(ctx.store, stored(ctx)[0].uid, at=from_epoch(ctx.clock()))
    qtbot.waitUntil(lambda: panel.table.item(0, 3).text().startswith("Seen "), timeout=5000)


def test_typed_urgent_message_and_expiry(panel: Any, qtbot: QtBot) -> None:
    """Typed text with Urgent ticked is sent urgent (the box unticks); unseen after 30 s of
    the show's clock the list says Expired."""
    ctx: AppContext = panel.ctx
    panel.text.setText("  还有三分钟  ")
    panel.urgent.setChecked(True)
    panel.send_button.click()
    qtbot.waitUntil(lambda: len(stored(ctx)) == 1, timeout=5000)
    m = stored(ctx)[0]
    assert (m.text, m.urgent, m.from_role) == ("还有三分钟", True, "controller")
    assert not panel.urgent.isChecked() and panel.text.text() == ""
    assert isinstance(ctx.clock, FakeClock)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
    ctx.clock.advance(31)

    def expired() -> bool:
        panel.refresh(force=True)
        item = panel.table.item(0, 3)
        return item is not None and item.text() == "Expired"

    qtbot.waitUntil(expired, timeout=5000)


def test_presets_are_editable_and_remembered(panel: Any, app_ctx: AppContext) -> None:
    """A new preset list replaces the buttons and is read back by the next panel."""
    from studio.ui.talkback.panel import TalkbackPanel

    panel.set_presets(["逼单", "", "  讲 福利 "])
    assert [b.text() for b in panel.preset_buttons] == ["逼单", "讲 福利"]
    again = TalkbackPanel(app_ctx)
    try:
        assert again.presets == ["逼单", "讲 福利"]
    finally:
        again.shutdown()
        again.deleteLater()


def test_rule_banner_shows_and_dismisses(panel: Any, qtbot: QtBot) -> None:
    """A firing with a banner action shows its rule and text; Dismiss hides it."""
    ctx: AppContext = panel.ctx
    assert ctx.show_id is not None
    log_firing(ctx.store, ctx.show_id, "口红秒杀抢光", from_epoch(ctx.clock()),
               text="口红秒杀已抢光！", actions=["prompt", "banner"])  # fmt: skip
    qtbot.waitUntil(lambda: panel.banner_box.isVisible(), timeout=5000)
    assert "口红秒杀抢光" in panel.banner.text() and "已抢光" in panel.banner.text()
    panel.dismiss.click()
    assert panel.banner_box.isHidden()
    panel.refresh(force=True)
    qtbot.wait(200)
    assert panel.banner_box.isHidden()


def test_rules_worker_fires_on_the_driving_station_only(app_ctx: AppContext) -> None:
    """The running demo show with the essence at 95 left: the driver's tick sends the demo
    rule's prompt once; a follower station's tick judges nothing; the thread stops."""
    from studio.ui.rundown.qt_runner import QtRunner
    from studio.ui.talkback.qt_rules import QtRules

    clock = FakeClock()
    app_ctx.clock = clock
    show = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    write_samples(app_ctx.store, [make_row(show, "sim", "units", T0 - 5, 705, "MZ-JH01")])
    follower = QtRunner(app_ctx.store, show, clock=clock, follower=True)
    app_ctx.runner = follower
    rules = QtRules(app_ctx)
    try:
        assert rules.tick_once() == []
        follower.shutdown()
        app_ctx.runner = QtRunner(app_ctx.store, show, clock=clock)
        app_ctx.runner.start()
        done = rules.tick_once()
        assert "精华剩 100 单" in [d.rule for d in done]
        assert rules.tick_once() == []
        texts = [m.text for m in talkback.list_messages(app_ctx.store, show)]
        assert "精华仅剩 95 单，逼单！" in texts
        rules.start()
        assert rules.running
    finally:
        rules.stop()
    assert not rules.running


def test_clear_selected_takes_a_message_off(panel: Any, qtbot: QtBot) -> None:
    """Selecting a waiting message and Clear selected: the store has it cleared and the list
    says Cleared."""
    ctx: AppContext = panel.ctx
    panel.send("上链接")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
    panel.table.selectRow(0)
    panel.clear_button.click()
    qtbot.waitUntil(lambda: stored(ctx)[0].cleared_at is not None, timeout=5000)
    qtbot.waitUntil(lambda: panel.table.item(0, 3).text() == "Cleared", timeout=5000)


def test_new_rule_banner_brings_its_dock_forward(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Tabbed behind another dock, the talkback dock comes to the front when a rule's banner
    fires (once per firing: after that the controller may switch away)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

    from studio.ui.talkback.panel import TalkbackPanel

    app_ctx.clock = FakeClock()
    show = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    win = QMainWindow()
    qtbot.addWidget(win)
    other, mine = QDockWidget("incidents", win), QDockWidget("talkback", win)
    other.setWidget(QLabel("incidents"))
    panel = TalkbackPanel(app_ctx)
    mine.setWidget(panel)
    for d in (other, mine):
        win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, d)
    win.tabifyDockWidget(other, mine)
    win.resize(900, 600)
    win.show()
    other.raise_()
    qtbot.waitUntil(lambda: mine.visibleRegion().isEmpty(), timeout=3000)
    log_firing(app_ctx.store, show, "口红秒杀抢光", from_epoch(app_ctx.clock()),
               text="已抢光", actions=["banner"])  # fmt: skip
    qtbot.waitUntil(lambda: not mine.visibleRegion().isEmpty(), timeout=5000)
    assert panel.banner_box.isVisible()
    other.raise_()
    panel.refresh(force=True)
    qtbot.wait(300)
    assert mine.visibleRegion().isEmpty()  # the same banner does not pull it forward again
    panel.shutdown()
