"""The live audio dock: the show mic's meters where the controller can see them during the show.

The meters are fed by the mic card's capture (Checks dock); until that runs, the dock says so.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.ui.common.context import AppContext
from studio.ui.devices.audio_meters import AudioMeters

STALE_S = 2.0


class AudioLivePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.meters = AudioMeters(self)
        self.hint = QLabel(self.tr("No microphone open: pick the show mic in Checks → Microphone."))
        self.hint.setWordWrap(True)
        layout.addWidget(self.meters, 1)
        layout.addWidget(self.hint)
        self._last: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._update_hint)
        self._timer.start()
        self._update_hint()

    def set_levels(self, snapshot: Any) -> None:
        self._last = time.monotonic()
        self.meters.set_levels(snapshot)

    def _update_hint(self) -> None:
        live = self._last is not None and time.monotonic() - self._last < STALE_S
        self.hint.setVisible(not live)
