"""Local HTTP ingest for collectors that push: `POST /v1/samples` with a JSON array of samples.

- Bound to 127.0.0.1 unless told otherwise; a bearer token is required. The token is generated
  once and kept in the config folder (file mode 0600); settings show it to the user.
- The body limit is enforced from Content-Length before reading anything.
- A request is all or nothing: any bad sample gives 4xx with its index and the reason, and no
  row of that request is written, so the client fixes and resends the whole batch.
- 200 is sent only after the rows are committed (`write_rows` on the request's thread, not the
  queued writer). Samples already stored (same show, source, metric, sku, ts) are skipped, so a
  client that timed out may simply retry.
- stdlib `ThreadingHTTPServer`: a loopback endpoint for a few collectors needs no framework.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.exc import SQLAlchemyError

from studio import paths
from studio.metrics.samples import Row, SampleError, parse_object
from studio.metrics.writer import write_rows
from studio.store.store import Store

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


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True

    store: Store
    show_id: int
    token: str
    max_body: int
    max_samples: int
    stats: dict[str, int]
    lock: threading.Lock


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "studio-ingest/1"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def _reply(
        self, status: HTTPStatus, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
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

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/v1/samples":
            self._error(HTTPStatus.NOT_FOUND, "no such endpoint; POST /v1/samples")
            return
        auth = self.headers.get("Authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), self.server.token.encode()
        ):
            self._error(HTTPStatus.UNAUTHORIZED, "missing or wrong bearer token")
            return
        if self.headers.get("Transfer-Encoding"):
            self._error(HTTPStatus.LENGTH_REQUIRED, "send Content-Length, not chunked encoding")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._error(HTTPStatus.LENGTH_REQUIRED, "Content-Length is required")
            return
        if length < 0:
            self._error(HTTPStatus.BAD_REQUEST, "negative Content-Length")
            return
        if length > self.server.max_body:
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"body of {length} bytes is over the {self.server.max_body} byte limit",
            )
            return
        ctype = self.headers.get("Content-Type", "application/json").split(";")[0].strip()
        if ctype not in ("application/json", "text/json", ""):
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"expected application/json, got {ctype}"
            )
            return
        source = parse_qs(url.query).get("source", ["http"])[0]
        if not _SOURCE_RE.match(source):
            self._error(HTTPStatus.BAD_REQUEST, "source must be 1-58 letters, digits or _.:-")
            return
        if source != "http":
            source = "http:" + source
        body = self.rfile.read(length)
        try:
            items = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, f"body is not UTF-8 JSON: {exc}")
            return
        if not isinstance(items, list):
            self._error(HTTPStatus.BAD_REQUEST, "body must be a JSON array of samples")
            return
        if len(items) > self.server.max_samples:
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"{len(items)} samples in one request; the limit is {self.server.max_samples}",
            )
            return
        rows: list[Row] = []
        for i, item in enumerate(items):
            try:
                rows.extend(parse_object(item, self.server.show_id, source))
            except SampleError as exc:
                self._error(HTTPStatus.UNPROCESSABLE_ENTITY, f"sample {i}: {exc}", index=i)
                return
        try:
            inserted = write_rows(self.server.store, rows)
        except SQLAlchemyError as exc:
            log.warning("ingest: commit failed: %s", exc)
            self._error(
                HTTPStatus.SERVICE_UNAVAILABLE, "database busy or unavailable; retry", retry_after=1
            )
            return
        with self.server.lock:
            self.server.stats["rows"] = self.server.stats.get("rows", 0) + max(inserted, 0)
        dup = len(rows) - inserted if inserted >= 0 else None
        self._reply(HTTPStatus.OK, {"accepted": len(rows), "inserted": inserted, "duplicates": dup})


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
    ) -> None:
        self.host = host
        self.port = port
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self._config = (store, show_id, token or load_or_create_token(), max_body, max_samples)

    @property
    def token(self) -> str:
        return self._config[2]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/v1/samples"

    @property
    def stats(self) -> dict[str, int]:
        if self._httpd is None:
            return {}
        with self._httpd.lock:
            return dict(self._httpd.stats)

    def start(self) -> IngestServer:
        httpd = _Server((self.host, self.port), _Handler)
        httpd.store, httpd.show_id, httpd.token, httpd.max_body, httpd.max_samples = self._config
        httpd.stats = {}
        httpd.lock = threading.Lock()
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
        if self._thread is not None:
            self._thread.join(5)
        self._httpd = None
        self._thread = None
