"""Sample parsing, the batched writer and the simulator."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlalchemy import func, select

from studio.metrics.samples import SampleError, make_row, parse_object, parse_ts
from studio.metrics.sources.sim import ShowSimulator, SimulatorRunner
from studio.metrics.writer import MetricWriter, WriterStopped, write_samples
from studio.store.models import ChangeLog, MetricSample
from studio.store.shows import create_show

T0 = 1_794_000_000.0


def _count(store) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(MetricSample)) or 0)


def test_parse_narrow_and_wide_objects() -> None:
    """Narrow and wide JSON objects become rows; ISO times with zone equal the epoch value."""
    rows = parse_object(
        {"ts": "2026-11-11T20:00:01+08:00", "metric": "gmv_cents", "value": 12900, "sku": "A1"},
        1,
        "x",
    )
    assert rows == [make_row(1, "x", "gmv_cents", parse_ts(1_794_398_401), 12900, "A1")]
    wide = parse_object({"ts": T0, "online_viewers": 812, "orders": 3, "likes": None}, 1, "x")
    assert {(r["metric"], r["value"]) for r in wide} == {("online_viewers", 812), ("orders", 3)}
    real = parse_object({"ts": T0, "avg_watch_seconds": 61.5}, 1, "x")
    assert real[0]["value"] is None and real[0]["value_real"] == 61.5


@pytest.mark.parametrize(
    ("obj", "reason"),
    [
        ([1, 2], "expected a JSON object"),
        ({"metric": "orders", "value": 1}, "missing 'ts'"),
        ({"ts": "yesterday", "orders": 1}, "not an ISO time"),
        ({"ts": T0 * 1000, "orders": 1}, "milliseconds"),
        ({"ts": T0, "ordres": 1}, "unknown metric"),
        ({"ts": T0, "orders": -1}, "negative"),
        ({"ts": T0, "gmv_cents": 12.5}, "cents"),
        ({"ts": T0, "orders": "many"}, "not a number"),
        ({"ts": T0, "orders": True}, "must be a number"),
        ({"ts": T0}, "no metric values"),
    ],
)
def test_parse_rejects_bad_objects_with_reason(obj: object, reason: str) -> None:
    """Every kind of bad object is refused with a message naming what is wrong."""
    with pytest.raises(SampleError, match=reason):
        parse_object(obj, 1, "x")


def test_writer_batches_and_ignores_duplicates(store) -> None:  # type: ignore[no-untyped-def]
    """Rows submitted from a thread are committed in batches; resubmitting never duplicates."""
    sid = create_show(store, "t")
    seen: list[object] = []
    store.bus.subscribe(seen.append)
    writer = MetricWriter(store, max_batch=500, flush_interval=0.05).start()
    try:
        rows = [make_row(sid, "t", "orders", T0 + i, i) for i in range(2_000)]
        feeder = threading.Thread(
            target=lambda: [writer.submit(rows[i : i + 100]) for i in range(0, 2_000, 100)]
        )
        feeder.start()
        feeder.join()
        writer.submit(rows[:700])  # a retry of what was already sent
        assert writer.flush(10)
    finally:
        writer.stop()
    assert _count(store) == 2_000
    assert writer.stats.inserted == 2_000 and writer.stats.batches >= 4
    assert seen and all(c.table == "metric_sample" and c.show_id == sid for c in seen)
    with store.session() as s:
        changes = s.scalar(
            select(func.count()).select_from(ChangeLog).where(ChangeLog.table == "metric_sample")
        )
    assert changes == writer.stats.batches
    with pytest.raises(WriterStopped):
        writer.submit(rows[:1])


def test_write_now_commits_before_returning(store) -> None:  # type: ignore[no-untyped-def]
    """The synchronous path has committed when it returns and reports duplicates as 0 new."""
    sid = create_show(store, "t")
    rows = [make_row(sid, "http", "orders", T0, 5), make_row(sid, "http", "likes", T0, 9)]
    assert write_samples(store, rows) == 2
    assert _count(store) == 2
    assert write_samples(store, rows) == 0
    assert _count(store) == 2


def test_writer_stop_drains_buffer(store) -> None:  # type: ignore[no-untyped-def]
    """stop() writes what is still buffered (even mid-linger) before the thread ends."""
    sid = create_show(store, "t")
    writer = MetricWriter(store, flush_interval=30).start()
    writer.submit([make_row(sid, "t", "orders", T0 + i, i) for i in range(10)])
    writer.stop()
    assert _count(store) == 10 and not writer.running


SEGS = [
    {"key": "a", "kind": "product", "planned_seconds": 300, "product_sku": "S1"},
    {
        "key": "f",
        "kind": "flash_sale",
        "planned_seconds": 180,
        "product_sku": "S2",
        "extra": {"quantity": 150, "price_cents": 4_900},
    },
    {"key": "b", "kind": "talk", "planned_seconds": 300},
]


def _run(seed: int) -> list[list[dict[str, object]]]:
    sim = ShowSimulator(SEGS, show_id=1, start_ts=T0, seed=seed, prices={"S1": 19_900})
    return list(sim.run_all())


def test_simulator_is_reproducible() -> None:
    """The same script and seed give identical samples; another seed differs."""
    assert _run(7) == _run(7)
    assert _run(7) != _run(8)


def _per_minute(steps: list[list[dict[str, object]]], metric: str) -> list[int]:
    cum = [
        next(
            int(r["value"])
            for r in rows  # type: ignore[call-overload]
            if r["metric"] == metric and r["sku"] == ""
        )
        for rows in steps
    ]
    return [cum[i + 59] - (cum[i - 1] if i else 0) for i in range(0, len(cum) - 59, 60)]


def test_simulator_flash_sale_spikes_orders_and_is_plausible() -> None:
    """Orders per minute in the flash sale beat the product talk; totals stay consistent."""
    steps = _run(3)
    per_min = _per_minute(steps, "orders")
    talk, flash = per_min[:5], per_min[5:8]
    assert max(flash) > 3 * max(1, max(talk))
    last = {r["metric"]: r for r in steps[-1] if r["sku"] == ""}
    assert last["buyers"]["value"] <= last["product_clicks"]["value"]
    assert last["product_clicks"]["value"] <= last["product_exposures"]["value"]
    assert last["viewers_total"]["value"] <= last["entries"]["value"]
    sku2 = [r for r in steps[400] if r["sku"] == "S2" and r["metric"] == "orders"]
    assert sku2 and 0 < sku2[0]["value"] <= 150 * 1.3
    # Monotonic cumulative totals
    gmv = [
        next(r["value"] for r in rows if r["metric"] == "gmv_cents" and r["sku"] == "")
        for rows in steps
    ]
    assert all(b >= a for a, b in itertools.pairwise(gmv))


def test_simulator_runner_with_fake_clock_and_speed() -> None:
    """At 60x with an injected clock the runner paces samples by simulated time and stops."""
    now = [0.0]
    waits: list[float] = []

    class FakeStop(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            waits.append(timeout or 0.0)
            now[0] += timeout or 0.0
            return False

    sim = ShowSimulator(SEGS, show_id=1, start_ts=T0, seed=1)
    got: list[list[dict[str, object]]] = []
    runner = SimulatorRunner(
        sim, got.append, speed=60.0, clock=lambda: now[0], stop_event=FakeStop()
    )
    runner.run()
    assert len(got) == 780
    assert now[0] == pytest.approx(780 / 60.0)
    assert got[-1][0]["ts"] == T0 + 780


def test_writer_refuses_rows_of_a_missing_show_and_carries_on(store) -> None:  # type: ignore[no-untyped-def]
    """A batch the database refuses (unknown show) is counted as rejected, not retried, and the
    next batch is written; duplicates inside one batch are stored once; gauges keep decimals."""
    sid = create_show(store, "t")
    writer = MetricWriter(store, flush_interval=0.01).start()
    try:
        writer.submit([make_row(sid + 99, "t", "orders", T0, 1)])
        assert writer.flush(10)
        rows = [make_row(sid, "t", "orders", T0 + i // 2, i // 2) for i in range(10)]
        writer.submit([*rows, make_row(sid, "t", "avg_watch_seconds", T0, 61.25)])
        assert writer.flush(10)
    finally:
        writer.stop()
    assert writer.stats.rejected == 1 and writer.stats.retries == 0
    assert writer.stats.inserted == 6 and _count(store) == 6
    with store.session() as s:
        real = s.scalar(select(MetricSample.value_real).where(MetricSample.value_real.is_not(None)))
    assert real == 61.25


def test_min_max_decimate_keeps_extremes_order_and_newest_samples() -> None:
    """Decimation for the whole-show graph keeps every bin's peak and dip in time order and
    the newest samples; short series pass through untouched."""
    import numpy as np

    from studio.metrics.series import min_max_decimate

    ts = np.arange(10_005, dtype=float)
    v = np.sin(ts / 37.0) * 100 + (ts % 997 == 0) * 500  # spikes a plain subsample would miss
    x, y = min_max_decimate(ts, v, 1000)
    assert len(x) <= 2 * 1000 + 20 and np.all(np.diff(x) > 0)
    assert y.max() == v.max() and y.min() == v.min()
    assert x[-1] == ts[-1] and y[-1] == v[-1]
    assert set(x.tolist()) >= {float(i) for i in np.flatnonzero(ts % 997 == 0)}
    short_x, short_y = min_max_decimate(ts[:50], v[:50], 1000)
    assert np.array_equal(short_x, ts[:50]) and np.array_equal(short_y, v[:50])
