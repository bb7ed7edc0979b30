"""The Qt face of the database link: status light words and the offline banner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from studio.store.store import Store
from studio.store.sync.link import Link
from studio.ui.shell.qt_sync import OfflineBanner, QtSync


class FakeStore:
    """Just the link part of a Store, so the banner can be driven through every state."""

    def __init__(self, backend: str) -> None:
        self.link = Link(backend)
        self.read_only = False

    @property
    def link_status(self):  # type: ignore[no-untyped-def]
        return self.link.status

    def on_link_change(self, listener):  # type: ignore[no-untyped-def]
        return self.link.subscribe(listener)


def test_sqlite_store_shows_a_local_database(store: Store, qtbot):
    """On SQLite the light is OK ("local") and the banner stays hidden."""
    sync = QtSync(store)
    banner = OfflineBanner(sync)
    qtbot.addWidget(banner)
    assert sync.health() == ("ok", "local")
    assert banner.isHidden()
    sync.close()


def test_banner_and_light_follow_the_link(qtbot, tmp_path: Path):
    """Offline with queued writes: red light and banner with the count; flushing: amber; back: hidden."""
    fake = FakeStore("postgresql")
    sync = QtSync(fake)  # type: ignore[arg-type]
    window = QWidget()  # as in the main window: a child that shows and hides itself
    qtbot.addWidget(window)
    banner = OfflineBanner(sync, window)
    window.show()
    assert sync.health() == ("ok", "shared") and banner.isHidden()
    with qtbot.waitSignal(sync.linkChanged):
        fake.link.update(online=False, queued=12, error="server closed the connection")
    assert banner.isVisible() and "12 changes queued" in banner.label.text()
    assert sync.health() == ("fail", "offline (12 queued)")
    with qtbot.waitSignal(sync.linkChanged):
        fake.link.update(online=True)
    assert sync.health() == ("warn", "syncing (12 queued)")
    assert "sending 12" in banner.label.text()
    with qtbot.waitSignal(sync.linkChanged):
        fake.link.update(queued=0)
    assert banner.isHidden() and sync.health() == ("ok", "shared")
    sync.close()


def test_a_read_only_database_says_so_on_its_light(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A database opened read-only shows a warning light "read-only: viewing only"."""
    from studio.ui.shell.qt_sync import QtSync

    store = FakeStore("sqlite")
    store.read_only = True
    sync = QtSync(store)  # type: ignore[arg-type]
    try:
        assert sync.health()[0] == "warn" and "read-only" in sync.health()[1]
    finally:
        sync.close()
