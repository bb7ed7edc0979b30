"""Change notifications: views subscribe, writers publish after they commit.

Writers publish in-process. On PostgreSQL the same `Change` also travels to the other stations
over LISTEN/NOTIFY (`studio.store.sync`), and the `change_log` table lets a station that missed
a notification catch up; remote changes arrive on the local bus with `remote=True`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


# Tables whose changes are keyed by time, not by a row: metric samples have no row id (their key
# is (show, ts, metric, sku, source)); a batch is announced with its earliest whole second.
TIME_KEYED = frozenset({"metric_sample"})


@dataclass(frozen=True, slots=True)
class Change:
    table: str
    row_id: int | None = None  # the changed row's id (None: several rows, or a time-keyed table)
    show_id: int | None = None
    since: int | None = None  # a time-keyed table: re-read from this epoch second on
    # Where it came from; not part of equality, so a view compares "what changed" only.
    station: str = field(default="", compare=False)
    log_id: int | None = field(default=None, compare=False)  # the change_log row, when known
    remote: bool = field(default=False, compare=False)  # written by another store (process)

    @classmethod
    def keyed(
        cls,
        table: str,
        key: int | None,
        show_id: int | None,
        *,
        station: str = "",
        log_id: int | None = None,
        remote: bool = False,
    ) -> Change:
        """A change from its stored or notified form, where one `key` column holds the row id,
        or for a time-keyed table the second (the change log keeps one key column)."""
        if table in TIME_KEYED:
            return cls(table, None, show_id, key, station=station, log_id=log_id, remote=remote)
        return cls(table, key, show_id, station=station, log_id=log_id, remote=remote)

    @property
    def key(self) -> int | None:
        """What the change log and the notification carry: `since` or `row_id`."""
        return self.since if self.table in TIME_KEYED else self.row_id


Listener = Callable[[Change], None]


class ChangeBus:
    """Thread-safe fan-out. Listeners run on the publishing thread and must return quickly
    (the Qt adapter only emits a queued signal)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:  # a broken view must not break the writer
                log.exception("change listener failed for %s", change)
