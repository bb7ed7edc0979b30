"""Shared fixtures of every test: its own data, config and log folders and database; no thread
left running. The Qt fixtures (windows, timers, translators) are in tests/ui/conftest.py."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# `STUDIO_TESTS_WITHOUT_QT=1 pytest -p no:pytestqt --ignore=tests/ui`: the core tests, on a
# machine where Qt may as well not be installed. Any import of Qt or the UI fails at once, so a
# core test (or a core module) that reaches for Qt cannot pass by accident.
if os.environ.get("STUDIO_TESTS_WITHOUT_QT"):

    class _NoQt:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            top = name.split(".")[0]
            if top in ("PySide6", "shiboken6", "pyqtgraph", "pytestqt") or name.startswith(
                "studio.ui"
            ):
                raise ImportError(f"{name}: Qt is not available to the core tests")
            return None

    sys.meta_path.insert(0, _NoQt())


def pytest_addoption(parser: pytest.Parser) -> None:
    """Without pytest-qt its ini keys in pyproject are unknown (a config warning, an error
    here): the core run declares them, to ignore them."""
    if os.environ.get("STUDIO_TESTS_WITHOUT_QT"):
        for key in ("qt_api", "qt_log_level_fail", "qt_log_ignore"):
            parser.addini(key, "pytest-qt's (not loaded in the core run)", type="linelist")


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
def fake_clock():  # type: ignore[no-untyped-def]
    """The suite's one fake clock (tests/clock.py): show time that moves only when told."""
    from clock import FakeClock

    return FakeClock()
