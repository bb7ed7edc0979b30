"""The control room shows the lucky-bag and flash-sale countdown the anchor sees."""

from __future__ import annotations

import re

from clock import FakeClock
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.ui.common.context import AppContext
from studio.ui.rundown.qt_runner import QtRunner


def test_lucky_bag_and_flash_sale_countdowns_match_the_prompter(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """In a lucky-bag segment the rundown shows the draw countdown, in a flash sale the time
    left; both read the same minutes and seconds as the prompter's banner."""
    from studio.ui.anchor.window import AnchorWindow
    from studio.ui.rundown.panel import RundownPanel

    clock = FakeClock()
    app_ctx.clock = clock
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app_ctx.runner = QtRunner(app_ctx.store, app_ctx.show_id, clock=clock)
    panel = RundownPanel(app_ctx)
    anchor = AnchorWindow(app_ctx)
    qtbot.addWidget(panel)
    qtbot.addWidget(anchor)
    runner = app_ctx.runner
    keys = [s.id for s in runner.script.segments]
    runner.start()
    assert panel.banner.isHidden()
    for segment in ("lucky-bag-1", "flash-lipstick"):
        runner.jump(keys.index(segment))
        clock.advance(17)
        panel.refresh()
        anchor.refresh()
        assert not panel.banner.isHidden()
        ours = re.findall(r"\d+:\d\d", panel.banner.text())
        theirs = re.findall(r"\d+:\d\d", anchor.banner.text())
        assert ours and ours == theirs
    anchor.close()
    panel.shutdown()
