"""The always-visible status bar: clock, show elapsed/remaining, live state, device lights."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from studio.timeutil import fmt_duration
from studio.ui.common.context import AppContext
from studio.ui.common.status_light import StatusLight

LIGHTS = ("camera", "mic", "encoder", "metrics", "database")


class StudioStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock_label = QLabel()
        self.clock_label.setStyleSheet("font-size: 14pt; font-weight: 700;")
        self.show_label = QLabel()
        # Its text grows through the show (elapsed, to the end, over/under): as the window's
        # minimum width it widened the window and resized every dock and graph (show-day soak).
        # It takes the room left instead; the whole text is its tooltip.
        self.show_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
        # Any source (simulator, file tail, HTTP, manual) announces its batches on the change bus,
        # so the age of the last one tells whether the feed is alive without asking the database.
        self._last_metrics_at: float | None = None
        ctx.signals.changed.connect(self._on_change)
        self._timer = QTimer(self)
        self._timer.setInterval(500)  # numbers a human reads: twice a second
        self._timer.timeout.connect(self.update_now)
        self._timer.start()
        self.update_now()

    def _on_change(self, table: str, _row: Any, show_id: Any) -> None:
        if table == "metric_sample" and show_id in (None, self.ctx.show_id):
            self._last_metrics_at = time.monotonic()

    def _metrics_light(self) -> tuple[str, str]:
        if self._last_metrics_at is None:
            return "off", self.tr("no feed")
        age = time.monotonic() - self._last_metrics_at
        if age < 10:
            return "ok", self.tr("live")
        if age < 30:
            return "warn", self.tr("slow")
        return "error", self.tr("stalled")

    def set_light(self, key: str, state: str, word: str) -> None:
        self.lights[key].set_state(state, word)

    def update_now(self) -> None:
        self.clock_label.setText(time.strftime("%H:%M:%S", time.localtime(self.ctx.clock())))
        for key, light in self.lights.items():
            service = self.ctx.light_source(key)
            if service is not None:
                state, word = service.health()
                light.set_state(state, word)
            elif key == "metrics":
                light.set_state(*self._metrics_light())
            elif key == "database":
                light.set_state("ok", self.tr("OK"))
            else:
                light.set_state("off", self.tr("off"))
        self._update_show()

    def _update_show(self) -> None:
        runner: Any = self.ctx.runner
        if runner is None:
            self.state_label.setText(
                self.tr("NO SHOW") if self.ctx.show_id is None else self.tr("NO SCRIPT")
            )
            self.state_label.setStyleSheet("font-weight: 800; padding: 2px 10px;")
            self.show_label.setText("")
            return
        state = runner.snapshot()
        if state.status == "ended":
            text, colour = self.tr("ENDED"), "#6b7280"
        elif state.status in ("running", "held") and runner.is_rehearsal:
            text, colour = self.tr("REHEARSAL"), "#7c3aed"
        elif state.status in ("running", "held"):
            text, colour = self.tr("LIVE"), "#e5484d"
        else:
            text, colour = self.tr("READY"), "#374151"
        if state.status == "held":
            text += " · " + self.tr("HOLD")
        self.state_label.setText(text)
        style = (
            "font-weight: 800; padding: 2px 10px; color: white;"
            f" background: {colour}; border-radius: 4px;"
        )
        if self.state_label.styleSheet() != style:  # a new style sheet re-polishes the label
            self.state_label.setStyleSheet(style)
        parts = [f"{runner.title}"]
        if state.status != "ready":
            parts.append(self.tr("Elapsed {0}").format(fmt_duration(state.show_elapsed)))
        if state.time_to_planned_end is not None and state.status in ("running", "held"):
            parts.append(
                self.tr("To planned end {0}").format(fmt_duration(state.time_to_planned_end))
            )
        if state.status in ("running", "held", "ended") and abs(state.over_under) >= 1:
            amount = fmt_duration(abs(state.over_under))
            if state.over_under > 0:
                parts.append(self.tr("Over {0}").format(amount))
            else:
                parts.append(self.tr("Under {0}").format(amount))
        self.show_label.setText("   ".join(parts))
        self.show_label.setToolTip(self.show_label.text())
