"""Cold start of the control room (issue 23): hidden docks build their panels when first shown,
device and analysis libraries load only when a check or preview starts, the prompter's
dictionary waits for the start to be over."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.ui.common.context import AppContext
from studio.ui.shell.app import StudioApp
from studio.ui.shell.i18n import Translations
from studio.ui.shell.main_window import ALWAYS_BUILT, MainWindow

# Docks that are a hidden tab in the default layout (behind the rundown and behind the metrics).
HIDDEN_AT_START = ("planning", "review", "insights")


def make_app(ctx: AppContext) -> StudioApp:
    translations = Translations()
    translations.install("en")
    app = StudioApp(ctx, translations)
    app.build()
    return app


def test_hidden_docks_build_their_panels_when_first_shown(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """After the first paint the hidden tabs have no panel; showing one builds it, once."""
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = make_app(app_ctx)
    try:
        window = app.window
        assert window is not None
        qtbot.waitUntil(lambda: window._painted, timeout=10_000)
        built = window.panels.built()
        assert set(ALWAYS_BUILT) <= set(built)
        assert not set(HIDDEN_AT_START) & set(built), sorted(built)
        window.docks["review"].show()
        window.docks["review"].raise_()
        qtbot.waitUntil(lambda: "review" in window.panels.built(), timeout=5000)
        review = window.panels.built()["review"]
        assert window.docks["review"].isAncestorOf(review)
        assert window.panels["review"] is review  # built once
    finally:
        app.shutdown()


def test_checks_panel_follows_the_first_paint(app_ctx: AppContext, qtbot: QtBot) -> None:
    """The checks panel (whose mic card feeds the live meters) is built right after the
    window's first paint even though its dock is a hidden tab."""
    app = make_app(app_ctx)
    try:
        window = app.window
        assert window is not None
        assert "checks" not in window.panels.built()
        qtbot.waitUntil(lambda: "checks" in window.panels.built(), timeout=10_000)
        assert app_ctx.mic is not None  # the live wiring hooked the mic card when it came
    finally:
        app.shutdown()


def test_planning_built_later_still_takes_the_show_live(app_ctx: AppContext, qtbot: QtBot) -> None:
    """The planning panel's 'went live' starts the rundown although the panel was built only
    when its tab was first opened (the app hooks it up then)."""
    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    app = make_app(app_ctx)
    try:
        window, runner = app.window, app_ctx.runner
        assert window is not None and runner is not None
        assert runner.snapshot().status == "ready"
        planning = window.panels["planning"]
        planning.went_live.emit(app_ctx.show_id)  # type: ignore[attr-defined]
        assert runner.snapshot().status == "running"
    finally:
        app.shutdown()


def test_on_panel_hooks_run_once_now_or_when_built(app_ctx: AppContext, qtbot: QtBot) -> None:
    """A hook for a built panel runs at once; one for an unbuilt panel runs when it is built."""
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    seen: list[tuple[str, QWidget]] = []
    window.on_panel("rundown", lambda p: seen.append(("rundown", p)))
    window.on_panel("insights", lambda p: seen.append(("insights", p)))
    assert [k for k, _ in seen] == ["rundown"]
    insights = window.panels["insights"]
    window.panels["insights"]
    assert seen[1] == ("insights", insights) and len(seen) == 2
    window.shutdown()


PROBE = textwrap.dedent(
    """
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from studio.store.store import Store
    from studio.demo import ensure_demo_show
    from studio.profile import Profile
    from studio.ui.shell.app import StudioApp, make_application
    from studio.ui.shell.i18n import Translations
    from studio.ui.shell.settings import open_settings
    from studio.ui.common.context import AppContext, StoreSignals
    app = make_application()
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
    heavy = sorted({m.split(".")[0] for m in sys.modules} & {"cv2", "scipy", "sounddevice"})
    panels = sorted(m for m in sys.modules if m in (
        "studio.ui.review.panel", "studio.ui.insights.panel", "studio.ui.planning.panel"))
    print(json.dumps({"heavy": heavy, "panels": panels}))
    studio_app.shutdown()
    store.close()
    """
)


def test_control_room_paints_without_opencv_scipy_or_portaudio(tmp_path: Path) -> None:
    """A fresh process that builds and paints the control room on the demo show has not
    imported OpenCV, scipy or sounddevice, nor the modules of the hidden docks' panels."""
    env_dirs = {k: str(tmp_path / k) for k in ("STUDIO_CONFIG_DIR", "STUDIO_DATA_DIR")}
    import os

    env = {**os.environ, **env_dirs, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, f"sqlite:///{tmp_path / 'db.sqlite'}"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found == {"heavy": [], "panels": []}, found
