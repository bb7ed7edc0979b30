"""The always-visible status bar: clock, show elapsed/remaining, live state, device lights."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from studio.timeutil import fmt_duration
from studio.ui.context import AppContext
from studio.ui.widgets.status_light import StatusLight

LIGHTS = ("camera", "mic", "encoder", "metrics", "database")


class StudioStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock_label = QLabel()
        self.clock_label.setStyleSheet("font-size: 14pt; font-weight: 700;")
        self.show_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setStyleSheet("font-weight: 800; padding: 2px 10px;")
        self.addWidget(self.clock_label)
        self.addWidget(self.state_label)
        self.addWidget(self.show_label, 1)
        names = {
            "camera": self.tr("Camera"),
            "mic": self.tr("Mic"),
            "encoder": self.tr("Encoder"),
            "metrics": self.tr("Metrics"),
            "database": self.tr("Database"),
        }
        self.lights: dict[str, StatusLight] = {}
        for key in LIGHTS:
            light = StatusLight(names[key])
            self.lights[key] = light
            self.addPermanentWidget(light)
        self._timer = QTimer(self)
        self._timer.setInterval(500)  # numbers a human reads: twice a second
        self._timer.timeout.connect(self.update_now)
        self._timer.start()
        self.update_now()

    def set_light(self, key: str, state: str, word: str) -> None:
        self.lights[key].set_state(state, word)

    def update_now(self) -> None:
        self.clock_label.setText(time.strftime("%H:%M:%S"))
        for key, light in self.lights.items():
            service = self.ctx.services.get(key)
            health = getattr(service, "health", None)
            if callable(health):
                state, word = health()
                light.set_state(state, word)
            elif key == "database":
                light.set_state("ok", self.tr("OK"))
            else:
                light.set_state("off", self.tr("off"))
        self._update_show()

    def _update_show(self) -> None:
        runner: Any = self.ctx.runner
        snapshot = getattr(runner, "snapshot", None) if runner is not None else None
        state = snapshot() if callable(snapshot) else None
        if state is None:
            self.state_label.setText(
                self.tr("NO SHOW") if self.ctx.show_id is None else self.tr("READY")
            )
            self.state_label.setStyleSheet("font-weight: 800; padding: 2px 10px;")
            self.show_label.setText("")
            return
        phase = getattr(state, "phase", "")
        rehearsal = bool(getattr(state, "rehearsal", False))
        if phase == "ended":
            text, colour = self.tr("ENDED"), "#6b7280"
        elif phase in ("running", "held"):
            text, colour = (
                (self.tr("REHEARSAL"), "#7c3aed") if rehearsal else (self.tr("LIVE"), "#e5484d")
            )
        else:
            text, colour = self.tr("READY"), "#374151"
        self.state_label.setText(text)
        self.state_label.setStyleSheet(
            f"font-weight: 800; padding: 2px 10px; color: white;"
            f" background: {colour}; border-radius: 4px;"
        )
        elapsed = getattr(state, "show_elapsed", None)
        remaining = getattr(state, "show_remaining", None)
        parts = []
        if elapsed is not None:
            parts.append(self.tr("Elapsed {0}").format(fmt_duration(elapsed)))
        if remaining is not None:
            parts.append(self.tr("Remaining {0}").format(fmt_duration(remaining)))
        self.show_label.setText("   ".join(parts))
