"""The store: migrations from revision 1, SQLite pragmas, URL errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from studio.store import migrate
from studio.store.engine import StoreError, make_engine
from studio.store.models import Incident, Show
from studio.store.shows import create_show, list_shows
from studio.store.store import Store


def test_database_made_by_revision_1_is_upgraded_on_open(tmp_path: Path) -> None:
    """An old database keeps its rows and gains the new tables and columns when the app opens it."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO show (id, title, status, platform, theme, planned_seconds, "
                "gmv_target_cents, traffic_target, is_rehearsal, created_at) VALUES "
                "(7, '双十一美妆专场', 'planned', '抖音', '', 7200, 30000000, 50000, 0, "
                "'2026-11-01 12:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO incident (uid, show_id, at, category, severity, status, source, text) "
                "VALUES ('u1', 7, '2026-11-01 12:30:00', 'technical', 1, 'open', 'manual', '推流中断')"
            )
        )
    assert "incident_history" not in inspect(engine).get_table_names()
    engine.dispose()

    store = Store.open(url)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        tables = inspect(store.engine).get_table_names()
        for table in ("incident_history", "metric_quarantine", "ingest_offset", "change_log"):
            assert table in tables
        with store.session() as s:
            show = s.get(Show, 7)
            assert show is not None and show.title == "双十一美妆专场"
            assert show.gmv_target_cents == 30_000_000
            incident = s.query(Incident).one()
            assert incident.text == "推流中断"
            assert incident.owner == "" and incident.checklist == []
            assert incident.at == datetime(2026, 11, 1, 12, 30, tzinfo=UTC)
    finally:
        store.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    """The embedded database survives app crashes (WAL) and enforces relations (foreign keys)."""
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    """Without --db or STUDIO_DB the store is one SQLite file in the (isolated) data folder."""
    store = Store.open()
    try:
        assert store.is_sqlite
        assert (tmp_path / "data" / "studio.db").exists()
    finally:
        store.close()


def test_studio_db_environment_variable_selects_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """STUDIO_DB points the app at another database."""
    target = tmp_path / "elsewhere.db"
    monkeypatch.setenv("STUDIO_DB", f"sqlite:///{target}")
    store = Store.open()
    store.close()
    assert target.exists()


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "Not a database URL"),
        ("mysql://u@h/db", "Unsupported database"),
        ("sqlite:////no/such/folder/x.db", "does not exist"),
        ("postgresql://user:hunter2@127.0.0.1:1/studio", "Cannot connect"),
    ],
)
def test_bad_database_urls_give_a_clear_error(url: str, fragment: str) -> None:
    """Each kind of bad URL is a StoreError saying what is wrong, and never shows the password."""
    with pytest.raises(StoreError) as info:
        Store.open(url)
    assert fragment in str(info.value)
    assert "hunter2" not in str(info.value)


def test_created_shows_are_listed_newest_first(store: Store) -> None:
    """Shows come back in planned-start order with their targets, and changes are published."""
    seen = []
    store.bus.subscribe(seen.append)
    early = create_show(
        store, "早场", planned_start=datetime(2026, 11, 10, 12, tzinfo=UTC), gmv_target_cents=100
    )
    late = create_show(store, "晚场", planned_start=datetime(2026, 11, 11, 12, tzinfo=UTC))
    assert [s.id for s in list_shows(store)] == [late, early]
    assert [c.row_id for c in seen] == [early, late]
    with pytest.raises(ValueError):
        create_show(store, "   ")


def test_naive_datetimes_are_refused(store: Store) -> None:
    """A time without a zone would be ambiguous across stations, so it is rejected."""
    with pytest.raises(Exception, match="naive datetime"):
        create_show(store, "x", planned_start=datetime(2026, 11, 11, 20))


def test_the_shipped_head_constant_is_alembics_head() -> None:
    """migrate.HEAD_REVISION (used to skip alembic on an up-to-date database) is the newest
    revision: a new migration must move it too."""
    from studio.store import migrate

    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_an_up_to_date_database_opens_without_alembic(tmp_path: Path) -> None:
    """Opening a current database neither imports nor runs alembic (a command's start cost)."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'cur.db'}"
    Store.open(url).close()
    code = (
        "import sys; from studio.store.store import Store; "
        f"Store.open({url!r}).close(); "
        "print(any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
