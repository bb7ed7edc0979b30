"""Acceptance: two stations in separate processes on one real PostgreSQL server."""
# ruff: noqa: F811  (pytest fixtures imported from pg_cluster are parameters by design)

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_cluster import PgCluster, pg_cluster, pg_url  # noqa: F401
from sqlalchemy import func, select
from sync_station import Station

from studio.store.models import CueEvent, Incident, IncidentHistory, MetricSample
from studio.store.shows import create_show
from studio.store.store import Store

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def stations(
    pg_url: str,
    pg_cluster: PgCluster,
    tmp_path: Path,
) -> Iterator[tuple[Station, Station, int]]:
    setup = Store.open(pg_url, sync=False)
    show = create_show(setup, "Double 11 warm-up")
    setup.close()
    env = pg_cluster.env()
    controller = Station(pg_url, "controller", tmp_path / "controller", env)
    anchor = Station(pg_url, "anchor", tmp_path / "anchor", env)
    try:
        yield controller, anchor, show
    finally:
        controller.quit()
        anchor.quit()


def _count(url: str, model: type) -> int:
    store = Store.open(url, sync=False)
    try:
        with store.session() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        store.close()


def test_cue_transition_on_the_controller_shows_on_the_anchor(stations):
    """A cue transition written by the controller process reaches the anchor process."""
    controller, anchor, show = stations
    sent = controller.call(op="cue", show_id=show, action="next", n=3)
    assert not sent["queued"]
    got = anchor.expect(lambda e: e["ev"] == "change" and e["t"] == "cue_event", timeout=5)
    assert got["s"] == show and got["st"] == "controller"
    print(f"cue transition latency: {(got['t_recv'] - sent['t_sent']) * 1000:.1f} ms")


def test_incident_logged_on_the_anchor_shows_on_the_controller(stations, pg_url):
    """An incident (with its history row) logged by the anchor reaches the controller."""
    controller, anchor, show = stations
    sent = anchor.call(op="incident", show_id=show, text="主播麦克风没声音")
    got = controller.expect(lambda e: e["ev"] == "change" and e["t"] == "incident", timeout=5)
    assert got["r"] == sent["ids"][0] and got["st"] == "anchor"
    store = Store.open(pg_url, sync=False)
    try:
        with store.session() as s:
            inc = s.get(Incident, got["r"])
            assert inc is not None and inc.text == "主播麦克风没声音"
            assert [h.field for h in inc.history] == ["created"]
    finally:
        store.close()


def test_server_stopped_mid_show_every_queued_change_arrives_once(
    stations,
    pg_cluster: PgCluster,
    pg_url: str,
):
    """PostgreSQL stops mid-show: both stations queue; after the restart every queued cue,
    incident and metric sample is stored exactly once and the other station hears of them."""
    controller, anchor, show = stations
    controller.call(op="cue", show_id=show, action="start", n=0)
    anchor.expect(lambda e: e["ev"] == "change" and e["t"] == "cue_event")
    pg_cluster.stop()
    try:
        for n in range(1, 6):
            assert controller.call(op="cue", show_id=show, n=n)["queued"]
        for ts in range(20):
            assert controller.call(op="samples", show_id=show, ts=1000 + ts, metrics=15)["queued"]
        assert controller.call(op="samples", show_id=show, ts=1005, metrics=15)["queued"]  # resent
        assert anchor.call(op="incident", show_id=show, text="network down")["queued"]
        assert controller.call(op="status") == {"ev": "status", "online": False, "queued": 26}
    finally:
        pg_cluster.start()
    deadline = time.monotonic() + 30
    while controller.call(op="status")["queued"] or anchor.call(op="status")["queued"]:
        assert time.monotonic() < deadline, "outboxes not flushed after the restart"
        time.sleep(0.2)
    anchor.expect(lambda e: e["ev"] == "change" and e["t"] == "metric_sample", timeout=10)
    controller.expect(lambda e: e["ev"] == "change" and e["t"] == "incident", timeout=10)
    assert _count(pg_url, CueEvent) == 6
    assert _count(pg_url, MetricSample) == 20 * 15
    assert _count(pg_url, Incident) == 1
    assert _count(pg_url, IncidentHistory) == 1


def test_lease_takeover_after_the_owner_process_is_killed(stations):
    """The owner is SIGKILLed; the other controller sees it go stale and takes over."""
    controller, anchor, show = stations
    assert controller.call(op="lease_keep", show_id=show, interval=0.3)["station"] == "controller"
    held = anchor.call(op="lease_holder", show_id=show, stale_after=2.0)
    assert held == {"ev": "lease", "station": "controller", "stale": False}
    anchor.send(op="takeover", show_id=show, stale_after=2.0)
    with pytest.raises(RuntimeError, match="LeaseHeld"):  # the owner is alive: refused
        anchor.expect(lambda e: e["ev"] == "lease", timeout=10)
    controller.kill()
    deadline = time.monotonic() + 20
    while not anchor.call(op="lease_holder", show_id=show, stale_after=2.0)["stale"]:
        assert time.monotonic() < deadline
        time.sleep(0.3)
    assert anchor.call(op="takeover", show_id=show, stale_after=2.0)["station"] == "anchor"
    assert anchor.call(op="lease_holder", show_id=show, stale_after=2.0)["station"] == "anchor"
