"""The talkback panel tabbed behind another dock reads only the rule banners (show-day soak,
issue 23): its list waits for on_revealed, a new banner still brings the dock forward."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clock import FakeClock
from covered_dock import tab_behind
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.talkback import messages as talkback
from studio.talkback.firings import log_firing
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext
from studio.ui.common.on_screen import on_screen


@pytest.fixture
def covered(app_ctx: AppContext, qtbot: QtBot) -> Iterator[tuple[Any, QDockWidget]]:
    from studio.ui.talkback.panel import TalkbackPanel

    app_ctx.clock = FakeClock()
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    panel = TalkbackPanel(app_ctx)
    panel._timer.stop()  # reads only when a test asks
    _win, mine = tab_behind(qtbot, panel, (900, 600))
    qtbot.waitUntil(lambda: not panel._busy, timeout=5000)
    yield panel, mine
    panel.shutdown()


def test_a_covered_list_waits_for_the_reveal(
    covered: tuple[Any, QDockWidget], app_ctx: AppContext, qtbot: QtBot
) -> None:
    """A message sent from another station is not listed while covered; revealed, it is."""
    panel, dock = covered
    assert app_ctx.show_id is not None
    talkback.send(app_ctx.store, app_ctx.show_id, "上链接", at=from_epoch(app_ctx.clock()))
    panel.refresh(force=True)
    qtbot.waitUntil(lambda: not panel._busy, timeout=5000)
    assert panel.table.rowCount() == 0 and panel._behind
    dock.raise_()
    qtbot.waitUntil(lambda: on_screen(panel), timeout=2000)
    panel.on_revealed()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
    assert panel.table.item(0, 2).text() == "上链接" and not panel._behind


def test_a_banner_still_brings_the_covered_dock_forward_with_its_list(
    covered: tuple[Any, QDockWidget], app_ctx: AppContext, qtbot: QtBot
) -> None:
    """A rule banner firing while covered raises the dock, shows the banner, and the list
    catches up right after."""
    panel, _dock = covered
    assert app_ctx.show_id is not None
    talkback.send(app_ctx.store, app_ctx.show_id, "逼单", at=from_epoch(app_ctx.clock()))
    log_firing(app_ctx.store, app_ctx.show_id, "口红秒杀抢光", from_epoch(app_ctx.clock()),
               text="已抢光", actions=["banner"])  # fmt: skip
    panel.refresh(force=True)
    qtbot.waitUntil(lambda: on_screen(panel), timeout=5000)
    assert panel.banner_box.isVisible()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
