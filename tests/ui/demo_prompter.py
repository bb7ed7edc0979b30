"""The anchor's prompter on the demo show, for the prompter tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clock import FakeClock
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.ui.common.context import AppContext


def open_prompter(
    app_ctx: AppContext, qtbot: QtBot, configure: Callable[[Any], None] | None = None
) -> Any:
    """The demo show running on a fake clock, the prompter shown at 1920x1080 and refreshed;
    `configure` gets the window before it is shown. The caller closes it."""
    from studio.ui.anchor.window import AnchorWindow
    from studio.ui.rundown.qt_runner import QtRunner

    clock = FakeClock()
    app_ctx.clock = clock
    show_id = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app_ctx.runner = QtRunner(app_ctx.store, show_id, clock=clock)
    anchor = AnchorWindow(app_ctx)
    if configure is not None:
        configure(anchor)
    qtbot.addWidget(anchor)
    anchor.resize(1920, 1080)
    anchor.show()
    app_ctx.runner.start()
    anchor.refresh()
    return anchor
