"""Talkback on the show's timeline: every message to the anchor and every rule firing as one
mark (the dashboard's markers, the review's list). A rule's prompt is shown by its firing, not
twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studio.store.store import Store
from studio.talkback.firings import list_firings
from studio.talkback.messages import list_messages
from studio.timeutil import utcnow

KINDS = ("message", "question", "rule")


@dataclass(frozen=True)
class TalkMark:
    at: float  # epoch seconds
    kind: str  # message | question | rule
    text: str
    who: str  # the sender's role, or the rule's name
    urgent: bool = False
    state: str = ""  # a message's: seen | expired | waiting ("" for a rule)
    acked_at: datetime | None = None
    rehearsal: bool = False


def talk_marks(store: Store, show_id: int, now: datetime | None = None) -> list[TalkMark]:
    """The show's messages and rule firings, oldest first."""
    when = now or utcnow()
    marks = [
        TalkMark(
            m.at.timestamp(),
            m.kind,
            m.text,
            m.from_role,
            m.urgent,
            m.state(when),
            m.acked_at,
            m.rehearsal,
        )
        for m in list_messages(store, show_id)
        if m.rule is None
    ]
    marks += [
        TalkMark(f.at.timestamp(), "rule", f.text, f.rule, rehearsal=f.rehearsal)
        for f in list_firings(store, show_id)
    ]
    return sorted(marks, key=lambda m: m.at)
