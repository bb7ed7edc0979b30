"""Dashboard refresh cost on the GUI thread for a 4-hour show at 1 Hz with 12 metrics, and
memory after it. Offscreen Qt; each refresh = read the new second's rows + repaint the graphs.

Usage: .venv/bin/python benchmarks/bench_dashboard.py
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HOURS = 4
T0 = 1_794_000_000.0


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from studio.metrics.samples import make_row
    from studio.metrics.writer import write_rows
    from studio.profile import Profile
    from studio.store.models import Segment, Show
    from studio.store.shows import create_show
    from studio.store.store import Store
    from studio.timeutil import from_epoch
    from studio.ui.context import AppContext, StoreSignals
    from studio.ui.panels.metrics import PLOT_METRICS, MetricsPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    d = Path(tempfile.mkdtemp())
    store = Store.open(f"sqlite:///{d / 'b.db'}")
    seconds = HOURS * 3600
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

    def rows_at(t: int) -> list[dict[str, object]]:
        return [
            make_row(
                sid, "bench", m, T0 + t, (t * (j + 1)) if m != "online_viewers" else 500 + (t % 300)
            )
            for j, m in enumerate(PLOT_METRICS)
        ]

    batch: list[dict[str, object]] = []
    for t in range(seconds - 60):
        batch += rows_at(t)
        if len(batch) >= 12_000:
            write_rows(store, batch)
            batch = []
    write_rows(store, batch)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    signals = StoreSignals(store)
    ctx = AppContext(
        store=store,
        profile=Profile({}),
        settings=QSettings(str(d / "s.ini"), QSettings.Format.IniFormat),
        signals=signals,
        clock=lambda: T0 + seconds,
        show_id=sid,
    )
    panel = MetricsPanel(ctx)
    panel.resize(1280, 900)
    panel.show()
    start = time.perf_counter()
    app.processEvents()
    panel._dirty = True
    panel._tick()
    print(f"first load of the 4-h show: {(time.perf_counter() - start) * 1000:.0f} ms")
    for mode in ("last 15 min", "whole show"):
        panel.set_whole_show(mode == "whole show")
        costs = []
        for t in range(seconds - 60, seconds - 30):
            write_rows(store, rows_at(t))
            app.processEvents()  # the change signal marks the panel dirty
            t1 = time.perf_counter()
            panel._tick()
            app.processEvents()  # pyqtgraph paints on the next event loop pass
            panel.glw.viewport().repaint()
            costs.append((time.perf_counter() - t1) * 1000)
        print(
            f"refresh ({mode}): median {statistics.median(costs):.1f} ms, "
            f"max {max(costs):.1f} ms  [read new rows + KPIs + setData + paint]"
        )
    assert panel.cache is not None
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"series cache: {panel.cache.nbytes() / 1e6:.1f} MB for {HOURS} h x "
        f"{len(PLOT_METRICS)} metrics; process max RSS {rss1 / 1024:.0f} MB "
        f"(before the panel: {rss0 / 1024:.0f} MB)"
    )
    panel.shutdown()
    signals.close()
    store.close()


if __name__ == "__main__":
    main()
