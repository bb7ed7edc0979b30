"""What the show-day soak (benchmarks/soak.py, issue 23) found, kept fixed."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from studio.ui.common.qt_jobs import SerialWorker


def test_a_worker_fed_every_second_keeps_its_thread(qtbot: QtBot) -> None:
    """A panel's worker that gets a job every second reuses one thread instead of starting a
    new one per job (starting a thread blocks the GUI thread until the new thread runs)."""
    owner = QObject()
    worker = SerialWorker(owner, "soak-test")
    threads: list[threading.Thread] = []
    try:
        for _ in range(3):
            done: list[threading.Thread] = []
            worker.submit(threading.current_thread, done.append)
            qtbot.waitUntil(lambda done=done: bool(done), timeout=5000)
            threads.append(done[0])
            time.sleep(1.0)
        assert all(t is threads[0] for t in threads), threads
    finally:
        worker.shutdown()
