"""Cold start (issue 23): the control room paints its docks first, each saying "Loading…", and
builds the visible panels right after; pyqtgraph, numpy and the audience dashboard, the live
products and the rules worker come after the first paint; `studio` imports the core before Qt."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.ui.common.context import AppContext
from studio.ui.shell.app import StudioApp
from studio.ui.shell.i18n import Translations
from studio.ui.shell.main_window import ALWAYS_BUILT, MainWindow


def make_app(ctx: AppContext, language: str = "en") -> StudioApp:
    translations = Translations()
    translations.install(language)
    app = StudioApp(ctx, translations)
    app.build()
    return app


def dock_content(window: MainWindow, key: str) -> object:
    scroller = window.docks[key].widget()
    assert isinstance(scroller, QScrollArea)
    return scroller.widget()


def test_docks_say_loading_until_their_panels_are_built_after_the_first_paint(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """Before the first paint the visible docks hold a 'Loading…' label (in Chinese in the
    Chinese UI), no panel, no live products and no rules worker; once painted, each visible
    dock holds its panel and the products and rules run."""
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = make_app(app_ctx, "zh_CN")
    try:
        window = app.window
        assert window is not None
        assert not window.panels.built()
        assert app_ctx.products is None and app.rules is None and app._anchor is None
        for key in ALWAYS_BUILT:
            label = dock_content(window, key)
            assert isinstance(label, QLabel) and label.text() == "加载中…", key
        qtbot.waitUntil(lambda: window._painted, timeout=10_000)
        built = window.panels.built()
        for key in ALWAYS_BUILT:
            assert dock_content(window, key) is built[key], key
        assert app_ctx.products is not None and app.rules is not None
        assert app._anchor is not None and app._anchor.isVisible()  # the controller's prompter
    finally:
        app.shutdown()


def test_a_panel_asked_for_before_the_paint_has_the_live_products(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """Asking for a panel before the first paint builds it at once, with the station's live
    products started first (the products board follows them from the start)."""
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = make_app(app_ctx)
    try:
        window = app.window
        assert window is not None and app_ctx.products is None
        products = window.panels["products"]
        assert app_ctx.products is not None
        assert dock_content(window, "products") is products
        qtbot.waitUntil(lambda: window._painted, timeout=10_000)
        assert window.panels.built()["products"] is products  # not built twice
    finally:
        app.shutdown()


def test_incident_keys_come_with_the_deferred_incident_panel(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """F1 logs an incident from anywhere once the incidents panel is built after the paint."""
    app = make_app(app_ctx)
    try:
        window = app.window
        assert window is not None
        qtbot.waitUntil(lambda: window._painted, timeout=10_000)
        keys = {sc.key().toString() for sc in window.findChildren(QShortcut)}
        assert QKeySequence(Qt.Key.Key_F1).toString() in keys
    finally:
        app.shutdown()


PROBE = textwrap.dedent(
    """
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QLabel
    from studio.store.store import Store
    from studio.demo import ensure_demo_show
    from studio.profile import Profile
    from studio.ui.shell.app import StudioApp, make_application
    from studio.ui.shell.i18n import Translations
    from studio.ui.shell.main_window import MainWindow
    from studio.ui.shell.settings import open_settings
    from studio.ui.common.context import AppContext, StoreSignals
    WATCH = ("pyqtgraph", "numpy", "studio.ui.audience.dashboard", "studio.ui.metrics.graphs",
             "studio.ui.metrics.panel", "studio.ui.talkback.qt_rules",
             "studio.ui.products.qt_live", "studio.ui.anchor.window")
    seen = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if not seen and event.type() == QEvent.Type.Paint:
                w = obj.window() if hasattr(obj, "window") else None
                if isinstance(w, MainWindow):
                    seen["modules"] = sorted(m for m in WATCH if m in sys.modules)
                    seen["loading"] = len(w.findChildren(QLabel, "panel_loading"))
                    seen["built"] = sorted(w.panels.built())
            return False

    app = make_application()
    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    store = Store.open(sys.argv[1])
    ctx = AppContext(store=store, profile=Profile(), settings=open_settings(),
                     signals=StoreSignals(store))
    ctx.show_id = ensure_demo_show(store)
    t = Translations(); t.install("zh_CN")
    studio_app = StudioApp(ctx, t)
    studio_app.build()
    window = studio_app.window
    while not window._painted:
        app.processEvents()
    seen["after"] = sorted(m for m in WATCH if m in sys.modules)
    print(json.dumps(seen))
    studio_app.shutdown()
    store.close()
    """
)


def test_first_paint_comes_before_pyqtgraph_numpy_and_the_panels(tmp_path: Path) -> None:
    """In a fresh process the control room's first paint happens with none of pyqtgraph,
    numpy, the metrics graphs, the audience dashboard, the rules worker, the live products or
    the prompter imported, and no panel built (the docks say "Loading…"); they all follow."""
    env = {
        **os.environ,
        "STUDIO_CONFIG_DIR": str(tmp_path / "config"),
        "STUDIO_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE, f"sqlite:///{tmp_path / 'db.sqlite'}"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    ).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["modules"] == [], seen
    assert seen["built"] == [] and seen["loading"] >= len(ALWAYS_BUILT), seen
    assert {"pyqtgraph", "numpy", "studio.ui.metrics.panel", "studio.ui.anchor.window"} <= set(
        seen["after"]
    ), seen


def cold_start_module() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "cold_start.py"
    spec = importlib.util.spec_from_file_location("cold_start_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("command", [[], ["demo", "--manual"]], ids=["studio", "demo"])
def test_studio_paints_before_numpy_pyqtgraph_and_jieba(command: list[str], tmp_path: Path) -> None:
    """`studio` on a stored show and `studio demo` (its simulated feed and viewer comments
    start after the paint), run as the cold-start benchmark runs them: of the heavy packages
    only SQLAlchemy is loaded when the control room first paints."""
    bench = cold_start_module()
    env = bench.child_env(tmp_path, {"QT_QPA_PLATFORM": "offscreen", "COLD_START_MODULES": "1"})
    if not command:
        bench.stored_show(env, tmp_path)
    _paint, _python, _cpu, _stderr, modules = bench.one_run(command, env)
    assert modules.split() == ["sqlalchemy"], modules


def test_the_prompter_asked_for_before_the_paint_is_made_at_once(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """`anchor` before the first paint makes the prompter then (F10 and callers never see
    None while a control room is up), once."""
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = make_app(app_ctx)
    try:
        window = app.window
        assert window is not None and app._anchor is None
        anchor = app.anchor
        assert anchor is not None and anchor.isVisible()
        qtbot.waitUntil(lambda: window._painted, timeout=10_000)
        assert app.anchor is anchor
        app.toggle_anchor()
        assert not anchor.isVisible()
    finally:
        app.shutdown()


def test_when_started_runs_once_the_visible_panels_are_built(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """A call waiting for the start (the demo's feed) runs after the visible docks hold their
    panels, once; one registered later runs at once."""
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = make_app(app_ctx)
    try:
        window = app.window
        assert window is not None
        seen: list[list[str]] = []
        window.when_started(lambda: seen.append(sorted(window.panels.built())))
        assert seen == []
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        assert set(ALWAYS_BUILT) <= set(seen[0]) and len(seen) == 1
        window.when_started(lambda: seen.append([]))
        assert len(seen) == 2
    finally:
        app.shutdown()
