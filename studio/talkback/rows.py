"""The insert both talkback logs (messages, rule firings) make, live and in an outbox replay."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio.store.changes import Change
from studio.store.models import Show
from studio.store.sync.rows import RecordChange, RowError
from studio.store.talkback_models import RuleFiring, TalkbackMessage

Model = type[TalkbackMessage] | type[RuleFiring]


def insert_row(
    s: Session, model: Model, table: str, values: dict[str, Any], record_change: RecordChange
) -> tuple[int, Change]:
    """Add the row, and its change-log entry under `table`; returns (id, change)."""
    row = model(**values)
    s.add(row)
    s.flush()
    return row.id, record_change(s, table, row.id, row.show_id)


def replay_insert(
    s: Session,
    model: Model,
    table: str,
    what: str,
    args: dict[str, Any],
    record_change: RecordChange,
) -> list[Change]:
    """An outbox replay of `insert_row`, exactly once: nothing when the uid is stored already
    (the outbox was not emptied after that commit); RowError (the entry kept aside as
    rejected) when malformed or the show is gone. `what` names the write in the messages."""
    uid = args.get("uid")
    if not isinstance(uid, str) or not isinstance(args.get("at"), datetime):
        raise RowError(f"{what}: malformed entry {args!r}"[:300])
    if s.scalar(select(model.id).where(model.uid == uid)) is not None:
        return []
    if s.get(Show, args.get("show_id")) is None:
        raise RowError(f"{what} {uid}: no show {args.get('show_id')}")
    known = set(model.__table__.c.keys()) - {"id"}
    try:
        _, change = insert_row(
            s, model, table, {k: v for k, v in args.items() if k in known}, record_change
        )
    except (TypeError, ValueError) as exc:
        raise RowError(f"{what} {uid}: {exc}") from exc
    return [change]
