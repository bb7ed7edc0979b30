"""Logging incidents and following them up: open -> mitigated -> resolved, every edit kept.

Each call is its own committed transaction: an incident logged is on disk before the call returns
(SQLite WAL survives the app being killed), so nothing waits in a buffer to be lost. A station on
a shared database that is unreachable queues new incidents and edits in its outbox instead; an
edit carries a client-made id (`IncidentHistory.op`) so that its replay applies it once.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from studio import paths
from studio.incidents import categories as cats
from studio.incidents import playbooks
from studio.profile import Profile
from studio.store.changes import Change
from studio.store.models import Incident, IncidentHistory, Show, new_uid
from studio.store.retry import READ_ONLY, GaveUp, describe
from studio.store.store import Store
from studio.store.sync.link import Link
from studio.store.sync.outbox import Outbox
from studio.store.sync.rows import RecordChange, RowError
from studio.store.sync.writes import SyncWriter, register_replay
from studio.timeutil import utcnow

log = logging.getLogger(__name__)

_RANK = {"open": 0, "mitigated": 1, "resolved": 2}


class IncidentError(ValueError):
    """Bad input for an incident; the message is meant for the user."""


class IncidentNotFound(LookupError):
    pass


@dataclass(frozen=True)
class IncidentView:
    """A detached, read-only copy of an incident for views, the CLI and exports."""

    id: int
    uid: str
    show_id: int | None
    at: datetime
    category: str
    severity: int
    status: str
    source: str
    segment_key: str | None
    cue_index: int | None
    text: str
    mitigated_at: datetime | None
    resolved_at: datetime | None
    condition_key: str | None
    owner: str
    action_taken: str
    impact: str
    checklist: list[dict[str, Any]] = field(default_factory=list)
    updated_at: datetime | None = None

    @property
    def time_to_mitigate(self) -> float | None:
        """Seconds from logging to mitigation; None while it is still open."""
        if self.mitigated_at is None:
            return None
        return max(0.0, (self.mitigated_at - self.at).total_seconds())

    @property
    def time_to_resolve(self) -> float | None:
        if self.resolved_at is None:
            return None
        return max(0.0, (self.resolved_at - self.at).total_seconds())

    @property
    def checklist_done(self) -> tuple[int, int]:
        return sum(1 for c in self.checklist if c.get("done")), len(self.checklist)

    def as_json(self) -> dict[str, Any]:
        """The headless contract of `studio incident list --json`."""
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "category": self.category,
            "severity": self.severity,
            "status": self.status,
            "source": self.source,
            "segment": self.segment_key,
            "text": self.text,
            "mitigated_at": self.mitigated_at.isoformat() if self.mitigated_at else None,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
        }


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    who: str
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents to list; None means any."""

    categories: frozenset[str] | None = None
    severities: frozenset[int] | None = None
    statuses: frozenset[str] | None = None
    sources: frozenset[str] | None = None

    def matches(self, inc: IncidentView) -> bool:
        return (
            (self.categories is None or inc.category in self.categories)
            and (self.severities is None or inc.severity in self.severities)
            and (self.statuses is None or inc.status in self.statuses)
            and (self.sources is None or inc.source in self.sources)
        )


def _view(inc: Incident) -> IncidentView:
    return IncidentView(
        id=inc.id,
        uid=inc.uid,
        show_id=inc.show_id,
        at=inc.at,
        category=inc.category,
        severity=inc.severity,
        status=inc.status,
        source=inc.source,
        segment_key=inc.segment_key,
        cue_index=inc.cue_index,
        text=inc.text or "",
        mitigated_at=inc.mitigated_at,
        resolved_at=inc.resolved_at,
        condition_key=inc.condition_key,
        owner=inc.owner or "",
        action_taken=inc.action_taken or "",
        impact=inc.impact or "",
        checklist=[dict(c) for c in (inc.checklist or []) if isinstance(c, dict)],
        updated_at=inc.updated_at,
    )


def _aware(at: datetime | None, what: str) -> datetime:
    if at is None:
        return utcnow()
    if at.tzinfo is None:
        raise IncidentError(f"{what}: a time without a time zone is ambiguous ({at.isoformat()})")
    return at


def _clean_checklist(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Accept ["text", ...] or [{"item": ..., "done": ...}, ...]; refuse anything else."""
    out: list[dict[str, Any]] = []
    for n, entry in enumerate(items, 1):
        if isinstance(entry, str):
            out.append({"item": entry, "done": False})
        elif isinstance(entry, dict) and isinstance(entry.get("item"), str):
            out.append({"item": entry["item"], "done": bool(entry.get("done", False))})
        else:
            raise IncidentError(
                f"checklist entry {n} must be text or {{item, done}}, not {entry!r}"
            )
    return out


def _history(
    session: Session,
    inc: Incident,
    at: datetime,
    who: str,
    name: str,
    old: Any,
    new: Any,
    op: str,
) -> None:
    def text(v: Any) -> str | None:
        if v is None:
            return None
        if isinstance(v, datetime):
            return v.isoformat()
        if isinstance(v, list | dict):
            import json

            return json.dumps(v, ensure_ascii=False)
        return str(v)

    session.add(
        IncidentHistory(
            incident_id=inc.id, at=at, who=who, field=name, old=text(old), new=text(new), op=op
        )
    )


def quick_log(
    store: Store,
    show_id: int | None,
    category: str,
    *,
    severity: int = 2,
    text: str = "",
    at: datetime | None = None,
    segment_key: str | None = None,
    cue_index: int | None = None,
    who: str = "",
    source: str = "manual",
    condition_key: str | None = None,
    checklist: Sequence[Any] | None = None,
    profile: Profile | None = None,
    on_held: Callable[[str], None] | None = None,
) -> int | None:
    """Log an incident now and return its id; committed before this returns (None: queued
    in the offline outbox of a station whose shared database is unreachable, or held back
    on this computer, see below).

    A local database that is locked by another program or on a full disk is waited out with
    retries; if that does not help (or the file is read-only), the incident is held in a
    queue file beside the database, `on_held(reason)` is called, and it is stored by the
    next `quick_log` or `replay_held`. An incident someone typed is never dropped: only when
    even the queue cannot be written is IncidentError raised, quoting the incident.

    Without an explicit `checklist` the category's playbook (profile first) is attached.
    """
    try:
        cat = cats.category(category).key
        sev = cats.severity(severity).level
    except ValueError as exc:
        raise IncidentError(str(exc)) from exc
    if source not in cats.SOURCES:
        raise IncidentError(
            f"unknown source {source!r} (expected one of: {', '.join(cats.SOURCES)})"
        )
    when = _aware(at, "at")
    items = _clean_checklist(
        checklist if checklist is not None else playbooks.checklist(profile, cat)
    )
    if show_id is not None and store.link_status.online:
        with store.session() as s:
            if s.get(Show, show_id) is None:
                raise IncidentError(f"no show with id {show_id}")
    replay_held(store)  # incidents held back earlier go first
    now = utcnow()
    row = {
        "uid": new_uid(),  # fixed now: the held copy and the stored one are the same row
        "show_id": show_id,
        "at": when,
        "category": cat,
        "severity": sev,
        "status": "open",
        "source": source,
        "segment_key": segment_key,
        "cue_index": cue_index,
        "text": text.strip(),
        "condition_key": condition_key,
        "checklist": items,
        "updated_at": now,
    }
    # The history's first row carries the incident's own time (the show's clock, as the
    # incident does), so at demo speed "logged" and the incident time agree.
    created = {"at": when, "who": who, "field": "created", "old": None,
               "new": f"{cat} S{sev} {source}"}  # fmt: skip
    # Through the store's idempotent path: committed now, or queued in the outbox while a
    # shared database is unreachable (then there is no id yet: None).
    try:
        if store.read_only:
            raise GaveUp("the database is read-only", READ_ONLY)
        result = store.retrying(
            lambda: store.insert_idempotent(Incident, row, children={IncidentHistory: [created]}),
            attempts=HOLD_AFTER_ATTEMPTS,
        )
    except GaveUp as exc:
        _hold(store, row, created, str(exc), text)
        if on_held is not None:
            on_held(str(exc))
        return None
    return result.ids[0] if result.ids else None


# -- incidents held back by a local database problem -------------------------------------------

# Retries before an incident is held back: about 6 s of pauses on top of each attempt's own
# lock wait, long enough for another program's commit, short enough for a person at a key.
HOLD_AFTER_ATTEMPTS = 6


def held_path(store: Store) -> Path:
    """The queue file of incidents not yet stored in this database (one per database)."""
    u = store.engine.url
    digest = hashlib.sha1(f"{u.drivername}:{u.host}:{u.port}/{u.database}".encode()).hexdigest()
    return paths.data_dir() / f"held-incidents-{digest[:10]}.sqlite"


def _held_writer(store: Store) -> SyncWriter:
    """The outbox machinery (exactly-once replay by uid) on the held-incidents file."""
    link = Link(store.engine.dialect.name)
    return SyncWriter(store, Outbox(held_path(store)), link)


def _hold(
    store: Store, row: dict[str, Any], created: dict[str, Any], reason: str, text: str
) -> None:
    writer = _held_writer(store)
    try:
        writer.link.update(online=False)  # routes the write to the queue file
        writer.write(Incident, [row], {IncidentHistory: [[created]]})
    except (sqlite3.Error, OSError, SQLAlchemyError) as exc:
        raise IncidentError(
            f"NOT logged: {reason}, and the queue file {held_path(store)} cannot be written "
            f"either ({exc}); the incident was: {row['category']} S{row['severity']} {text!r}"
        ) from None
    finally:
        if writer.outbox is not None:
            writer.outbox.close()
    log.warning("incident held back (%s); kept in %s", reason, held_path(store))


def held_count(store: Store) -> int:
    """Incidents waiting in the queue file for this database."""
    path = held_path(store)
    if not path.exists():
        return 0
    outbox = Outbox(path)
    try:
        return outbox.size()
    finally:
        outbox.close()


def replay_held(store: Store) -> int:
    """Store the incidents held back earlier, exactly once; returns how many were stored (0
    while the database is still locked, full or read-only: they stay queued)."""
    if store.read_only or not held_path(store).exists():
        return 0
    writer = _held_writer(store)
    try:
        done = writer.flush()
    except SQLAlchemyError as exc:
        log.info("held incidents not stored yet: %s", describe(exc))
        return 0
    finally:
        if writer.outbox is not None:
            writer.outbox.close()
    if done:
        log.info("%d held incidents stored", done)
    return done


@dataclass(frozen=True)
class _Edit:
    """What one update() changes, validated: the same values now and when replayed later."""

    status: str | None = None
    severity: int | None = None
    owner: str | None = None
    action_taken: str | None = None
    impact: str | None = None
    text: str | None = None
    note: str | None = None
    checklist: list[dict[str, Any]] | None = None

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _stripped(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise IncidentError(f"{name} must be text, not {value!r}")
    return value.strip()


def _edit(
    status: str | None = None,
    severity: int | None = None,
    owner: str | None = None,
    action_taken: str | None = None,
    impact: str | None = None,
    text: str | None = None,
    note: str | None = None,
    checklist: Sequence[Any] | None = None,
) -> _Edit:
    if status is not None:
        try:
            cats.check_status(status)
        except ValueError as exc:
            raise IncidentError(str(exc)) from exc
    level = None
    if severity is not None:
        try:
            level = cats.severity(severity).level
        except ValueError as exc:
            raise IncidentError(str(exc)) from exc
    if checklist is not None and not isinstance(checklist, list | tuple):
        raise IncidentError(f"checklist must be a list, not {checklist!r}")
    return _Edit(
        status=status,
        severity=level,
        owner=_stripped("owner", owner),
        action_taken=_stripped("action_taken", action_taken),
        impact=_stripped("impact", impact),
        text=_stripped("text", text),
        note=_stripped("note", note) or None,
        checklist=_clean_checklist(checklist) if checklist is not None else None,
    )


def _apply_edit(s: Session, inc: Incident, edit: _Edit, when: datetime, who: str, op: str) -> bool:
    """Change `inc` in the caller's transaction, a history row per changed field; returns
    whether anything changed."""
    changed = False

    def put(attr: str, value: Any) -> None:
        nonlocal changed
        old = getattr(inc, attr)
        if old == value:
            return
        setattr(inc, attr, value)
        _history(s, inc, when, who, attr, old, value, op)
        changed = True

    if edit.status is not None and edit.status != inc.status:
        target = _RANK[edit.status]
        if target >= 1 and inc.mitigated_at is None:
            put("mitigated_at", when)
        if target >= 2 and inc.resolved_at is None:
            put("resolved_at", when)
        if target < 2:
            put("resolved_at", None)
        if target < 1:
            put("mitigated_at", None)
        put("status", edit.status)
    if edit.severity is not None:
        put("severity", edit.severity)
    for attr in ("owner", "action_taken", "impact", "text"):
        value = getattr(edit, attr)
        if value is not None:
            put(attr, value)
    if edit.note:
        current = inc.action_taken or ""
        put("action_taken", f"{current}\n{edit.note}" if current else edit.note)
    if edit.checklist is not None:
        put("checklist", edit.checklist)
    return changed


UPDATE_OP = "incident_update"  # the outbox entry kind of a queued update()


def update(
    store: Store,
    incident_id: int | None,
    *,
    incident_uid: str | None = None,
    who: str = "",
    status: str | None = None,
    severity: int | None = None,
    owner: str | None = None,
    action_taken: str | None = None,
    impact: str | None = None,
    text: str | None = None,
    checklist: Sequence[Any] | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> IncidentView | None:
    """Change an incident; each changed field leaves a history row (old and new value).

    Status may move forward (timestamps are set, resolving an open incident also mitigates it)
    or back (a mistaken R is undone: the later timestamps are cleared, the history keeps them).
    A `note` is appended to the action taken.

    Returns the incident as stored, or None: the edit was queued in the offline outbox of a
    station whose shared database is unreachable (or still catching up), and is applied, with
    the edit's own time `at`, when the link is back. Queueing needs the incident's uid: pass
    `incident_uid` (the only way to name an incident created offline, which has no id yet),
    otherwise it is looked up by id, which needs the database.
    """
    if incident_id is None and incident_uid is None:
        raise IncidentError("which incident? give its id or uid")
    when = _aware(at, "at")
    edit = _edit(
        status=status,
        severity=severity,
        owner=owner,
        action_taken=action_taken,
        impact=impact,
        text=text,
        note=note,
        checklist=checklist,
    )
    op = new_uid()

    def now() -> IncidentView:
        with store.transaction() as s:
            if incident_id is not None:
                inc = s.get(Incident, incident_id)
            else:
                inc = s.scalars(select(Incident).where(Incident.uid == incident_uid)).first()
            if inc is None:
                which = f"id {incident_id}" if incident_id is not None else f"uid {incident_uid}"
                raise IncidentNotFound(f"no incident with {which}")
            change = None
            if _apply_edit(s, inc, edit, when, who, op):
                inc.updated_at = utcnow()
                change = store.record_change(s, "incident", inc.id, inc.show_id)
            s.flush()
            view = _view(inc)
        if change is not None:
            store.publish(change)
        return view

    if store.outbox is None:  # nothing can be queued: no uid needed
        try:
            return store.retrying(now)
        except GaveUp as exc:
            raise IncidentError(f"not changed: {exc}") from None
    uid = incident_uid or _uid_of(store, incident_id)
    args = {"incident": uid, "op": op, "at": when, "who": who, "edit": edit.as_json()}
    return store.sync_writer.run_or_queue(UPDATE_OP, args, now)


def _uid_of(store: Store, incident_id: int | None) -> str:
    with store.session() as s:
        uid = s.scalar(select(Incident.uid).where(Incident.id == incident_id))
    if uid is None:
        raise IncidentNotFound(f"no incident with id {incident_id}")
    return uid


def _replay_update(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
    """Apply an update() queued offline, once: its history rows carry its op id."""
    uid, op, when, who, fields = (args.get(k) for k in ("incident", "op", "at", "who", "edit"))
    if not (
        isinstance(uid, str)
        and isinstance(op, str)
        and isinstance(when, datetime)
        and when.tzinfo is not None
        and isinstance(who, str)
        and isinstance(fields, dict)
    ):
        raise RowError(f"incident edit: malformed entry {args!r}"[:300])
    if s.scalar(select(IncidentHistory.id).where(IncidentHistory.op == op).limit(1)) is not None:
        return []  # applied already: the outbox was not emptied after that commit
    try:
        edit = _edit(**fields)
    except (IncidentError, TypeError) as exc:
        raise RowError(f"incident edit {op}: {exc}") from exc
    inc = s.scalars(select(Incident).where(Incident.uid == uid)).first()
    if inc is None:
        raise RowError(f"incident edit {op}: no incident with uid {uid}")
    if not _apply_edit(s, inc, edit, when, who, op):
        return []
    # The edit's time, not the flush's; never backwards past a later edit from elsewhere.
    inc.updated_at = max(inc.updated_at or when, when)
    return [record_change(s, "incident", inc.id, inc.show_id)]


register_replay(UPDATE_OP, _replay_update)


def get_incident(store: Store, incident_id: int) -> IncidentView:
    with store.session() as s:
        inc = s.get(Incident, incident_id)
        if inc is None:
            raise IncidentNotFound(f"no incident with id {incident_id}")
        return _view(inc)


def history(store: Store, incident_id: int) -> list[HistoryEntry]:
    with store.session() as s:
        rows = s.scalars(
            select(IncidentHistory)
            .where(IncidentHistory.incident_id == incident_id)
            .order_by(IncidentHistory.id)
        )
        return [HistoryEntry(r.at, r.who, r.field, r.old, r.new) for r in rows]


def list_incidents(
    store: Store, show_id: int | None, filters: IncidentFilter | None = None
) -> list[IncidentView]:
    """The show's incidents, oldest first (None: incidents logged without a show)."""
    with store.session() as s:
        q = select(Incident)
        q = q.where(Incident.show_id.is_(None) if show_id is None else Incident.show_id == show_id)
        f = filters or IncidentFilter()
        if f.categories is not None:
            q = q.where(Incident.category.in_(f.categories))
        if f.severities is not None:
            q = q.where(Incident.severity.in_(f.severities))
        if f.statuses is not None:
            q = q.where(Incident.status.in_(f.statuses))
        if f.sources is not None:
            q = q.where(Incident.source.in_(f.sources))
        return [_view(i) for i in s.scalars(q.order_by(Incident.at, Incident.id))]


CSV_COLUMNS = (
    "id",
    "at",
    "category",
    "severity",
    "status",
    "source",
    "segment",
    "cue",
    "text",
    "owner",
    "action_taken",
    "impact",
    "mitigated_at",
    "resolved_at",
    "time_to_mitigate_s",
    "time_to_resolve_s",
    "checklist_done",
    "checklist_total",
)


def _iso(dt: datetime | None) -> str:
    return dt.isoformat() if dt else ""


def _secs(v: float | None) -> str:
    return "" if v is None else f"{v:.0f}"


def write_csv(incidents: Iterable[IncidentView], out: IO[str]) -> int:
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    n = 0
    for i in incidents:
        done, total = i.checklist_done
        w.writerow(
            [
                i.id,
                _iso(i.at),
                i.category,
                f"S{i.severity}",
                i.status,
                i.source,
                i.segment_key or "",
                "" if i.cue_index is None else i.cue_index,
                i.text,
                i.owner,
                i.action_taken,
                i.impact,
                _iso(i.mitigated_at),
                _iso(i.resolved_at),
                _secs(i.time_to_mitigate),
                _secs(i.time_to_resolve),
                done,
                total,
            ]
        )
        n += 1
    return n


def export_csv(
    store: Store,
    show_id: int | None,
    path: str | os.PathLike[str],
    filters: IncidentFilter | None = None,
) -> int:
    """Write the show's incidents to `path` and return how many; the file appears whole or not.

    UTF-8 with a byte-order mark, because Excel (what studios open CSVs with) otherwise
    garbles Chinese text.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise IncidentError(f"{target}: folder {target.parent} does not exist")
    incidents = list_incidents(store, show_id, filters)
    fd, tmp = tempfile.mkstemp(prefix=".incidents-", suffix=".csv", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            n = write_csv(incidents, fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n
