"""Messages from the crew to the anchor: send, acknowledge, clear, expire, list.

A message is one `talkback_message` row with a client-made uid. It reaches the other stations
through the store's change log (NOTIFY + catch-up, table "talkback_message"); a station whose
shared database is unreachable queues sends, acknowledgements and clears in its outbox, and the
replays below apply each exactly once (a send is keyed by its uid; an acknowledgement or a clear
only ever sets a time that is still empty, so applying it twice changes nothing).

Expiry is not a write: a message is expired once `expires_at` has passed (`expired_at()`), so
every station agrees on it without anybody stamping it.

The prompter strip shows two sections (`strip()`): messages (kind "message") and at most
`MAX_QUESTIONS` audience questions (kind "question", passed on by customer service).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from studio.demo import recorded_speed
from studio.store.changes import Change
from studio.store.models import Show, new_uid
from studio.store.store import Store
from studio.store.sync.rows import RecordChange, RowError
from studio.store.sync.writes import is_link_error, register_replay
from studio.store.talkback_models import TalkbackMessage as Row
from studio.talkback.rows import insert_row, replay_insert
from studio.timeutil import parse_iso, utcnow

TABLE: Final = "talkback_message"  # the change-log table name views subscribe to
KINDS: Final = ("message", "question")
ROLES: Final = ("controller", "anchor", "cs", "tech", "review", "rules", "api")
DEFAULT_EXPIRY_S: Final = {"message": 30.0, "question": 60.0}
MAX_QUESTIONS: Final = 2  # questions shown on the strip at once
MAX_TEXT: Final = 500

SEND_OP: Final = "talkback_send"  # outbox entry kinds
ACK_OP: Final = "talkback_ack"
CLEAR_OP: Final = "talkback_clear"


class TalkbackError(ValueError):
    """A message that cannot be sent (empty text, unknown show or kind); for the user."""


class MessageNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Message:
    """A detached copy of a message for views, commands and the review."""

    id: int | None  # None: queued in this station's outbox, not yet in the database
    uid: str
    show_id: int
    at: datetime
    kind: str
    from_role: str
    to_role: str
    text: str
    urgent: bool
    rule: str | None
    figures: dict[str, Any] = field(default_factory=dict)
    ref: str | None = None
    expires_at: datetime | None = None
    acked_at: datetime | None = None
    acked_by: str = ""
    cleared_at: datetime | None = None
    station: str = ""
    rehearsal: bool = False

    def expired_at(self, now: datetime) -> datetime | None:
        """When it left the strip unseen: cleared, or its time ran out (None: it has not, or
        the anchor acknowledged it first)."""
        ends = [t for t in (self.cleared_at, self.expires_at) if t is not None and t <= now]
        if not ends:
            return None
        end = min(ends)
        if self.acked_at is not None and self.acked_at <= end:
            return None
        return end

    def active(self, now: datetime) -> bool:
        """Still on the strip: not acknowledged, not cleared, not expired."""
        return self.acked_at is None and self.expired_at(now) is None

    def state(self, now: datetime) -> str:
        """ "seen", "expired" (or cleared) or "waiting" — what the sender's list shows."""
        if self.acked_at is not None:
            return "seen"
        return "expired" if self.expired_at(now) is not None else "waiting"

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        """The contract of `studio messages --json`."""
        when = now or utcnow()
        expired = self.expired_at(when)
        return {
            "id": self.id,
            "uid": self.uid,
            "at": self.at.isoformat(),
            "kind": self.kind,
            "from_role": self.from_role,
            "to_role": self.to_role,
            "text": self.text,
            "urgent": self.urgent,
            "rule": self.rule,
            "figures": dict(self.figures),
            "ref": self.ref,
            "rehearsal": self.rehearsal,
            "acked_at": self.acked_at.isoformat() if self.acked_at else None,
            "expired_at": expired.isoformat() if expired else None,
        }


@dataclass(frozen=True)
class Sent:
    uid: str
    id: int | None  # None: queued offline
    queued: bool


@dataclass(frozen=True)
class Strip:
    """What the prompter strip shows now, newest first in each section."""

    messages: list[Message]
    questions: list[Message]  # at most MAX_QUESTIONS


def _view(r: Row) -> Message:
    return Message(
        id=r.id,
        uid=r.uid,
        show_id=r.show_id,
        at=r.at,
        kind=r.kind,
        from_role=r.from_role,
        to_role=r.to_role,
        text=r.text or "",
        urgent=bool(r.urgent),
        rule=r.rule,
        figures=dict(r.figures or {}),
        ref=r.ref,
        expires_at=r.expires_at,
        acked_at=r.acked_at,
        acked_by=r.acked_by or "",
        cleared_at=r.cleared_at,
        station=r.station or "",
        rehearsal=bool(r.rehearsal),
    )


def _aware(at: datetime | None) -> datetime:
    if at is None:
        return utcnow()
    if at.tzinfo is None:
        raise TalkbackError(f"a time without a time zone is ambiguous ({at.isoformat()})")
    return at


def _figures(figures: Mapping[str, Any] | None) -> dict[str, Any]:
    """JSON-safe copy: numbers, text, booleans and None; anything else as its text."""
    out: dict[str, Any] = {}
    for k, v in (figures or {}).items():
        out[str(k)] = v if v is None or isinstance(v, bool | int | float | str) else str(v)
    return out


def send(
    store: Store,
    show_id: int,
    text: str,
    *,
    kind: str = "message",
    from_role: str = "controller",
    to_role: str = "anchor",
    urgent: bool = False,
    rule: str | None = None,
    figures: Mapping[str, Any] | None = None,
    ref: str | None = None,
    expires_in_s: float | None = None,
    at: datetime | None = None,
    station: str | None = None,
    rehearsal: bool | None = None,
) -> Sent:
    """Send a message to `to_role`'s strip; committed (or queued offline) before it returns.

    `expires_in_s` defaults to 30 s for a message and 60 s for a question (0 or less: never).
    `at` is the show's clock (default now). `rehearsal` None takes the show's own flag.
    """
    body = " ".join(text.split())
    if not body:
        raise TalkbackError("the message is empty")
    if len(body) > MAX_TEXT:
        raise TalkbackError(f"the message is longer than {MAX_TEXT} characters")
    if kind not in KINDS:
        raise TalkbackError(f"unknown kind {kind!r} (one of: {', '.join(KINDS)})")
    for name, role in (("from", from_role), ("to", to_role)):
        if role not in ROLES:
            raise TalkbackError(f"unknown {name} role {role!r} (one of: {', '.join(ROLES)})")
    when = _aware(at)
    life = DEFAULT_EXPIRY_S[kind] if expires_in_s is None else float(expires_in_s)
    flag = rehearsal
    if store.link_status.online and not store.sync_writer.pending:
        try:
            with store.session() as s:
                show = s.get(Show, show_id)
                if show is None:
                    raise TalkbackError(f"no show with id {show_id}")
                if flag is None:
                    flag = bool(show.is_rehearsal)
                # The expiry is reading time for the anchor: wall seconds on the show's clock,
                # so a demo at 60x keeps a message up for 30 s, not half a second.
                life *= recorded_speed(show.extra)
        except SQLAlchemyError as exc:
            if not is_link_error(exc):
                raise  # unreachable: queued below, checked when it is replayed
    values: dict[str, Any] = {
        "uid": new_uid(),
        "show_id": show_id,
        "at": when,
        "kind": kind,
        "from_role": from_role,
        "to_role": to_role,
        "text": body,
        "urgent": bool(urgent),
        "rule": rule,
        "figures": _figures(figures),
        "ref": ref,
        "expires_at": when + timedelta(seconds=life) if life > 0 else None,
        "acked_by": "",
        "station": store.station if station is None else station,
        "rehearsal": bool(flag),
    }

    def now() -> Sent:
        with store.transaction() as s:
            new_id, change = insert_row(s, Row, TABLE, values, store.record_change)
        store.publish(change)
        return Sent(values["uid"], new_id, queued=False)

    done = store.sync_writer.run_or_queue(SEND_OP, values, now)
    return done if done is not None else Sent(values["uid"], None, queued=True)


def _replay_send(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
    return replay_insert(s, Row, TABLE, "talkback send", args, record_change)


def _stamp(
    s: Session, uid: str, column: str, when: datetime, who: str, record_change: RecordChange
) -> list[Change]:
    """Set `column` (acked_at or cleared_at) if it is still empty; the one write both the
    direct path and the replay use."""
    r = s.scalars(select(Row).where(Row.uid == uid)).first()
    if r is None:
        raise MessageNotFound(f"no message with uid {uid}")
    values: dict[str, Any] = {column: when}
    if column == "acked_at":
        values["acked_by"] = who
    done = s.execute(
        update(Row).where(Row.id == r.id, getattr(Row, column).is_(None)).values(**values)
    )
    if not getattr(done, "rowcount", 0):
        return []
    return [record_change(s, TABLE, r.id, r.show_id)]


def _edit(store: Store, kind: str, uid: str, column: str, at: datetime | None, who: str) -> None:
    when = _aware(at)

    def now() -> None:
        with store.transaction() as s:
            changes = _stamp(s, uid, column, when, who, store.record_change)
        store.publish(*changes)

    store.sync_writer.run_or_queue(kind, {"uid": uid, "at": when, "who": who}, now)


def _replay_stamp(column: str) -> Any:
    def replay(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
        uid, when, who = args.get("uid"), args.get("at"), args.get("who", "")
        if not isinstance(uid, str) or not isinstance(when, datetime) or not isinstance(who, str):
            raise RowError(f"talkback {column}: malformed entry {args!r}"[:300])
        try:
            return _stamp(s, uid, column, when, who, record_change)
        except MessageNotFound as exc:
            raise RowError(str(exc)) from exc

    return replay


def acknowledge(store: Store, uid: str, *, by: str = "anchor", at: datetime | None = None) -> None:
    """The anchor has seen the message (a key or pedal long-press): the sender sees "seen".
    Acknowledging twice keeps the first time. Raises MessageNotFound (online) for a bad uid."""
    _edit(store, ACK_OP, uid, "acked_at", at, by)


def clear(store: Store, uid: str, *, at: datetime | None = None) -> None:
    """Take a message off the strip before it expires (the sender changed their mind)."""
    _edit(store, CLEAR_OP, uid, "cleared_at", at, "")


def clear_ref(store: Store, show_id: int, ref: str, *, at: datetime | None = None) -> int:
    """Clear every message of the show still showing that carries `ref` (e.g. a question the
    customer-service desk answered itself); returns how many were cleared."""
    when = _aware(at)
    with store.session() as s:
        uids = list(
            s.scalars(
                select(Row.uid).where(
                    Row.show_id == show_id,
                    Row.ref == ref,
                    Row.cleared_at.is_(None),
                    Row.acked_at.is_(None),
                )
            )
        )
    for uid in uids:
        clear(store, uid, at=when)
    return len(uids)


def get_message(store: Store, uid: str) -> Message:
    with store.session() as s:
        r = s.scalars(select(Row).where(Row.uid == uid)).first()
        if r is None:
            raise MessageNotFound(f"no message with uid {uid}")
        return _view(r)


def list_messages(
    store: Store,
    show_id: int,
    *,
    kind: str | None = None,
    to_role: str | None = None,
    since: datetime | None = None,
) -> list[Message]:
    """The show's messages, oldest first (the review's list, the sender's list, --json)."""
    with store.session() as s:
        q = select(Row).where(Row.show_id == show_id)
        if kind is not None:
            q = q.where(Row.kind == kind)
        if to_role is not None:
            q = q.where(Row.to_role == to_role)
        if since is not None:
            q = q.where(Row.at >= since)
        return [_view(r) for r in s.scalars(q.order_by(Row.at, Row.id))]


def strip(store: Store, show_id: int, now: datetime, *, to_role: str = "anchor") -> Strip:
    """What the prompter strip shows at `now`: the active messages (urgent first, then newest)
    and the newest MAX_QUESTIONS active questions."""
    horizon = now - timedelta(hours=2)  # nothing lives that long; keeps the query small
    rows = [
        m
        for m in list_messages(store, show_id, to_role=to_role, since=horizon)
        if m.active(now) and m.at <= now + timedelta(seconds=5)
    ]

    def newest(m: Message) -> tuple[float, int]:
        return (-m.at.timestamp(), -(m.id or 0))

    msgs = sorted(
        (m for m in rows if m.kind == "message"), key=lambda m: (not m.urgent, *newest(m))
    )
    questions = sorted((m for m in rows if m.kind == "question"), key=newest)
    return Strip(msgs, questions[:MAX_QUESTIONS])


def parse_at(text: str | None) -> datetime | None:
    """An ISO time from a command line (None stays None)."""
    return parse_iso(text) if text else None


register_replay(SEND_OP, _replay_send)
register_replay(ACK_OP, _replay_stamp("acked_at"))
register_replay(CLEAR_OP, _replay_stamp("cleared_at"))

# The rule-firing log queues offline too; importing it here registers its replay with ours
# (REPLAY_MODULES names this module).
from studio.talkback import firings as _firings  # noqa: E402, F401

__all__ = [
    "DEFAULT_EXPIRY_S",
    "KINDS",
    "MAX_QUESTIONS",
    "ROLES",
    "TABLE",
    "Message",
    "MessageNotFound",
    "Sent",
    "Strip",
    "TalkbackError",
    "acknowledge",
    "clear",
    "clear_ref",
    "get_message",
    "list_messages",
    "send",
    "strip",
]
