"""Writes of client-made rows that survive a lost database link.

Online, a write is one transaction (idempotent insert + change_log + NOTIFY), published after
the commit. When the link is down, or while older writes still wait in the outbox (order!), the
completed rows go to the outbox instead and the caller carries on: the runner, incident log
and checks never stop because the server is away. `flush()` replays the outbox.

Edits of existing rows (an incident mitigated offline) travel the same way as "op" entries:
the store layer does not know what an edit means, so the module that makes it registers a
replay function (`register_replay`) that applies it exactly once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.exc import (
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

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
T = TypeVar("T")

# replay(session, args, record_change) -> changes to publish after the commit. It runs inside
# the flush transaction, must do nothing for an edit it already applied, and raises
# rows.RowError for an edit that can never apply (the entry is then kept aside as rejected).
Replay = Callable[[Session, dict[str, Any], R.RecordChange], list[Change]]
_REPLAYS: dict[str, Replay] = {}


def register_replay(kind: str, replay: Replay) -> None:
    _REPLAYS[kind] = replay


class ReplayMissing(RuntimeError):
    """The outbox holds an edit this process cannot apply (its module was never imported)."""


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
        self._stalled = ""  # why the last flush stopped short (logged once, not every poll)
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
        return self._route(
            table.name,
            lambda: self._direct(table.name, done, kids, uids),
            lambda: self._enqueue(table.name, done, kids, uids),
        )

    def run_or_queue(self, kind: str, args: Mapping[str, Any], direct: Callable[[], T]) -> T | None:
        """Run an edit now (`direct()`, its own transaction), or queue it for the replay
        registered for `kind` (`args` as JSON, datetimes allowed): None when queued."""
        if kind not in _REPLAYS:
            raise ValueError(f"no replay registered for {kind!r}: it could never be flushed")
        return self._route(kind, direct, lambda: self._enqueue_op(kind, args))

    def _route(self, what: str, direct: Callable[[], T], enqueue: Callable[[], T]) -> T:
        if self.outbox is None:
            return direct()
        with self._lock:
            if self._pending or not self.link.status.online:
                return enqueue()
        try:
            return direct()
        except SQLAlchemyError as exc:
            if not is_link_error(exc):
                raise
            reason = describe(exc, self.store)
            log.warning("database unreachable, queueing %s locally: %s", what, reason)
            with self._lock:
                self.link.update(online=False, error=reason)
                return enqueue()

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
        entry = {
            "t": table,
            "rows": R.encode_rows(rows),
            "children": {name: [R.encode_rows(cs) for cs in per] for name, per in kids.items()},
        }
        self._put(entry)
        return WriteResult(queued=True, uids=uids)

    def _enqueue_op(self, kind: str, args: Mapping[str, Any]) -> None:
        """Caller holds self._lock."""
        self._put({"op": kind, "args": R.encode_rows([args])[0]})

    def _put(self, entry: dict[str, Any]) -> None:
        assert self.outbox is not None
        size = self.outbox.put([entry])
        self._pending = True
        self.link.update(queued=size)

    # -- replay --------------------------------------------------------------------------------

    def flush(self) -> int:
        """Replay the outbox into the database (oldest first, exactly once); returns entries
        replayed. Raises SQLAlchemyError when the link is still down (the entries stay); stops
        early, keeping the rest, at an edit this process has no replay for."""
        if self.outbox is None:
            return 0
        with self._flush_lock:
            if not self.outbox.exists():
                with self._lock:
                    self._pending = False
                return 0
            replayed = 0

            def apply(entries: list[Entry]) -> Rejects:
                nonlocal replayed
                rejects = self._apply(entries)
                replayed += len(entries)
                return rejects

            try:
                done = self.outbox.drain(apply, self.batch)
                self._stalled = ""
            except ReplayMissing as exc:
                # Kept, and everything behind it too (an edit must not be overtaken), for a
                # process that can apply it: the app, which shares this outbox file.
                done = replayed
                if str(exc) != self._stalled:
                    log.error("outbox: replay stopped: %s", exc)
                self._stalled = str(exc)
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
        refer to each other (children travel inside their parent's entry). Edits ("op"
        entries) run after all inserts, in queue order: an edit finds the incident it edits
        even when that incident was created offline in the same batch."""
        kinds = {str(e.data["op"]) for e in entries if "op" in e.data}
        missing = sorted(kinds - set(_REPLAYS))
        if missing:
            raise ReplayMissing(f"no replay registered for {', '.join(missing)}")
        Run = tuple[str, list[dict[str, Any]], dict[str, list[list[dict[str, Any]]]]]
        runs: list[Run] = []
        edits: list[tuple[Replay, dict[str, Any]]] = []
        for entry in entries:
            data = entry.data
            if "op" in data:
                args = data.get("args")
                if not isinstance(args, dict):
                    raise R.RowError(f"{data['op']}: no arguments")
                edits.append((_REPLAYS[str(data["op"])], R.decode_rows([args])[0]))
                continue
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
            for replay, args in edits:
                changes.extend(replay(s, args, self.store.record_change))
        return changes
