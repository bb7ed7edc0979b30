"""Samples keyed by time: the paged insert, the series spans, latest values, the dashboard cache
reading by time (late rows included) and the migration of rows stored under the old key."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from studio.metrics.samples import make_row
from studio.metrics.series import SeriesCache, latest_value, time_range, totals_at
from studio.metrics.writer import write_samples
from studio.store import migrate
from studio.store.engine import make_engine
from studio.store.models import MetricSample, MetricSeries
from studio.store.shows import create_show
from studio.store.store import Store

T0 = 1_794_000_000.0


def _count(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(MetricSample)) or 0)


@pytest.mark.parametrize("n", [1, 99, 100, 101, 250, 1_000])
def test_paged_insert_counts_exactly_around_page_boundaries(store: Store, n: int) -> None:
    """Rows go in pages of 100: every batch size lands whole, and a retry overlapping the
    stored rows inserts only what is new."""
    sid = create_show(store, "t")
    rows = [make_row(sid, "s", "orders", T0 + i, i) for i in range(n)]
    assert write_samples(store, rows) == n
    more = [make_row(sid, "s", "orders", T0 + n + i, n + i) for i in range(37)]
    assert write_samples(store, rows[n // 2 :] + more) == 37
    assert _count(store) == n + 37
    with store.session() as s:
        values = list(s.scalars(select(MetricSample.value).order_by(MetricSample.ts)))
    assert values == list(range(n + 37))


def test_series_spans_and_latest_values(store: Store) -> None:
    """metric_series holds each series' first and last time; latest values and totals read
    through it, per sku, at a past moment, and None for a metric that never reported."""
    sid = create_show(store, "t")
    other = create_show(store, "other")
    rows = [make_row(sid, "sim", "orders", T0 + i, i) for i in range(0, 100, 10)]
    rows += [make_row(sid, "sim", "orders", T0 + 55, 7, sku="A1")]
    rows += [make_row(sid, "sim", "online_viewers", T0 + i, 500 + i) for i in range(100)]
    rows += [make_row(other, "sim", "orders", T0 + 500, 999)]
    write_samples(store, rows[::-1])  # arrival order does not matter
    write_samples(store, [make_row(sid, "late", "orders", T0 - 30, 0)])
    with store.session() as s:
        spans = {
            (m, k): (a - T0, b - T0)
            for m, k, a, b in s.execute(
                select(
                    MetricSeries.metric,
                    MetricSeries.sku,
                    MetricSeries.first_ts,
                    MetricSeries.last_ts,
                ).where(MetricSeries.show_id == sid)
            )
        }
        assert spans == {
            ("orders", ""): (-30, 90),
            ("orders", "A1"): (55, 55),
            ("online_viewers", ""): (0, 99),
        }
        assert latest_value(s, sid, "orders") == 90
        assert latest_value(s, sid, "orders", at=T0 + 45) == 40
        assert latest_value(s, sid, "orders", at=T0 - 31) is None
        assert latest_value(s, sid, "orders", sku="A1") == 7
        assert latest_value(s, sid, "orders", at=T0 + 54, sku="A1") is None
        assert latest_value(s, sid, "orders", sku="B2") is None
        assert latest_value(s, sid, "ad_spend_cents") is None
        assert latest_value(s, other, "orders") == 999
        totals = totals_at(s, sid, at=T0 + 20, metrics=("orders", "online_viewers", "likes"))
        assert totals == {"orders": 20, "online_viewers": 520, "likes": None}
        assert time_range(s, sid) == (T0 - 30, T0 + 99)
        assert time_range(s, create_show(store, "empty")) is None


def test_change_names_the_batch_earliest_second(store: Store) -> None:
    sid = create_show(store, "t")
    seen: list[object] = []
    store.bus.subscribe(seen.append)
    write_samples(
        store, [make_row(sid, "s", "orders", T0 + 9.7, 1), make_row(sid, "s", "likes", T0 + 3.2, 2)]
    )
    assert [(c.table, c.since, c.show_id) for c in seen] == [("metric_sample", T0 + 3, sid)]  # type: ignore[attr-defined]


def test_cache_reads_by_time_and_takes_late_rows_exactly_once(store: Store) -> None:
    """The dashboard cache tops up from a little before its newest sample; older late rows
    (an offline station's replay) come in when the change's earliest second is passed."""
    sid = create_show(store, "t")
    cache = SeriesCache(sid, ("orders", "online_viewers"))
    write_samples(store, [make_row(sid, "a", "orders", T0 + i, i) for i in range(0, 60)])
    write_samples(
        store, [make_row(sid, "a", "orders", T0 + 5, 5, sku="A1")]
    )  # sku rows are not plotted
    with store.engine.connect() as conn:
        assert cache.refresh(conn) == 60
        assert cache.refresh(conn) == 0
    # Inside the overlap: found without being told.
    write_samples(store, [make_row(sid, "b", "orders", T0 + 58.5, 100)])
    # Long before the newest sample: needs the change's time.
    seen: list[object] = []
    store.bus.subscribe(seen.append)
    write_samples(
        store,
        [
            make_row(sid, "b", "orders", T0 + 10.5, 200),
            make_row(sid, "b", "online_viewers", T0 + 11, 800),
        ],
    )
    with store.engine.connect() as conn:
        assert cache.refresh(conn) == 1
        since = seen[-1].since  # type: ignore[attr-defined]
        assert since == T0 + 10
        assert cache.refresh(conn, since=since) == 2
        assert cache.refresh(conn, since=since) == 0  # read again, nothing doubled
    ts, v = cache.get("orders")
    assert len(ts) == 62 and list(ts) == sorted(ts)
    assert v[list(ts).index(T0 + 10.5)] == 200 and v[list(ts).index(T0 + 58.5)] == 100
    assert cache.get("online_viewers")[1].tolist() == [800.0]
    assert cache.late_rows == 3 and cache.newest == T0 + 59
    fresh = SeriesCache(sid, ("orders", "online_viewers"))
    with store.engine.connect() as conn:
        assert fresh.reload(conn) == 63
    assert fresh.get("orders")[0].tolist() == ts.tolist()


def test_samples_stored_under_the_old_key_survive_the_migration(tmp_path: Path) -> None:
    """A database at revision 5 (rowid table, unique index) keeps every sample, and gains the
    series spans, when the app opens it."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO show (id, title, status, platform, theme, planned_seconds, "
                "gmv_target_cents, traffic_target, is_rehearsal, created_at) VALUES "
                "(3, '旧场次', 'ended', '抖音', '', 3600, 0, 0, 0, '2026-11-01 12:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO metric_sample (show_id, source, metric, sku, ts, value, value_real) "
                "VALUES (3, 'sim', 'orders', '', :ts, :v, NULL)"
            ),
            [{"ts": T0 + i, "v": i} for i in range(50)],
        )
        conn.execute(
            text(
                "INSERT INTO metric_sample (show_id, source, metric, sku, ts, value, value_real) "
                "VALUES (3, 'obs', 'stream_kbps', '', :ts, NULL, 2500.5)"
            ),
            {"ts": T0 + 7},
        )
    engine.dispose()
    store = Store.open(url)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert _count(store) == 51
        with store.session() as s:
            assert latest_value(s, 3, "orders") == 49
            assert latest_value(s, 3, "stream_kbps") == 2500.5
            assert time_range(s, 3) == (T0, T0 + 49)
        # The migrated table keeps de-duplicating.
        assert write_samples(store, [make_row(3, "sim", "orders", T0 + 1, 1)]) == 0
        with store.engine.connect() as conn:
            ddl = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'metric_sample'"
            ).scalar()
        assert "WITHOUT ROWID" in str(ddl)
    finally:
        store.close()


def test_a_read_off_the_cache_merges_once_and_a_stale_one_not_at_all(store: Store) -> None:
    """`read()` leaves the cache as it was (a worker can run it); `merge()` adds its rows as
    `refresh()` would; a read planned before another merge is refused, so no row is doubled."""
    sid = create_show(store, "t")
    cache = SeriesCache(sid, ("orders",))
    write_samples(store, [make_row(sid, "a", "orders", T0 + i, i) for i in range(0, 30)])
    with store.engine.connect() as conn:
        first = cache.read(conn)
        assert cache.newest is None and cache.get("orders")[0].tolist() == []
        assert cache.merge(first) == 30
    write_samples(store, [make_row(sid, "a", "orders", T0 + i, i) for i in range(30, 40)])
    with store.engine.connect() as conn:
        early = cache.read(conn, since=T0 + 30)
        late = cache.read(conn, since=T0 + 30)
    assert cache.merge(early) == 10
    assert cache.merge(late) is None
    ts, _v = cache.get("orders")
    assert ts.tolist() == [T0 + i for i in range(40)]
