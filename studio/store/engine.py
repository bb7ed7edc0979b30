"""Opening a database: URL resolution, SQLite pragmas, schema upgrade on start."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from studio import paths

log = logging.getLogger(__name__)


class StoreError(Exception):
    """A database that cannot be opened or upgraded; the message is meant for the user."""


def default_url() -> str:
    return f"sqlite:///{paths.data_dir() / 'studio.db'}"


def resolve_url(url: str | None) -> str:
    """`--db` wins, then STUDIO_DB, then the per-user SQLite file."""
    return url or os.environ.get("STUDIO_DB") or default_url()


def redact(url: str) -> str:
    """A URL fit for logs and messages: never the password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # NORMAL under WAL survives an app crash (only an OS crash can lose the last commits).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"Not a database URL: {url!r} (expected e.g. sqlite:///path/studio.db "
            "or postgresql://user@host/db)"
        ) from exc
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {}
    if backend == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            parent = Path(db).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"Cannot open database {redact(url)}: folder {parent} does not exist"
                )
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 10}
    elif backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs["pool_pre_ping"] = True
    else:
        if backend not in ("postgresql",):
            raise StoreError(f"Unsupported database {redact(url)}: use sqlite:/// or postgresql://")
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise StoreError(f"Cannot use database {redact(url)}: {exc}") from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"Cannot connect to database {redact(str(engine.url))}: {reason}") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"Database {redact(str(engine.url))} failed: {exc}") from exc


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
