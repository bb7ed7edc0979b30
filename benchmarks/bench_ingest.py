"""Sustained ingestion rate through the real path: MetricWriter (one thread, batched
INSERT ... ON CONFLICT DO NOTHING) into SQLite (and PostgreSQL with --pg URL).

Also prints the raw sqlite3 executemany ceiling on the same schema for comparison.
Usage: .venv/bin/python benchmarks/bench_ingest.py [--rows N] [--pg postgresql://...]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path


def through_writer(url: str, n: int) -> tuple[float, int]:
    from studio.metrics.names import NAMES
    from studio.metrics.samples import make_row
    from studio.metrics.writer import MetricWriter
    from studio.store.shows import create_show
    from studio.store.store import Store

    store = Store.open(url)
    sid = create_show(store, "bench")
    names = [m for m in NAMES if m != "avg_watch_seconds"][:12]
    t0 = 1_794_000_000.0
    rows = [make_row(sid, "bench", names[i % 12], t0 + i // 12, i) for i in range(n)]
    writer = MetricWriter(store).start()
    start = time.perf_counter()
    for i in range(0, n, 2_000):  # a source submits in bursts
        writer.submit(rows[i : i + 2_000])
    writer.flush(600)
    elapsed = time.perf_counter() - start
    writer.stop()
    store.close()
    return n / elapsed, writer.stats.batches


def raw_ceiling(path: Path, n: int) -> float:
    from studio.store.store import Store

    Store.open(f"sqlite:///{path}").close()  # the real schema and indexes
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=NORMAL")
    c.execute(
        "INSERT INTO show (title, status, platform, theme, planned_seconds, "
        "gmv_target_cents, traffic_target, is_rehearsal, created_at) "
        "VALUES ('raw', 'planned', '', '', 0, 0, 0, 0, '2026-01-01T00:00:00+00:00')"
    )
    sid = c.execute("SELECT max(id) FROM show").fetchone()[0]
    rows = [(sid, "raw", f"m{i % 12}", "", 1_794_000_000.0 + i // 12, i, None) for i in range(n)]
    sql = (
        "INSERT INTO metric_sample (show_id, source, metric, sku, ts, value, value_real) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"
    )
    start = time.perf_counter()
    for i in range(0, n, 1000):
        c.execute("BEGIN")
        c.executemany(sql, rows[i : i + 1000])
        c.execute("COMMIT")
    elapsed = time.perf_counter() - start
    c.close()
    return n / elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--pg", help="also measure a PostgreSQL database URL")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        rate, batches = through_writer(f"sqlite:///{Path(d) / 'w.db'}", args.rows)
        print(
            f"SQLite, MetricWriter (real path): {rate:,.0f} samples/s "
            f"({args.rows:,} rows, {batches} batches)"
        )
        print(
            f"SQLite, raw sqlite3 executemany, same schema/indexes: "
            f"{raw_ceiling(Path(d) / 'r.db', args.rows):,.0f} samples/s"
        )
    if args.pg:
        rate, batches = through_writer(args.pg, args.rows)
        print(f"PostgreSQL, MetricWriter: {rate:,.0f} samples/s ({batches} batches)")


if __name__ == "__main__":
    main()
