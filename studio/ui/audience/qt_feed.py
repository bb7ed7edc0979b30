"""The demo's comment stream (studio.audience.simulate) on a worker thread, following the demo's
metrics feed: it starts with it and stops when that one stops."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject

from studio.audience.simulate import run_feed
from studio.ui.common.context import AppContext

log = logging.getLogger(__name__)


class CommentFeed(QObject):
    def __init__(self, ctx: AppContext, show_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.show_id = show_id
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def follow(cls, metrics_feed: QObject, ctx: AppContext) -> CommentFeed | None:
        """Start a comment stream for the open show that stops with `metrics_feed`."""
        if ctx.show_id is None:
            return None
        feed = cls(ctx, ctx.show_id, parent=metrics_feed)
        metrics_feed.stateChanged.connect(  # type: ignore[attr-defined]
            lambda state: feed.stop() if state != "running" else None
        )
        metrics_feed.destroyed.connect(lambda *_: feed.stop())
        return feed.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> CommentFeed:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="comments-sim", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            run_feed(self.ctx.store, self.show_id, self._stop, clock=self.ctx.clock)
        except Exception:  # the demo's comments must never take the app down
            log.exception("comment simulator failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
