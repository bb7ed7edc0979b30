"""Insights across shows (`studio insights`): 100 stored 3-hour shows must take under 2 s.

Builds a throwaway SQLite database of N live shows from the demo script stretched to 3 hours:
rundown events at every segment boundary, one or two anchors, and samples every --step seconds
for the 15 platform metrics plus per-SKU totals every minute, written with the bulk sample
insert (studio.store.samples.insert_samples). Then times `load_insights` --repeat times and
prints best and median with the load average (the machine is shared).

Usage: .venv/bin/python benchmarks/bench_insights.py [--shows 100] [--hours 3] [--step 5]
       [--repeat 5] [--db PATH]
"""

from __future__ import annotations

import argparse
import operator
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo" / "show.yaml"
T0 = 1_790_000_000.0  # a Sunday evening in 2026 (UTC)
TARGET_S = 2.0


def build(db: Path, shows: int, hours: float, step: int) -> int:
    """Fill the database; returns the number of samples written."""
    from sqlalchemy import insert, update

    from studio.metrics.names import NAMES
    from studio.planning.crew import add_crew
    from studio.script.store_io import create_show_from_script_file
    from studio.store.models import CueEvent, Product, Segment, Show
    from studio.store.samples import insert_samples
    from studio.store.store import Store
    from studio.timeutil import from_epoch

    store = Store.open(f"sqlite:///{db}", sync=False)
    rng = np.random.default_rng(1)
    total = 0
    try:
        for k in range(shows):
            sid = create_show_from_script_file(store, DEMO)
            add_crew(store, sid, "anchor", ("小美", "阿强", "丽丽")[k % 3])
            if k % 4 == 0:
                add_crew(store, sid, "anchor", "小林")
            # Every other day (so every weekday comes round), at three start hours.
            start = T0 + k * 2 * 86_400 + (k % 3) * 3600
            span = hours * 3600
            with store.transaction() as s:
                segs = list(
                    s.query(Segment).filter(Segment.show_id == sid).order_by(Segment.position)
                )
                planned = np.array([g.planned_seconds for g in segs], dtype=float)
                durations = planned / planned.sum() * span * rng.uniform(0.9, 1.1, len(segs))
                bounds = start + np.concatenate(([0.0], np.cumsum(durations)))
                bounds[-1] = start + span
                events = [("start", bounds[0], 0)]
                events += [("jump", bounds[i], i) for i in range(1, len(segs))]
                events.append(("end", bounds[-1], len(segs) - 1))
                s.execute(
                    insert(CueEvent),
                    [
                        {
                            "show_id": sid,
                            "at": from_epoch(float(at)),
                            "action": action,
                            "segment_key": segs[i].key,
                            "segment_index": i,
                            "cue_index": 0,
                            "detail": {},
                        }
                        for action, at, i in events
                    ],
                )
                s.execute(
                    update(Show)
                    .where(Show.id == sid)
                    .values(
                        status="ended",
                        started_at=from_epoch(start),
                        ended_at=from_epoch(start + span),
                    )
                )
                skus = [p.sku for p in s.query(Product).filter(Product.show_id == sid)]
            ts = start + np.arange(step, span + step, step, dtype=float)
            n = len(ts)
            online = np.maximum(0, 800 + np.cumsum(rng.normal(0, 25, n))).round()
            incs = {m: rng.poisson(lam, n) for m, lam in _RATES.items()}
            rows: list[dict[str, object]] = []
            for m in NAMES:
                if m == "online_viewers":
                    vals = online
                elif m == "avg_watch_seconds":
                    vals = np.linspace(30, 240, n)
                else:
                    vals = np.cumsum(incs.get(m, rng.poisson(3, n)))
                real = m == "avg_watch_seconds"
                rows.extend(
                    {
                        "show_id": sid,
                        "source": "bench",
                        "metric": m,
                        "sku": "",
                        "ts": float(t),
                        "value": None if real else int(v),
                        "value_real": float(v) if real else None,
                    }
                    for t, v in zip(ts, vals, strict=True)
                )
            minute = ts[:: max(1, 60 // step)]
            for sku in skus:
                for m in ("product_exposures", "product_clicks", "buyers", "orders", "gmv_cents"):
                    vals = np.cumsum(rng.poisson(_SKU_RATES[m], len(minute)))
                    rows.extend(
                        {
                            "show_id": sid,
                            "source": "bench",
                            "metric": m,
                            "sku": sku,
                            "ts": float(t),
                            "value": int(v),
                            "value_real": None,
                        }
                        for t, v in zip(minute, vals, strict=True)
                    )
            rows.sort(key=operator.itemgetter("ts"))  # time order: insert_samples' fast path
            with store.transaction() as s:
                for i in range(0, len(rows), 20_000):
                    inserted, _ = insert_samples(s, rows[i : i + 20_000], store.record_change)
                    total += inserted
            if (k + 1) % 10 == 0:
                print(f"  built {k + 1}/{shows} shows, {total:,} samples", file=sys.stderr)
    finally:
        store.close()
    return total


# Mean increments per sample interval of the cumulative metrics (per 5 s, roughly the demo's).
_RATES = {
    "viewers_total": 20,
    "entries": 24,
    "exposures": 90,
    "product_exposures": 60,
    "product_clicks": 7,
    "orders": 1,
    "buyers": 1,
    "gmv_cents": 9_000,
    "new_followers": 2,
    "comments": 5,
    "likes": 40,
    "shares": 1,
    "ad_spend_cents": 300,
}
_SKU_RATES = {
    "product_exposures": 90,
    "product_clicks": 10,
    "buyers": 1,
    "orders": 1,
    "gmv_cents": 12_000,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shows", type=int, default=100)
    ap.add_argument("--hours", type=float, default=3.0)
    ap.add_argument("--step", type=int, default=5, help="seconds between samples (default 5)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", help="reuse (or build) this database file")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from studio.review.insights_load import load_insights
    from studio.store.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "insights.db"
        if not db.exists():
            t = time.perf_counter()
            n = build(db, args.shows, args.hours, args.step)
            took = time.perf_counter() - t
            print(f"built {args.shows} shows x {args.hours:g} h: {n:,} samples in {took:.1f} s")
        store = Store.open(f"sqlite:///{db}", sync=False)
        try:
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                ins = load_insights(store)
                times.append(time.perf_counter() - t)
        finally:
            store.close()
    best, med = min(times), statistics.median(times)
    load = os.getloadavg()[0]
    print(
        f"insights over {ins.shows} shows ({ins.hours:,.0f} h, {len(ins.products)} products, "
        f"{sum(k.segments for k in ins.kinds)} segments, {len(ins.anchors)} anchors): "
        f"best {best:.3f} s, median {med:.3f} s (load {load:.1f}; target < {TARGET_S:.0f} s: "
        f"{'ok' if best < TARGET_S else 'MISSED'})"
    )
    return 0 if best < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
