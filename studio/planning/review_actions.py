"""Review actions: a change decided in a show's review (复盘), checked in a later show.

An action has what, an owner and a due: the next show, or a date. It is *carried* into every
later show while it is open, and shows there as due once its due has come (the origin's next
live show, or a show starting on or after the date). A done action is still listed, as done, in
the report of the show it was due at, so that report says what was checked.

`carried_actions` (pure) decides what a show sees; `actions_for_show` reads it from the store;
`readiness_item` turns it into the readiness gate's item (status and message). It lives with
planning, below the review in the package layers, so the readiness gate may use it; the review
(studio.review) records and reports the actions through it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select

from studio.store.models import ReviewAction, Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock

Message = tuple[str, Mapping[str, Any]]


class ActionError(ValueError):
    """An action that cannot be recorded (no text, unknown action)."""


@dataclass(frozen=True)
class ShowTime:
    """A show on the time line: when it started (or was planned to, or was created)."""

    id: int
    title: str
    at: datetime
    is_rehearsal: bool = False


@dataclass(frozen=True)
class Action:
    id: int
    show_id: int  # the review it was decided in
    what: str
    owner: str
    due_at: datetime | None  # None: the next show
    created_at: datetime
    done: bool
    done_at: datetime | None
    note: str = ""
    # Filled in by carried_actions for the show asking:
    origin_title: str = ""
    due_here: bool = False  # its due has come at (or before) this show
    due_show_id: int | None = None  # the show it is due at, once that show exists

    @property
    def due_next_show(self) -> bool:
        return self.due_at is None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "show": self.show_id,
            "what": self.what,
            "owner": self.owner,
            "due": "next_show" if self.due_at is None else self.due_at.isoformat(),
            "created_at": self.created_at.isoformat(),
            "done": self.done,
            "done_at": self.done_at.isoformat() if self.done_at else None,
            "note": self.note,
            "due_here": self.due_here,
            "due_show": self.due_show_id,
        }


def _show_at(show: Show) -> datetime:
    return show.started_at or show.planned_start or show.created_at


def due_show(action: Action, timeline: Sequence[ShowTime], origin_at: datetime) -> int | None:
    """The live show an action is due at: the first after its origin (and, for a dated action,
    starting on or after the date); None while no such show exists."""
    for st in sorted(timeline, key=lambda x: (x.at, x.id)):
        if st.is_rehearsal or st.id == action.show_id or st.at <= origin_at:
            continue
        if action.due_at is None or st.at >= action.due_at:
            return st.id
    return None


def carried_actions(
    actions: Sequence[Action], timeline: Sequence[ShowTime], show_id: int
) -> list[Action]:
    """The actions of earlier reviews that concern `show_id`: the open ones (due here or not
    yet), and the done ones that were due at this very show. Oldest first."""
    times = {st.id: st for st in timeline}
    here = times.get(show_id)
    if here is None:
        return []
    out = []
    for a in actions:
        origin = times.get(a.show_id)
        if origin is None or a.show_id == show_id or origin.at >= here.at:
            continue
        target = due_show(a, timeline, origin.at)
        target_at = times[target].at if target is not None else None
        due_here = target_at is not None and target_at <= here.at
        if a.done and target != show_id:
            continue
        out.append(replace(a, origin_title=origin.title, due_here=due_here, due_show_id=target))
    return sorted(out, key=lambda a: (a.created_at, a.id))


def readiness_item(carried: Sequence[Action]) -> tuple[str, Message]:
    """The readiness gate's "actions from earlier reviews" item: warn while an action that is
    due by this show is open (a lesson not yet acted on), pass otherwise. Messages are keys of
    studio.planning.text (see the report of issue 21 for their words)."""
    due = [a for a in carried if not a.done and a.due_here]
    later = [a for a in carried if not a.done and not a.due_here]
    done = [a for a in carried if a.done]
    if due:
        first = due[0]
        return "warn", (
            "actions.open",
            {"open": len(due), "first": first.what, "owner": first.owner or "—"},
        )
    if later:
        return "pass", ("actions.later", {"open": len(later)})
    return "pass", ("actions.done", {"done": len(done)})


# -- the store ----------------------------------------------------------------------------------


def _action(row: ReviewAction) -> Action:
    return Action(
        id=row.id,
        show_id=row.show_id,
        what=row.what,
        owner=row.owner,
        due_at=row.due_at,
        created_at=row.created_at,
        done=row.done,
        done_at=row.done_at,
        note=row.note,
    )


def add_action(
    store: Store,
    show_id: int,
    what: str,
    owner: str = "",
    due_at: datetime | None = None,
    *,
    clock: Clock = wall_clock,
) -> int:
    """Record an action decided in the show's review; due at the next show unless `due_at`."""
    what = what.strip()
    if not what:
        raise ActionError("an action needs a text: what is to be done")
    with store.transaction() as s:
        if s.get(Show, show_id) is None:
            raise ShowNotFound(f"no show with id {show_id}")
        row = ReviewAction(
            show_id=show_id,
            what=what,
            owner=owner.strip(),
            due_at=due_at,
            created_at=from_epoch(clock()),
            station=store.station,
        )
        s.add(row)
        s.flush()
        change = store.record_change(s, "review_action", row.id, show_id)
        action_id = row.id
    store.publish(change)
    return action_id


def set_done(
    store: Store, action_id: int, done: bool = True, note: str = "", *, clock: Clock = wall_clock
) -> Action:
    """Mark an action done (with what was done) or open again."""
    with store.transaction() as s:
        row = s.get(ReviewAction, action_id)
        if row is None:
            raise ActionError(f"no review action with id {action_id}")
        row.done = done
        row.done_at = from_epoch(clock()) if done else None
        if note.strip():
            row.note = note.strip()
        s.flush()
        change = store.record_change(s, "review_action", row.id, row.show_id)
        out = _action(row)
    store.publish(change)
    return out


def list_actions(store: Store, show_id: int) -> list[Action]:
    """The actions decided in this show's review."""
    with store.session() as s:
        q = select(ReviewAction).where(ReviewAction.show_id == show_id)
        return [_action(r) for r in s.scalars(q.order_by(ReviewAction.created_at, ReviewAction.id))]


def actions_for_show(store: Store, show_id: int) -> list[Action]:
    """The actions of earlier reviews that concern this show (see `carried_actions`)."""
    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        rows = list(s.scalars(select(ReviewAction).order_by(ReviewAction.id)))
        if not rows:
            return []
        timeline = [
            ShowTime(sh.id, sh.title, _show_at(sh), sh.is_rehearsal)
            for sh in s.scalars(select(Show))
        ]
        actions = [_action(r) for r in rows]
    return carried_actions(actions, timeline, show_id)
