"""A products board tabbed behind another dock lays out no figures until it comes to the front
(show-day soak, issue 23): Qt keeps it isVisible, so it used to repaint twice a second."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from clock import FakeClock
from covered_dock import tab_behind
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.ui.common.context import AppContext
from studio.ui.common.on_screen import on_screen
from studio.ui.products.panel import ProductsPanel
from studio.ui.products.qt_live import QtLiveProducts


@pytest.fixture
def covered(app_ctx: AppContext, qtbot: QtBot) -> Iterator[tuple[ProductsPanel, QDockWidget]]:
    """The demo show's board in a dock tabbed behind another one, in a shown window."""
    clock = FakeClock()
    app_ctx.clock = clock
    show_id = app_ctx.show_id = ensure_demo_show(app_ctx.store)
    live = app_ctx.products = QtLiveProducts(app_ctx.store, show_id, clock)
    live._timer.stop()  # updates only when a test emits them
    qtbot.waitUntil(lambda: len(live.derived) == 8, timeout=5000)
    panel = ProductsPanel(app_ctx)
    _window, dock = tab_behind(qtbot, panel)
    yield panel, dock
    panel.shutdown()
    app_ctx.products.shutdown()
    app_ctx.products = None


def _count_refreshes(panel: ProductsPanel, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    refreshed: list[int] = []
    real = panel.refresh

    def counting() -> None:
        refreshed.append(1)
        real()

    monkeypatch.setattr(panel, "refresh", counting)
    return refreshed


def test_a_covered_board_skips_updates_and_catches_up_when_revealed(
    covered: tuple[ProductsPanel, QDockWidget], app_ctx: AppContext, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """While covered the live products' updates lay nothing out; revealed, the board shows
    the latest figures once."""
    panel, dock = covered
    refreshed = _count_refreshes(panel, monkeypatch)
    assert app_ctx.products is not None
    for _ in range(3):
        app_ctx.products.updated.emit()
    assert refreshed == []
    dock.raise_()
    qtbot.waitUntil(lambda: on_screen(panel), timeout=2000)
    panel.on_revealed()
    assert refreshed == [1] and panel.model.rowCount() == 8
    panel.on_revealed()  # nothing new since: no second layout
    assert refreshed == [1]


def test_a_board_on_screen_follows_every_update(
    covered: tuple[ProductsPanel, QDockWidget], app_ctx: AppContext, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """In the front tab each update is laid out at once, as before."""
    panel, dock = covered
    dock.raise_()
    qtbot.waitUntil(lambda: on_screen(panel), timeout=2000)
    refreshed = _count_refreshes(panel, monkeypatch)
    assert app_ctx.products is not None
    app_ctx.products.updated.emit()
    app_ctx.products.updated.emit()
    assert refreshed == [1, 1]
