"""The station's bearer token: one token for every route of the server (the metrics ingest's
token file, mode 0600), shown and rotatable in Preferences."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from studio.metrics.sources.http import load_or_create_token, token_path


def load_token(path: Path | None = None) -> str:
    return load_or_create_token(path)


def rotate_token(path: Path | None = None) -> str:
    """A new token replaces the old one at once (file mode 0600); running servers keep the
    token they started with until restarted."""
    path = path or token_path()
    token = secrets.token_urlsafe(32)
    tmp = path.with_name(path.name + ".new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(token + "\n")
    os.replace(tmp, path)
    return token


def bearer(header: str) -> str | None:
    """The token of an `Authorization: Bearer …` header (None: no bearer token)."""
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return None
    return given.strip()


def same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode())
