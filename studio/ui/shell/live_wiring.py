"""Connects the live monitors (camera, mic, metrics alerts) to auto-incidents and status lights.

Monitors report `(key, active, message)` on whatever thread they run on; the incident writes go
to one worker thread, so neither a monitor nor the GUI ever waits for the database.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from studio.incidents.auto import AutoIncidents
from studio.ui.common.context import AppContext

log = logging.getLogger(__name__)

# Conditions that only matter while a segment is on air (a quiet mic before the show is normal).
ON_AIR_ONLY = ("mic_silent",)


class MicHealth:
    """The status bar's "Mic" light, from the mic card's level stream and monitor conditions."""

    def __init__(self) -> None:
        self.last_levels: float | None = None
        self.active: dict[str, str] = {}

    def on_levels(self, _snapshot: Any) -> None:
        self.last_levels = time.monotonic()

    def on_condition(self, key: str, active: bool, message: str) -> None:
        if active:
            self.active[key] = message
        else:
            self.active.pop(key, None)

    def health(self) -> tuple[str, str]:
        if "mic_lost" in self.active:
            return "error", QCoreApplication.translate("MicHealth", "lost")
        if self.last_levels is None or time.monotonic() - self.last_levels > 2.0:
            return "off", QCoreApplication.translate("MicHealth", "off")
        if "clipping_burst" in self.active:
            return "warn", QCoreApplication.translate("MicHealth", "clipping")
        if "mic_silent" in self.active:
            return "warn", QCoreApplication.translate("MicHealth", "silent")
        return "ok", QCoreApplication.translate("MicHealth", "live")


class LiveWiring(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The show's clock, not the wall clock: at demo speed an incident's time, its duration
        # and its marker must sit where the show is (one clock for everything in a show).
        self.auto = AutoIncidents(ctx.store, ctx.show_id, clock=ctx.clock, where=self._where)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="auto-incidents")
        self.mic_health = MicHealth()
        ctx.auto_incidents = self.auto

    def _where(self) -> tuple[str | None, int | None]:
        return self.ctx.runner_position()

    def _on_air(self) -> bool:
        runner = self.ctx.runner
        if runner is None:
            return False
        try:
            return bool(runner.snapshot().status == "running")
        except Exception:  # a broken runner must not stop the monitors
            return False

    def report(self, key: str, active: bool, message: str) -> None:
        """The callback every monitor gets."""
        if self.ctx.show_id is None:
            return
        if active and key.startswith(ON_AIR_ONLY) and not self._on_air():
            return
        self._pool.submit(self.auto.on_condition, key, active, message)

    def attach(self, window: Any) -> None:
        """Hook up whatever monitors the window's panels have, each when its panel is built
        (a dock hidden at start builds its panel when first shown)."""
        window.on_panel("metrics", self._hook_metrics)
        window.on_panel("checks", lambda checks: self._hook_checks(window, checks))

    def _hook_metrics(self, metrics: Any) -> None:
        signal = getattr(metrics, "conditionChanged", None)
        if signal is not None:
            signal.connect(self.report)

    def _hook_checks(self, window: Any, checks: Any) -> None:
        for card in getattr(checks, "cards", []):
            audio = getattr(card, "audio", None)
            if audio is not None and hasattr(audio, "condition"):
                audio.condition.connect(self.report)
                audio.condition.connect(self.mic_health.on_condition)
                audio.levels.connect(self.mic_health.on_levels)
                window.on_panel(
                    "audio", lambda live, audio=audio: audio.levels.connect(live.set_levels)
                )
                self.ctx.mic = self.mic_health
            camera = getattr(card, "camera", None)
            if camera is not None and hasattr(camera, "condition"):
                camera.condition.connect(self.report)

    def shutdown(self) -> None:
        self._pool.submit(self.auto.flush)
        self._pool.shutdown(wait=True)
        if self.ctx.auto_incidents is self.auto:
            self.ctx.auto_incidents = None
        if self.ctx.mic is self.mic_health:
            self.ctx.mic = None
