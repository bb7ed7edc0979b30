"""The one insert of metric samples, used by every writer (the metric writer thread, the HTTP
endpoint through it, and the outbox replay of an offline station).

Rows are plain dicts with the `metric_sample` columns. Duplicates (same show, ts, metric, sku,
source) are skipped by the primary key, so a retried batch never doubles a sample. The same
transaction widens each series' span in `metric_series`.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from studio.store.changes import Change

COLUMNS = ("show_id", "source", "metric", "sku", "ts", "value", "value_real")
# A row dict to the driver's positional tuple in C (a comprehension with seven subscripts per
# row cost ~8 % of a batch).
_as_tuple = operator.itemgetter(*COLUMNS)
_series_key = operator.itemgetter("show_id", "metric", "sku")
_ts = operator.itemgetter("ts")

# SQLite: rows go in pages of multi-row VALUES statements. Python's executemany steps and
# resets the statement once per row, and at this table's width that per-row cost was a third of
# the insert (136k -> 250k rows/s raw at 100 rows a statement, benchmarks/bench_ingest.py).
# 100 rows x 7 columns stays far below SQLITE_MAX_VARIABLE_NUMBER (32,766 since 3.32).
_SQLITE_PAGE = 100


@functools.lru_cache(maxsize=4)
def _sqlite_insert(rows: int) -> str:
    one = f"({', '.join('?' * len(COLUMNS))})"
    return (
        f"INSERT INTO metric_sample ({', '.join(COLUMNS)}) "
        f"VALUES {', '.join([one] * rows)} ON CONFLICT DO NOTHING"
    )


_SQLITE_SERIES = (
    "INSERT INTO metric_series (show_id, metric, sku, first_ts, last_ts) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (show_id, metric, sku) DO UPDATE SET "
    "first_ts = min(first_ts, excluded.first_ts), last_ts = max(last_ts, excluded.last_ts)"
)
_PG_SERIES = (
    "INSERT INTO metric_series (show_id, metric, sku, first_ts, last_ts) "
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (show_id, metric, sku) DO UPDATE SET "
    "first_ts = least(metric_series.first_ts, excluded.first_ts), "
    "last_ts = greatest(metric_series.last_ts, excluded.last_ts)"
)

# PostgreSQL: COPY the batch into a session-local staging table, then one INSERT ... SELECT
# with ON CONFLICT DO NOTHING. ~3x the rate of SQLAlchemy's multi-row VALUES pages and of
# psycopg's pipelined executemany (benchmarks/bench_ingest.py), and the statement's rowcount
# is the exact number inserted.
_PG_STAGE = "metric_sample_in"
_PG_CREATE_STAGE = (
    f"CREATE TEMP TABLE IF NOT EXISTS {_PG_STAGE} (show_id integer, source varchar(64), "
    "metric varchar(64), sku varchar(64), ts double precision, value bigint, "
    "value_real double precision)"
)
_PG_COPY = f"COPY {_PG_STAGE} ({', '.join(COLUMNS)}) FROM STDIN"
_PG_MERGE = (
    f"INSERT INTO metric_sample ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)} "
    f"FROM {_PG_STAGE} ON CONFLICT ON CONSTRAINT pk_metric_sample DO NOTHING"
)

Spans = dict[tuple[int, str, str], list[float]]


def normalise(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every column present (absent value/value_real/sku/source as the defaults)."""
    return [
        {
            "show_id": r["show_id"],
            "source": r.get("source") or "",
            "metric": r["metric"],
            "sku": r.get("sku") or "",
            "ts": r["ts"],
            "value": r.get("value"),
            "value_real": r.get("value_real"),
        }
        for r in rows
    ]


def _spans(rows: Sequence[Mapping[str, Any]]) -> Spans:
    keys = list(map(_series_key, rows))
    times = list(map(_ts, rows))
    if times == sorted(times):
        # A feed's batch is in time order: the first and last time of each series fall out of
        # two dict builds in C (the loop below cost ~10 % of a 10,000-row batch).
        last = dict(zip(keys, times, strict=True))
        first = dict(zip(reversed(keys), reversed(times), strict=True))
        return {k: [first[k], hi] for k, hi in last.items()}
    spans: Spans = {}
    for key, ts in zip(keys, times, strict=True):
        span = spans.get(key)
        if span is None:
            spans[key] = [ts, ts]
        elif ts < span[0]:
            span[0] = ts
        elif ts > span[1]:
            span[1] = ts
    return spans


def _insert_sqlite(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    # Straight to the driver (sqlite3 keeps the statements prepared in its cache);
    # exec_driver_sql adds a constant per call, not per row, and turns driver errors into
    # SQLAlchemy's, which the writer's retry logic relies on.
    flat = list(itertools.chain.from_iterable(map(_as_tuple, rows)))
    width = len(COLUMNS) * _SQLITE_PAGE
    full = len(rows) // _SQLITE_PAGE * width
    inserted = 0
    if full:
        pages = [tuple(flat[i : i + width]) for i in range(0, full, width)]
        inserted += conn.exec_driver_sql(_sqlite_insert(_SQLITE_PAGE), pages).rowcount
    if full < len(flat):
        rest = tuple(flat[full:])
        inserted += conn.exec_driver_sql(_sqlite_insert(len(rest) // len(COLUMNS)), rest).rowcount
    return inserted


def _insert_postgresql(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    dbapi = conn.connection.driver_connection
    assert dbapi is not None
    try:
        with dbapi.cursor() as cur:
            cur.execute(_PG_CREATE_STAGE)
            with cur.copy(_PG_COPY) as copy:
                for r in map(_as_tuple, rows):
                    copy.write_row(r)
            cur.execute(_PG_MERGE)
            inserted = int(cur.rowcount)
            # Emptied inside the transaction: a rollback also undoes the COPY, so the stage is
            # empty whenever a batch starts.
            cur.execute(f"TRUNCATE {_PG_STAGE}")
    except Exception as exc:
        # The same exception types as every other statement (the writer retries on
        # OperationalError, gives up on IntegrityError).
        import psycopg

        if isinstance(exc, psycopg.Error):
            raise DBAPIError.instance(
                _PG_MERGE, None, exc, psycopg.Error, dialect=conn.dialect
            ) from exc
        raise
    return inserted


def widen_series(conn: Connection, spans: Spans) -> None:
    """Record in `metric_series` that these series have samples from first to last time."""
    if not spans:
        return
    dialect = conn.dialect.name
    # Sorted: two stations upserting the same series rows in different orders could deadlock.
    params = [(*k, lo, hi) for k, (lo, hi) in sorted(spans.items())]
    conn.exec_driver_sql(_PG_SERIES if dialect == "postgresql" else _SQLITE_SERIES, params)


def insert_samples(
    session: Session,
    rows: Sequence[Mapping[str, Any]],
    record_change: Callable[[Session, str, int | None, int | None], Change],
) -> tuple[int, list[Change]]:
    """Insert complete rows (see `normalise`) in the caller's transaction. Returns the number
    inserted (duplicates excluded) and the changes to publish after the commit: one per show,
    its `since` the earliest whole second the batch touched, so views re-read from there."""
    if not rows:
        return 0, []
    conn = session.connection()
    spans = _spans(rows)
    dialect = conn.dialect.name
    if dialect == "sqlite":
        inserted = _insert_sqlite(conn, rows)
    elif dialect == "postgresql":
        inserted = _insert_postgresql(conn, rows)
    else:
        raise ValueError(f"metric samples cannot be written to a {dialect} database")
    widen_series(conn, spans)
    earliest: dict[int, int] = {}
    for (show_id, _metric, _sku), (lo, _hi) in spans.items():
        second = math.floor(lo)
        if second < earliest.get(show_id, second + 1):
            earliest[show_id] = second
    changes = [
        record_change(session, "metric_sample", second, sid)
        for sid, second in sorted(earliest.items())
    ]
    return inserted, changes
