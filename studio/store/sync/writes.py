"""Writes of client-made rows that survive a lost database link.

Online, a write is one transaction (idempotent insert + change_log + NOTIFY), published after
the commit. When the link is down, or while older writes still wait in the outbox (order!), the
completed rows go to the outbox instead and the caller carries on: the runner, incident log
and checks never stop because the server is away. `flush()` replays the outbox.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import (
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout

from studio.store.changes import Change
from studio.store.engine import scrub
from studio.store.models import Base
from studio.store.sync import rows as R
from studio.store.sync.link import Link
from studio.store.sync.outbox import Entry, Outbox, Rejects

if TYPE_CHECKING:
    from studio.store.store import Store

log = logging.getLogger(__name__)

Row = Mapping[str, Any]
ChildRows = Mapping["type[Base] | str", Sequence[Sequence[Row]]]


@dataclass(frozen=True)
class WriteResult:
    queued: bool  # True: in the outbox, not yet in the database
    inserted: int = 0  # rows inserted now (duplicates of rows already stored excluded)
    ids: list[int | None] = field(default_factory=list)  # per row when written now (not samples)
    uids: list[str] = field(default_factory=list)  # the client-made uids, queued or not


def is_link_error(exc: BaseException) -> bool:
    """The database is unreachable (as opposed to refusing the data)."""
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def describe(exc: BaseException, store: Store) -> str:
    """One line for the banner's tooltip and the log, free of credentials."""
    orig = getattr(exc, "orig", None) or exc
    line = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    return scrub(line, store.engine.url)[:300]


class SyncWriter:
    def __init__(self, store: Store, outbox: Outbox | None, link: Link, batch: int = 200) -> None:
        self.store = store
        self.outbox = outbox
        self.link = link
        self.batch = batch
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        # Leftovers from a previous run are replayed before anything new is written directly.
        self._pending = outbox is not None and outbox.size() > 0
        if self._pending and outbox is not None:
            link.update(queued=outbox.size())

    @property
    def pending(self) -> bool:
        with self._lock:
            return self._pending

    def size(self) -> int:
        return self.outbox.size() if self.outbox is not None else 0

    def write(
        self, model: type[Base] | str, rows: Sequence[Row], children: ChildRows | None = None
    ) -> WriteResult:
        table = R.table_of(model)
        done = [R.complete(table, r) for r in rows]
        kids: dict[str, list[list[dict[str, Any]]]] = {}
        for child, per_row in (children or {}).items():
            child_table = R.table_of(child)
            if R.CHILDREN.get(child_table.name, ("",))[0] != table.name:
                raise R.RowError(f"{child_table.name} rows are not children of {table.name}")
            if len(per_row) > len(done):
                raise R.RowError(f"{len(per_row)} lists of {child_table.name} for {len(done)} rows")
            kids[child_table.name] = [
                [R.complete(child_table, c, child=True) for c in cs] for cs in per_row
            ]
        uids = [str(r["uid"]) for r in done if "uid" in r]
        if not done:
            return WriteResult(queued=False)
        if self.outbox is None:
            return self._direct(table.name, done, kids, uids)
        with self._lock:
            if self._pending or not self.link.status.online:
                return self._enqueue(table.name, done, kids, uids)
        try:
            return self._direct(table.name, done, kids, uids)
        except SQLAlchemyError as exc:
            if not is_link_error(exc):
                raise
            reason = describe(exc, self.store)
            log.warning("database unreachable, queueing %s locally: %s", table.name, reason)
            with self._lock:
                self.link.update(online=False, error=reason)
                return self._enqueue(table.name, done, kids, uids)

    def _direct(
        self,
        table: str,
        rows: list[dict[str, Any]],
        kids: dict[str, list[list[dict[str, Any]]]],
        uids: list[str],
    ) -> WriteResult:
        with self.store.transaction() as s:
            ins = R.insert_rows(s, R.table_of(table), rows, kids, self.store.record_change)
        self.store.publish(*ins.changes)
        return WriteResult(queued=False, inserted=ins.count, ids=ins.ids, uids=uids)

    def _enqueue(
        self,
        table: str,
        rows: list[dict[str, Any]],
        kids: dict[str, list[list[dict[str, Any]]]],
        uids: list[str],
    ) -> WriteResult:
        """Caller holds self._lock."""
        assert self.outbox is not None
        entry = {
            "t": table,
            "rows": R.encode_rows(rows),
            "children": {name: [R.encode_rows(cs) for cs in per] for name, per in kids.items()},
        }
        size = self.outbox.put([entry])
        self._pending = True
        self.link.update(queued=size)
        return WriteResult(queued=True, uids=uids)

    # -- replay --------------------------------------------------------------------------------

    def flush(self) -> int:
        """Replay the outbox into the database (oldest first, exactly once); returns entries
        replayed. Raises SQLAlchemyError when the link is still down (the entries stay)."""
        if self.outbox is None:
            return 0
        with self._flush_lock:
            if not self.outbox.exists():
                with self._lock:
                    self._pending = False
                return 0
            done = self.outbox.drain(self._apply, self.batch)
            with self._lock:
                left = self.outbox.size()
                self._pending = left > 0
                self.link.update(queued=left)
        if done:
            log.info("outbox: %d queued writes replayed", done)
        return done

    def _apply(self, entries: list[Entry]) -> Rejects:
        try:
            changes = self._apply_batch(entries)
        except (IntegrityError, R.RowError):
            # One bad entry must not hold back the others: retry one by one, keep the bad ones.
            rejects: Rejects = []
            changes = []
            for entry in entries:
                try:
                    changes.extend(self._apply_batch([entry]))
                except IntegrityError as exc:
                    rejects.append((entry, describe(exc, self.store)))
                except R.RowError as exc:
                    rejects.append((entry, str(exc)))
            self.store.publish(*changes)
            return rejects
        self.store.publish(*changes)
        return []

    def _apply_batch(self, entries: list[Entry]) -> list[Change]:
        """One transaction; the entries of one table become one multi-row insert, in queue
        order (a backlog of 1 Hz metric batches replays as one big insert). Grouping across
        tables is safe: the batch commits as a whole, and rows of different tables do not
        refer to each other (children travel inside their parent's entry)."""
        Run = tuple[str, list[dict[str, Any]], dict[str, list[list[dict[str, Any]]]]]
        runs: list[Run] = []
        for entry in entries:
            data = entry.data
            table = R.table_of(str(data.get("t")))
            rows = R.decode_rows(data.get("rows") or [])
            kids_in = data.get("children") or {}
            run = next((r for r in runs if r[0] == table.name), None)
            if run is None:
                run = (table.name, [], {})
                runs.append(run)
            _, run_rows, run_kids = run
            for name in set(run_kids) | set(kids_in):
                per = [R.decode_rows(cs) for cs in kids_in.get(name, [])]
                per += [[] for _ in range(len(rows) - len(per))]
                run_kids.setdefault(name, [[] for _ in run_rows]).extend(per)
            run_rows.extend(rows)
        changes: list[Change] = []
        with self.store.transaction() as s:
            for name, run_rows, run_kids in runs:
                ins = R.insert_rows(
                    s, R.table_of(name), run_rows, run_kids, self.store.record_change
                )
                changes.extend(ins.changes)
        return changes
