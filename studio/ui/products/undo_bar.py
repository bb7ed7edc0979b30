"""The visible "Undo" of the board's last change, counting down its 10 seconds.

The countdown is a person's time (monotonic), not the show's clock: a demo running at 60x must
still leave ten real seconds to press it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from studio.products.changes import UNDO_WINDOW_S

TICK_MS = 250


class UndoBar(QWidget):
    undo_requested = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now: Callable[[], float] = time.monotonic  # tests may step it
        self.window_s = UNDO_WINDOW_S
        self._until = 0.0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = QPushButton()
        self.button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.button.clicked.connect(self.undo_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.hide()

    def start(self, label: str) -> None:
        self.label.setText(label)
        self.label.setToolTip(label)
        self._until = self.now() + self.window_s
        self.show()
        self.tick()
        self._timer.start()

    def seconds_left(self) -> float:
        return max(0.0, self._until - self.now())

    def tick(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self.stop()
            self.expired.emit()
            return
        self.button.setText(self.tr("Undo (%1 s)").replace("%1", str(math.ceil(left))))

    def stop(self) -> None:
        self._timer.stop()
        self.hide()
