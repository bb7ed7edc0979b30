"""One connection to OBS, owned by one worker thread that reconnects with backoff.

Everything that talks to OBS runs on that thread, one request at a time (obs-websocket answers
in order on one socket, and `obsws_python`'s client is not thread-safe): callers `submit` a job
and get a Future, or `call` a request and wait for its answer. Nothing a caller does blocks on a
dead OBS for longer than its own timeout, and `submit` fails at once when not connected, so the
cue runner is never held up by the encoder.

States: disconnected -> connecting -> connected; auth_failed when OBS refuses the password
(retried slowly: the operator may fix the password in OBS rather than here). A request OBS
does not know (code 204, older servers) raises `NotSupported`, which callers degrade on.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from studio.i18n_marks import QT_TRANSLATE_NOOP
from studio.obs.config import ObsConfig

# Shown as the check's finding too, so marked for translation (studio.i18n_marks).
NEEDS_PASSWORD = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "OBS asks for a password: enter the one shown in OBS under Tools > WebSocket Server Settings",
)
WRONG_PASSWORD = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "OBS refused the password: check it against Tools > WebSocket Server Settings in OBS",
)

log = logging.getLogger(__name__)

# obsws_python logs the password at INFO when it connects and a traceback at ERROR for every
# refused connection; our own log says what matters, once.
logging.getLogger("obsws_python").setLevel(logging.CRITICAL)

T = TypeVar("T")

# obs-websocket 5 RequestStatus codes that mean "this server cannot do that at all".
NOT_SUPPORTED_CODES = frozenset({204, 206})


class ObsState(StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    AUTH_FAILED = "auth_failed"


class ObsError(Exception):
    """Base of everything this module raises at callers."""


class NotConnected(ObsError):
    """The request was not sent: OBS is not connected right now."""


class ConnectionLost(ObsError):
    """The connection dropped while the request was in flight."""


class RequestFailed(ObsError):
    def __init__(self, request: str, code: int, comment: str = "") -> None:
        self.request, self.code, self.comment = request, code, comment
        text = f"OBS refused {request} (code {code})"
        super().__init__(f"{text}: {comment}" if comment else text)


class NotSupported(RequestFailed):
    """This OBS / obs-websocket version does not have the request."""


@dataclass(frozen=True)
class ServerInfo:
    obs_version: str = ""
    websocket_version: str = ""
    rpc_version: int = 0
    requests: frozenset[str] = frozenset()

    def supports(self, request: str) -> bool:
        # An empty list means we could not ask: assume yes and let the request tell.
        return not self.requests or request in self.requests


class Session:
    """The live connection as jobs see it (only ever used on the client thread)."""

    def __init__(self, raw: Any, info: ServerInfo) -> None:
        self._raw = raw
        self.info = info

    def request(self, name: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        from websocket import WebSocketException

        try:
            response = self._raw.req(name, data)
        except (OSError, WebSocketException, ValueError) as exc:
            # ValueError: a truncated frame from a server going away decodes as bad JSON.
            raise ConnectionLost(f"connection lost during {name}: {exc}") from exc
        except Exception as exc:  # obsws timeouts and anything else on a broken socket
            raise ConnectionLost(f"connection lost during {name}: {exc}") from exc
        status = response.get("requestStatus") or {}
        if not status.get("result", False):
            code = int(status.get("code", 0))
            comment = str(status.get("comment") or "")
            cls = NotSupported if code in NOT_SUPPORTED_CODES else RequestFailed
            raise cls(name, code, comment)
        data_out = response.get("responseData")
        return dict(data_out) if isinstance(data_out, dict) else {}

    def optional(self, name: str, data: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """The answer, or None when this server does not support the request."""
        if not self.info.supports(name):
            return None
        try:
            return self.request(name, data)
        except NotSupported:
            return None


class AuthFailed(ObsError):
    pass


Connector = Callable[[ObsConfig, float], tuple[Any, ServerInfo]]


def connect_obsws(config: ObsConfig, timeout: float) -> tuple[Any, ServerInfo]:
    """Open, identify and read the server's version with obsws_python's low-level client."""
    from obsws_python.baseclient import ObsClient as RawClient
    from obsws_python.error import OBSSDKError
    from websocket import WebSocketException

    try:
        raw = RawClient(
            host=config.host, port=config.port, password=config.password, timeout=timeout
        )
    except (OSError, WebSocketException, ValueError) as exc:
        raise ConnectionError(_reason(exc)) from exc
    needs_auth = "authentication" in (raw.server_hello.get("d") or {})
    try:
        raw.authenticate()
    except OBSSDKError as exc:
        _close(raw)
        if needs_auth:
            if not config.password:
                raise AuthFailed(str(NEEDS_PASSWORD)) from exc
            raise AuthFailed(str(WRONG_PASSWORD)) from exc
        raise ConnectionError(f"OBS did not accept the connection: {exc}") from exc
    except (OSError, WebSocketException, ValueError) as exc:
        _close(raw)
        if needs_auth:
            raise AuthFailed("OBS closed the connection at login: the password is wrong") from exc
        raise ConnectionError(_reason(exc)) from exc
    session = Session(raw, ServerInfo())
    try:
        version = session.request("GetVersion")
    except RequestFailed:
        version = {}
    info = ServerInfo(
        obs_version=str(version.get("obsVersion", "")),
        websocket_version=str(
            version.get("obsWebSocketVersion")
            or (raw.server_hello.get("d") or {}).get("obsWebSocketVersion", "")
        ),
        rpc_version=int(version.get("rpcVersion", 1) or 1),
        requests=frozenset(version.get("availableRequests") or ()),
    )
    return raw, info


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "nothing is listening there (is OBS running with its WebSocket server enabled?)"
    if isinstance(exc, TimeoutError) or "timed out" in str(exc).lower():
        return "no answer (wrong host, or a firewall in the way)"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _close(raw: Any) -> None:
    # close() sends a close frame first and raises on a socket the server already dropped,
    # before releasing it; shutdown() releases the socket whatever state it is in.
    with contextlib.suppress(Exception):
        raw.ws.close(timeout=0.5)
    with contextlib.suppress(Exception):
        raw.ws.shutdown()


StateListener = Callable[[ObsState, str], None]


class ObsClient:
    """The connection worker. Thread-safe API; `stop()` joins the thread."""

    def __init__(
        self,
        config: ObsConfig,
        *,
        timeout: float = 3.0,
        backoff: Iterable[float] = (0.5, 1.0, 2.0, 4.0, 8.0),
        auth_retry: float = 30.0,
        heartbeat: float = 0.5,
        connector: Connector = connect_obsws,
        name: str = "obs-client",
    ) -> None:
        self._config = config
        self.timeout = timeout
        self.backoff = tuple(backoff)
        self.auth_retry = auth_retry
        self.heartbeat = heartbeat
        self._connector = connector
        self._name = name
        self._lock = threading.Lock()
        self._state = ObsState.DISCONNECTED
        self._message = "not connected yet"
        self._info = ServerInfo()
        self._jobs: queue.Queue[tuple[Callable[[Session], Any], Future[Any]] | None] = queue.Queue()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._listeners: list[StateListener] = []
        self._thread: threading.Thread | None = None
        self._connected_once = False

    # -- state --------------------------------------------------------------------------------

    @property
    def config(self) -> ObsConfig:
        with self._lock:
            return self._config

    @property
    def state(self) -> ObsState:
        with self._lock:
            return self._state

    @property
    def message(self) -> str:
        """What to tell the operator about the connection (never contains the password)."""
        with self._lock:
            return self._message

    @property
    def info(self) -> ServerInfo:
        with self._lock:
            return self._info

    @property
    def connected(self) -> bool:
        return self.state is ObsState.CONNECTED

    @property
    def ever_connected(self) -> bool:
        with self._lock:
            return self._connected_once

    def add_listener(self, listener: StateListener) -> Callable[[], None]:
        """`listener(state, message)` runs on the client thread at every change: be quick."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def _set_state(self, state: ObsState, message: str) -> None:
        with self._lock:
            if (state, message) == (self._state, self._message):
                return
            self._state, self._message = state, message
            if state is ObsState.CONNECTED:
                self._connected_once = True
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(state, message)
            except Exception:  # a broken listener must not kill the connection
                log.exception("OBS state listener failed")

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> ObsClient:
        if self._thread is not None:
            raise RuntimeError("OBS client already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wake.set()
        self._jobs.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("OBS client thread did not stop within %.0f s", timeout)

    def reconfigure(self, config: ObsConfig) -> None:
        """Use new settings: drop the connection and connect again now."""
        with self._lock:
            self._config = config
        self._jobs.put((_Reconnect(), Future()))
        self._wake.set()

    def reconnect_now(self) -> None:
        self._jobs.put((_Reconnect(), Future()))
        self._wake.set()

    def wait_connected(self, timeout: float) -> bool:
        """Wait until connected (or until the attempt failed for a reason retrying won't fix)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state
            if state is ObsState.CONNECTED:
                return True
            if state is ObsState.AUTH_FAILED:
                return False
            time.sleep(0.02)
        return self.state is ObsState.CONNECTED

    def wait_attempt(self, timeout: float) -> ObsState:
        """Wait for the first connection attempt to finish; returns the state it left."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.state in (
            ObsState.CONNECTING,
            ObsState.DISCONNECTED,
        ):
            if self.state is ObsState.DISCONNECTED and self.message != "not connected yet":
                break
            time.sleep(0.02)
        return self.state

    # -- requests -------------------------------------------------------------------------------

    def submit(self, job: Callable[[Session], T]) -> Future[T]:
        """Run `job(session)` on the client thread. Fails at once (NotConnected) when OBS is
        not connected: a cue must not wait for a reconnect that may take seconds."""
        fut: Future[T] = Future()
        if self._stopping.is_set() or self.state is not ObsState.CONNECTED:
            fut.set_exception(NotConnected(f"OBS is not connected ({self.message})"))
            return fut
        self._jobs.put((job, fut))
        return fut

    def request_async(
        self, name: str, data: dict[str, Any] | None = None
    ) -> Future[dict[str, Any]]:
        return self.submit(lambda s: s.request(name, data))

    def call(
        self, name: str, data: dict[str, Any] | None = None, timeout: float | None = None
    ) -> dict[str, Any]:
        """Send one request and wait for the answer (never call this on the client thread)."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("call() on the OBS client thread would wait for itself")
        return self.request_async(name, data).result(self.timeout if timeout is None else timeout)

    # -- the worker -----------------------------------------------------------------------------

    def _run(self) -> None:
        attempt = 0
        raw: Any = None
        while not self._stopping.is_set():
            if raw is None:
                raw, wait = self._try_connect(attempt)
                if raw is None:
                    attempt += 1
                    self._idle_wait(wait)
                    continue
                attempt = 0
            try:
                raw = self._serve(raw)
            except ConnectionLost as exc:
                log.warning("OBS connection to %s lost: %s", self.config.address, exc)
                _close(raw)
                raw = None
                self._set_state(ObsState.DISCONNECTED, "connection lost; reconnecting")
        if raw is not None:
            _close(raw)
        self._fail_pending(NotConnected("the OBS client stopped"))
        self._set_state(ObsState.DISCONNECTED, "stopped")

    def _try_connect(self, attempt: int) -> tuple[Any, float]:
        config = self.config
        self._set_state(ObsState.CONNECTING, f"connecting to {config.address}")
        try:
            raw, info = self._connector(config, self.timeout)
        except AuthFailed as exc:
            log.warning("OBS at %s: %s", config.address, exc)
            self._set_state(ObsState.AUTH_FAILED, str(exc))
            return None, self.auth_retry
        except Exception as exc:  # refused, timeout, DNS, protocol garbage: all "retry later"
            wait = self.backoff[min(attempt, len(self.backoff) - 1)] if self.backoff else 1.0
            reason = str(exc) or type(exc).__name__
            if attempt == 0:
                log.info("OBS at %s not reachable: %s", config.address, reason)
            # The retry delay is not part of the message: it changes every attempt, and each
            # message change is a state notification.
            self._set_state(
                ObsState.DISCONNECTED, f"cannot reach OBS at {config.address}: {reason}"
            )
            return None, wait
        with self._lock:
            self._info = info
        log.info(
            "connected to OBS %s (obs-websocket %s) at %s",
            info.obs_version or "?",
            info.websocket_version or "?",
            config.address,
        )
        self._set_state(
            ObsState.CONNECTED,
            f"OBS {info.obs_version or '(version unknown)'} at {config.address}",
        )
        return raw, 0.0

    def _idle_wait(self, seconds: float) -> None:
        """Sleep between attempts, answering queued jobs with NotConnected meanwhile."""
        deadline = time.monotonic() + seconds
        while not self._stopping.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                item = self._jobs.get(timeout=min(left, 0.1))
            except queue.Empty:
                continue
            if item is None:
                return
            job, fut = item
            if isinstance(job, _Reconnect):
                return
            if fut.set_running_or_notify_cancel():
                fut.set_exception(NotConnected(f"OBS is not connected ({self.message})"))

    def _serve(self, raw: Any) -> Any:
        """Run jobs until stopped or asked to reconnect; heartbeat when idle so a dead OBS is
        noticed within `heartbeat` seconds even when nobody is asking anything."""
        session = Session(raw, self.info)
        while not self._stopping.is_set():
            try:
                item = self._jobs.get(timeout=self.heartbeat)
            except queue.Empty:
                # Tiny; raises ConnectionLost if OBS is gone. A refusal still proves it is there.
                with contextlib.suppress(RequestFailed):
                    session.request("GetStudioModeEnabled")
                continue
            if item is None:
                return raw
            job, fut = item
            if isinstance(job, _Reconnect):
                _close(raw)
                self._set_state(ObsState.DISCONNECTED, "reconnecting with new settings")
                return None
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(job(session))
            except ConnectionLost as exc:
                fut.set_exception(exc)
                raise
            except Exception as exc:  # the job's own failure belongs to its caller
                fut.set_exception(exc)
        return raw

    def _fail_pending(self, exc: Exception) -> None:
        while True:
            try:
                item = self._jobs.get_nowait()
            except queue.Empty:
                return
            if item is None:
                continue
            _job, fut = item
            if fut.set_running_or_notify_cancel():
                fut.set_exception(exc)


class _Reconnect:
    """Marker job: drop the connection and connect again (new settings, or on request)."""

    def __call__(self, session: Session) -> None:  # pragma: no cover - never run
        return None
