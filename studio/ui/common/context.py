"""What every window and panel receives: the store, profile, settings, clock and live services.

Panels never build their own store or devices; tests hand them a context built on tmp_path.
Each live service is a typed attribute, set by the feature that owns it and cleared when it
stops, so a panel that reads one sees its real interface (and a station without it sees None).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, Signal

from studio.profile import Profile
from studio.store.changes import TIME_KEYED, Change
from studio.store.store import Store
from studio.timeutil import Clock

if TYPE_CHECKING:
    from studio.incidents.auto import AutoIncidents
    from studio.ui.devices.qt_camera import QtCamera
    from studio.ui.metrics.qt_feed import MetricsFeed
    from studio.ui.obs.qt_obs import QtObsLink
    from studio.ui.products.qt_live import QtLiveProducts
    from studio.ui.rundown.qt_runner import QtRunner
    from studio.ui.shell.live_wiring import MicHealth
    from studio.ui.shell.qt_sync import QtSync


class StoreSignals(QObject):
    """The store's change bus as a Qt signal. Writers publish on any thread; the queued
    connection delivers on the GUI thread."""

    changed = Signal(str, object, object)  # table, row_id | None, show_id | None
    # Metric samples have no row id: a batch says from which second to re-read.
    samples = Signal(object, object)  # show_id | None, since (epoch second) | None

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = store.bus.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change.table, change.row_id, change.show_id)
        if change.table in TIME_KEYED:
            self.samples.emit(change.show_id, change.since)

    def close(self) -> None:
        self._unsubscribe()


class HealthSource(Protocol):
    """Anything with a status-bar light: (state ok|warn|error|off, the word shown with it)."""

    def health(self) -> tuple[str, str]: ...


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
    # Live services, each set by the feature that owns it (None: not running on this station).
    runner: QtRunner | None = None  # the show's rundown (studio.runner.session underneath)
    products: QtLiveProducts | None = None  # the show's live products, for board and prompter
    database: QtSync | None = None  # the shared-database link (sync, outbox)
    encoder: QtObsLink | None = None  # OBS, when this station is set up for it
    camera: QtCamera | None = None  # the camera card's capture, also watched during the show
    mic: MicHealth | None = None  # the mic monitor's state during the show
    metrics_feed: MetricsFeed | None = None  # a simulated or file feed started from the GUI
    auto_incidents: AutoIncidents | None = None  # incidents filed by the device/feed monitors

    def runner_position(self) -> tuple[str | None, int | None]:
        """(segment key, cue index) where the show is now; (None, None) without a running show.
        What an incident, a message or a product change is stamped with."""
        return (None, None) if self.runner is None else self.runner.session.position()

    def light_source(self, key: str) -> HealthSource | None:
        """The service behind a status-bar light (camera, mic, encoder, database)."""
        sources: dict[str, HealthSource | None] = {
            "camera": self.camera,
            "mic": self.mic,
            "encoder": self.encoder,
            "database": self.database,
        }
        return sources.get(key)
