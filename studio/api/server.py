"""The one server of a station: HTTP + WebSocket (aiohttp) and OSC (python-osc) on one asyncio
loop in its own thread, never the GUI thread.

Every route shares the same guards: a bearer token (always for the ingest routes; for `/api/v1`
and the browser views whenever the server listens beyond loopback), a body limit checked from
Content-Length before reading (413), a deadline for the body (408), an idle timeout, and a cap
on open connections (the extra one is answered 503 at once). Cross-site requests from a browser
(an `Origin` that is not this server) are refused, so a web page cannot drive the show.

Blocking work — committing a CueEvent, an incident, samples — runs on a small thread pool; the
loop only parses, routes and pushes. WebSocket clients get every change as JSON: runner changes
as they are applied, store changes (incidents, products, messages) after a short coalescing
refresh, metrics at most once a second, and a 1 Hz `tick` with the countdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import WSMsgType, web
from aiohttp.web_protocol import RequestHandler

from studio.api import auth
from studio.api.rundown import ACTIONS, ActFailed, Rundown, SessionRundown
from studio.api.status import StatusBuilder, runner_part
from studio.metrics.sources.http import (
    MAX_BODY,
    MAX_SAMPLES,
    Rejected,
    check_length,
    check_source,
    is_loopback,
    parse_body,
    store_rows,
)
from studio.metrics.window import DEFAULT_MARGIN_S, show_window
from studio.runner.session import NotDriving
from studio.store.changes import Change
from studio.store.store import Store
from studio.timeutil import Clock

log = logging.getLogger(__name__)

DEFAULT_PORT = 4460
API_MAX_BODY = 64 * 1024
MAX_CONNECTIONS = 128
READ_TIMEOUT_S = 10.0
BODY_DEADLINE_S = 30.0
REFRESH_S = 0.2  # store changes are coalesced this long before a refresh and a push
METRICS_EVERY_S = 1.0  # metric ticks pushed at most this often
ROUTE_GROUPS = frozenset({"api", "views", "samples", "viewer_events", "health"})
WEB_DIR = Path(__file__).with_name("web")
COOKIE = "studio_token"

T = TypeVar("T")


@dataclass(frozen=True)
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: str | None = None  # None: the station's token file
    routes: frozenset[str] = ROUTE_GROUPS
    max_body: int = API_MAX_BODY
    max_ingest_body: int = MAX_BODY
    max_samples: int = MAX_SAMPLES
    max_connections: int = MAX_CONNECTIONS
    read_timeout: float = READ_TIMEOUT_S
    body_deadline: float = BODY_DEADLINE_S
    margin: float = DEFAULT_MARGIN_S
    osc_port: int | None = None  # UDP port for OSC commands (None: no OSC)
    osc_feedback: tuple[str, int] | None = None  # where cue title / remaining time are sent
    companion_udp: tuple[str, int] | None = None  # Companion's UDP port: custom variables
    ssl_context: ssl.SSLContext | None = None
    station_label: str = ""  # who writes (incidents' `who`); default the store's station
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def lan(self) -> bool:
        """Listening where other computers can reach it: every request needs the token."""
        return not is_loopback(self.host)


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(
        status=status,
        text=json.dumps(body, ensure_ascii=False),
        content_type="application/json",
        charset="utf-8",
        headers=headers,
    )


class _Busy(asyncio.Protocol):
    """A connection over the cap: answered 503 at once, never handed to a request handler."""

    def __init__(self, on_refused: Callable[[], None]) -> None:
        self._on_refused = on_refused

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        body = b'{"error": "too many connections; retry"}'
        head = (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
        )
        self._on_refused()
        assert isinstance(transport, asyncio.Transport)
        transport.write(head.encode() + body)
        transport.close()


class _CappedSite(web.BaseSite):
    """A TCP site that counts open connections and refuses those over the cap, and closes a
    connection whose first request has not arrived within the read timeout (slow headers)."""

    def __init__(self, owner: ApiServer, runner: web.AppRunner, host: str, port: int) -> None:
        super().__init__(runner, ssl_context=owner.config.ssl_context)
        self._owner = owner
        self._host = host
        self._port = port
        self.bound_port = port
        self._srv: asyncio.Server | None = None

    @property
    def name(self) -> str:
        return f"{self._host}:{self.bound_port}"

    async def start(self) -> None:
        await super().start()
        loop = asyncio.get_running_loop()
        server = self._runner.server
        assert server is not None
        owner = self._owner
        open_count = {"n": 0}
        real_made, real_lost = server.connection_made, server.connection_lost

        def made(handler: RequestHandler, transport: asyncio.Transport) -> None:
            real_made(handler, transport)
            loop.call_later(owner.config.read_timeout, owner.first_request_due, handler, transport)

        def lost(handler: RequestHandler, exc: BaseException | None = None) -> None:
            open_count["n"] -= 1
            owner._started.discard(id(handler))
            real_lost(handler, exc)

        server.connection_made = made  # type: ignore[method-assign]
        server.connection_lost = lost  # type: ignore[method-assign]

        def factory() -> asyncio.Protocol:
            if open_count["n"] >= owner.config.max_connections:
                return _Busy(lambda: owner.count("refused_busy"))
            open_count["n"] += 1
            return server()

        self._srv = await loop.create_server(
            factory, self._host, self._port, ssl=self._ssl_context, backlog=self._backlog
        )
        self._server = self._srv
        if self._srv.sockets:
            self.bound_port = self._srv.sockets[0].getsockname()[1]


class EventHub:
    """The WebSocket clients; `broadcast` runs on the loop, never waits for a slow client."""

    def __init__(self) -> None:
        self.clients: set[web.WebSocketResponse] = set()
        self._sending: set[asyncio.Task[None]] = set()

    async def _send(self, ws: web.WebSocketResponse, data: str) -> None:
        try:
            await asyncio.wait_for(ws.send_str(data), 5)
        except Exception:
            self.clients.discard(ws)
            with contextlib.suppress(Exception):
                await ws.close()

    def broadcast(self, event: dict[str, Any]) -> None:
        if not self.clients:
            return
        data = json.dumps(event, ensure_ascii=False)
        for ws in list(self.clients):
            task = asyncio.ensure_future(self._send(ws, data))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)


class ApiServer:
    """start() binds (or raises OSError) and returns; stop() closes and joins."""

    def __init__(
        self,
        store: Store,
        show_id: int,
        config: ServerConfig | None = None,
        *,
        rundown: Rundown | None = None,
        clock: Clock = time.time,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.config = config or ServerConfig()
        unknown = self.config.routes - ROUTE_GROUPS
        if unknown:
            raise ValueError(f"unknown route groups: {', '.join(sorted(unknown))}")
        self.token = self.config.token or auth.load_token()
        self.clock = clock
        self.port = self.config.port
        self.osc_port: int | None = None
        self._own_rundown: SessionRundown | None = None
        self.rundown = rundown
        self.builder: StatusBuilder | None = None
        self.hub = EventHub()
        self._stats: dict[str, int] = {}
        self._stats_lock = threading.Lock()
        self._final: dict[str, int] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._unsubscribe: list[Callable[[], None]] = []
        self._started: set[int] = set()  # ids of connections that began a request
        self._osc: Any = None
        self._companion: Any = None
        self.osc_feedback = self.config.osc_feedback

    # -- bookkeeping -------------------------------------------------------------------------------
    def count(self, key: str, n: int = 1) -> None:
        with self._stats_lock:
            self._stats[key] = self._stats.get(key, 0) + n

    @property
    def stats(self) -> dict[str, int]:
        """Requests answered (ok, rejected, refused_busy) and rows stored; kept after stop()."""
        with self._stats_lock:
            return dict(self._stats)

    @property
    def url(self) -> str:
        scheme = "https" if self.config.ssl_context else "http"
        host = self.config.host
        if ":" in host:
            host = f"[{host}]"
        return f"{scheme}://{host}:{self.port}"

    def first_request_due(self, handler: RequestHandler, transport: asyncio.Transport) -> None:
        if id(handler) not in self._started and not transport.is_closing():
            log.debug("api: closing a connection that sent no request in time")
            transport.close()

    @property
    def needs_rundown(self) -> bool:
        return bool(self.config.routes & {"api", "views"}) or self.config.osc_port is not None

    # -- start and stop ----------------------------------------------------------------------------
    def start(self) -> ApiServer:
        if self.needs_rundown and self.rundown is None:
            from studio.runner.session import RunnerSession

            self._own_rundown = SessionRundown(
                RunnerSession(self.store, self.show_id, clock=self.clock)
            )
            self.rundown = self._own_rundown
        if self.rundown is not None:
            self.builder = StatusBuilder(self.store, self.show_id, self.rundown, self.clock)
            self.builder.refresh()  # the first answer already has every part
        ready = threading.Event()
        failure: list[BaseException] = []
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="api-work")

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._start())
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                loop.run_until_complete(self._cleanup())
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._cleanup())
                loop.close()

        self._thread = threading.Thread(target=run, name="api-server", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join(5)
            self._thread = None
            self._close_sync()
            raise failure[0]
        log.info("api server listening on %s (routes: %s)", self.url, sorted(self.config.routes))
        return self

    def __enter__(self) -> ApiServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
        self._thread = None
        self._loop = None
        self._close_sync()

    def _close_sync(self) -> None:
        for unsub in self._unsubscribe:
            unsub()
        self._unsubscribe.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self.builder is not None:
            self.builder.close()
        if self._own_rundown is not None:
            self._own_rundown.close()
            self._own_rundown = None
            self.rundown = None

    async def _start(self) -> None:
        cfg = self.config
        app = web.Application(
            client_max_size=max(cfg.max_body, cfg.max_ingest_body) + 1,
            middlewares=[self._guard],
        )
        from studio.api import routes

        routes.install(app, self)
        self._runner = web.AppRunner(
            app,
            access_log=None,
            keepalive_timeout=cfg.read_timeout,
            handle_signals=False,
            shutdown_timeout=1.0,
        )
        await self._runner.setup()
        site = _CappedSite(self, self._runner, cfg.host, cfg.port)
        await site.start()
        self.port = site.bound_port
        loop = asyncio.get_running_loop()
        if self.rundown is not None and self.builder is not None:
            self._unsubscribe.append(self.rundown.on_change(self._runner_changed))
            self._unsubscribe.append(self.store.bus.subscribe(self._store_changed))
            self._tasks.append(loop.create_task(self._refresher()))
            self._tasks.append(loop.create_task(self._ticker()))
        if cfg.companion_udp is not None and self.rundown is not None:
            from studio.api.osc import CompanionVariables

            self._companion = CompanionVariables(cfg.companion_udp)
            self._companion.send(runner_part(self.rundown))
        if cfg.osc_port is not None:
            from studio.api.osc import start_osc

            self._osc = await start_osc(self, cfg.host, cfg.osc_port)

    async def _cleanup(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(BaseException):
                await task
        self._tasks.clear()
        if self._osc is not None:
            self._osc.close()
            self._osc = None
        if self._companion is not None:
            self._companion.close()
            self._companion = None
        for ws in list(self.hub.clients):
            with contextlib.suppress(Exception):
                await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- work off the loop ---------------------------------------------------------------------------
    async def work(self, fn: Callable[[], T]) -> T:
        """Run blocking `fn` on the pool (a database write), awaiting its result."""
        assert self._pool is not None
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn)

    def call_soon(self, fn: Callable[[], Any]) -> None:
        """Run `fn` on the loop (from any thread)."""
        loop = self._loop
        if loop is not None and loop.is_running():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(fn)

    # -- pushes ------------------------------------------------------------------------------------
    def runner_event(self) -> dict[str, Any]:
        assert self.rundown is not None
        return {"type": "cue", "at": self.clock(), "runner": runner_part(self.rundown)}

    def _runner_changed(self) -> None:  # any thread
        self.call_soon(self._push_runner)

    def _push_runner(self) -> None:
        event = self.runner_event()
        self.hub.broadcast(event)
        self._feedback(event["runner"])

    def _feedback(self, runner: dict[str, Any]) -> None:
        if self._osc is not None:
            self._osc.feedback(runner)
        if self._companion is not None:
            self._companion.send(runner)

    def _store_changed(self, change: Change) -> None:  # any thread
        if self.builder is None:
            return
        part = self.builder.note_change(change)
        if part is None and change.table == "talkback_message" and change.show_id == self.show_id:
            self.call_soon(lambda: self._push_message(change))

    def _push_message(self, change: Change) -> None:
        self.hub.broadcast({"type": "message", "at": self.clock(), "id": change.row_id})

    async def _refresher(self) -> None:
        """Re-read what changed (coalesced) and push each part that was re-read."""
        assert self.builder is not None
        builder = self.builder
        last_metrics = time.monotonic()
        while True:
            await asyncio.sleep(REFRESH_S)
            if not builder.stale:
                continue
            now = time.monotonic()
            skip = frozenset({"metrics"}) if now - last_metrics < METRICS_EVERY_S else frozenset()
            parts = await self.work(lambda skip=skip: builder.refresh(skip))  # type: ignore[misc]
            if "metrics" in parts:
                last_metrics = now
            for part in sorted(parts & {"product", "metrics", "incidents", "show"}):
                kind = "incident" if part == "incidents" else part
                self.hub.broadcast({"type": kind, "at": self.clock(), part: builder.part(part)})

    async def _ticker(self) -> None:
        """1 Hz: the countdown to every client and the OSC feedback address; the presenting
        product is re-derived (a flash sale opens and closes by the clock)."""
        assert self.builder is not None
        while True:
            await asyncio.sleep(1.0)
            self.builder.mark("product")
            event = self.runner_event()
            event["type"] = "tick"
            self.hub.broadcast(event)
            self._feedback(event["runner"])

    # -- the guard on every request -------------------------------------------------------------------
    def authorized(self, request: web.Request, always: bool) -> bool:
        if not (always or self.config.lan):
            return True
        given = auth.bearer(request.headers.get("Authorization", ""))
        if given is None and not always:
            given = request.query.get("token") or request.cookies.get(COOKIE)
        return given is not None and auth.same(given, self.token)

    def same_origin(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:  # not a browser page's request (curl, Companion)
            return True
        from urllib.parse import urlsplit

        return urlsplit(origin).netloc == request.host

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if request.protocol is not None:
            self._started.add(id(request.protocol))
        path = request.path
        try:
            ingest = path.startswith("/v1/") and path != "/v1/health"
            if not self.same_origin(request):
                raise Rejected(HTTPStatus.FORBIDDEN, "cross-site requests are refused")
            if not self.authorized(request, always=ingest):
                raise Rejected(HTTPStatus.UNAUTHORIZED, "missing or wrong bearer token")
            response = await handler(request)
        except Rejected as exc:
            return self._error(request, exc.status, exc.reason, **exc.extra)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            reason = exc.reason
            if exc.status == 404:
                reason = "no such endpoint"
            elif exc.status == 413:
                reason = f"body is over the {self.config.max_body} byte limit"
            return self._error(request, HTTPStatus(exc.status), reason)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("api: unexpected error on %s %s", request.method, path)
            return self._error(
                request, HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (see the studio log)"
            )
        if not isinstance(response, web.WebSocketResponse):
            self.count("ok" if response.status < 400 else "rejected")
        return response

    def _error(
        self, request: web.Request, status: HTTPStatus, reason: str, **extra: Any
    ) -> web.Response:
        log.info("api %s %s: %d %s", request.method, request.path, status, reason)
        self.count("rejected")
        headers = {"WWW-Authenticate": 'Bearer realm="studio"'} if status == 401 else {}
        if "retry_after" in extra:
            headers["Retry-After"] = str(extra["retry_after"])
        if status >= 400 and status not in (401, 404, 409, 422):
            headers["Connection"] = "close"
        return _json(int(status), {"error": reason, **extra}, headers)

    async def read_body(self, request: web.Request, limit: int, *, strict: bool) -> bytes:
        """The body within `limit` bytes against the deadline. `strict`: Content-Length is
        required (411), as the ingest routes always did."""
        te = request.headers.get("Transfer-Encoding")
        cl = request.headers.get("Content-Length")
        if not strict and te is None and cl is None:
            return b""
        length = check_length(te, cl, limit)
        if length == 0:
            return b""
        try:
            body = await asyncio.wait_for(
                request.content.readexactly(length), self.config.body_deadline
            )
        except TimeoutError:
            raise Rejected(HTTPStatus.REQUEST_TIMEOUT, "body arrived too slowly") from None
        except asyncio.IncompleteReadError:
            raise Rejected(HTTPStatus.BAD_REQUEST, "body shorter than its Content-Length") from None
        return body

    async def read_json(self, request: web.Request) -> dict[str, Any]:
        """An API body: empty or a JSON object, `application/json`."""
        body = await self.read_body(request, self.config.max_body, strict=False)
        ctype = request.headers.get("Content-Type", "application/json").split(";")[0].strip()
        if body.strip() and ctype not in ("application/json", ""):
            raise Rejected(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"expected application/json, got {ctype}"
            )
        if not body.strip():
            return {}
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise Rejected(HTTPStatus.BAD_REQUEST, f"body is not UTF-8 JSON: {exc}") from None
        if not isinstance(data, dict):
            raise Rejected(HTTPStatus.BAD_REQUEST, "body must be a JSON object")
        return data

    # -- what the routes call ------------------------------------------------------------------------
    async def act(self, action: str, index: int | None) -> dict[str, Any]:
        rundown = self.rundown
        if rundown is None:
            raise Rejected(HTTPStatus.CONFLICT, "this show has no rundown")
        if action not in ACTIONS:
            raise Rejected(HTTPStatus.NOT_FOUND, f"no rundown action {action!r}")
        try:
            outcome = await self.work(lambda: rundown.act(ACTIONS[action], index))
        except NotDriving as exc:
            raise Rejected(
                HTTPStatus.CONFLICT, str(exc), driver=exc.driver.split("#", 1)[0]
            ) from None
        except ActFailed as exc:
            raise Rejected(
                HTTPStatus.SERVICE_UNAVAILABLE, f"not stored ({exc}); retry", retry_after=1
            ) from None
        return {"moved": outcome.moved, "runner": runner_part(rundown)}

    async def store_samples(self, request: web.Request) -> dict[str, Any]:
        cfg = self.config
        length_limit = cfg.max_ingest_body
        ctype = request.headers.get("Content-Type", "application/json").split(";")[0].strip()
        check_length(
            request.headers.get("Transfer-Encoding"),
            request.headers.get("Content-Length"),
            length_limit,
        )
        if ctype not in ("application/json", "text/json", ""):
            raise Rejected(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"expected application/json, got {ctype}"
            )
        source = check_source(request.query_string)
        body = await self.read_body(request, length_limit, strict=True)
        store, show_id, clock = self.store, self.show_id, self.clock

        def write() -> dict[str, Any]:
            with store.session() as s:
                window = show_window(s, show_id, clock(), cfg.margin)
            rows = parse_body(body, show_id, source, window, cfg.max_samples)
            return store_rows(store, rows)

        answer = await self.work(write)
        self.count("rows", max(answer["inserted"], 0))
        return answer

    def position(self) -> tuple[str | None, int | None]:
        if self.rundown is None:
            return None, None
        snap = self.rundown.snapshot()
        if snap.status not in ("running", "held") or snap.segment is None:
            return None, None
        return snap.segment.key, snap.cue_index

    def who(self) -> str:
        return self.config.station_label or self.store.station or "api"


def loopback_hosts() -> Iterable[str]:
    return ("127.0.0.1", "::1", "localhost")


async def websocket(server: ApiServer, request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=4096)
    await ws.prepare(request)
    server.hub.clients.add(ws)
    try:
        if server.builder is not None:
            await ws.send_str(
                json.dumps(
                    {"type": "status", "status": server.builder.status()}, ensure_ascii=False
                )
            )
        async for msg in ws:
            if msg.type == WSMsgType.TEXT and msg.data == "status" and server.builder is not None:
                await ws.send_str(
                    json.dumps(
                        {"type": "status", "status": server.builder.status()}, ensure_ascii=False
                    )
                )
    finally:
        server.hub.clients.discard(ws)
    return ws
