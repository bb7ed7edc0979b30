"""Local HTTP ingest for collectors that push: `POST /v1/samples` with a JSON array of samples.

- Bound to 127.0.0.1 unless told otherwise; a bearer token is required. The token is generated
  once and kept in the config folder (file mode 0600); settings show it to the user.
- The body limit is enforced from Content-Length before reading anything.
- A request is all or nothing: any bad sample gives 4xx with its index and the reason, and no
  row of that request is written, so the client fixes and resends the whole batch.
- 200 is sent only after the rows are committed (`write_samples` on the request's thread, not the
  queued writer). Samples already stored (same show, source, metric, sku, ts) are skipped, so a
  client that timed out may simply retry.
- stdlib `ThreadingHTTPServer`: a loopback endpoint for a few collectors needs no framework.
  Reads time out, bodies have a deadline and connections are capped, so idle or trickling
  clients cannot pile up threads. The request logic is in plain functions (`check_auth`,
  `check_length`, `parse_body`, `store_rows`) that another server can call.
- Binding anything but loopback is the command's decision (`--allow-remote`): the token
  travels in plain HTTP.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import json
import logging
import os
import re
import secrets
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.exc import SQLAlchemyError

from studio import paths
from studio.metrics.samples import Row, SampleError, parse_object, safe_text
from studio.metrics.window import DEFAULT_MARGIN_S, Window, show_window
from studio.metrics.writer import write_samples
from studio.store.retry import describe
from studio.store.store import Store
from studio.timeutil import Clock

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
MAX_BODY = 4 * 1024 * 1024
MAX_SAMPLES = 20_000
TOKEN_FILE = "ingest_token"
_SOURCE_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,58}$")


def token_path() -> Path:
    return paths.config_dir() / TOKEN_FILE


def load_or_create_token(path: Path | None = None) -> str:
    """The ingest bearer token, created on first use; the file is readable by its owner only."""
    path = path or token_path()
    try:
        token = path.read_text(encoding="ascii").strip()
        if token:
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)
            return token
    except FileNotFoundError:
        pass
    token = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(token + "\n")
    os.chmod(path, 0o600)
    return token


# Slow or idle clients: a socket read waits at most READ_TIMEOUT_S, a whole body at most
# BODY_DEADLINE_S, and no more than MAX_CONNECTIONS are served at once (each is a thread).
READ_TIMEOUT_S = 10.0
BODY_DEADLINE_S = 30.0
MAX_CONNECTIONS = 32


class Rejected(Exception):
    """A request answered with an error status; `reason` says why (sent as JSON)."""

    def __init__(self, status: HTTPStatus, reason: str, **extra: Any) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.extra = extra


def is_loopback(host: str) -> bool:
    """Only this computer can reach an address like this (127.x, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_auth(header: str, token: str) -> None:
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8", "replace"), token.encode()
    ):
        raise Rejected(HTTPStatus.UNAUTHORIZED, "missing or wrong bearer token")


def check_length(transfer_encoding: str | None, content_length: str | None, max_body: int) -> int:
    """The body length a request declares, within the limit."""
    if transfer_encoding:
        raise Rejected(HTTPStatus.LENGTH_REQUIRED, "send Content-Length, not chunked encoding")
    try:
        length = int(content_length or "")
    except ValueError:
        raise Rejected(HTTPStatus.LENGTH_REQUIRED, "Content-Length is required") from None
    if length < 0:
        raise Rejected(HTTPStatus.BAD_REQUEST, "negative Content-Length")
    if length > max_body:
        raise Rejected(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            f"body of {length} bytes is over the {max_body} byte limit",
        )
    return length


def check_source(query: str) -> str:
    """The `?source=` of a request as stored (`http` or `http:NAME`)."""
    source = parse_qs(query).get("source", ["http"])[0]
    if not _SOURCE_RE.match(source):
        raise Rejected(HTTPStatus.BAD_REQUEST, "source must be 1-58 letters, digits or _.:-")
    return source if source == "http" else "http:" + source


def parse_body(
    body: bytes, show_id: int, source: str, window: Window, max_samples: int
) -> list[Row]:
    """The rows of a POST body (a JSON array of samples), or Rejected with the reason: the
    whole request is refused for one bad sample, so a client resends it fixed."""
    try:
        items = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise Rejected(HTTPStatus.BAD_REQUEST, f"body is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise Rejected(
            HTTPStatus.BAD_REQUEST,
            f"body is not UTF-8 JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
        ) from None
    except RecursionError:
        raise Rejected(HTTPStatus.BAD_REQUEST, "body is nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise Rejected(
            HTTPStatus.BAD_REQUEST, f"body is not JSON this server reads: {exc}"
        ) from None
    if not isinstance(items, list):
        raise Rejected(HTTPStatus.BAD_REQUEST, "body must be a JSON array of samples")
    if len(items) > max_samples:
        raise Rejected(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            f"{len(items)} samples in one request; the limit is {max_samples}",
        )
    rows: list[Row] = []
    for i, item in enumerate(items):
        try:
            got = parse_object(item, show_id, source)
            for row in got:
                why = window.refuse(row["ts"])
                if why is not None:
                    raise SampleError(why)
        except SampleError as exc:
            raise Rejected(
                HTTPStatus.UNPROCESSABLE_ENTITY, f"sample {i}: {safe_text(str(exc))}", index=i
            ) from None
        rows.extend(got)
    return rows


def store_rows(store: Store, rows: list[Row]) -> dict[str, Any]:
    """Commit the rows (the answer comes only after the commit); Rejected 503 when the
    database is busy or away, so the client retries."""
    try:
        inserted = write_samples(store, rows)
    except SQLAlchemyError as exc:
        what = describe(exc)
        log.warning("ingest: commit failed: %s", what)
        raise Rejected(
            HTTPStatus.SERVICE_UNAVAILABLE, f"database problem ({what}); retry", retry_after=1
        ) from None
    dup = len(rows) - inserted if inserted >= 0 else None
    return {"accepted": len(rows), "inserted": inserted, "duplicates": dup}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True

    store: Store
    show_id: int
    token: str
    max_body: int
    max_samples: int
    margin: float
    clock: Clock
    stats: dict[str, int]
    lock: threading.Lock
    slots: threading.BoundedSemaphore

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            # Full: answer at once on the accepting thread instead of queueing a thread.
            self._busy(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)  # type: ignore[misc]
        finally:
            self.slots.release()

    def _busy(self, request: Any) -> None:
        body = b'{"error": "too many connections; retry"}'
        head = (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
        )
        with self.lock:
            self.stats["refused_busy"] = self.stats.get("refused_busy", 0) + 1
        with contextlib.suppress(OSError):
            request.settimeout(1.0)
            request.sendall(head.encode() + body)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The default prints a traceback on stderr; a dropped client is not worth one.
        log.debug("ingest: connection from %s ended with an error", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "studio-ingest/1"
    timeout = READ_TIMEOUT_S  # StreamRequestHandler puts it on the socket: idle reads end

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def _reply(
        self, status: HTTPStatus, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8", "backslashreplace")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        with self.server.lock:
            key = "ok" if status < 400 else "rejected"
            self.server.stats[key] = self.server.stats.get(key, 0) + 1

    def _error(self, status: HTTPStatus, reason: str, **extra: Any) -> None:
        log.info("ingest %s %s: %s", self.command, self.path, reason)
        headers = (
            {"WWW-Authenticate": 'Bearer realm="studio"'}
            if status == HTTPStatus.UNAUTHORIZED
            else None
        )
        if status >= 400:
            self.close_connection = True
        self._reply(status, {"error": reason, **extra}, headers)

    def do_GET(self) -> None:
        if urlsplit(self.path).path == "/v1/health":
            self._reply(HTTPStatus.OK, {"ok": True})
        else:
            self._error(HTTPStatus.NOT_FOUND, "no such endpoint; POST /v1/samples")

    def _read_body(self, length: int) -> bytes:
        """The body, read in pieces against a deadline: a client trickling bytes cannot hold
        the connection (and its thread) for longer than BODY_DEADLINE_S."""
        deadline = time.monotonic() + BODY_DEADLINE_S
        parts: list[bytes] = []
        left = length
        while left > 0:
            if time.monotonic() > deadline:
                raise Rejected(HTTPStatus.REQUEST_TIMEOUT, "body arrived too slowly")
            try:
                piece = self.rfile.read1(min(left, 65536))
            except TimeoutError:
                raise Rejected(HTTPStatus.REQUEST_TIMEOUT, "body arrived too slowly") from None
            if not piece:
                raise Rejected(HTTPStatus.BAD_REQUEST, "body shorter than its Content-Length")
            parts.append(piece)
            left -= len(piece)
        return b"".join(parts)

    def do_POST(self) -> None:
        try:
            answer = self._post()
        except Rejected as exc:
            self._error(exc.status, exc.reason, **exc.extra)
            return
        except Exception:
            log.exception("ingest: unexpected error on %s", self.path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (see the studio log)")
            return
        self._reply(HTTPStatus.OK, answer)

    def _post(self) -> dict[str, Any]:
        srv = self.server
        url = urlsplit(self.path)
        if url.path != "/v1/samples":
            raise Rejected(HTTPStatus.NOT_FOUND, "no such endpoint; POST /v1/samples")
        check_auth(self.headers.get("Authorization", ""), srv.token)
        length = check_length(
            self.headers.get("Transfer-Encoding"), self.headers.get("Content-Length"), srv.max_body
        )
        ctype = self.headers.get("Content-Type", "application/json").split(";")[0].strip()
        if ctype not in ("application/json", "text/json", ""):
            raise Rejected(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"expected application/json, got {ctype}"
            )
        source = check_source(url.query)
        body = self._read_body(length)
        with srv.store.session() as s:
            window = show_window(s, srv.show_id, srv.clock(), srv.margin)
        rows = parse_body(body, srv.show_id, source, window, srv.max_samples)
        answer = store_rows(srv.store, rows)
        with srv.lock:
            srv.stats["rows"] = srv.stats.get("rows", 0) + max(answer["inserted"], 0)
        return answer


class IngestServer:
    """Owns the HTTP server and its thread; start() binds, stop() closes and joins."""

    def __init__(
        self,
        store: Store,
        show_id: int,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        token: str | None = None,
        max_body: int = MAX_BODY,
        max_samples: int = MAX_SAMPLES,
        max_connections: int = MAX_CONNECTIONS,
        margin: float = DEFAULT_MARGIN_S,
        clock: Clock = time.time,
    ) -> None:
        self.host = host
        self.port = port
        self.max_connections = max_connections
        self.margin = margin
        self.clock = clock
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self._final: dict[str, int] = {}
        self._config = (store, show_id, token or load_or_create_token(), max_body, max_samples)

    @property
    def token(self) -> str:
        return self._config[2]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/v1/samples"

    @property
    def stats(self) -> dict[str, int]:
        """Requests answered (ok, rejected, refused_busy) and rows stored; kept after stop()."""
        if self._httpd is None:
            return dict(self._final)
        with self._httpd.lock:
            return dict(self._httpd.stats)

    def start(self) -> IngestServer:
        httpd = _Server((self.host, self.port), _Handler)
        httpd.store, httpd.show_id, httpd.token, httpd.max_body, httpd.max_samples = self._config
        httpd.margin = self.margin
        httpd.clock = self.clock
        httpd.stats = {}
        httpd.lock = threading.Lock()
        httpd.slots = threading.BoundedSemaphore(self.max_connections)
        self.port = httpd.server_address[1]
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="metrics-http",
            daemon=True,
        )
        self._thread.start()
        log.info("metrics ingest listening on %s", self.url)
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()  # joins the request threads (block_on_close)
            with self._httpd.lock:
                self._final = dict(self._httpd.stats)
        if self._thread is not None:
            self._thread.join(5)
        self._httpd = None
        self._thread = None
