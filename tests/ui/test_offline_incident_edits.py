"""Edits of incidents (mitigate, resolve, notes...) made while the shared database is away are
queued in the station's outbox and applied exactly once, with their own times, when it is back.
"""

# ruff: noqa: F811  (pytest fixtures imported from pg_cluster are parameters by design)
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pg_cluster import PgCluster, pg_cluster, pg_url, wait_for  # noqa: F401
from PySide6.QtCore import QSettings
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from studio.incidents.log import get_incident, history, quick_log, update
from studio.profile import Profile
from studio.store.changes import Change
from studio.store.models import Incident, IncidentHistory
from studio.store.shows import create_show
from studio.store.store import Store
from studio.store.sync import writes
from studio.store.sync.outbox import Outbox
from studio.store.sync.writes import SyncWriter

T0 = datetime(2026, 11, 11, 20, 0, tzinfo=UTC)
T1 = T0 + timedelta(minutes=2)
T2 = T0 + timedelta(minutes=9)


@pytest.fixture
def station(store: Store, tmp_path: Path) -> Store:
    """The SQLite store with an outbox, as a station on a shared database has one: real files
    on both sides, and a link the test can cut by marking it offline."""
    store.outbox = Outbox(tmp_path / "outbox.sqlite")
    store.sync_writer = SyncWriter(store, store.outbox, store.link)
    return store


def offline_incident(store: Store, show: int, text: str) -> str:
    """An incident created while offline (what quick_log queues), returning its uid."""
    r = store.insert_idempotent(
        Incident,
        {"show_id": show, "at": T0, "category": "technical", "text": text},
        children={IncidentHistory: [{"at": T0, "who": "tech", "field": "created"}]},
    )
    assert r.queued
    return r.uids[0]


def queued_entries(box: Outbox) -> list[dict[str, Any]]:
    with sqlite3.connect(box.path) as conn:
        return [json.loads(e) for (e,) in conn.execute("SELECT entry FROM outbox ORDER BY seq")]


def incident_by_uid(store: Store, uid: str) -> Incident | None:
    with store.session() as s:
        return s.scalars(select(Incident).where(Incident.uid == uid)).first()


def history_count(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(IncidentHistory)) or 0)


def test_offline_mitigate_and_resolve_apply_once_with_their_own_times(station: Store) -> None:
    """Edits of an incident made online and of one made offline wait in the outbox; the flush
    applies them with the edit times, and replaying the same entries again changes nothing."""
    show = create_show(station, "Live")
    online_id = quick_log(station, show, "product", at=T0, who="controller")
    assert online_id is not None
    created = get_incident(station, online_id)
    online_uid = created.uid
    station.link.update(online=False, error="test: link cut")
    offline_uid = offline_incident(station, show, "encoder froze")

    for uid, incident_id in ((online_uid, online_id), (offline_uid, None)):
        assert update(station, incident_id, incident_uid=uid, status="mitigated", at=T1) is None
        assert update(station, incident_id, incident_uid=uid, status="resolved", at=T2) is None
    # Known by id only: the uid is looked up (the SQLite file is still readable).
    assert update(station, online_id, who="tech", note="switched to backup", at=T2) is None

    assert station.outbox_size() == 6 and station.link_status.queued == 6
    assert get_incident(station, online_id).status == "open"
    assert [h.field for h in history(station, online_id)] == ["created"]
    assert incident_by_uid(station, offline_uid) is None
    assert station.outbox is not None
    entries = queued_entries(station.outbox)

    seen: list[Change] = []
    station.bus.subscribe(seen.append)
    station.link.update(online=True)
    assert station.flush_outbox() == 6
    assert station.outbox_size() == 0 and station.link_status.queued == 0

    done = get_incident(station, online_id)
    assert (done.status, done.mitigated_at, done.resolved_at) == ("resolved", T1, T2)
    assert done.action_taken == "switched to backup"
    assert created.updated_at is not None and done.updated_at == max(T2, created.updated_at)
    assert [(h.field, h.at) for h in history(station, online_id)][1:] == [
        ("mitigated_at", T1),
        ("status", T1),
        ("resolved_at", T2),
        ("status", T2),
        ("action_taken", T2),
    ]
    made = incident_by_uid(station, offline_uid)
    assert made is not None
    assert (made.status, made.mitigated_at, made.resolved_at) == ("resolved", T1, T2)
    assert [h.field for h in history(station, made.id)] == [
        "created",
        "mitigated_at",
        "status",
        "resolved_at",
        "status",
    ]
    assert {c.row_id for c in seen if c.table == "incident"} == {online_id, made.id}

    rows = history_count(station)
    station.outbox.put(entries)  # as after a crash between the commit and emptying the outbox
    assert station.flush_outbox() == 6
    assert station.flush_outbox() == 0
    assert history_count(station) == rows
    assert get_incident(station, online_id).action_taken == "switched to backup"


def test_online_edits_mark_their_history_and_wait_behind_queued_writes(station: Store) -> None:
    """Online, an edit is written at once (its history rows carry its op id); while older
    writes still wait in the outbox, a new edit queues behind them instead of overtaking."""
    show = create_show(station, "Live")
    iid = quick_log(station, show, "anchor", at=T0)
    assert iid is not None
    view = update(station, iid, status="mitigated", owner=" anchor ", at=T1)
    assert view is not None and view.status == "mitigated" and view.owner == "anchor"
    with station.session() as s:
        ops = {h.field: h.op for h in s.scalars(select(IncidentHistory))}
    assert ops["created"] is None
    assert ops["status"] is not None and len({ops["status"], ops["owner"]}) == 1

    station.link.update(online=False)
    uid = offline_incident(station, show, "no sound")
    station.link.update(online=True)  # back, but the incident above is not flushed yet
    assert update(station, None, incident_uid=uid, status="resolved", at=T2) is None
    assert station.flush_outbox() == 2
    made = incident_by_uid(station, uid)
    assert made is not None and made.status == "resolved" and made.resolved_at == T2


def test_edit_of_an_unknown_incident_is_rejected_and_the_rest_applies(station: Store) -> None:
    """An edit whose incident never reached the database, or a damaged entry, is kept aside
    with the reason; the edits queued around it are applied."""
    show = create_show(station, "Live")
    iid = quick_log(station, show, "technical", at=T0)
    assert iid is not None
    uid = get_incident(station, iid).uid
    station.link.update(online=False)
    update(station, iid, incident_uid=uid, status="mitigated", at=T1)
    update(station, None, incident_uid="f" * 32, status="resolved", at=T1)
    assert station.outbox is not None
    station.outbox.put([{"op": "incident_update", "args": {"incident": uid, "at": 5}}])
    update(station, iid, incident_uid=uid, impact="3 minutes without picture", at=T2)
    station.link.update(online=True)

    assert station.flush_outbox() == 4
    inc = get_incident(station, iid)
    assert inc.status == "mitigated" and inc.impact == "3 minutes without picture"
    reasons = [reason for _, reason in station.outbox.rejected()]
    assert len(reasons) == 2
    assert f"no incident with uid {'f' * 32}" in reasons[0]
    assert "malformed" in reasons[1]


def test_an_edit_nobody_here_can_replay_stays_queued(
    station: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry of a kind this process has no replay for (its module not imported) is neither
    dropped nor rejected: it and everything behind it wait for a process that can apply it."""
    show = create_show(station, "Live")
    assert station.outbox is not None
    station.link.update(online=False)
    station.outbox.put([{"op": "camera_rename", "args": {"name": "CAM 2"}}])
    uid = offline_incident(station, show, "behind the unknown edit")
    station.link.update(online=True)

    assert station.flush_outbox() == 0
    assert station.outbox_size() == 2 and station.link_status.queued == 2
    assert station.outbox.rejected() == [] and incident_by_uid(station, uid) is None

    applied: list[dict[str, Any]] = []
    monkeypatch.setitem(writes._REPLAYS, "camera_rename", lambda s, a, rc: applied.append(a) or [])
    assert station.flush_outbox() == 2
    assert applied == [{"name": "CAM 2"}] and incident_by_uid(station, uid) is not None


@pytest.fixture
def make_panel(qtbot, station: Store, tmp_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from studio.ui.common.context import AppContext, StoreSignals
    from studio.ui.incidents.panel import IncidentsPanel

    made: list[tuple[IncidentsPanel, StoreSignals]] = []

    def make(show_id: int) -> IncidentsPanel:
        signals = StoreSignals(station)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(
            store=station, profile=Profile(), settings=settings, signals=signals, show_id=show_id
        )
        panel = IncidentsPanel(ctx)
        made.append((panel, signals))
        return panel

    yield make
    for panel, signals in made:
        panel.shutdown()
        signals.close()
        if shiboken6.isValid(panel) and panel.parent() is None:
            panel.close()
            panel.deleteLater()


def test_panel_says_an_offline_resolve_is_queued(qtbot, station: Store, make_panel) -> None:
    """R on a row while the database is away: the panel says the change waits for the link,
    and the incident is resolved once the outbox is flushed."""
    show = create_show(station, "Live")
    iid = quick_log(station, show, "technical", at=T0)
    panel = make_panel(show)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    station.link.update(online=False)
    panel.set_status("resolved")
    qtbot.waitUntil(lambda: "changed offline" in panel.message.text(), timeout=5000)
    assert get_incident(station, iid).status == "open" and station.outbox_size() == 1
    station.link.update(online=True)
    station.flush_outbox()
    assert get_incident(station, iid).status == "resolved"


@pytest.mark.postgres
def test_resolve_during_a_server_outage_arrives_once(pg_cluster: PgCluster, pg_url: str) -> None:
    """Server stopped mid-show: resolving an incident (the failed write queues it) and
    mitigating one logged during the outage are stored once after the restart; another
    station hears about the resolve."""
    store = Store.open(pg_url, station="controller", sync=False)
    other = Store.open(pg_url, station="anchor")
    heard: list[Change] = []
    other.bus.subscribe(heard.append)
    try:
        show = create_show(store, "Live")
        iid = quick_log(store, show, "technical", at=T0, who="controller")
        assert iid is not None
        uid = get_incident(store, iid).uid
        assert wait_for(lambda: any(c.remote and c.row_id == iid for c in heard))
        heard.clear()
        pg_cluster.stop()
        # The link still looks up (no sync thread noticed): the write fails, then queues.
        assert store.link_status.online
        resolve = {"status": "resolved", "note": "restarted the encoder", "at": T1}
        assert update(store, iid, incident_uid=uid, **resolve) is None
        assert not store.link_status.online and store.outbox_size() == 1
        with pytest.raises(OperationalError):
            update(store, iid, note="by id only")  # its uid cannot be looked up offline
        offline_uid = offline_incident(store, show, "no sound")
        assert update(store, None, incident_uid=offline_uid, status="mitigated", at=T2) is None
        assert store.outbox is not None
        entries = queued_entries(store.outbox)
        assert len(entries) == 3
        pg_cluster.start()

        assert store.flush_outbox() == 3
        store.outbox.put(entries)  # replayed a second time: nothing more is written
        assert store.flush_outbox() == 3
        inc = get_incident(store, iid)
        assert (inc.status, inc.mitigated_at, inc.resolved_at) == ("resolved", T1, T1)
        assert [h.field for h in history(store, iid)] == [
            "created",
            "mitigated_at",
            "resolved_at",
            "status",
            "action_taken",
        ]
        assert inc.action_taken == "restarted the encoder"
        made = incident_by_uid(store, offline_uid)
        assert made is not None and (made.status, made.mitigated_at) == ("mitigated", T2)
        assert history_count(store) == 5 + 3
        assert store.outbox.rejected() == []
        assert wait_for(
            lambda: any(c.remote and c.table == "incident" and c.row_id == iid for c in heard)
        )
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
        other.close()
        store.close()
