"""Qt adapter for the live metric sources: runs the simulator and the batched writer off the GUI
thread for the demo and rehearsals. Samples reach views through the store's change bus."""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, Signal

from studio.metrics.sources.sim import (
    SimulatorRunner,
    StoredFlashWindows,
    StoredRundown,
    feed_simulator,
)
from studio.metrics.writer import MetricWriter
from studio.store.store import Store
from studio.timeutil import Clock

log = logging.getLogger(__name__)


class MetricsFeed(QObject):
    """start(show_id, speed) / stop() / shutdown(); `running` tells the status bar light."""

    stateChanged = Signal(str)  # "running" | "stopped" | "error: ..."

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        seed: int = 0,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.seed = seed
        self.clock = clock
        self.show_id: int | None = None
        self.writer: MetricWriter | None = None
        self._runner: SimulatorRunner | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, show_id: int, speed: float = 1.0) -> None:
        self.stop()
        self.show_id = show_id
        self._stop = threading.Event()
        self.writer = MetricWriter(self.store).start()
        self._thread = threading.Thread(
            target=self._run, args=(show_id, speed, self.writer), name="metrics-sim", daemon=True
        )
        self._thread.start()
        self.stateChanged.emit("running")

    def _run(self, show_id: int, speed: float, writer: MetricWriter) -> None:
        # Segments and flash sales as the show runs them (stored), not as the script planned.
        windows = StoredFlashWindows(self.store, show_id)
        rundown = StoredRundown(self.store, show_id)
        try:
            sim = feed_simulator(
                self.store,
                show_id,
                now=self.clock(),
                seed=self.seed,
                flash_windows=windows,
                rundown=rundown,
            )
            # A show that started before the feed (crash resume, late start): catch up at once.
            behind = int(self.clock() - sim.start_ts)
            while sim.t < min(behind, sim.duration) and not self._stop.is_set():
                writer.submit(sim.step())
            self._runner = SimulatorRunner(sim, writer.submit, speed=speed, stop_event=self._stop)
            self._runner.run()
        except Exception as exc:  # the demo feed must never take the app down
            log.exception("metrics simulator failed")
            self.stateChanged.emit(f"error: {exc}")
        finally:
            windows.close()
            rundown.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        if self.writer is not None:
            self.writer.stop()
            self.writer = None
            self.stateChanged.emit("stopped")

    def shutdown(self) -> None:
        self.stop()
