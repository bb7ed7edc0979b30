"""Alembic driven from code, so the app upgrades any older database when it starts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from studio.store.engine import StoreError, redact

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision this studio ships. Every command opens the store; when the database is
# already at this revision, alembic is neither imported nor run (importing it and walking the
# migration scripts cost most of a command's start). tests/test_store_migrations.py checks that
# this is alembic's head.
HEAD_REVISION = "0012"


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


class NewerSchema(StoreError):
    """The database was written by a newer studio: this one must not read or touch it."""

    def __init__(self, url: str, revision: str) -> None:
        super().__init__(
            f"Database {url} was written by a newer studio (schema revision {revision}); "
            "upgrade studio to use it. Nothing was changed."
        )
        self.revision = revision


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, read from alembic's own table (None: a new database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # branches: let alembic sort it out
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return str(rows[0]) if rows else None


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision; NewerSchema when this studio does not know it (a newer
    studio wrote it: upgrading or even reading it could go wrong)."""
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"Cannot read the schema revision of {redact(str(engine.url))}: {exc}"
        ) from exc
    if current is not None and current != HEAD_REVISION and current not in known_revisions():
        raise NewerSchema(redact(str(engine.url)), current)
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    current = check_not_newer(engine)
    if revision == "head" and current == HEAD_REVISION:
        # Already current: every command opens the store, and alembic's run (with SQLite's
        # whole-database foreign_key_check after it) cost ~0.2 s per command for nothing.
        return
    from alembic import command
    from alembic.util.exc import CommandError as AlembicError

    try:
        command.upgrade(alembic_config(engine), revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"Could not upgrade database {redact(str(engine.url))}: {exc}") from exc
    except AlembicError as exc:  # e.g. "Can't locate revision": never a traceback
        raise StoreError(f"Could not upgrade database {redact(str(engine.url))}: {exc}") from exc
