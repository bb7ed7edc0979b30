"""The metrics write and read paths on PostgreSQL: writer, duplicates, tailer, KPIs, HTTP."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures (rootdir conftest puts tests/ on sys.path)
from sqlalchemy import func, select

from studio.metrics.samples import make_row
from studio.metrics.series import snapshot
from studio.metrics.sources.tail import FileTailer
from studio.metrics.writer import MetricWriter, insert_sample_rows, write_samples
from studio.store.models import IngestOffset, MetricQuarantine, MetricSample
from studio.store.shows import create_show
from studio.store.store import Store

pytestmark = pytest.mark.postgres
T0 = 1_794_000_000.0


@pytest.fixture
def pg_store(pg_url: str):  # type: ignore[no-untyped-def]  # noqa: F811
    s = Store.open(pg_url)
    yield s
    s.close()


def test_writer_and_duplicates_on_postgres(pg_store) -> None:  # type: ignore[no-untyped-def]
    """Batched ON CONFLICT DO NOTHING inserts work on PostgreSQL; retries do not duplicate."""
    sid = create_show(pg_store, "pg", gmv_target_cents=1_000_000)
    rows = [
        make_row(sid, "t", m, T0 + i, i * 100)
        for i in range(1_500)
        for m in ("gmv_cents", "viewers_total")
    ]
    writer = MetricWriter(pg_store, max_batch=1000).start()
    try:
        writer.submit(rows)
        writer.submit(rows[:800])
        assert writer.flush(30)
    finally:
        writer.stop()
    assert write_samples(pg_store, rows[:10]) == 0
    with pg_store.session() as s:
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 3_000
    snap = snapshot(pg_store, sid)
    assert snap.totals["gmv_cents"] == 149_900 and snap.kpis.gpm_yuan == pytest.approx(
        10.0
    )  # ¥1,499 per 1,499 viewers x 1000


def test_tailer_on_postgres(pg_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The tailer commits rows, quarantine and offset together on PostgreSQL, and resumes."""
    sid = create_show(pg_store, "pg")
    f = tmp_path / "m.jsonl"
    f.write_text(json.dumps({"ts": T0, "orders": 1}) + "\nbad\n", encoding="utf-8")
    FileTailer(pg_store, sid, f).run(threading.Event(), follow=False)
    with f.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"ts": T0 + 1, "orders": 2}) + "\n")
    FileTailer(pg_store, sid, f).run(threading.Event(), follow=False)
    with pg_store.session() as s:
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 2
        assert s.scalar(select(MetricQuarantine.line_no)) == 2
        assert s.scalar(select(IngestOffset.line_no)) == 3


def test_writer_rejects_unknown_show_and_dedups_within_a_batch_on_postgres(pg_store) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL a refused batch (unknown show) is rejected without retries, the next batch
    is written, in-batch duplicates are stored once, and two batches in one transaction work."""
    sid = create_show(pg_store, "pg")
    writer = MetricWriter(pg_store, flush_interval=0.01).start()
    try:
        writer.submit([make_row(sid + 99, "t", "orders", T0, 1)])
        assert writer.flush(30)
        rows = [make_row(sid, "t", "orders", T0 + i // 2, i // 2) for i in range(10)]
        writer.submit([*rows, make_row(sid, "t", "avg_watch_seconds", T0, 61.25)])
        assert writer.flush(30)
    finally:
        writer.stop()
    assert writer.stats.rejected == 1 and writer.stats.retries == 0
    assert writer.stats.inserted == 6
    with pg_store.transaction() as s:
        first, _ = insert_sample_rows(
            pg_store, s, [make_row(sid, "u", "likes", T0 + i, i) for i in range(5)]
        )
        again, _ = insert_sample_rows(
            pg_store, s, [make_row(sid, "u", "likes", T0 + i, i) for i in range(7)]
        )
    assert (first, again) == (5, 2)
    with pg_store.session() as s:
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 13
        real = s.scalar(select(MetricSample.value_real).where(MetricSample.value_real.is_not(None)))
    assert real == 61.25


def test_series_cache_picks_up_rows_committed_late(pg_store) -> None:  # type: ignore[no-untyped-def]
    """A batch of older samples that commits after a later batch was read still reaches the
    dashboard's cache, in time order, exactly once: its change names its earliest second."""
    from studio.metrics.series import SeriesCache

    sid = create_show(pg_store, "pg")
    cache = SeriesCache(sid, ("orders", "likes"))
    slow = pg_store.session()
    slow.begin()
    slow_rows = [make_row(sid, "slow", "orders", T0 + i, i) for i in range(3)]
    _n, changes = insert_sample_rows(pg_store, slow, slow_rows)  # visible only at commit
    assert [(c.table, c.since, c.show_id) for c in changes] == [("metric_sample", T0, sid)]
    # Another series: the slow transaction holds its series row until it commits (PostgreSQL
    # locks a row an upsert touches), so a writer of the same series would wait for it.
    write_samples(pg_store, [make_row(sid, "fast", "likes", T0 + 10 + i, 10 + i) for i in range(2)])
    with pg_store.session() as s:
        assert cache.refresh(s) == 2
    slow.commit()
    slow.close()
    with pg_store.session() as s:
        assert cache.refresh(s) == 0  # outside the overlap: only the change's time finds them
        assert cache.refresh(s, since=changes[0].since) == 3
        assert cache.refresh(s) == 0
    ts, v = cache.get("orders")
    assert list(ts) == [T0, T0 + 1, T0 + 2] and list(v) == [0, 1, 2]
    assert list(cache.get("likes")[0]) == [T0 + 10, T0 + 11]
    assert cache.late_rows == 3
