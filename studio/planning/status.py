"""A show's lifecycle: planned -> ready -> live -> ended (ready may fall back to planned).

Going live is not a plain status change: it goes through the readiness gate
(`studio.planning.readiness.go_live`), which records when the show went live.
"""

from __future__ import annotations

from typing import Final

from studio.store.models import SHOW_STATUSES, Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock

ALLOWED: Final[dict[str, frozenset[str]]] = {
    "planned": frozenset({"ready"}),
    "ready": frozenset({"planned", "live"}),
    "live": frozenset({"ended"}),
    "ended": frozenset(),
}


class StatusError(ValueError):
    """A status change that is not allowed; the message says why."""


def can_change(old: str, new: str) -> bool:
    return new in ALLOWED.get(old, frozenset())


def check_change(old: str, new: str) -> None:
    if new not in SHOW_STATUSES:
        raise StatusError(f"unknown status {new!r} (expected one of: {', '.join(SHOW_STATUSES)})")
    if old == new:
        raise StatusError(f"the show is already {new}")
    if not can_change(old, new):
        nxt = ", ".join(sorted(ALLOWED.get(old, ()))) or "nothing"
        raise StatusError(f"a {old} show cannot become {new} (it can become: {nxt})")


def set_status(store: Store, show_id: int, status: str, *, clock: Clock = wall_clock) -> None:
    """Move a show to `status` (not `live`: use readiness.go_live). Ending records ended_at."""
    if status == "live":
        raise StatusError("going live goes through the readiness gate (plan go-live)")
    with store.transaction() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        check_change(show.status, status)
        show.status = status
        if status == "ended" and show.ended_at is None:
            show.ended_at = from_epoch(clock())
        change = store.record_change(s, "show", show_id, show_id)
    store.publish(change)
