"""The 客服 queue: open question cards oldest first; claim, answer, mark done, ignore, escalate.

Every action is one transaction that updates the card, records the change (NOTIFY to the other
stations) and is published after the commit. A station whose shared database is unreachable
queues the action in its outbox (`audience_card` replay); each action only moves a card forward
(an answered card is never answered again, a claim never steals a claimed card), so a replay
applied twice changes nothing the second time.

Answering records the reply text, who and when (the show's clock); the platform has no API for
posting it, so the station copies it to the clipboard for the platform console. Escalating
puts the question on the anchor's prompter strip (`studio.talkback.messages.send`, kind
"question", ref = the card's uid); answering or ignoring the card clears it there.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import ColumnElement, case, func, or_, select, update
from sqlalchemy.orm import Session

from studio.store.audience_models import AudienceEvent, AudienceGroup
from studio.store.changes import Change
from studio.store.models import Product
from studio.store.store import Store
from studio.store.sync.rows import RecordChange
from studio.store.sync.writes import register_replay
from studio.timeutil import from_epoch

log = logging.getLogger(__name__)

OP: Final = "audience_card"
ACTIONS: Final = ("claim", "unclaim", "answer", "done", "ignore", "escalate", "reopen")
STATUSES: Final = ("open", "answered", "ignored")


class CardError(ValueError):
    """An action that cannot be done (unknown card, empty reply ...); for the user."""


@dataclass(frozen=True)
class Card:
    id: int
    uid: str
    show_id: int
    kind: str
    text: str
    sku: str | None
    product: str  # "3号 丝绒雾面口红 316 枫叶红" or ""
    link: int | None
    topic: str | None
    segment_key: str | None
    first_ts: float
    last_ts: float
    count: int
    askers: tuple[str, ...]
    status: str
    claimed_by: str
    escalated: bool
    answered_ts: float | None
    answered_by: str
    reply: str

    def wait_s(self, now: float) -> float:
        """Seconds the first asker has waited (until answered, for a closed card)."""
        end = self.answered_ts if self.answered_ts is not None else now
        return max(0.0, end - self.first_ts)


def _cards(s: Session, rows: Sequence[AudienceGroup]) -> list[Card]:
    shows = {g.show_id for g in rows}
    names: dict[tuple[int, str], tuple[str, int | None]] = {}
    if shows:
        for show_id, sku, name, link in s.execute(
            select(Product.show_id, Product.sku, Product.name, Product.link).where(
                Product.show_id.in_(shows)
            )
        ):
            names[(show_id, sku)] = (name, link)
    out = []
    for g in rows:
        name, link = names.get((g.show_id, g.sku or ""), ("", None))
        label = f"{link}号 {name}" if link is not None and name else name or (g.sku or "")
        out.append(
            Card(
                id=g.id, uid=g.uid, show_id=g.show_id, kind=g.kind, text=g.text, sku=g.sku,
                product=label, link=link, topic=g.topic, segment_key=g.segment_key,
                first_ts=g.first_ts, last_ts=g.last_ts, count=g.count,
                askers=tuple(str(a) for a in g.askers or ()), status=g.status,
                claimed_by=g.claimed_by or "", escalated=g.escalated_ts is not None,
                answered_ts=g.answered_ts, answered_by=g.answered_by or "", reply=g.reply or "",
            )
        )  # fmt: skip
    return out


def open_cards(store: Store, show_id: int, *, limit: int = 5000) -> list[Card]:
    """The queue: open cards, oldest first."""
    with store.session() as s:
        rows = s.scalars(
            select(AudienceGroup)
            .where(AudienceGroup.show_id == show_id, AudienceGroup.status == "open")
            .order_by(AudienceGroup.first_ts, AudienceGroup.id)
            .limit(limit)
        ).all()
        return _cards(s, rows)


# -- questions waiting at a time -----------------------------------------------------------


def _closed_ts() -> ColumnElement[Any]:
    """When a card left the queue: answered or ignored (an ignored card from before ignored
    times were stored counts until its last asker); NULL while it is open."""
    G = AudienceGroup
    return case(
        (G.status == "answered", G.answered_ts),
        (G.status == "ignored", func.coalesce(G.ignored_ts, G.last_ts)),
        else_=None,
    )


@dataclass(frozen=True)
class QueueSpans:
    """When each question card of a show waited: sorted first-asked times and sorted
    left-the-queue times (answered or ignored). `waiting(t)` is the one count of the queue's
    length at a time; read once, it answers any number of times (a replay)."""

    opened: tuple[float, ...]
    closed: tuple[float, ...]  # each >= its card's first-asked time

    @classmethod
    def read(cls, store: Store, show_id: int, *, at: float | None = None) -> QueueSpans:
        """The show's cards; with `at`, only those that may be waiting then (what a live
        count needs: the open ones and any closed after `at`)."""
        G = AudienceGroup
        closed = _closed_ts()
        q = select(G.first_ts, closed).where(G.show_id == show_id)
        if at is not None:
            q = q.where(G.first_ts <= at, or_(closed.is_(None), closed > at))
        with store.session() as s:
            rows = s.execute(q).all()
        opened = sorted(float(first) for first, _ in rows)
        ends = sorted(max(float(first), float(end)) for first, end in rows if end is not None)
        return cls(tuple(opened), tuple(ends))

    def waiting(self, at: float) -> int:
        """Cards first asked by `at` and not answered or ignored by then."""
        return bisect_right(self.opened, at) - bisect_right(self.closed, at)

    def change_times(self) -> list[float]:
        """The times the count changes, oldest first: where a replay must look so a rule
        fires when the count does."""
        return sorted(set(self.opened).union(self.closed))


def questions_waiting(store: Store, show_id: int, at: float) -> int:
    """Question cards waiting at `at` (epoch seconds, the show's clock): first asked by then
    and not answered or ignored by then. The live rules' `questions_waiting` (at = now) and the
    audience panel's open count read it here; `studio rules test` reads the show's
    `QueueSpans` once and asks the same `waiting(at)` at each replayed time. A card reopened
    after an answer counts as open from its first asker on (a card keeps its last state)."""
    return QueueSpans.read(store, show_id, at=at).waiting(at)


def cards(
    store: Store, show_id: int, *, status: str | None = None, limit: int = 5000
) -> list[Card]:
    with store.session() as s:
        q = select(AudienceGroup).where(AudienceGroup.show_id == show_id)
        if status is not None:
            q = q.where(AudienceGroup.status == status)
        rows = s.scalars(q.order_by(AudienceGroup.first_ts, AudienceGroup.id).limit(limit)).all()
        return _cards(s, rows)


def get_card(store: Store, card_id: int) -> Card:
    with store.session() as s:
        g = s.get(AudienceGroup, card_id)
        if g is None:
            raise CardError(f"no question card {card_id}")
        return _cards(s, [g])[0]


def card_of_comment(store: Store, comment_id: int) -> int:
    """The card a comment belongs to (CardError if it is not a question)."""
    with store.session() as s:
        gid = s.scalar(select(AudienceEvent.group_id).where(AudienceEvent.id == comment_id))
        if gid is None:
            if s.get(AudienceEvent, comment_id) is None:
                raise CardError(f"no comment {comment_id}")
            raise CardError(f"comment {comment_id} is not a question")
        return int(gid)


# -- actions -------------------------------------------------------------------------------


def _apply(s: Session, args: Mapping[str, Any], record_change: RecordChange) -> list[Change]:
    g = s.scalar(select(AudienceGroup).where(AudienceGroup.uid == str(args["uid"])))
    if g is None:
        log.warning("audience card %s: gone; action %s dropped", args["uid"], args["action"])
        return []
    action, who, at = str(args["action"]), str(args.get("who") or ""), float(args["at"])
    if action == "claim":
        if g.status != "open" or (g.claimed_by and g.claimed_by != who):
            return []
        values: dict[str, Any] = {"claimed_by": who, "claimed_ts": at}
    elif action == "unclaim":
        if g.status != "open" or g.claimed_by != who:
            return []
        values = {"claimed_by": "", "claimed_ts": None}
    elif action in ("answer", "done"):
        if g.status != "open":
            return []
        values = {
            "status": "answered", "answered_ts": at, "answered_by": who,
            "reply": str(args.get("reply") or ""), "claimed_by": g.claimed_by or who,
        }  # fmt: skip
    elif action == "ignore":
        if g.status != "open":
            return []
        values = {"status": "ignored", "answered_by": who, "ignored_ts": at}
    elif action == "escalate":
        if g.status != "open" or g.escalated_ts is not None:
            return []
        values = {"escalated_ts": at}
    elif action == "reopen":
        if g.status == "open":
            return []
        values = {
            "status": "open", "answered_ts": None, "ignored_ts": None, "answered_by": "",
            "reply": "",
        }  # fmt: skip
    else:
        raise CardError(f"unknown action {action!r}")
    s.execute(update(AudienceGroup).where(AudienceGroup.id == g.id).values(**values))
    return [record_change(s, "audience_group", g.id, g.show_id)]


def _replay(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
    return _apply(s, args, record_change)


register_replay(OP, _replay)


def act(
    store: Store,
    card: Card | int,
    action: str,
    *,
    who: str,
    at: float,
    reply: str = "",
) -> bool:
    """Do `action` on a card (the Card as read, or its id); False when it was queued offline
    (True: committed). Given the Card, nothing is read first: it works with the link down."""
    if action not in ACTIONS:
        raise CardError(f"unknown action {action!r} (one of: {', '.join(ACTIONS)})")
    if action == "answer" and not reply.strip():
        raise CardError("the reply is empty (use 'done' for a question answered on air)")
    if not isinstance(card, Card):
        card = get_card(store, card)
    args = {"uid": card.uid, "action": action, "who": who, "at": at, "reply": reply.strip()}

    def now() -> bool:
        with store.transaction() as s:
            changes = _apply(s, args, store.record_change)
        store.publish(*changes)
        return True

    done = store.sync_writer.run_or_queue(OP, args, now)
    if action in ("answer", "done", "ignore") and card.escalated:
        _clear_on_prompter(store, card.show_id, card.uid, at)
    return bool(done)


def escalate(store: Store, card: Card | int, *, who: str, role: str, at: float) -> bool:
    """Put the question on the anchor's strip (at most 2 there; it expires after 60 s)."""
    if not isinstance(card, Card):
        card = get_card(store, card)
    if card.status != "open":
        raise CardError("only an open question can go to the anchor")
    from studio.talkback.messages import send

    # The viewers' words, for a Chinese-speaking anchor: Chinese brackets around the product.
    text = card.text if card.count < 2 else f"{card.text}（×{card.count}）"
    if card.product:
        text = f"【{card.product}】{text}"
    send(
        store,
        card.show_id,
        text,
        kind="question",
        from_role=role,
        ref=card.uid,
        expires_in_s=60,
        at=from_epoch(at),
    )
    return act(store, card, "escalate", who=who, at=at)


def _clear_on_prompter(store: Store, show_id: int, uid: str, at: float) -> None:
    try:
        from studio.talkback.messages import clear_ref

        clear_ref(store, show_id, uid, at=from_epoch(at))
    except Exception:  # the prompter strip is a convenience; the answer is recorded anyway
        log.exception("could not clear question %s from the prompter", uid)


def answered_at(card: Card) -> datetime | None:
    return None if card.answered_ts is None else from_epoch(card.answered_ts)
