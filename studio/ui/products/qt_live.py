"""The show's live products (`studio.products.reader.LiveProducts`) for every screen of a station.

One instance per station, owned by the shell (`ctx.products`): the products board and the
prompter's product card read the same derived figures, so a station without the board (the
anchor's PC) shows the same stock left as the controller's. The store is read on a worker;
`updated` is emitted on the GUI thread after each refresh.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from studio.products.model import Derived
from studio.products.reader import LiveProducts
from studio.store.store import Store
from studio.timeutil import Clock
from studio.ui.common.qt_jobs import SerialWorker

log = logging.getLogger(__name__)

REFRESH_MS = 500  # the budget is 1 s from a change on any station to every screen


class QtLiveProducts(QObject):
    updated = Signal()

    def __init__(
        self, store: Store, show_id: int, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.show_id = show_id
        self.model = LiveProducts(store, show_id, clock)
        self._closed = False
        self._worker = SerialWorker(self, "live-products")
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self._refresh()

    def _refresh(self) -> None:
        # Every tick, not only after a change: a flash sale opens and closes by the clock.
        # The model re-reads only what the change bus marked stale.
        if self._closed or self._worker.busy:
            return
        self._worker.submit(self.model.refresh, self._done, self._failed)

    def _done(self, _derived: object) -> None:
        if not self._closed:
            self.updated.emit()

    def _failed(self, exc: BaseException) -> None:
        log.warning("live products of show %s not refreshed: %s", self.show_id, exc)

    # -- what screens read (no database access) ---------------------------------------------------
    @property
    def derived(self) -> list[Derived]:
        return self.model.last

    def get(self, sku: str) -> Derived | None:
        return self.model.get(sku)

    def presenting(self) -> Derived | None:
        return self.model.presenting()

    def refresh_soon(self) -> None:
        """Re-read now rather than at the next tick (after this station changed something)."""
        self._refresh()

    def shutdown(self) -> None:
        self._closed = True
        self._timer.stop()
        self._worker.shutdown()
        self.model.close()
