"""Crew per show and the warm-up (预热) task list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select

from studio.store.models import CrewMember, Show, WarmupTask
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock

ROLES: Final = ("anchor", "assistant_anchor", "controller", "customer_service", "tech")
REQUIRED_ROLES: Final = ("anchor", "controller")

# The usual warm-up for a show (English, Chinese): what a new show's task list starts from.
DEFAULT_TASKS: Final = (
    ("Publish warm-up short videos", "发布预热短视频"),
    ("Set the live preview (预告)", "设置直播预告"),
    ("Post the fan-group notice", "发布粉丝群通知"),
    ("Book the ad plan", "制定投放计划"),
)


class CrewError(ValueError):
    pass


@dataclass(frozen=True)
class CrewView:
    id: int
    role: str
    name: str


@dataclass(frozen=True)
class TaskView:
    id: int
    title: str
    owner: str
    due_at: datetime | None
    done: bool
    done_at: datetime | None

    def state(self, now: datetime) -> str:
        """done / late (done after its due time) / missed (past due, not done) / pending."""
        if self.done:
            if self.due_at is not None and self.done_at is not None and self.done_at > self.due_at:
                return "late"
            return "done"
        if self.due_at is not None and now > self.due_at:
            return "missed"
        return "pending"


def _show_exists(s: object, show_id: int) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    if s.get(Show, show_id) is None:
        raise ShowNotFound(f"no show with id {show_id}")


def add_crew(store: Store, show_id: int, role: str, name: str) -> int:
    if role not in ROLES:
        raise CrewError(f"unknown role {role!r} (expected one of: {', '.join(ROLES)})")
    name = name.strip()
    if not name:
        raise CrewError("a crew member needs a name")
    with store.transaction() as s:
        _show_exists(s, show_id)
        row = CrewMember(show_id=show_id, role=role, name=name)
        s.add(row)
        s.flush()
        change = store.record_change(s, "crew_member", row.id, show_id)
        row_id = row.id
    store.publish(change)
    return row_id


def remove_crew(store: Store, crew_id: int) -> bool:
    with store.transaction() as s:
        row = s.get(CrewMember, crew_id)
        if row is None:
            return False
        show_id = row.show_id
        s.delete(row)
        change = store.record_change(s, "crew_member", crew_id, show_id)
    store.publish(change)
    return True


def list_crew(store: Store, show_id: int) -> list[CrewView]:
    order = {r: i for i, r in enumerate(ROLES)}
    with store.session() as s:
        rows = s.scalars(select(CrewMember).where(CrewMember.show_id == show_id))
        views = [CrewView(r.id, r.role, r.name) for r in rows]
    return sorted(views, key=lambda c: (order.get(c.role, len(order)), c.id))


def add_task(
    store: Store, show_id: int, title: str, owner: str = "", due_at: datetime | None = None
) -> int:
    title = title.strip()
    if not title:
        raise CrewError("a warm-up task needs a title")
    if due_at is not None and due_at.tzinfo is None:
        raise CrewError("the due time needs a time zone")
    with store.transaction() as s:
        _show_exists(s, show_id)
        row = WarmupTask(show_id=show_id, title=title, owner=owner.strip(), due_at=due_at)
        s.add(row)
        s.flush()
        change = store.record_change(s, "warmup_task", row.id, show_id)
        row_id = row.id
    store.publish(change)
    return row_id


def add_default_tasks(
    store: Store, show_id: int, lang: str = "en", due_at: datetime | None = None
) -> list[int]:
    return [
        add_task(store, show_id, zh if lang.startswith("zh") else en, due_at=due_at)
        for en, zh in DEFAULT_TASKS
    ]


def set_task_done(
    store: Store, task_id: int, done: bool = True, *, clock: Clock = wall_clock
) -> None:
    with store.transaction() as s:
        row = s.get(WarmupTask, task_id)
        if row is None:
            raise CrewError(f"no warm-up task with id {task_id}")
        row.done = done
        row.done_at = from_epoch(clock()) if done else None
        change = store.record_change(s, "warmup_task", task_id, row.show_id)
    store.publish(change)


def list_tasks(store: Store, show_id: int) -> list[TaskView]:
    with store.session() as s:
        rows = s.scalars(
            select(WarmupTask)
            .where(WarmupTask.show_id == show_id)
            .order_by(WarmupTask.due_at.is_(None), WarmupTask.due_at, WarmupTask.id)
        )
        return [TaskView(r.id, r.title, r.owner, r.due_at, r.done, r.done_at) for r in rows]
