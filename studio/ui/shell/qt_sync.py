"""The station's database link for the UI: a signal, the status bar's "Database" light and the
offline banner ("Offline — 12 changes queued") placed at the top of the main window.

`QtSync` is the service the lead registers as `ctx.database`. The store reports
link changes on its sync thread; the signal (queued connection) brings them to the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.store.store import Store
from studio.store.sync.link import LinkStatus
from studio.ui.common.theme import FAIL, WARN


class QtSync(QObject):
    """Sync state as Qt: `linkChanged(online, queued)` and `health()` for the status bar."""

    linkChanged = Signal(bool, int)  # online, writes queued in the outbox

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._status = store.link_status
        self._unsubscribe = store.on_link_change(self._on_link)
        self.linkChanged.connect(self._remember)

    def _on_link(self, status: LinkStatus) -> None:  # any thread
        self.linkChanged.emit(status.online, status.queued)

    @Slot(bool, int)
    def _remember(self, online: bool, queued: int) -> None:
        self._status = self.store.link_status

    @property
    def status(self) -> LinkStatus:
        return self._status

    def health(self) -> tuple[str, str]:
        """(state, word) for the "Database" status light."""
        st = self.store.link_status  # cheap and thread-safe; the light polls twice a second
        if self.store.read_only:
            return "warn", self.tr("read-only: viewing only")
        if st.backend == "sqlite":
            return "ok", self.tr("local")
        if not st.online:
            return "fail", self.tr("offline ({0} queued)").format(st.queued)
        if st.queued:
            return "warn", self.tr("syncing ({0} queued)").format(st.queued)
        return "ok", self.tr("shared")

    def close(self) -> None:
        self._unsubscribe()


class OfflineBanner(QWidget):
    """A full-width strip, hidden while the link is up and nothing waits in the outbox."""

    def __init__(self, sync: QtSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OfflineBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        self.setAutoFillBackground(True)
        sync.linkChanged.connect(self.show_state)
        st = sync.store.link_status
        self.show_state(st.online, st.queued)

    @Slot(bool, int)
    def show_state(self, online: bool, queued: int) -> None:
        if online and not queued:
            self.hide()
            return
        if not online:
            text = self.tr(
                "Offline — {0} changes queued. The show goes on here; "
                "they will be sent when the database is back."
            ).format(queued)
            colour, fg = FAIL, "#ffffff"
        else:
            text = self.tr("Back online — sending {0} queued changes…").format(queued)
            colour, fg = WARN, "#101010"
        self.label.setText(text)
        self.setStyleSheet(
            f"#OfflineBanner {{ background: {colour}; }}"
            f" QLabel {{ color: {fg}; font-size: 14pt; font-weight: 700; }}"
        )
        self.show()
