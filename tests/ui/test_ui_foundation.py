"""The control-room window: panels, language, remembered layout, the PySide6 refcount bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel
from pytestqt.qtbot import QtBot

from studio.store.shows import create_show
from studio.ui.common.context import AppContext
from studio.ui.shell.app import StudioApp
from studio.ui.shell.i18n import Translations
from studio.ui.shell.main_window import MainWindow
from studio.ui.shell.settings import open_settings

PANELS = ("checks", "rundown", "metrics", "incidents", "products")


def make_app(ctx: AppContext, language: str = "en") -> StudioApp:
    translations = Translations()
    translations.install(language)
    app = StudioApp(ctx, translations)
    app.build()
    return app


def test_window_opens_with_every_panel(app_ctx: AppContext, qtbot: QtBot) -> None:
    """The control room has a dock for each panel, each with content (not blank grey)."""
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.show()
    assert set(PANELS) <= set(window.docks)
    for key in PANELS:
        dock = window.findChild(QDockWidget, f"dock_{key}")
        assert dock is not None and dock.isAncestorOf(window.panels[key])
        texts = [lbl.text() for lbl in window.panels[key].findChildren(QLabel)]
        assert any(t.strip() for t in texts), f"{key} panel shows no text at all"
    window.shutdown()


def test_language_switch_rebuilds_windows_in_chinese(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Switching to Chinese retitles the docks and remembers the choice."""
    app = make_app(app_ctx, "en")
    assert app.window is not None
    assert app.window.docks["rundown"].windowTitle() == "Rundown"
    app.switch_language("zh_CN")
    assert app.window is not None
    assert app.window.docks["rundown"].windowTitle() == "流程"
    assert app.window.docks["incidents"].windowTitle() == "事故"
    assert app_ctx.settings.value("ui/language", type=str) == "zh_CN"
    app.switch_language("en")
    assert app.window is not None and app.window.docks["incidents"].windowTitle() == "Incidents"
    app.shutdown()


def test_layout_and_language_survive_a_restart(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Dock visibility, window size and language come back after the app is closed and reopened."""
    app = make_app(app_ctx)
    assert app.window is not None
    app.window.docks["products"].hide()
    app.switch_language("zh_CN")  # rebuild also saves and restores the layout
    assert app.window is not None
    app.window.docks["products"].hide()
    app.window.show()
    qtbot.waitExposed(app.window)
    # The test screen is 1920x1080; stay above the docks' minimum, which depends on their content.
    height = min(1040, max(900, app.window.minimumSizeHint().height() + 20))
    app.window.resize(1500, height)
    size = app.window.size()
    app.shutdown()
    app_ctx.settings.sync()

    settings = open_settings()  # a fresh QSettings object reads the file again, like a restart
    assert settings.value("ui/language", type=str) == "zh_CN"
    app_ctx.settings = settings
    from studio.ui.common.context import StoreSignals

    app_ctx.signals = StoreSignals(app_ctx.store)
    again = make_app(app_ctx)
    assert again.window is not None
    again.window.show()
    qtbot.waitExposed(again.window)
    assert again.window.docks["products"].isHidden()
    assert not again.window.docks["metrics"].isHidden()
    assert again.window.size() == size == QSize(1500, height)
    again.shutdown()


def test_last_show_is_loaded_and_products_panel_fills(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Loading a show is remembered and the products panel leaves its empty state."""
    show_id = create_show(app_ctx.store, "测试场")
    app = make_app(app_ctx)
    app.load_show(show_id)
    assert app_ctx.settings.value("show/last_id", type=int) == show_id
    app.shutdown()


def test_a_loaded_show_brings_its_own_clock(app_ctx: AppContext, qtbot: QtBot) -> None:
    """A station loading a demo show that runs at 60x reads the demo's recorded clock (its
    questions wait and its messages expire on the same clock as the demo's); a plain show is
    on the wall clock."""
    import time

    from studio.demo import demo_clock

    sped = create_show(app_ctx.store, "演示场")
    plain = create_show(app_ctx.store, "测试场")
    demo_clock(app_ctx.store, sped, 60.0)
    app = make_app(app_ctx)
    app.load_show(sped)
    t0, w0 = app_ctx.clock(), time.time()
    time.sleep(0.2)
    w1 = time.time()  # read before the show clock, so the bound holds however slow the machine
    assert app_ctx.clock() - t0 >= 60 * (w1 - w0) * 0.99 and w1 - w0 > 0.1  # 60 show s per wall s
    app.load_show(plain)
    assert abs(app_ctx.clock() - time.time()) < 1.0
    app.shutdown()


def test_void_qt_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a None reference per void call and aborts the app."""
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText("x" if i % 2 else "y")
        label.resize(10 + i % 5, 10)
    after = sys.getrefcount(None)
    assert after >= before - 100  # unrelated code may release a few; the bug loses ~40,000


def test_an_ended_show_stops_the_feed_started_here(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Ending the show stops this station's metrics feed: an ended show takes no more live data
    (the GMV tile kept climbing past the review's figure)."""
    from studio.demo import ensure_demo_show
    from studio.ui.metrics.qt_feed import MetricsFeed

    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = make_app(app_ctx)
    feed = MetricsFeed(app_ctx.store, clock=app_ctx.clock)
    app_ctx.metrics_feed = feed
    runner = app_ctx.runner
    assert runner is not None
    runner.start()
    feed.start(app_ctx.show_id, speed=50.0)
    qtbot.waitUntil(
        lambda: feed.writer is not None and feed.writer.stats.inserted > 0, timeout=10_000
    )
    runner.end()
    assert not feed.running
    app_ctx.metrics_feed = None
    feed.shutdown()
    app.shutdown()
