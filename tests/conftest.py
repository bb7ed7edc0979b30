"""Shared fixtures: every test gets its own data, config and log folders, database and settings."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# A 1920x1080 offscreen screen, like the studio's monitors (the default one is 800x800, which
# clamps every window and hides layout bugs).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen.json'}"
    )


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, database and logs live in tmp_path: tests never touch the user's files."""
    for name in ("data", "config", "log"):
        (tmp_path / name).mkdir(exist_ok=True)
    monkeypatch.setenv("STUDIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("STUDIO_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.delenv("STUDIO_DB", raising=False)
    monkeypatch.setenv("STUDIO_LANG", "en")


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """Fail a test that leaves a worker thread running (capture, writer, server...)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3.0
    while True:
        left = [
            t
            for t in threading.enumerate()
            if t not in before
            and t.is_alive()
            and not t.name.startswith(("QDBus", "Dummy", "pydevd", "asyncio_"))
        ]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not left, f"test left threads running: {[t.name for t in left]}"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'studio.db'}"


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    from studio.store.store import Store

    s = Store.open(db_url)
    yield s
    s.close()


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
