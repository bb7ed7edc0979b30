"""Client-made rows: completed before they leave the station, inserted idempotently.

A row is completed (uid, times and other Python-side defaults filled in) at the moment it is
written, so the copy queued in the outbox and the copy that finally reaches the database are the
same row: replaying it hits the unique key and does nothing. Server ids are never client-made
(an `id` in a row is refused).

Conflict keys: `uid` where the model has one (CueEvent, Incident, DeviceCheck, Coupon), and
the primary key (show, ts, metric, sku, source) for metric samples.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from studio.store.changes import Change
from studio.store.models import (
    Base,
    Coupon,
    CueEvent,
    DeviceCheck,
    Incident,
    IncidentHistory,
    MetricSample,
)
from studio.store.samples import insert_samples, normalise
from studio.timeutil import parse_iso

# The tables a station may write while offline. Others (shows, scripts) are edited online only.
MODELS: dict[str, type[Base]] = {
    m.__tablename__: m
    for m in (CueEvent, Incident, IncidentHistory, DeviceCheck, MetricSample, Coupon)
}
# child table -> (parent table, foreign-key column filled with the parent's new id)
CHILDREN: dict[str, tuple[str, str]] = {"incident_history": ("incident", "incident_id")}

RecordChange = Callable[[Session, str, "int | None", "int | None"], Change]


class RowError(ValueError):
    """A row that cannot be written (unknown table or column); the message says which."""


def table_of(model: type[Base] | str) -> Table:
    name = model if isinstance(model, str) else model.__tablename__
    if name not in MODELS:
        raise RowError(
            f"{name!r} cannot be written through the outbox (one of: {', '.join(sorted(MODELS))})"
        )
    table = MODELS[name].__table__
    assert isinstance(table, Table)
    return table


def complete(table: Table, row: Mapping[str, Any], *, child: bool = False) -> dict[str, Any]:
    """A copy of `row` with every Python-side default materialised now (uid, at, ...)."""
    unknown = set(row) - set(table.c.keys())
    if unknown:
        raise RowError(f"{table.name}: unknown column(s) {', '.join(sorted(unknown))}")
    if "id" in row:
        raise RowError(f"{table.name}: ids are made by the database; leave 'id' out")
    out = dict(row)
    for col in table.c:
        if col.name in out or col.primary_key:
            continue
        if child and table.name in CHILDREN and col.name == CHILDREN[table.name][1]:
            continue
        default = col.default
        if default is None:
            continue
        if default.is_callable:
            out[col.name] = default.arg(None)  # type: ignore[attr-defined]
        elif default.is_scalar:
            out[col.name] = default.arg  # type: ignore[attr-defined]
    return out


# -- JSON for the outbox file: datetimes are tagged so they come back as aware datetimes -------


def _enc(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    return value


def _dec(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$dt"}:
        return parse_iso(value["$dt"])
    return value


def encode_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _enc(v) for k, v in r.items()} for r in rows]


def decode_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _dec(v) for k, v in r.items()} for r in rows]


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# -- inserting ---------------------------------------------------------------------------------


@dataclass
class Inserted:
    # Per row: its new id, or None if it was already there. Empty for metric samples, which
    # are addressed by their key, not an id.
    ids: list[int | None] = field(default_factory=list)
    count: int = 0  # rows actually inserted
    changes: list[Change] = field(default_factory=list)  # publish after the commit


def _insert(dialect: str, table: Table) -> Any:
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise RowError(f"idempotent inserts are not supported on {dialect}")


def insert_rows(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    children: Mapping[str, Sequence[Sequence[Mapping[str, Any]]]],
    record_change: RecordChange,
) -> Inserted:
    """Insert completed rows (and each row's children) inside the caller's transaction;
    rows already present are skipped, and so are their children (they came with them)."""
    dialect = session.get_bind().dialect.name
    result = Inserted()
    if not rows:
        return result
    if table.name == "metric_sample":
        return _insert_samples(session, rows, record_change)
    ids = _insert_many(session, dialect, table, rows)
    result.ids = ids
    for n, (row, new_id) in enumerate(zip(rows, ids, strict=True)):
        if new_id is None:
            continue
        result.count += 1
        for child_name, per_row in children.items():
            child_rows = per_row[n] if n < len(per_row) else []
            if child_rows:
                fk = CHILDREN[child_name][1]
                session.execute(
                    _insert(dialect, table_of(child_name)),
                    _uniform([{**c, fk: new_id} for c in child_rows]),
                )
        show_id = row.get("show_id")
        result.changes.append(
            record_change(
                session, table.name, new_id, show_id if isinstance(show_id, int) else None
            )
        )
    return result


def _uniform(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Same keys in every row (an executemany needs it); absent columns are NULL, which is
    what a single-row insert would store too (every column with a default was completed)."""
    keys: dict[str, None] = {}
    for r in rows:
        keys.update(dict.fromkeys(r))
    return [{k: r.get(k) for k in keys} for r in rows]


def _insert_many(
    session: Session, dialect: str, table: Table, rows: Sequence[Mapping[str, Any]]
) -> list[int | None]:
    if "uid" in table.c:
        # One multi-row INSERT ... ON CONFLICT (uid) DO NOTHING RETURNING id, uid: rows that
        # already exist return nothing, so ids are matched back by uid.
        stmt = (
            _insert(dialect, table)
            .on_conflict_do_nothing(index_elements=["uid"])
            .returning(table.c.id, table.c.uid)
        )
        got = {uid: int(i) for i, uid in session.execute(stmt, _uniform(rows)).all()}
        return [got.get(str(r["uid"])) for r in rows]
    return [_insert_one(session, dialect, table, r) for r in rows]


def _insert_one(session: Session, dialect: str, table: Table, row: Mapping[str, Any]) -> int | None:
    new_id = session.execute(_insert(dialect, table).values(**row).returning(table.c.id)).scalar()
    return int(new_id) if new_id is not None else None


def _insert_samples(
    session: Session,
    rows: Sequence[Mapping[str, Any]],
    record_change: RecordChange,
) -> Inserted:
    # The metric writer's own insert: same key, same series spans, same change `since`.
    inserted, changes = insert_samples(session, normalise(rows), record_change)
    return Inserted(count=inserted, changes=changes)
