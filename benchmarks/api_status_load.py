"""`GET /api/v1/status` under load while the GUI event loop is watched. Prints:

- the requests a separate client process got answered per second (target: 1,000/s sustained),
  with their latency p50/p99 and errors;
- the GUI thread's worst stall while that runs, and without load for comparison: a 5 ms Qt
  precise timer records how late each timeout fires (target: worst ≤ 16 ms, one frame).

The server is the app's own (`studio.ui.shell.api_link.ApiLink`, its rundown on the app's
QtRunner), in the GUI process as in the control room; Qt runs offscreen.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/api_status_load.py [--rate 1000]
     [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


# -- the load client (its own process) ----------------------------------------------------------


async def load(port: int, rate: int, seconds: float, connections: int) -> dict[str, float]:
    import aiohttp

    url = f"http://127.0.0.1:{port}/api/v1/status"
    latencies: list[float] = []
    errors = 0
    per_conn = rate / connections
    start = time.perf_counter()
    end = start + seconds

    async def worker(session: aiohttp.ClientSession, k: int) -> None:
        nonlocal errors
        n = 0
        while True:
            due = start + (n + k / connections) / per_conn  # paced: no bursts to catch up
            now = time.perf_counter()
            if due >= end:
                return
            if due > now:
                await asyncio.sleep(due - now)
            t0 = time.perf_counter()
            try:
                async with session.get(url) as resp:
                    await resp.read()
                    if resp.status != 200:
                        errors += 1
            except aiohttp.ClientError:
                errors += 1
            latencies.append((time.perf_counter() - t0) * 1000)
            n += 1

    conn = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=conn) as session:
        await asyncio.gather(*(worker(session, k) for k in range(connections)))
    took = time.perf_counter() - start
    return {
        "requests": len(latencies),
        "per_s": len(latencies) / took,
        "errors": errors,
        "p50_ms": statistics.median(latencies) if latencies else 0.0,
        "p99_ms": pct(latencies, 0.99),
    }


def client_main(port: int, rate: int, seconds: float, connections: int) -> None:
    print(json.dumps(asyncio.run(load(port, rate, seconds, connections))), flush=True)


# -- the GUI process ---------------------------------------------------------------------------------


def gui_main(rate: int, seconds: float, connections: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from studio.demo import demo_script_path
    from studio.profile import Profile
    from studio.script.store_io import create_show_from_script_file
    from studio.store.store import Store
    from studio.ui.common.context import AppContext, StoreSignals
    from studio.ui.rundown.qt_runner import QtRunner
    from studio.ui.shell.api_link import ENABLED_KEY, PORT_KEY, ApiLink

    app = QApplication([sys.argv[0]])
    tmp = tempfile.TemporaryDirectory()
    store = Store.open(f"sqlite:///{Path(tmp.name) / 'bench.db'}", station="controller@bench")
    show = create_show_from_script_file(store, demo_script_path())
    settings = QSettings(str(Path(tmp.name) / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(ENABLED_KEY, True)
    settings.setValue(PORT_KEY, 0)
    ctx = AppContext(
        store=store, profile=Profile({}), settings=settings, signals=StoreSignals(store)
    )
    ctx.show_id = show
    ctx.runner = QtRunner(store, show, clock=ctx.clock)
    ctx.runner.start()
    link = ApiLink(ctx)
    link.start()
    deadline = time.monotonic() + 20
    while (link.server is None or link.server.port == 0) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    port = link.server.port

    interval_ms = 5
    lateness: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(interval_ms)

    def tick() -> None:
        ms = clock.nsecsElapsed() / 1e6
        clock.restart()
        lateness.append(max(0.0, ms - interval_ms))

    probe.timeout.connect(tick)

    def watch(for_s: float) -> list[float]:
        lateness.clear()
        clock.start()
        probe.start()
        loop = QEventLoop()
        QTimer.singleShot(int(for_s * 1000), loop.quit)
        loop.exec()  # the GUI thread's own event loop, as in the app
        probe.stop()
        return list(lateness[1:])

    idle = watch(min(5.0, seconds))
    proc = subprocess.Popen(
        [sys.executable, __file__, "--client", str(port), "--rate", str(rate),
         "--seconds", str(seconds), "--connections", str(connections)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    loaded = watch(seconds + 0.5)
    out, _ = proc.communicate(timeout=seconds + 60)
    result = json.loads(out.strip().splitlines()[-1])
    stats = link.server.stats
    link.stop()
    ctx.runner.shutdown()
    ctx.signals.close()
    store.close()
    tmp.cleanup()
    del app
    print(
        f"GET /api/v1/status: {result['requests']} answered in {seconds:.0f} s = "
        f"{result['per_s']:.0f}/s (asked {rate}/s over {connections} keep-alive connections), "
        f"errors {result['errors']}, latency p50 {result['p50_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms; server counted ok {stats.get('ok', 0)}"
    )
    print(
        f"GUI loop, idle:   worst stall {max(idle):.1f} ms, p99 {pct(idle, 0.99):.1f} ms "
        f"({len(idle)} timeouts of {interval_ms} ms)"
    )
    print(
        f"GUI loop, loaded: worst stall {max(loaded):.1f} ms, p99 {pct(loaded, 0.99):.1f} ms "
        f"({len(loaded)} timeouts of {interval_ms} ms; target worst <= 16 ms)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=int, default=1000)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--client", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.client is not None:
        client_main(args.client, args.rate, args.seconds, args.connections)
    else:
        gui_main(args.rate, args.seconds, args.connections)


if __name__ == "__main__":
    main()
