"""Store sync on a real PostgreSQL server, two stores in one process (the fast checks)."""
# ruff: noqa: F811  (pytest fixtures imported from pg_cluster are parameters by design)

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import pytest
from pg_cluster import PASSWORD, PgCluster, pg_cluster, pg_url, wait_for  # noqa: F401
from sqlalchemy import func, select, text

from studio.store.changes import Change
from studio.store.models import CueEvent, DeviceCheck, Incident, IncidentHistory, MetricSample
from studio.store.shows import create_show
from studio.store.store import Store
from studio.store.sync import lease
from studio.timeutil import utcnow

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_stores(pg_url: str) -> Iterator[tuple[Store, Store]]:
    a = Store.open(pg_url, station="controller")
    b = Store.open(pg_url, station="anchor")
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def _collect(store: Store) -> list[Change]:
    seen: list[Change] = []
    lock = threading.Lock()

    def add(c: Change) -> None:
        with lock:
            seen.append(c)

    store.bus.subscribe(add)
    return seen


def _cue(show_id: int, action: str = "next", n: int = 0) -> dict[str, object]:
    return {"show_id": show_id, "at": utcnow(), "action": action, "cue_index": n}


def test_cue_event_reaches_the_other_store_once_and_not_the_writer_twice(two_stores):
    """A committed CueEvent arrives once on the other store's bus (remote) and once locally."""
    a, b = two_stores
    show = create_show(a, "Live")
    got_a, got_b = _collect(a), _collect(b)
    r = a.insert_idempotent(CueEvent, _cue(show, "start"))
    assert not r.queued and r.inserted == 1 and r.ids[0] is not None
    assert wait_for(lambda: any(c.table == "cue_event" for c in got_b))
    time.sleep(1.3)  # past one catch-up poll: it must not deliver the change again
    remote = [c for c in got_b if c.table == "cue_event"]
    assert remote == [Change("cue_event", r.ids[0], show)]
    assert remote[0].remote and remote[0].station == "controller"
    mine = [c for c in got_a if c.table == "cue_event"]
    assert len(mine) == 1 and not mine[0].remote


def test_rolled_back_change_is_never_announced(two_stores):
    """A NOTIFY inside a rolled-back transaction is dropped with it."""
    a, b = two_stores
    show = create_show(a, "Live")
    got_b = _collect(b)
    with pytest.raises(RuntimeError), a.transaction() as s:
        a.record_change(s, "cue_event", 999, show)
        raise RuntimeError("abort")
    a.insert_idempotent(CueEvent, _cue(show))
    assert wait_for(lambda: any(c.table == "cue_event" for c in got_b))
    time.sleep(1.2)
    assert [c.row_id for c in got_b if c.table == "cue_event"] != [999]
    assert all(c.row_id != 999 for c in got_b)


def test_catch_up_delivers_a_change_whose_notification_was_lost(two_stores):
    """A change_log row written without NOTIFY still reaches the other store (catch-up poll)."""
    a, b = two_stores
    show = create_show(a, "Live")
    got_b = _collect(b)
    with a.transaction() as s:
        s.execute(
            text(
                'INSERT INTO change_log (at, "table", row_id, show_id, station) '
                "VALUES (now(), 'incident', 42, :show, 'tech')"
            ),
            {"show": show},
        )
    assert wait_for(lambda: any(c.table == "incident" for c in got_b), timeout=5)
    change = next(c for c in got_b if c.table == "incident")
    assert (change.row_id, change.show_id, change.station) == (42, show, "tech")


def test_same_station_name_on_two_pcs_still_sees_each_other(pg_url):
    """Two controller stations (same name) exchange changes: only the writer's own are skipped."""
    a = Store.open(pg_url, station="controller")
    b = Store.open(pg_url, station="controller")
    try:
        show = create_show(a, "Live")
        got_b = _collect(b)
        a.insert_idempotent(CueEvent, _cue(show))
        assert wait_for(lambda: any(c.table == "cue_event" for c in got_b))
    finally:
        a.close()
        b.close()


def test_replayed_rows_are_inserted_exactly_once(two_stores):
    """The same client-made rows written twice (a replay) are stored once."""
    a, _ = two_stores
    show = create_show(a, "Live")
    cue = _cue(show)
    cue["uid"] = "c" * 32
    assert a.insert_idempotent(CueEvent, cue).inserted == 1
    again = a.insert_idempotent(CueEvent, cue)
    assert again.inserted == 0 and again.ids == [None]
    samples = [{"show_id": show, "metric": "online", "ts": 100.0 + i, "value": i} for i in range(5)]
    assert a.write_rows(MetricSample, samples).inserted == 5
    assert a.write_rows(MetricSample, samples).inserted == 0
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(CueEvent)) == 1
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 5


def test_outbox_survives_a_server_restart_and_flushes_exactly_once(
    pg_cluster: PgCluster,
    pg_url: str,
) -> None:
    """Server stopped mid-show: writes queue locally, the banner state says so, and after the
    restart every queued cue, incident (with history) and sample is stored exactly once."""
    store = Store.open(pg_url, station="controller")
    states = []
    store.on_link_change(states.append)
    try:
        show = create_show(store, "Live")
        store.insert_idempotent(CueEvent, _cue(show, "start"))
        pg_cluster.stop()
        queued = []
        for n in range(5):
            queued.append(store.insert_idempotent(CueEvent, _cue(show, "next", n)))
        inc = store.insert_idempotent(
            Incident,
            {"show_id": show, "at": utcnow(), "category": "tech", "text": "encoder froze"},
            children={IncidentHistory: [{"who": "controller", "field": "created"}]},
        )
        samples = [
            {"show_id": show, "metric": "online", "ts": float(t), "value": t} for t in range(30)
        ]
        store.write_rows(MetricSample, samples)
        store.write_rows(MetricSample, samples[:10])  # a retried batch
        store.insert_idempotent(DeviceCheck, {"kind": "mic", "status": "pass", "show_id": show})
        assert all(r.queued for r in [*queued, inc])
        assert store.outbox_size() == 9
        assert not store.link_status.online and store.link_status.queued == 9
        assert any(not s.online and s.queued for s in states)
        pg_cluster.start()
        assert wait_for(lambda: store.outbox_size() == 0 and store.link_status.online, 20)
        # A second replay of the same rows (as after a crash before the outbox commit) is a no-op.
        store.insert_idempotent(CueEvent, {**_cue(show), "uid": queued[0].uids[0]})
        with store.session() as s:
            assert s.scalar(select(func.count()).select_from(CueEvent)) == 6
            assert s.scalar(select(func.count()).select_from(MetricSample)) == 30
            assert s.scalar(select(func.count()).select_from(DeviceCheck)) == 1
            incident = s.scalars(select(Incident)).one()
            assert incident.uid == inc.uids[0] and incident.text == "encoder froze"
            assert [h.field for h in incident.history] == ["created"]
            order = [
                (e.action, e.cue_index) for e in s.scalars(select(CueEvent).order_by(CueEvent.id))
            ]
        # In the order they were queued (ids follow insertion order).
        assert order == [("start", 0)] + [("next", n) for n in range(5)]
        assert states[-1].online and states[-1].queued == 0
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
        store.close()


def test_refused_outbox_entry_is_kept_aside_and_does_not_block_the_rest(pg_url):
    """An entry the database refuses for good (its show was deleted) moves to `rejected`."""
    store = Store.open(pg_url, station="controller", sync=False)
    try:
        show = create_show(store, "Live")
        store.link.update(online=False, error="test")  # as if the link had just dropped
        store.insert_idempotent(CueEvent, _cue(show, "next", 1))
        store.insert_idempotent(CueEvent, _cue(987654, "next", 2))  # no such show
        store.insert_idempotent(CueEvent, _cue(show, "next", 3))
        assert store.flush_outbox() == 3
        with store.session() as s:
            assert sorted(s.scalars(select(CueEvent.cue_index))) == [1, 3]
        assert store.outbox is not None
        [(entry, reason)] = store.outbox.rejected()
        assert entry["rows"][0]["show_id"] == 987654 and "foreign key" in reason
    finally:
        store.close()


def test_password_comes_from_the_environment_and_never_shows(pg_url, caplog, monkeypatch):
    """The password (from STUDIO_DB_PASSWORD) opens the database; no message or log shows it."""
    caplog.set_level(logging.DEBUG)
    store = Store.open(pg_url, station="tech")
    try:
        assert PASSWORD not in store.url and "@127.0.0.1" in store.url
    finally:
        store.close()
    monkeypatch.setenv("STUDIO_DB_PASSWORD", "wrong-" + PASSWORD)
    from studio.store.engine import StoreError

    with pytest.raises(StoreError) as err:
        Store.open(pg_url)
    assert "password authentication failed" in str(err.value)
    assert PASSWORD not in str(err.value) and err.value.__cause__ is None
    assert PASSWORD not in caplog.text


def test_sslmode_is_passed_to_libpq(pg_url):
    """`?sslmode=disable` in the URL reaches the connection (the test server has no TLS)."""
    store = Store.open(pg_url + "?sslmode=disable", station="tech")
    try:
        with store.session() as s:
            assert (
                s.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
                is False
            )
    finally:
        store.close()
    from studio.store.engine import StoreError

    with pytest.raises(StoreError, match="SSL"):
        Store.open(pg_url + "?sslmode=require")


def test_lease_acquire_renew_takeover_release(two_stores):
    """One owner at a time; takeover only from a stale owner; who drives is queryable."""
    a, b = two_stores
    show = create_show(a, "Live")
    t = [1000.0]
    clock = lambda: t[0]  # noqa: E731
    assert lease.holder(a, show) is None
    assert lease.acquire(a, show, clock=clock).station == "controller"
    with pytest.raises(lease.LeaseHeld):
        lease.acquire(b, show, clock=clock)
    t[0] += 5
    with pytest.raises(lease.LeaseHeld, match="alive"):
        lease.takeover(b, show, stale_after=15, clock=clock)
    assert lease.renew(a, show, clock=clock)
    t[0] += 16
    info = lease.holder(b, show, stale_after=15, clock=clock)
    assert info is not None and info.station == "controller" and info.stale
    assert lease.takeover(b, show, stale_after=15, clock=clock).station == "anchor"
    assert not lease.renew(a, show, clock=clock)  # the old owner learns it lost the show
    assert not lease.release(a, show)
    assert lease.release(b, show)
    assert lease.holder(a, show) is None
