"""The app's own writers keep the show going when the shared database goes away.

Runner transitions, quick-logged incidents, device checks and metric batches are queued in the
station's outbox while PostgreSQL is down and arrive exactly once when it is back.
"""

# ruff: noqa: F811  (pytest fixtures imported from pg_cluster are parameters by design)
from __future__ import annotations

import time

from pg_cluster import PgCluster, pg_cluster, pg_url, wait_for  # noqa: F401
from sqlalchemy import func, select

from studio.demo import demo_script_path
from studio.devices.checks_store import save_check
from studio.devices.findings import Finding
from studio.incidents.log import quick_log
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.runner.events import LiveRunner
from studio.runner.recovery import rebuild_runner
from studio.script.store_io import create_show_from_script_file
from studio.store.models import CueEvent, DeviceCheck, Incident, MetricSample
from studio.store.store import Store


def count(store: Store, model: type) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_show_goes_on_while_postgres_is_down(pg_cluster: PgCluster, pg_url: str) -> None:
    """Cues, an incident, a check and metrics written offline are stored once after restart."""
    store = Store.open(pg_url, station="controller@test")
    try:
        show_id = create_show_from_script_file(store, demo_script_path())
        runner: LiveRunner = rebuild_runner(store, show_id, time.time)
        runner.act("start")
        pg_cluster.stop()
        for _ in range(3):
            assert runner.act("next") is not None  # the runner moves on with the server away
        assert quick_log(store, show_id, "technical", text="推流卡顿") is None  # queued: no id yet
        assert save_check(store, "mic", "pulse", {}, [Finding("signal", "pass", "ok")]) is None
        now = time.time()
        rows = [make_row(show_id, "sim", "orders", now + i, i) for i in range(50)]
        assert write_samples(store, rows) == 0
        assert write_samples(store, rows[:10]) == 0  # a retried batch
        assert store.outbox_size() >= 6
        pg_cluster.start()
        assert wait_for(lambda: store.outbox_size() == 0 and store.link_status.online, 30)
        assert count(store, CueEvent) == 4
        assert count(store, Incident) == 1
        assert count(store, DeviceCheck) == 1
        assert count(store, MetricSample) == 50
        replayed = rebuild_runner(store, show_id, time.time, record=False)
        assert replayed.snapshot().cue_index == runner.snapshot().cue_index
        assert replayed.snapshot().segment_index == runner.snapshot().segment_index
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
        store.close()
