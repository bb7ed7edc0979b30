"""Dashboard refresh cost on the GUI thread for a 4-hour show at 1 Hz with 12 platform metrics
and OBS's 11 stream_* health metrics (so the stream-health graph is on screen), and memory
after it (--no-stream: the 12 platform metrics alone). Offscreen Qt, panel at 1280x800.

A refresh is what happens when a new second of samples has been committed: the panel's timer
slot (read the new rows, KPIs, tiles, setData) plus the paint it causes. Two figures:
- "event loop": the slot, then `processEvents()` until the resulting paint is done (what the
  app's event loop does after the slot);
- "forced": the slot, then a repaint of every tile and the whole graph area in the same pass
  (the worst case, e.g. when the window was uncovered at that moment).
Wall time is what the controller feels; the GUI thread's CPU time is printed too because on a
shared, loaded machine wall time also counts the time spent waiting for a core.
Writing the samples and delivering the change signal happen before the clock starts.

Usage: .venv/bin/python benchmarks/bench_dashboard.py [--refreshes N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HOURS = 4
T0 = 1_794_000_000.0


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def calibration(app: object) -> float:
    """The reference case of /work/shared/ENVIRONMENT.md (pyqtgraph, 10 curves x 14,400
    points, setData + repaint, default settings: ~9.5 ms when it was measured), to put this
    machine's current speed next to the figures above."""
    import numpy as np
    import pyqtgraph as pg

    w = pg.PlotWidget()
    w.resize(1280, 800)
    w.show()
    x = np.arange(14_400, dtype=float)
    curves = [w.plot() for _ in range(10)]
    costs = []
    for i in range(20):
        t0 = time.perf_counter()
        for k, c in enumerate(curves):
            c.setData(x, np.sin(x / 300 + i + k) * 100 + k * 50)
        w.viewport().repaint()
        costs.append((time.perf_counter() - t0) * 1000)
    w.close()
    return statistics.median(costs)


def _settle(app: Any, panel: Any, timeout: float = 60.0) -> None:
    """Run the event loop until the panel's reads on its worker are in and drawn."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end and (
        panel._loading or panel._reading_series or panel._reading_overlays or panel._unread
    ):
        app.processEvents()
        time.sleep(0.0005)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--refreshes", type=int, default=60, help="per view mode")
    ap.add_argument("--profile", action="store_true", help="cProfile the refreshes")
    ap.add_argument(
        "--no-stream",
        dest="stream",
        action="store_false",
        help="platform metrics only (no OBS stream-health samples, so no stream graph)",
    )
    args = ap.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from studio.metrics.names import STREAM_NAMES
    from studio.metrics.samples import make_row
    from studio.metrics.writer import write_samples
    from studio.profile import Profile
    from studio.store.models import Incident, Segment, Show
    from studio.store.shows import create_show
    from studio.store.store import Store
    from studio.timeutil import from_epoch
    from studio.ui.common.context import AppContext, StoreSignals
    from studio.ui.metrics.panel import PLOT_METRICS, STREAM_METRICS, MetricsPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from studio.ui.common.theme import apply_theme

    apply_theme(app, "dark")  # the app's style sheet and CJK font: what the controller sees
    d = Path(tempfile.mkdtemp())
    store = Store.open(f"sqlite:///{d / 'b.db'}")
    seconds = HOURS * 3600
    # The refreshes end just before the planned end (overtime would be another case).
    warm = seconds - 3 * args.refreshes - 10
    sid = create_show(store, "bench", gmv_target_cents=100_000_000)
    with store.transaction() as s:
        show = s.get(Show, sid)
        show.started_at = from_epoch(T0)
        show.planned_seconds = seconds
        for i in range(24):
            s.add(
                Segment(
                    show_id=sid,
                    position=i,
                    key=f"s{i}",
                    title=f"环节 {i + 1}",
                    kind=("product", "flash_sale", "lucky_bag")[i % 3],
                    planned_seconds=600,
                )
            )
        for i in range(6):  # incidents spread over the show, one in the last 15 minutes
            s.add(
                Incident(
                    show_id=sid,
                    at=from_epoch(T0 + (i + 1) * seconds / 6 - 300),
                    category="technical",
                    severity=2,
                    text=f"incident {i}",
                )
            )

    def rows_at(t: int) -> list[dict[str, object]]:
        # What the OBS poller writes every second: ~6 Mbit/s, frame losses under 1 %.
        stream = {m: 1.0 + (t % 97) / 100 for m in STREAM_NAMES}
        stream["stream_bitrate_kbps"] = 6000.0 + (t * 37) % 400
        return [
            make_row(
                sid, "bench", m, T0 + t, (t * (j + 1)) if m != "online_viewers" else 500 + (t % 300)
            )
            for j, m in enumerate(PLOT_METRICS)
        ] + [make_row(sid, "obs", m, T0 + t, v) for m, v in stream.items() if args.stream]

    batch: list[dict[str, object]] = []
    for t in range(warm):
        batch += rows_at(t)
        if len(batch) >= 12_000:
            write_samples(store, batch)
            batch = []
    write_samples(store, batch)
    now = [T0 + warm]
    signals = StoreSignals(store)
    ctx = AppContext(
        store=store,
        profile=Profile({}),
        settings=QSettings(str(d / "s.ini"), QSettings.Format.IniFormat),
        signals=signals,
        clock=lambda: now[0],
        show_id=sid,
    )
    gc.collect()
    rss0 = _rss_mb()
    tracemalloc.start()
    start = time.perf_counter()
    panel = MetricsPanel(ctx)  # the show is read on the panel's worker
    panel._timer.stop()  # only the measured calls refresh (the timer would race them)
    panel.resize(1280, 800)
    panel.show()
    _settle(app, panel)
    app.processEvents()
    print(
        f"first load of the 4-h show ({warm * (len(PLOT_METRICS) + len(STREAM_NAMES) * args.stream):,} "
        f"samples; stream-health graph shown: {panel.plots['stream'].isVisible()}): "
        f"{(time.perf_counter() - start) * 1000:.0f} ms"
    )
    py_now, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    prof = cProfile.Profile() if args.profile else None
    t = warm
    print(f"load average {os.getloadavg()[0]:.1f} at the start of the refreshes")
    for mode in ("last 15 min", "whole show"):
        panel.set_whole_show(mode == "whole show")
        app.processEvents()
        for how in ("event loop", "forced"):
            costs, cpu, slot = [], [], []
            for _ in range(args.refreshes if how == "event loop" else args.refreshes // 2):
                write_samples(store, rows_at(t))
                t += 1
                now[0] = T0 + t
                app.processEvents()  # delivers the change signal: the panel is now dirty
                if prof:
                    prof.enable()
                t1, c1 = time.perf_counter(), time.thread_time()
                panel._tick()  # asks the worker for the new rows
                _settle(app, panel)  # merged and painted when they arrive
                slot.append((time.perf_counter() - t1) * 1000)
                if how == "forced":
                    panel.update()  # every tile and the whole graph area, in the same pass
                    panel.glw.viewport().update()
                app.processEvents()
                app.processEvents()  # scene updates queued by the first pass
                costs.append((time.perf_counter() - t1) * 1000)
                cpu.append((time.thread_time() - c1) * 1000)
                if prof:
                    prof.disable()
            costs.sort()
            print(
                f"refresh ({mode}, {how}): median {statistics.median(costs):.1f} ms "
                f"(slot {statistics.median(slot):.1f} + paint), p90 "
                f"{costs[int(len(costs) * 0.9)]:.1f} ms, best {costs[0]:.1f} ms, max "
                f"{costs[-1]:.1f} ms; GUI-thread CPU median {statistics.median(cpu):.1f} ms, "
                f"best {min(cpu):.1f} ms; {len(costs)} refreshes, load {os.getloadavg()[0]:.1f}"
            )
    assert panel.cache is not None
    gc.collect()
    print(
        f"memory after the 4-h show: series cache {panel.cache.nbytes() / 1e6:.1f} MB "
        f"({HOURS} h x {len(PLOT_METRICS) + len(STREAM_METRICS)} metrics cached); Python heap allocated by the panel "
        f"{py_now / 1e6:.1f} MB; process RSS {_rss_mb():.0f} MB (before the panel: "
        f"{rss0:.0f} MB, max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
        " MB)"
    )
    print(
        f"calibration, ENVIRONMENT.md's pyqtgraph reference case (~9.5 ms there): "
        f"{calibration(app):.1f} ms now; load {os.getloadavg()[0]:.1f}"
    )
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    panel.shutdown()
    signals.close()
    store.close()


if __name__ == "__main__":
    main()
