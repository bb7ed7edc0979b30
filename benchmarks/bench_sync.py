"""Multi-station sync figures on a throwaway local PostgreSQL server.

1. Notification latency between two station processes on loopback: the controller writes a
   CueEvent (insert + change_log + NOTIFY, committed); the anchor's sync thread publishes it on
   its bus. Latency = anchor's receive time - controller's time just before the write (one
   machine, one clock). Transitions are sent one after another, `--transitions` of them.
2. Catch-up after a simulated outage: `--outage-min` minutes of a 1 Hz x 15-metric feed plus
   cue events and incidents are queued in the outbox, then the link "returns" and the outbox is
   replayed while the feed keeps running (1 batch/s, queued behind the backlog, in order).

Run: .venv/bin/python benchmarks/bench_sync.py [--transitions 1000] [--outage-min 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from pg_cluster import PgCluster  # noqa: E402
from sync_station import Station  # noqa: E402


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def bench_latency(url: str, env: dict[str, str], show: int, n: int, tmp: Path) -> None:
    controller = Station(url, "controller", tmp / "controller", env)
    anchor = Station(url, "anchor", tmp / "anchor", env)
    try:
        for _ in range(20):  # warm-up: connections, statement caches
            controller.call(op="cue", show_id=show)
            anchor.expect(lambda e: e["ev"] == "change" and e["t"] == "cue_event")
        lat: list[float] = []
        t0 = time.perf_counter()
        for i in range(n):
            sent = controller.call(op="cue", show_id=show, n=i)
            got = anchor.expect(lambda e: e["ev"] == "change" and e["t"] == "cue_event", 10)
            lat.append((got["t_recv"] - sent["t_sent"]) * 1000)
        wall = time.perf_counter() - t0
    finally:
        controller.quit()
        anchor.quit()
    print(f"notification latency over {n} cue transitions (write+commit+NOTIFY+deliver):")
    print(
        f"  p50 {statistics.median(lat):.2f} ms   p90 {pct(lat, 90):.2f} ms   "
        f"p99 {pct(lat, 99):.2f} ms   max {max(lat):.2f} ms   ({wall:.1f} s wall)"
    )


def bench_catch_up(url: str, show: int, minutes: int) -> None:
    from studio.store.models import CueEvent, Incident, IncidentHistory, MetricSample
    from studio.store.store import Store

    store = Store.open(url, station="tech", sync=False)
    try:
        store.link.update(online=False, error="simulated outage")
        start_ts = time.time() - minutes * 60
        t0 = time.perf_counter()
        samples = 0
        for sec in range(minutes * 60):
            rows = [
                {"show_id": show, "source": "sim", "metric": f"m{m}", "ts": start_ts + sec,
                 "value": sec * 10 + m}
                for m in range(15)
            ]  # fmt: skip
            store.write_rows(MetricSample, rows)
            samples += len(rows)
            if sec % 10 == 0:
                store.insert_idempotent(
                    CueEvent,
                    {"show_id": show, "at": datetime.now(UTC), "action": "next", "cue_index": sec},
                )
            if sec % 120 == 0:
                store.insert_idempotent(
                    Incident,
                    {"show_id": show, "at": datetime.now(UTC), "category": "tech", "text": "x"},
                    children={IncidentHistory: [{"who": "tech", "field": "created"}]},
                )
        queue_s = time.perf_counter() - t0
        queued = store.outbox_size()
        print(f"outage of {minutes} min: {samples} samples + events = {queued} outbox entries, "
              f"queued in {queue_s:.2f} s ({queue_s / queued * 1000:.2f} ms per entry)")  # fmt: skip

        stop = threading.Event()
        live = [0]

        def feed() -> None:  # the live feed keeps running at 1 Hz while the backlog drains
            sec = 0
            while not stop.wait(1.0):
                rows = [{"show_id": show, "source": "live", "metric": f"m{m}",
                         "ts": time.time(), "value": sec} for m in range(15)]  # fmt: skip
                store.write_rows(MetricSample, rows)
                live[0] += 1
                sec += 1

        feeder = threading.Thread(target=feed, name="bench-feed")
        feeder.start()
        t1 = time.perf_counter()
        store.link.update(online=True)  # the link is back
        flushed = 0
        while True:
            flushed += store.flush_outbox()
            if store.outbox_size() == 0:
                break
        catch_up = time.perf_counter() - t1
        stop.set()
        feeder.join()
        store.flush_outbox()
        with store.session() as s:
            from sqlalchemy import func, select

            stored = s.scalar(select(func.count()).select_from(MetricSample)) or 0
        print(f"catch-up: {flushed} entries replayed in {catch_up:.2f} s "
              f"({samples / catch_up:,.0f} samples/s) with the live feed running "
              f"({live[0]} live batches during the catch-up); "
              f"{stored} samples stored (expected {samples + live[0] * 15})")  # fmt: skip
    finally:
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--transitions", type=int, default=1000)
    ap.add_argument("--outage-min", type=int, default=10)
    args = ap.parse_args()
    cluster = PgCluster().init()
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        os.environ.update(cluster.env())
        os.environ["STUDIO_DATA_DIR"] = str(tmp / "bench")
        from studio.store.shows import create_show
        from studio.store.store import Store

        url = cluster.url(cluster.create_database("bench"))
        setup = Store.open(url, sync=False)
        show = create_show(setup, "Bench show")
        setup.close()
        print(f"PostgreSQL {cluster.psql('SHOW server_version')} on 127.0.0.1, "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")  # fmt: skip
        bench_latency(url, cluster.env(), show, args.transitions, tmp)
        bench_catch_up(url, show, args.outage_min)
    finally:
        cluster.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
