"""Sustained ingestion rate through the real path: MetricWriter (one thread, batched inserts
with ON CONFLICT DO NOTHING) into SQLite and PostgreSQL, plus the file tailer end to end.

For comparison it prints the raw sqlite3 executemany ceiling on the same schema (same key,
foreign keys on, same batch size), a row a statement and 100 rows a statement (what the writer
does). Each figure is measured --repeat times; best and
median are printed with the load average, because the machine is shared. "cpu" is samples per
CPU second of the whole process (less sensitive to other processes than wall time).

Usage: .venv/bin/python benchmarks/bench_ingest.py [--rows N] [--repeat R]
       [--pg postgresql://... | --pg auto (throwaway server, the default) | --pg none]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

T0 = 1_794_000_000.0
Rate = tuple[float, float]  # (wall samples/s, cpu samples/s)


def _rows(sid: int, n: int) -> list[dict[str, object]]:
    from studio.metrics.names import NAMES
    from studio.metrics.samples import make_row

    names = [m for m in NAMES if m != "avg_watch_seconds"][:12]
    return [make_row(sid, "bench", names[i % 12], T0 + i // 12, i) for i in range(n)]


def _timed(n: int, work: Callable[[], None]) -> Rate:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return n / (time.perf_counter() - wall), n / max(1e-9, time.process_time() - cpu)


def through_writer(url: str, n: int, batch: int) -> Rate:
    from studio.metrics.writer import MetricWriter
    from studio.store.shows import create_show
    from studio.store.store import Store

    store = Store.open(url, sync=False)
    rows = _rows(create_show(store, "bench"), n)
    writer = MetricWriter(store, max_batch=batch, max_pending=max(200_000, n)).start()

    def work() -> None:
        for i in range(0, n, 2_000):  # a source submits in bursts
            writer.submit(rows[i : i + 2_000])
        if not writer.flush(600):
            raise RuntimeError("writer did not drain")

    try:
        rate = _timed(n, work)
    finally:
        writer.stop()
        store.close()
    if writer.stats.inserted != n:
        raise RuntimeError(f"inserted {writer.stats.inserted} of {n}")
    return rate


def through_tailer(url: str, d: Path, n: int) -> Rate:
    """JSONL file -> parse -> quarantine/offset bookkeeping -> insert, one thread."""
    from studio.metrics.sources.tail import FileTailer
    from studio.store.shows import create_show
    from studio.store.store import Store

    store = Store.open(url, sync=False)
    sid = create_show(store, "bench")
    path = d / f"feed-{time.monotonic_ns()}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for t in range(n // 12):  # wide rows: what a console scraper writes once a second
            row = {"ts": T0 + t, **{m: t * (j + 1) for j, m in enumerate(_TAIL_METRICS)}}
            f.write(json.dumps(row) + "\n")
    try:
        return _timed(
            n // 12 * 12, lambda: FileTailer(store, sid, path).run(threading.Event(), follow=False)
        )
    finally:
        store.close()
        path.unlink()


_TAIL_METRICS = (
    "online_viewers",
    "viewers_total",
    "entries",
    "exposures",
    "product_exposures",
    "product_clicks",
    "orders",
    "buyers",
    "gmv_cents",
    "new_followers",
    "comments",
    "likes",
)


def raw_ceiling(path: Path, n: int, batch: int, page: int = 1) -> Rate:
    from studio.store.store import Store

    Store.open(f"sqlite:///{path}").close()  # the real schema and indexes
    c = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
        c.execute(f"PRAGMA {pragma}")  # what studio.store.engine sets
    c.execute(
        "INSERT INTO show (title, status, platform, theme, planned_seconds, "
        "gmv_target_cents, traffic_target, is_rehearsal, created_at) "
        "VALUES ('raw', 'planned', '', '', 0, 0, 0, 0, '2026-01-01T00:00:00+00:00')"
    )
    sid = c.execute("SELECT max(id) FROM show").fetchone()[0]
    rows = [(sid, "raw", f"m{i % 12}", "", T0 + i // 12, i, None) for i in range(n)]
    sql = (
        "INSERT INTO metric_sample (show_id, source, metric, sku, ts, value, value_real) "
        f"VALUES {', '.join(['(?,?,?,?,?,?,?)'] * page)} ON CONFLICT DO NOTHING"
    )
    # Rows flattened into pages of `page` rows a statement (n is a multiple of the page here).
    flat = [v for r in rows for v in r]
    pages = [tuple(flat[i : i + 7 * page]) for i in range(0, len(flat), 7 * page)]
    per_batch = max(1, batch // page)

    def work() -> None:
        for i in range(0, len(pages), per_batch):
            c.execute("BEGIN")
            c.executemany(sql, pages[i : i + per_batch])
            c.execute("COMMIT")

    try:
        return _timed(n, work)
    finally:
        c.close()


def report(label: str, rates: list[Rate]) -> None:
    walls = [r[0] for r in rates]
    cpus = [r[1] for r in rates]
    print(
        f"{label}: best {max(walls):,.0f} samples/s, median {statistics.median(walls):,.0f} "
        f"(cpu: best {max(cpus):,.0f}, median {statistics.median(cpus):,.0f}) "
        f"over {len(rates)} runs; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=10_000, help="MetricWriter max_batch")
    ap.add_argument("--pg", default="auto", help="a PostgreSQL URL, 'auto' or 'none'")
    args = ap.parse_args()
    n, batch = args.rows, args.batch
    print(f"{n:,} samples (12 metrics at 1 Hz), batches of {batch:,}; {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        writer, raw, raw_paged, tail = [], [], [], []
        for i in range(args.repeat):
            writer.append(through_writer(f"sqlite:///{d / f'w{i}.db'}", n, batch))
            raw.append(raw_ceiling(d / f"r{i}.db", n, batch))
            raw_paged.append(raw_ceiling(d / f"p{i}.db", n, batch, page=100))
            tail.append(through_tailer(f"sqlite:///{d / f't{i}.db'}", d, n // 2))
            for f in d.glob("*.db*"):
                f.unlink()
        report("SQLite, MetricWriter (real path)", writer)
        report("SQLite, raw sqlite3 executemany (a row a statement), same schema", raw)
        report("SQLite, raw sqlite3 executemany (100 rows a statement), same schema", raw_paged)
        report("SQLite, JSONL file tail end to end (parse+insert)", tail)
    if args.pg == "none":
        return
    pg_n = min(n, 200_000)
    if args.pg == "auto":
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from pg_server import NoServer, create_database, throwaway_server

        try:
            with throwaway_server() as server:
                rates = [through_writer(create_database(server), pg_n, batch) for _ in range(2)]
                with tempfile.TemporaryDirectory() as tmp2:
                    tails = [through_tailer(create_database(server), Path(tmp2), pg_n // 2)]
        except NoServer as exc:
            print(f"PostgreSQL: skipped ({exc})")
            return
        where = "throwaway local server, fsync=off"
    else:
        rates = [through_writer(args.pg, pg_n, batch) for _ in range(2)]
        tails = []
        where = "given server"
    report(f"PostgreSQL ({where}), MetricWriter, {pg_n:,} samples", rates)
    if tails:
        report("PostgreSQL, JSONL file tail end to end", tails)


if __name__ == "__main__":
    main()
