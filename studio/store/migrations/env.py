"""Alembic environment: the engine is handed in by studio.store.migrate, never read from a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from studio.store.models import Base

config = context.config
engine = config.attributes["engine"]
sqlite = engine.dialect.name == "sqlite"

with engine.connect() as connection:
    if sqlite:
        # SQLite alters a table by copying it and dropping the original; with foreign keys on,
        # that DROP would cascade-delete every child row. The pragma only works outside a
        # transaction, hence before begin().
        connection.execute(text("PRAGMA foreign_keys=OFF"))
        connection.commit()
    with connection.begin():
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=sqlite,
            compare_type=True,
        )
        context.run_migrations()
        if sqlite:
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise RuntimeError(f"migration left dangling references: {broken[:5]}")
    if sqlite:
        connection.execute(text("PRAGMA foreign_keys=ON"))
        connection.commit()
