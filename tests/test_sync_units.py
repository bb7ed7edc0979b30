"""Sync building blocks without a server: feed cursor, payloads, rows, outbox, credentials,
SQLite change polling between two processes, and `studio db`."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from studio.cli import main
from studio.store import engine as eng
from studio.store.changes import Change
from studio.store.models import CueEvent, Incident, IncidentHistory, MetricSample
from studio.store.shows import create_show
from studio.store.store import Store
from studio.store.sync import notify
from studio.store.sync import rows as R
from studio.store.sync.feed import FeedCursor
from studio.store.sync.outbox import Outbox


def test_feed_cursor_delivers_each_id_once_and_waits_for_slow_commits():
    """Out-of-order commits are delivered once; a hole holds the watermark until it times out."""
    t = [0.0]
    cur = FeedCursor(10, gap_timeout=5.0, clock=lambda: t[0])
    assert cur.accept(12) and not cur.accept(12)
    assert cur.advance() == 10  # 11 not committed yet
    assert cur.accept(11) and cur.advance() == 12
    assert not cur.accept(11) and not cur.accept(5)
    assert cur.accept(15)
    assert cur.advance() == 12
    t[0] = 3.0
    assert cur.advance() == 12
    t[0] = 6.0
    assert cur.advance() == 15  # 13-14 were rolled back: stepped over
    assert not cur.accept(15) and cur.accept(16)


def test_notification_payload_round_trips_and_bad_ones_are_ignored():
    """The payload carries table, ids and station; garbage decodes to None, not an exception."""
    c = Change("cue_event", 7, 3, station="控制台", log_id=99)
    back = notify.decode(notify.encode(c))
    assert back == c and back is not None and back.remote
    assert (back.station, back.log_id) == ("控制台", 99)
    assert len(notify.encode(c).encode()) < 200
    for bad in ("", "{", "[]", '{"t": 5}', '{"t": "x", "r": "7"}', '{"t": "x", "r": true}'):
        assert notify.decode(bad) is None


def test_rows_are_completed_at_write_time_and_survive_json():
    """uid and defaults are fixed when the row is made; datetimes come back aware and equal."""
    table = R.table_of(CueEvent)
    at = datetime(2026, 11, 11, 20, 0, 1, 123456, tzinfo=UTC)
    row = R.complete(table, {"show_id": 1, "at": at, "action": "next"})
    assert len(row["uid"]) == 32 and row["detail"] == {} and row["station"] == ""
    assert R.complete(table, {"show_id": 1, "at": at, "action": "next"})["uid"] != row["uid"]
    [back] = R.decode_rows(json.loads(R.dumps(R.encode_rows([row]))))
    assert back == row and back["at"].tzinfo is not None
    with pytest.raises(R.RowError, match="unknown column"):
        R.complete(table, {"show_id": 1, "colour": "red"})
    with pytest.raises(R.RowError, match="ids are made by the database"):
        R.complete(table, {"id": 5, "show_id": 1})
    with pytest.raises(R.RowError, match="cannot be written"):
        R.table_of("show")


def test_outbox_keeps_order_and_keeps_a_batch_whose_apply_failed(tmp_path: Path):
    """Entries drain oldest first; a failing apply leaves its batch queued for next time."""
    box = Outbox(tmp_path / "outbox.sqlite")
    assert box.size() == 0 and box.drain(lambda es: []) == 0
    assert box.put([{"n": i} for i in range(5)]) == 5
    seen: list[int] = []

    def fail_on_3(entries):  # type: ignore[no-untyped-def]
        if any(e.data["n"] == 3 for e in entries):
            raise ConnectionError("link down")
        seen.extend(e.data["n"] for e in entries)
        return []

    with pytest.raises(ConnectionError):
        box.drain(fail_on_3, batch=2)
    assert seen == [0, 1] and box.size() == 3
    assert box.drain(lambda es: seen.extend(e.data["n"] for e in es) or [], batch=2) == 3
    assert seen == [0, 1, 2, 3, 4] and box.size() == 0


def test_sqlite_store_writes_idempotently_and_never_queues(store: Store):
    """On SQLite the same API writes directly; a replayed row is skipped; no outbox exists."""
    show = create_show(store, "Local")
    now = datetime.now(UTC)
    got: list[Change] = []
    store.bus.subscribe(got.append)
    r = store.insert_idempotent(
        Incident,
        {"show_id": show, "at": now, "category": "tech", "text": "lag"},
        children={IncidentHistory: [{"who": "me", "field": "created"}]},
    )
    assert not r.queued and r.inserted == 1 and got[-1] == Change("incident", r.ids[0], show)
    again = store.insert_idempotent(
        Incident, {"uid": r.uids[0], "show_id": show, "at": now, "category": "tech"}
    )
    assert again.inserted == 0
    samples = [{"show_id": show, "metric": "gmv", "ts": float(t), "value": t} for t in range(4)]
    assert store.write_rows(MetricSample, samples).inserted == 4
    assert store.write_rows(MetricSample, samples).inserted == 0
    assert store.outbox_size() == 0 and store.outbox is None and store.link_status.online
    with store.session() as s:
        inc = s.get(Incident, r.ids[0])
        assert inc is not None and [h.field for h in inc.history] == ["created"]


_WRITER = """
import sys
from datetime import UTC, datetime
from studio.store.models import CueEvent
from studio.store.store import Store
s = Store.open(sys.argv[1], station="anchor")
s.insert_idempotent(CueEvent, {"show_id": int(sys.argv[2]), "at": datetime.now(UTC), "action": "next"})
s.close()
"""


@pytest.mark.slow
def test_two_processes_on_one_sqlite_file_see_each_other(db_url: str):
    """With sync started on SQLite, a change written by another process arrives by polling."""
    s = Store.open(db_url, station="controller", sync=True)
    try:
        show = create_show(s, "Local")
        got: list[Change] = []
        s.bus.subscribe(got.append)
        subprocess.run([sys.executable, "-c", _WRITER, db_url, str(show)], check=True, timeout=60)
        deadline = time.monotonic() + 10
        while not any(c.remote and c.table == "cue_event" for c in got):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        remote = next(c for c in got if c.remote)
        assert remote.station == "anchor" and remote.show_id == show
    finally:
        s.close()


def test_password_from_environment_fills_a_url_without_one(monkeypatch):
    """STUDIO_DB_PASSWORD supplies the password; a password in the URL is kept; SQLite untouched."""
    monkeypatch.setenv("STUDIO_DB_PASSWORD", "s3cret")
    url = make_url("postgresql+psycopg://studio@db.example:5433/live?sslmode=verify-full")
    filled = eng.with_password(url)
    assert filled.password == "s3cret" and filled.query["sslmode"] == "verify-full"
    assert eng.with_password(url.set(password="given")).password == "given"
    assert eng.with_password(make_url("sqlite:///x.db")).password is None
    assert "s3cret" not in eng.redact(filled.render_as_string(hide_password=False))
    assert eng.scrub("dsn password=s3cret failed", filled) == "dsn password=*** failed"


def test_keyring_supplies_the_password_and_a_broken_keyring_is_ignored(monkeypatch):
    """The keyring is asked under studio / user@host:port/db; a failing backend means no password."""
    monkeypatch.delenv("STUDIO_DB_PASSWORD", raising=False)
    asked: list[tuple[str, str]] = []

    class FakeKeyring:
        @staticmethod
        def get_password(service: str, user: str) -> str:
            asked.append((service, user))
            return "from-keyring"

    class Errors:
        class KeyringError(Exception):
            pass

    monkeypatch.setitem(sys.modules, "keyring", FakeKeyring)
    monkeypatch.setitem(sys.modules, "keyring.errors", Errors)
    url = make_url("postgresql://studio@db:5432/live")
    assert eng.with_password(url).password == "from-keyring"
    assert asked == [("studio", "studio@db:5432/live")]

    def broken(service: str, user: str) -> str:
        raise Errors.KeyringError("no backend")

    monkeypatch.setattr(FakeKeyring, "get_password", staticmethod(broken))
    assert eng.with_password(url).password is None


def test_db_init_and_status_on_sqlite(tmp_path: Path, capsys):
    """`studio db init` creates the schema (then says it is current); `status` reports it."""
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    assert main(["db", "init", "--db", url]) == 0
    assert "schema created at revision" in capsys.readouterr().out
    assert main(["--db", url, "db", "init"]) == 0
    assert "already at revision" in capsys.readouterr().out
    assert main(["db", "status", "--db", url, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["reachable"] and info["up_to_date"] and info["backend"] == "sqlite"


def test_db_status_on_an_unreachable_server_hides_the_password(capsys):
    """An unreachable PostgreSQL gives exit 3 and a message without the URL's password."""
    url = "postgresql://studio:hunter2@127.0.0.1:1/live"
    assert main(["db", "status", "--db", url]) == 3
    out = capsys.readouterr()
    assert "hunter2" not in out.out + out.err and "Connection refused" in out.out
    assert main(["db", "init", "--db", url]) == 2
    out = capsys.readouterr()
    assert "hunter2" not in out.out + out.err and "Cannot connect" in out.err
