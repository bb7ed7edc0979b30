"""Opening a database: URL resolution, credentials, SQLite pragmas, schema upgrade on start.

Credentials never travel on the command line: a PostgreSQL URL without a password gets it from
`STUDIO_DB_PASSWORD`, then the OS keyring (service "studio", user "USER@HOST:PORT/DB"), else
libpq's own `PGPASSWORD` / `~/.pgpass`. TLS options (`?sslmode=verify-full&sslrootcert=...`)
pass through to libpq untouched. Every message and log line shows the URL via `redact()`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
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


PASSWORD_ENV = "STUDIO_DB_PASSWORD"
KEYRING_SERVICE = "studio"
# A dead server or a cut cable must not freeze a writer for libpq's default of "forever".
DEFAULT_CONNECT_TIMEOUT_S = 5


def keyring_user(url: URL) -> str:
    """The keyring entry name for a PostgreSQL URL: which account on which database."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def keyring_password(url: URL) -> str | None:
    """The stored password, or None when there is none or no usable keyring (headless boxes)."""
    try:
        import keyring  # optional: absent, or present without a backend
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, keyring_user(url))
    except (KeyringError, RuntimeError, OSError) as exc:
        log.debug("keyring unavailable: %s", type(exc).__name__)
        return None
    return value if isinstance(value, str) and value else None


def with_password(url: URL) -> URL:
    """Fill in a missing PostgreSQL password from the environment or the keyring."""
    if url.get_backend_name() != "postgresql" or url.password:
        return url
    password = os.environ.get(PASSWORD_ENV) or keyring_password(url)
    return url.set(password=password) if password else url


def scrub(message: str, *urls: str | URL) -> str:
    """Remove the passwords of `urls` from a message (driver errors may quote a DSN)."""
    for u in urls:
        try:
            password = u.password if isinstance(u, URL) else make_url(u).password
        except ArgumentError:
            continue
        if password:
            message = message.replace(str(password), "***")
    return message


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # NORMAL under WAL survives an app crash (only an OS crash can lose the last commits).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlite_read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # No journal_mode: changing it is a write. The file's own mode (WAL or not) is used.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory ones)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    db = parsed.database
    if parsed.get_backend_name() != "sqlite" or not db or db == ":memory:":
        return None
    return Path(db).expanduser()


def _create_private(path: Path) -> None:
    """Create a new SQLite file readable by its owner only (SQLite would create it with the
    umask's mode, usually world-readable; its -wal and -shm files copy the file's mode)."""
    if path.exists():
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError:
        return  # SQLite will report the same problem in its own words
    os.close(fd)


def is_read_only_file(url: str) -> bool:
    """A SQLite file this process may read but not write (permissions, a read-only disk)."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK)


def make_engine(url: str, read_only: bool = False) -> Engine:
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
        if read_only and db and db != ":memory:":
            # SQLite's own read-only open: writes fail at once instead of after a lock wait.
            path = Path(db).expanduser().resolve()
            parsed = parsed.set(database=f"file:{path}?mode=ro", query={"uri": "true"})
        elif db and db != ":memory:" and not db.startswith("file:"):
            _create_private(Path(db).expanduser())
    elif backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        parsed = with_password(parsed)
        kwargs["pool_pre_ping"] = True
        if "connect_timeout" not in parsed.query:
            kwargs["connect_args"] = {"connect_timeout": DEFAULT_CONNECT_TIMEOUT_S}
    else:
        raise StoreError(f"Unsupported database {redact(url)}: use sqlite:/// or postgresql://")
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise StoreError(f"Cannot use database {redact(url)}: {scrub(str(exc), parsed)}") from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_read_only_pragmas if read_only else _sqlite_pragmas)
    return engine


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(
            f"Cannot connect to database {redact(str(engine.url))}: {scrub(reason, engine.url)}"
        ) from None  # the chained driver error could quote the DSN
    except SQLAlchemyError as exc:
        raise StoreError(
            f"Database {redact(str(engine.url))} failed: {scrub(str(exc), engine.url)}"
        ) from None


def libpq_params(engine: Engine) -> dict[str, Any]:
    """Keyword arguments for `psycopg.connect` reaching the engine's database (the listener
    needs its own connection outside the pool). Includes the password: never log this."""
    _args, params = engine.dialect.create_connect_args(engine.url)
    params = dict(params)
    params.setdefault("connect_timeout", DEFAULT_CONNECT_TIMEOUT_S)
    return params


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
