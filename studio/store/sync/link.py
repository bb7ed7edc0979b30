"""The database link as the UI sees it: online or not, and how many writes wait in the outbox."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LinkStatus:
    backend: str  # "sqlite" | "postgresql"
    online: bool = True
    queued: int = 0  # writes waiting in the local outbox
    error: str = ""  # why the link is down, already free of credentials


LinkListener = Callable[[LinkStatus], None]


class Link:
    """Thread-safe holder; listeners run on the thread that changed the state and must be quick
    (the Qt adapter only emits a signal)."""

    def __init__(self, backend: str) -> None:
        self._lock = threading.Lock()
        self._status = LinkStatus(backend)
        self._listeners: list[LinkListener] = []

    @property
    def status(self) -> LinkStatus:
        with self._lock:
            return self._status

    def subscribe(self, listener: LinkListener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def update(
        self, *, online: bool | None = None, queued: int | None = None, error: str | None = None
    ) -> LinkStatus:
        with self._lock:
            old = self._status
            new = replace(
                old,
                online=old.online if online is None else online,
                queued=old.queued if queued is None else queued,
                error=(old.error if error is None else error) if online is not True else "",
            )
            self._status = new
            listeners = list(self._listeners) if new != old else []
        if old.online != new.online:
            if new.online:
                log.info("database link up")
            else:
                log.warning("database link down: %s", new.error)
        for listener in listeners:
            try:
                listener(new)
            except Exception:
                log.exception("link listener failed")
        return new
