"""What every window and panel receives: the store, profile, settings, clock and live services.

Panels never build their own store or devices; tests hand them a context built on tmp_path.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from studio.profile import Profile
from studio.store.changes import Change
from studio.store.store import Store
from studio.timeutil import Clock


class StoreSignals(QObject):
    """The store's change bus as a Qt signal. Writers publish on any thread; the queued
    connection delivers on the GUI thread."""

    changed = Signal(str, object, object)  # table, row_id | None, show_id | None

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = store.bus.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change.table, change.row_id, change.show_id)

    def close(self) -> None:
        self._unsubscribe()


@dataclass
class AppContext:
    store: Store
    profile: Profile
    settings: QSettings
    signals: StoreSignals
    clock: Clock = time.time
    show_id: int | None = None
    demo: bool = False
    demo_speed: float = 1.0
    # Live services the app wires up when a show is loaded (each owned by its feature):
    runner: Any = None  # studio.ui.rundown.qt_runner.QtRunner
    services: dict[str, Any] = field(default_factory=dict)
