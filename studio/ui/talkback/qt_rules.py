"""The rules evaluator in the app: a worker thread (never the GUI thread) that, once a second,
judges the show's rules on the station that drives the rundown, while the show (or a
rehearsal, whose firings are marked as such) runs. A follower station judges nothing: the
driver's firings reach it through the store like any message."""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.rules.live import LiveRules
from studio.ui.common.context import AppContext

log = logging.getLogger(__name__)

INTERVAL_S = 1.0


class QtRules(QObject):
    fired = Signal(object)  # list[FiringRecord], delivered queued to the GUI thread

    def __init__(
        self, ctx: AppContext, parent: QObject | None = None, interval: float = INTERVAL_S
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._live: LiveRules | None = None
        self._script: Any = None

    def start(self) -> QtRules:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="rules", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.tick_once()
            except Exception:  # a bad figure or a lost link must not end the loop
                log.exception("rules: tick failed")

    def tick_once(self) -> list[Any]:
        """One judgement (the loop calls this; tests call it directly)."""
        runner = self.ctx.runner
        if runner is None or runner.read_only:
            self._live = None
            return []
        if runner.snapshot().status not in ("running", "held"):
            return []
        if (
            self._live is None
            or self._live.show_id != runner.show_id
            or self._script is not runner.script
        ):
            encoder = self.ctx.encoder
            session = runner.session
            self._script = runner.script
            self._live = LiveRules(
                self.ctx.store,
                runner.show_id,
                clock=self.ctx.clock,
                run_snapshot=lambda now: session.snapshot(now),
                obs=None if encoder is None else encoder.client,
            )
        done = self._live.tick()
        if done:
            self.fired.emit(done)
        return done
