"""Local HTTP ingest for collectors that push: `POST /v1/samples` with a JSON array of samples.

- Bound to 127.0.0.1 unless told otherwise; a bearer token is required. The token is generated
  once and kept in the config folder (file mode 0600); settings show it to the user.
- The body limit is enforced from Content-Length before reading anything.
- A request is all or nothing: any bad sample gives 4xx with its index and the reason, and no
  row of that request is written, so the client fixes and resends the whole batch.
- 200 is sent only after the rows are committed (`write_samples` on the request's thread, not the
  queued writer). Samples already stored (same show, source, metric, sku, ts) are skipped, so a
  client that timed out may simply retry.
- The server is the station's one server (`studio.api.ingest.IngestServer`, aiohttp): reads
  time out, bodies have a deadline and connections are capped on every route. The request
  logic is here, in plain functions (`check_auth`, `check_length`, `check_source`,
  `parse_body`, `store_rows`) that server calls.
- Binding anything but loopback is the command's decision (`--allow-remote`): the token
  travels in plain HTTP.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import os
import re
import secrets
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from sqlalchemy.exc import SQLAlchemyError

from studio import paths
from studio.metrics.samples import Row, SampleError, parse_object, safe_text
from studio.metrics.window import Window
from studio.metrics.writer import write_samples
from studio.store.retry import describe
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
