"""Revision 9 (traffic sources, audience, review actions): one head, the tables match the
models, and an older database is upgraded (and can be downgraded) without losing its shows."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from studio.store import migrate
from studio.store.engine import make_engine
from studio.store.models import Base
from studio.store.store import Store

NEW_TABLES = {"traffic_source", "audience_share", "review_action"}


def test_one_head_and_the_tables_match_the_models(tmp_path: Path) -> None:
    """There is a single head, 0009 chains on 0008, and its tables in a fresh database equal
    the models."""
    heads = ScriptDirectory(str(migrate.MIGRATIONS)).get_heads()
    assert len(heads) == 1
    rev = ScriptDirectory(str(migrate.MIGRATIONS)).get_revision("0009")
    assert rev is not None and rev.down_revision == "0008"
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if any(t in repr(d) for t in NEW_TABLES)] == []
    assert set(inspect(engine).get_table_names()) >= NEW_TABLES
    engine.dispose()


def test_upgrade_from_revision_8_and_back(tmp_path: Path) -> None:
    """A revision-8 database keeps its show through the upgrade; downgrading drops only the
    new tables."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0008")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO show (id, title, status, platform, theme, planned_seconds, "
                "gmv_target_cents, traffic_target, is_rehearsal, created_at, extra) VALUES "
                "(3, '老场次', 'ended', '', '', 0, 0, 0, 0, '2026-11-01 12:00:00', '{}')"
            )
        )
    engine.dispose()
    store = Store.open(url)
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD_REVISION
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO review_action (uid, show_id, what, owner, created_at, done) "
                    "VALUES ('u', 3, '提前预热', '', '2026-11-01 14:00:00', 0)"
                )
            )
            assert conn.execute(text("SELECT note, station FROM review_action")).one() == ("", "")
        command.downgrade(migrate.alembic_config(store.engine), "0008")
        tables = set(inspect(store.engine).get_table_names())
        assert not NEW_TABLES & tables and "show" in tables
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM show")).scalar() == "老场次"
    finally:
        store.close()
