"""The encoder link against a real OBS Studio (29, obs-websocket 5) under Xvfb.

One OBS serves the whole session (tests/obs_server.py); the kill test restarts it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator

import obs_server as harness
import pytest
from obs_server import TEXT_SOURCE, ObsServer, RtmpSink
from sqlalchemy import select

from studio.cli import main
from studio.incidents.auto import AutoIncidents
from studio.metrics.writer import MetricWriter
from studio.obs import config
from studio.obs.alarms import ShowState
from studio.obs.client import ObsClient, ObsConfig, ObsState
from studio.obs.cues import CueDirector
from studio.obs.obs_check import CHECKS, run_check
from studio.obs.poller import HealthPoller
from studio.runner.events import LiveRunner
from studio.runner.state import Plan
from studio.script.model import Cue, FlashSale, Script, Segment
from studio.script.store_io import save_script
from studio.store.models import Incident, MetricSample
from studio.store.store import Store

# The session's OBS fixtures, from the harness module.
obs_server = harness.obs_server
running_obs = harness.running_obs


def wait_for(cond: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def client(running_obs: ObsServer) -> Iterator[ObsClient]:
    c = ObsClient(ObsConfig("127.0.0.1", running_obs.port, running_obs.password)).start()
    assert c.wait_connected(10), c.message
    yield c
    c.stop()


def open_incident(store: Store, key: str) -> Incident | None:
    with store.session() as s:
        return s.scalars(
            select(Incident).where(Incident.condition_key == key).order_by(Incident.id.desc())
        ).first()


def test_wrong_password_gives_a_clear_message(running_obs: ObsServer) -> None:
    """A wrong password ends in auth_failed with a message that says so (and not the password)."""
    c = ObsClient(ObsConfig("127.0.0.1", running_obs.port, "not-the-password")).start()
    try:
        wait_for(lambda: c.state is ObsState.AUTH_FAILED, 10, "auth_failed")
        assert "refused the password" in c.message
        assert "not-the-password" not in c.message
        assert c.submit(lambda s: s.request("GetVersion")).exception() is not None
    finally:
        c.stop()


def test_entering_a_cue_switches_scene_and_sets_text(
    store: Store, running_obs: ObsServer, client: ObsClient
) -> None:
    """The runner entering cues with `obs` data switches the program scene and sets the text;
    a cue naming a missing scene is reported as an incident and does not hold up the runner."""
    script = Script(
        title="OBS cues",
        segments=(
            Segment(
                id="open",
                title="Opening",
                planned_seconds=60,
                cues=(Cue("Hello", obs={"scene": "Main"}),),
            ),
            Segment(
                id="sale",
                title="Flash sale",
                kind="flash_sale",
                planned_seconds=60,
                flash_sale=FlashSale(quantity=50, price_cents=9900),
                cues=(
                    Cue(
                        "Only 50 left!",
                        obs={"scene": "Flash sale", "texts": {TEXT_SOURCE: "¥99.00 · 50 left"}},
                    ),
                    Cue("Wrong scene", obs={"scene": "No such scene"}),
                ),
            ),
        ),
    )
    show_id = save_script(store, script)
    incidents = AutoIncidents(store, show_id)
    director = CueDirector(store, client, show_id, incidents=incidents).attach()
    try:
        runner = LiveRunner(store, show_id, Plan.from_script(script), time.time)
        runner.act("start")
        wait_for(lambda: len(director.results) >= 1, 10, "the opening cue's result")
        runner.act("next")
        wait_for(lambda: len(director.results) >= 2, 10, "the flash-sale cue's result")
        assert director.results[1].ok, director.results[1].message
        scene = running_obs.request("GetCurrentProgramScene")["currentProgramSceneName"]
        assert scene == "Flash sale"
        text = running_obs.request("GetInputSettings", {"inputName": TEXT_SOURCE})
        assert text["inputSettings"]["text"] == "¥99.00 · 50 left"  # type: ignore[index]

        runner.act("next")
        wait_for(lambda: len(director.results) >= 3, 10, "the broken cue's result")
        bad = director.results[2]
        assert not bad.ok and "No such scene" in bad.message
        assert runner.snapshot().cue_index == 1  # the runner moved on regardless
        incident = wait_for(lambda: open_incident(store, "obs.cue_action"), 5, "cue incident")
        assert isinstance(incident, Incident) and "No such scene" in incident.text
    finally:
        director.detach()
        running_obs.request("SetCurrentProgramScene", {"sceneName": "Main"})


def test_health_lands_in_the_store_as_stream_metrics(
    store: Store, running_obs: ObsServer, client: ObsClient
) -> None:
    """Polls become stream_* rows of the show, measurements in value_real."""
    show_id = save_script(store, Script(title="Metrics", segments=()))
    writer = MetricWriter(store, flush_interval=0.05).start()
    poller = HealthPoller(
        client,
        writer=writer,
        show=lambda: ShowState(show_id, live=False),
        cfg={"poll_seconds": 0.3},
    ).start()
    try:
        wait_for(lambda: poller.polls >= 3 and poller.rows_written > 0, 15, "three polls")
    finally:
        poller.stop()
        writer.stop()
    with store.session() as s:
        rows = s.scalars(select(MetricSample).where(MetricSample.show_id == show_id)).all()
    names = {r.metric for r in rows}
    assert {"stream_fps", "stream_render_ms", "stream_disk_free_gb", "stream_live"} <= names
    assert all(r.metric.startswith("stream_") and r.source == "obs" for r in rows)
    assert all(r.value is None and r.value_real is not None for r in rows)
    fps = [r.value_real for r in rows if r.metric == "stream_fps"]
    assert max(fps) > 0  # type: ignore[type-var]


@pytest.mark.slow
def test_congested_stream_raises_the_dropped_frames_incident(
    store: Store, running_obs: ObsServer, client: ObsClient
) -> None:
    """Pausing the RTMP sink congests OBS's upload: dropped frames become an open incident."""
    sink = RtmpSink()
    sink.start()
    show_id = save_script(store, Script(title="Congestion", segments=()))
    incidents = AutoIncidents(store, show_id)
    poller = HealthPoller(client, incidents=incidents, show=lambda: ShowState(show_id, live=True))
    try:
        running_obs.prepare_scenes(sink.url)
        client.call("StartStream")
        wait_for(
            lambda: client.call("GetStreamStatus")["outputBytes"] > 0, 10, "the stream to flow"
        )
        poller.start()
        sink.pause()
        incident = wait_for(
            lambda: open_incident(store, "obs.dropped_frames"), 30, "the dropped-frames incident"
        )
        assert isinstance(incident, Incident)
        assert incident.status == "open" and incident.category == "technical"
        assert "Dropped frames" in incident.text and "network" in incident.text
    finally:
        poller.stop()
        sink.resume()
        if client.connected:
            client.call("StopStream", timeout=10)
        sink.stop()


@pytest.mark.slow
def test_killing_obs_raises_the_connection_alarm_and_the_link_recovers(
    store: Store, running_obs: ObsServer, client: ObsClient
) -> None:
    """OBS killed: the connection incident opens; OBS back: the client reconnects by itself and
    the incident is mitigated."""
    show_id = save_script(store, Script(title="Crash", segments=()))
    incidents = AutoIncidents(store, show_id)
    poller = HealthPoller(
        client, incidents=incidents, show=lambda: ShowState(show_id, live=True, rehearsal=True)
    ).start()
    try:
        wait_for(lambda: poller.polls >= 1, 5, "a first poll")
        killed_at = time.monotonic()
        running_obs.kill()
        incident = wait_for(
            lambda: open_incident(store, "obs.connection"), 10, "the connection incident"
        )
        latency = time.monotonic() - killed_at
        print(f"connection incident {latency:.2f} s after OBS was killed")
        assert isinstance(incident, Incident) and incident.severity == 1
        assert "Lost the connection to OBS" in incident.text
        running_obs.start()
        assert client.wait_connected(20), client.message
        mitigated = wait_for(
            lambda: (i := open_incident(store, "obs.connection")) and i.status == "mitigated",
            10,
            "the incident to be mitigated",
        )
        assert mitigated
    finally:
        poller.stop()
        if not running_obs.running:
            running_obs.start()
        running_obs.prepare_scenes()


def test_preshow_check_against_real_obs(running_obs: ObsServer, client: ObsClient) -> None:
    """Every finding is there; the moving program passes black/frozen; the key stays hidden."""
    running_obs.request(
        "SetStreamServiceSettings",
        {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {
                "server": "rtmp://push.example.com/live/token-in-path",
                "key": "secret-key-123",
            },
        },
    )
    result = run_check(
        client,
        {"expected_width": 640, "expected_height": 360, "screenshots": 3},
    )
    by = {f.check: f for f in result.findings}
    assert tuple(by) == CHECKS
    assert by["reachable"].status == "pass" and "29." in by["reachable"].message
    assert by["output_format"].status == "pass"
    assert by["program_black"].status == "pass"
    assert by["program_frozen"].status == "pass"
    assert by["disk"].status == "pass"
    assert by["stream_configured"].status == "pass"
    text = json.dumps(result.as_json())
    assert "secret-key-123" not in text and "token-in-path" not in text
    assert "rtmp://push.example.com" in text


def test_check_and_status_commands(
    db_url: str, running_obs: ObsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """`studio check obs --json` is saved as an "obs" DeviceCheck; `studio obs status --json`
    reports the connection; a wrong password exits 2 with the reason on stderr."""
    config.save("127.0.0.1", running_obs.port, running_obs.password)
    code = main(["--db", db_url, "check", "obs", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and out["kind"] == "obs" and out["check_id"] >= 1
    assert [f["check"] for f in out["findings"]] == list(CHECKS)
    assert main(["obs", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["state"] == "connected" and status["streaming"] in ("live", "stopped")
    assert "fps" in status and "skipped_pct" in status and "congestion_pct" in status
    config.save("127.0.0.1", running_obs.port, "wrong")
    assert main(["obs", "status"]) == 2
    err = capsys.readouterr().err
    assert "refused the password" in err and "wrong" not in err.replace("wrong password", "")
