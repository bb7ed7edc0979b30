"""Qt fixtures for the UI tests: an AppContext on the test's database, no window or timer left
open, no translator left installed."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ["STUDIO_GC_FREEZE"] = "0"  # see _nothing_frozen


@pytest.fixture
def app_ctx(store, qapp):  # type: ignore[no-untyped-def]
    """An AppContext on the test's database and settings file, as the app would build it."""
    from studio.profile import Profile
    from studio.ui.common.context import AppContext, StoreSignals
    from studio.ui.shell.settings import open_settings

    ctx = AppContext(
        store=store, profile=Profile(), settings=open_settings(), signals=StoreSignals(store)
    )
    yield ctx
    runner = ctx.runner
    if runner is not None and hasattr(runner, "shutdown"):
        runner.shutdown()
    ctx.signals.close()


@pytest.fixture
def ctx(store, tmp_path, qtbot, clock):  # type: ignore[no-untyped-def]
    """An AppContext on the test's database with the module's `clock` fixture as the show
    clock (the metrics tests move it; a module without one gets the suite's FakeClock)."""
    from PySide6.QtCore import QSettings

    from studio.profile import Profile
    from studio.ui.common.context import AppContext, StoreSignals

    signals = StoreSignals(store)
    context = AppContext(
        store=store,
        profile=Profile({}),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        signals=signals,
        clock=clock,
    )
    yield context
    signals.close()


@pytest.fixture
def clock():  # type: ignore[no-untyped-def]
    """The show clock of `ctx` (modules override it with their own start time)."""
    from clock import FakeClock

    return FakeClock()


@pytest.fixture(autouse=True)
def _no_leftover_translators(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test that switches the UI to Chinese must not leave the next test in Chinese."""
    from PySide6.QtCore import QCoreApplication

    installed: list[object] = []
    original = QCoreApplication.installTranslator

    def install(*args: object) -> bool:  # app.installTranslator(t) or the static form
        translator = args[-1]
        installed.append(translator)
        return bool(original(translator))  # type: ignore[arg-type]

    monkeypatch.setattr(QCoreApplication, "installTranslator", install)
    yield
    app = QCoreApplication.instance()
    if app is not None:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)  # type: ignore[arg-type]


@pytest.fixture
def dark_theme(qapp):  # type: ignore[no-untyped-def]
    """The app's dark theme (its style, palette, fonts and style sheet, as the app runs), put
    back as it was afterwards: a theme left applied changed later tests' layouts (the prompter's
    cue kept fewer lines in the theme's fonts than in Qt's defaults)."""
    from studio.ui.common.theme import apply_theme

    palette, font, sheet, style = (
        qapp.palette(),
        qapp.font(),
        qapp.styleSheet(),
        qapp.style().name(),
    )
    apply_theme(qapp, "dark")
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


@pytest.fixture(autouse=True)
def _nothing_frozen(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The app freezes its objects out of the garbage collector once its window is built
    (studio.ui.shell.collector); that can land late, in a later test, and keep earlier tests'
    windows alive. Off for the UI tests (STUDIO_GC_FREEZE=0, set for the whole process above)
    but in tests marked `gc_freeze`, which hand everything back."""
    import gc

    if request.node.get_closest_marker("gc_freeze") is not None:
        monkeypatch.setenv("STUDIO_GC_FREEZE", "1")
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _no_dangling_qt(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a window open or a timer ticking (a panel polling forever)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = []
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            left.append(f"window {type(widget).__name__} still open")
        elif any(t.isActive() for t in widget.findChildren(QTimer)):
            left.append(f"timer still running in closed {type(widget).__name__}")
    left += [f"app timer {t.objectName() or t}" for t in app.findChildren(QTimer) if t.isActive()]
    assert not left, "; ".join(left)
