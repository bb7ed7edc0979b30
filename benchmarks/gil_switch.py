"""How late the GUI thread runs its Python beside busy Python worker threads, by the
interpreter's switch interval (`sys.setswitchinterval`; studio sets GIL_SWITCH_INTERVAL_S in
`studio.ui.shell.app.make_application`).

A 10 ms precise timer in a running Qt event loop; its slot makes 50 small Python -> Qt calls (a
repaint of Python-drawn items or a table refresh is made of such calls), and 0-2 worker threads
run pure Python meanwhile (as the comment classifier, the planning reads or SQLAlchemy do). The
timer's lateness is what the user feels. Each interval runs in its own process.

Usage: .venv/bin/python benchmarks/gil_switch.py [--seconds 4]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time


def measure(interval: float, workers: int, seconds: float) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    sys.setswitchinterval(interval)
    app = QApplication.instance() or QApplication([])
    label = QLabel()
    stop = threading.Event()

    def busy() -> None:
        x = 0
        while not stop.is_set():
            for i in range(1000):
                x += i * i

    threads = [threading.Thread(target=busy, daemon=True) for _ in range(workers)]
    for t in threads:
        t.start()
    late: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 10))
        for i in range(50):
            label.setText(str(i))
        last[0] = time.perf_counter()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    timer.stop()
    stop.set()
    for t in threads:
        t.join()
    late.sort()
    n = len(late)
    return (
        f"switch {interval * 1000:3.0f} ms, {workers} busy workers: {n:4d} ticks of "
        f"{int(seconds * 100)}, lateness p50 {late[n // 2]:6.1f} ms, p99 "
        f"{late[min(n - 1, int(n * 0.99))]:6.1f} ms, max {late[-1]:6.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--one", nargs=2, type=float, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.one:
        print(measure(opts.one[0], int(opts.one[1]), opts.seconds), flush=True)
        return 0
    print(f"{os.cpu_count()} cores, load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for workers in (0, 1, 2):
        for interval in (0.005, 0.001):
            subprocess.run(
                [sys.executable, __file__, "--seconds", str(opts.seconds),
                 "--one", str(interval), str(workers)],
                check=True,
            )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
