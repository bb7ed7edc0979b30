"""The remote-control server inside the app (Preferences → Remote control).

The server (`studio.api.server.ApiServer`) runs its own asyncio loop on its own thread; it is
started and stopped on a plain thread too, so binding and the first status read never hold the
GUI thread. Rundown actions from the API reach the app's own `QtRunner` — the session that holds
this station's lease — through `QtRundownAdapter`: the request's worker thread posts the action
to the GUI thread with a queued signal and waits for the outcome, so the GUI thread alone ever
touches the session, and a follower station answers 409 naming who drives.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from studio.api.rundown import ActFailed, Listeners, Outcome
from studio.runner.session import NotDriving
from studio.runner.state import Snapshot
from studio.script.model import Script
from studio.ui.common.context import AppContext
from studio.ui.common.settings_values import setting_bool, setting_int, setting_str
from studio.ui.rundown.qt_runner import QtRunner

log = logging.getLogger(__name__)

ENABLED_KEY = "api/enabled"
LAN_KEY = "api/lan"
PORT_KEY = "api/port"
# Set by hand in the settings file for now (Preferences show on/off, LAN and port):
OSC_PORT_KEY = "api/osc_port"  # UDP port for OSC commands; 0: none
OSC_FEEDBACK_KEY = "api/osc_feedback"  # HOST:PORT for OSC feedback
COMPANION_KEY = "api/companion"  # HOST[:PORT] of Companion's UDP remote control (variables)
DEFAULT_PORT = 4460
ANSWER_TIMEOUT_S = 10.0


def host_port(text: str, default_port: int | None = None) -> tuple[str, int] | None:
    """`HOST:PORT` (or `HOST` with a default port) from a setting; None when empty or bad."""
    text = text.strip()
    if not text:
        return None
    if ":" not in text and default_port is not None:
        text = f"{text}:{default_port}"
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) <= 65535:
        log.warning("setting %r is not HOST:PORT; ignored", text)
        return None
    return host.strip("[]"), int(port)


class QtRundownAdapter(QObject):
    """`studio.api.rundown.Rundown` over the app's QtRunner; `act` may be called from any
    thread and runs on the GUI thread."""

    _posted = Signal(object)

    def __init__(self, runner: QtRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._listeners = Listeners()
        self._pending: set[Future[Outcome]] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)
        runner.changed.connect(self._changed)

    # -- read from any thread: immutable runner state ------------------------------------------
    @property
    def script(self) -> Script:
        return self.runner.session.script

    @property
    def driver(self) -> str | None:
        return self.runner.session.driver

    def snapshot(self) -> Snapshot:
        return self.runner.session.snapshot()

    def on_change(self, callback: Callable[[], None]) -> Callable[[], None]:
        return self._listeners.add(callback)

    def _changed(self) -> None:  # GUI thread: the callbacks only post to the server's loop
        self._listeners.fire()

    # -- act: posted to the GUI thread ---------------------------------------------------------------
    def act(self, action: str, index: int | None = None) -> Outcome:
        future: Future[Outcome] = Future()
        with self._lock:
            if self._closed:
                raise ActFailed("the app is closing")
            self._pending.add(future)
        self._posted.emit((action, index, future))
        try:
            return future.result(timeout=ANSWER_TIMEOUT_S)
        except FutureTimeout:
            raise ActFailed("the app did not answer in time") from None
        finally:
            with self._lock:
                self._pending.discard(future)

    def _run(self, job: tuple[str, int | None, Future[Outcome]]) -> None:  # GUI thread
        action, index, future = job
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(self._apply(action, index))
        except BaseException as exc:
            future.set_exception(exc)

    def _apply(self, action: str, index: int | None) -> Outcome:
        r = self.runner
        if r.driver is not None:
            raise NotDriving(r.driver)
        held = r.snapshot().status == "held"
        if (action == "hold" and held) or (action == "resume" and not held):
            return Outcome(False)
        r.last_error = ""
        if action in ("hold", "resume", "hold_toggle"):
            moved = r.hold_toggle()
        elif action == "jump":
            moved = r.jump(index if index is not None else -1)
        else:
            step: dict[str, Callable[[], Any]] = {"start": r.start, "next": r.next, "prev": r.prev}
            if action not in step:
                raise ActFailed(f"unknown action {action!r}")
            moved = step[action]()
        if moved is None and r.driver is not None:
            raise NotDriving(r.driver)
        if moved is None and r.last_error:
            raise ActFailed(r.last_error)
        return Outcome(moved is not None)

    def close(self) -> None:
        """Refuse new actions and release every request still waiting for the GUI thread."""
        with self._lock:
            self._closed = True
            pending = list(self._pending)
        for future in pending:
            if not future.done():
                future.set_exception(ActFailed("the app is closing"))
        self._listeners = Listeners()


class ApiLink(QObject):
    """Starts the server for the station's show when Preferences enable it; `restart()` after
    a change of show or settings, `stop()` on teardown."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.server: Any = None
        self.adapter: QtRundownAdapter | None = None
        self.error = ""
        self._thread: threading.Thread | None = None

    @property
    def enabled(self) -> bool:
        return setting_bool(self.ctx.settings, ENABLED_KEY, False)

    def start(self) -> None:
        if not self.enabled or self.ctx.show_id is None or self.ctx.runner is None:
            return
        from studio.api.server import ApiServer, ServerConfig

        lan = setting_bool(self.ctx.settings, LAN_KEY, False)
        port = setting_int(self.ctx.settings, PORT_KEY, DEFAULT_PORT)
        s = self.ctx.settings
        config = ServerConfig(
            host="0.0.0.0" if lan else "127.0.0.1",
            port=port,
            osc_port=setting_int(s, OSC_PORT_KEY, 0) or None,
            osc_feedback=host_port(setting_str(s, OSC_FEEDBACK_KEY, "")),
            companion_udp=host_port(setting_str(s, COMPANION_KEY, ""), 51235),
        )
        self.adapter = QtRundownAdapter(self.ctx.runner, self)
        server = ApiServer(
            self.ctx.store, self.ctx.show_id, config, rundown=self.adapter, clock=self.ctx.clock
        )
        self.server = server
        self.error = ""

        def run() -> None:
            try:
                server.start()
            except OSError as exc:
                self.error = f"{config.host}:{port}: {exc.strerror or exc}"
                log.warning("remote control server not started: %s", self.error)

        # Binding and the first status read (a few queries) stay off the GUI thread.
        self._thread = threading.Thread(target=run, name="api-start", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self.adapter is not None:
            self.adapter.close()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        if self.server is not None:
            self.server.stop()
            self.server = None
        if self.adapter is not None:
            self.adapter.deleteLater()
            self.adapter = None

    def restart(self) -> None:
        self.stop()
        self.start()
