"""Alembic driven from code, so the app upgrades any older database when it starts."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError as AlembicError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from studio.store.engine import StoreError, redact

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
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
    return {r.revision for r in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision; NewerSchema when this studio does not know it (a newer
    studio wrote it: upgrading or even reading it could go wrong)."""
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"Cannot read the schema revision of {redact(str(engine.url))}: {exc}"
        ) from exc
    if current is not None and current not in known_revisions():
        raise NewerSchema(redact(str(engine.url)), current)
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    check_not_newer(engine)
    try:
        command.upgrade(alembic_config(engine), revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"Could not upgrade database {redact(str(engine.url))}: {exc}") from exc
    except AlembicError as exc:  # e.g. "Can't locate revision": never a traceback
        raise StoreError(f"Could not upgrade database {redact(str(engine.url))}: {exc}") from exc
