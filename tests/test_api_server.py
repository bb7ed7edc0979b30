"""The remote-control server: every endpoint with good and bad input (nothing written on a
refused call), the rundown lease across two stations, the token beyond loopback, WebSocket
pushes, OSC both ways, the connection cap and `studio serve`."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from studio.api.server import ApiServer, ServerConfig
from studio.demo import demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.store.models import CueEvent, Incident, ProductEvent
from studio.store.store import Store

TOKEN = "t" * 40


def _count(store: Store, model: Any) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def call(
    srv: ApiServer,
    method: str,
    path: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
) -> tuple[int, Any]:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=20)
    h = dict(headers or {})
    data = raw
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    conn.request(method, path, body=data, headers=h)
    resp = conn.getresponse()
    text = resp.read()
    conn.close()
    try:
        return resp.status, json.loads(text or b"{}")
    except ValueError:
        return resp.status, text.decode("utf-8", "replace")


def wait_for(check: Callable[[], bool], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


@pytest.fixture
def show(store: Store) -> int:
    return create_show_from_script_file(store, demo_script_path())


@pytest.fixture
def server(store: Store, show: int) -> Iterator[ApiServer]:
    srv = ApiServer(store, show, ServerConfig(port=0, token=TOKEN)).start()
    yield srv
    srv.stop()


def test_status_reads_the_runner_products_and_metrics(server: ApiServer, store: Store) -> None:
    """GET /status: show, runner position and cue text, next cue, driver; after start the
    segment and remaining time follow the runner."""
    code, st = call(server, "GET", "/api/v1/status")
    assert code == 200
    assert st["show"]["id"] == server.show_id and st["show"]["title"]
    assert st["runner"]["state"] == "ready" and st["runner"]["segment"]["index"] == 0
    assert st["driver"]["station"] == store.station and st["driver"]["here"] is True
    assert set(st["metrics"]) == {"gmv_cents", "gmv_target_cents", "online_viewers", "orders"}
    assert call(server, "POST", "/api/v1/rundown/start")[0] == 200
    code, st = call(server, "GET", "/api/v1/status")
    seg0 = server.rundown.script.segments[0] if server.rundown else None
    assert seg0 is not None
    assert st["runner"]["state"] == "running"
    assert st["runner"]["cue"]["text"] == (seg0.cues[0].text if seg0.cues else seg0.title)
    assert st["runner"]["remaining_s"] <= seg0.planned_seconds
    assert st["runner"]["next"] is not None


def test_rundown_actions_store_cue_events(server: ApiServer, store: Store) -> None:
    """start, next, previous, hold, resume, jump (by index and by key) each store a CueEvent."""
    script = server.rundown.script if server.rundown else None
    assert script is not None
    steps: list[tuple[str, Any]] = [
        ("start", None),
        ("next", None),
        ("previous", None),
        ("hold", None),
        ("resume", None),
        ("jump", {"segment": 2}),
        ("jump", {"segment": script.segments[1].id}),
    ]
    for n, (action, body) in enumerate(steps, start=1):
        code, data = call(server, "POST", f"/api/v1/rundown/{action}", body)
        assert code == 200 and data["moved"] is True, (action, data)
        assert _count(store, CueEvent) == n
    assert data["runner"]["segment"]["index"] == 1
    # An action that does not apply (resume while running) moves nothing and stores nothing.
    code, data = call(server, "POST", "/api/v1/rundown/resume")
    assert code == 200 and data["moved"] is False and _count(store, CueEvent) == len(steps)


@pytest.mark.parametrize(
    ("path", "body", "raw", "headers", "status"),
    [
        ("/api/v1/rundown/jump", None, None, None, 400),  # no segment
        ("/api/v1/rundown/jump", {"segment": 99}, None, None, 400),
        ("/api/v1/rundown/jump", {"segment": "no-such-key"}, None, None, 400),
        ("/api/v1/rundown/jump", {"segment": True}, None, None, 400),
        ("/api/v1/rundown/jump", {"segment": [1]}, None, None, 400),
        ("/api/v1/rundown/fly", None, None, None, 404),
        ("/api/v1/rundown/next", None, b"{not json", {"Content-Type": "application/json"}, 400),
        ("/api/v1/rundown/next", None, b"[1, 2]", {"Content-Type": "application/json"}, 400),
        ("/api/v1/rundown/next", None, b'{"a": 1}', {"Content-Type": "text/plain"}, 415),
        ("/api/v1/rundown/next", None, b"x" * 70_000, None, 413),
        ("/api/v1/rundown/next", None, b"\xff\xfe", {"Content-Type": "application/json"}, 400),
        ("/api/v1/rundown/next", {}, None, {"Origin": "http://evil.example"}, 403),
    ],
)
def test_bad_rundown_calls_are_refused_and_store_nothing(
    server: ApiServer,
    store: Store,
    path: str,
    body: Any,
    raw: bytes | None,
    headers: dict[str, str] | None,
    status: int,
) -> None:
    """Each bad rundown call gets its status and a reason; no CueEvent is written."""
    assert call(server, "POST", "/api/v1/rundown/start")[0] == 200
    code, data = call(server, "POST", path, body, headers, raw)
    assert code == status and data["error"]
    assert _count(store, CueEvent) == 1


def test_incident_is_logged_at_the_runner_position(server: ApiServer, store: Store) -> None:
    """POST /incidents with category, severity and text stores one incident where the show is."""
    call(server, "POST", "/api/v1/rundown/start")
    code, data = call(
        server,
        "POST",
        "/api/v1/incidents",
        {"category": "technical", "severity": 1, "text": "卡顿"},
    )
    assert code == 201 and isinstance(data["id"], int)
    with store.session() as s:
        inc = s.get(Incident, data["id"])
        assert inc is not None
        assert (inc.category, inc.severity, inc.text) == ("technical", 1, "卡顿")
        assert inc.segment_key == server.rundown.script.segments[0].id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"category": "weather"},
        {"category": "technical", "severity": 7},
        {"category": "technical", "severity": "high"},
        {"category": "technical", "text": 42},
        {"category": "technical", "text": "x" * 3000},
        {"category": ["technical"]},
    ],
)
def test_bad_incidents_are_refused(server: ApiServer, store: Store, body: dict[str, Any]) -> None:
    """An incident with a bad category, severity or text is 400 with a reason; none is stored."""
    code, data = call(server, "POST", "/api/v1/incidents", body)
    assert code == 400 and data["error"]
    assert _count(store, Incident) == 0


def test_present_a_product(server: ApiServer, store: Store) -> None:
    """POST /products/{sku}/present makes it the presenting product (status shows it); an
    unknown SKU is 404 and writes nothing."""
    from studio.products.reader import derive_show
    from studio.timeutil import utcnow

    sku = derive_show(store, server.show_id, utcnow())[1].sku
    before = _count(store, ProductEvent)
    assert call(server, "POST", "/api/v1/products/NOPE-1/present")[0] == 404
    assert _count(store, ProductEvent) == before
    code, _ = call(server, "POST", f"/api/v1/products/{sku}/present")
    assert code == 200 and _count(store, ProductEvent) > before
    assert wait_for(
        lambda: (call(server, "GET", "/api/v1/status")[1]["product"] or {}).get("sku") == sku
    )
    product = call(server, "GET", "/api/v1/status")[1]["product"]
    assert product["effective_price_cents"] > 0 and "stock_left" in product


def test_messages_go_to_talkback(server: ApiServer, store: Store) -> None:
    """POST /messages sends a talkback message from `api`; empty text or a bad role is 400."""
    from studio.talkback import messages as talkback

    assert call(server, "POST", "/api/v1/messages", {"text": ""})[0] == 400
    assert call(server, "POST", "/api/v1/messages", {"text": "hi", "to": "moon"})[0] == 400
    assert call(server, "POST", "/api/v1/messages", {"text": "hi", "urgent": "yes"})[0] == 400
    assert talkback.list_messages(store, server.show_id) == []
    code, data = call(server, "POST", "/api/v1/messages", {"text": "讲一下尺码", "urgent": True})
    assert code == 201 and data["uid"]
    [msg] = talkback.list_messages(store, server.show_id)
    assert msg.text == "讲一下尺码" and msg.from_role == "api" and msg.urgent


def test_lease_is_respected_across_two_stations(db_url: str, show: int, store: Store) -> None:
    """The station that holds the lease drives; the other's server answers 409 naming the
    driver and stores nothing."""
    a = Store.open(db_url, station="controller@pc-a")
    b = Store.open(db_url, station="controller@pc-b")
    srv_a = ApiServer(a, show, ServerConfig(port=0, token=TOKEN)).start()
    srv_b = ApiServer(b, show, ServerConfig(port=0, token=TOKEN)).start()
    try:
        assert call(srv_a, "POST", "/api/v1/rundown/start")[0] == 200
        code, data = call(srv_b, "POST", "/api/v1/rundown/next")
        assert code == 409 and data["driver"] == "controller@pc-a" and "pc-a" in data["error"]
        assert _count(store, CueEvent) == 1
        assert call(srv_b, "GET", "/api/v1/status")[1]["driver"]["station"] == "controller@pc-a"
        assert call(srv_a, "POST", "/api/v1/rundown/next")[0] == 200
        assert _count(store, CueEvent) == 2
    finally:
        srv_b.stop()
        srv_a.stop()
        b.close()
        a.close()


def test_token_is_required_beyond_loopback(store: Store, show: int) -> None:
    """Listening on all interfaces, every route needs the token (header, ?token= or the
    cookie a view sets); on loopback /api/v1 does not, the ingest always does."""
    lan = ApiServer(store, show, ServerConfig(host="0.0.0.0", port=0, token=TOKEN)).start()
    try:
        assert call(lan, "GET", "/api/v1/status")[0] == 401
        assert (
            call(lan, "GET", "/api/v1/status", headers={"Authorization": "Bearer nope"})[0] == 401
        )
        assert call(lan, "POST", "/api/v1/rundown/start")[0] == 401
        assert _count(store, CueEvent) == 0
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert call(lan, "GET", "/api/v1/status", headers=auth)[0] == 200
        assert call(lan, "GET", f"/api/v1/status?token={TOKEN}")[0] == 200
        assert call(lan, "GET", "/view/timer")[0] == 401
        conn = http.client.HTTPConnection("127.0.0.1", lan.port, timeout=20)
        conn.request("GET", f"/view/timer?token={TOKEN}")
        resp = conn.getresponse()
        resp.read()
        cookie = resp.getheader("Set-Cookie") or ""
        conn.close()
        assert resp.status == 200 and "HttpOnly" in cookie and "SameSite=Strict" in cookie
        jar = {"Cookie": cookie.split(";")[0]}
        assert call(lan, "GET", "/api/v1/status", headers=jar)[0] == 200
    finally:
        lan.stop()
    local = ApiServer(store, show, ServerConfig(port=0, token=TOKEN)).start()
    try:
        assert call(local, "GET", "/api/v1/status")[0] == 200
        assert call(local, "POST", "/v1/samples", [{"ts": 1, "orders": 1}])[0] == 401
    finally:
        local.stop()


def test_websocket_clients_receive_a_cue_change(server: ApiServer) -> None:
    """A WebSocket client gets the status on connect and a `cue` event after POST next."""
    import aiohttp

    call(server, "POST", "/api/v1/rundown/start")

    async def run() -> list[dict[str, Any]]:
        got: list[dict[str, Any]] = []
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"http://127.0.0.1:{server.port}/api/v1/events") as ws,
        ):
            first = await asyncio.wait_for(ws.receive_json(), 15)
            got.append(first)
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, call, server, "POST", "/api/v1/rundown/next")
            deadline = loop.time() + 15
            while loop.time() < deadline:
                ev = await asyncio.wait_for(ws.receive_json(), 15)
                got.append(ev)
                if ev["type"] == "cue":
                    break
        return got

    events = asyncio.run(run())
    assert events[0]["type"] == "status" and events[0]["status"]["runner"]["state"] == "running"
    cue = events[-1]
    assert cue["type"] == "cue" and cue["runner"]["cue"]["index"] == 1


def test_osc_round_trip_on_loopback(store: Store, show: int) -> None:
    """/studio/next over UDP moves the rundown; feedback (cue text, remaining time) arrives
    at the configured address; /studio/incident logs one."""
    from pythonosc.osc_message import OscMessage
    from pythonosc.udp_client import SimpleUDPClient

    feedback = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    feedback.bind(("127.0.0.1", 0))
    feedback.settimeout(15)
    cfg = ServerConfig(
        port=0, token=TOKEN, osc_port=0, osc_feedback=("127.0.0.1", feedback.getsockname()[1])
    )
    srv = ApiServer(store, show, cfg).start()
    assert srv.osc_port
    client = SimpleUDPClient("127.0.0.1", srv.osc_port)
    try:
        call(srv, "POST", "/api/v1/rundown/start")
        client.send_message("/studio/next", [])
        assert wait_for(lambda: _count(store, CueEvent) == 2)
        snap_cue = call(srv, "GET", "/api/v1/status")[1]["runner"]["cue"]["text"]
        seen: dict[str, Any] = {}
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and seen.get("/studio/cue") != snap_cue:
            msg = OscMessage(feedback.recv(4096))
            seen[msg.address] = msg.params[0]
        assert seen["/studio/cue"] == snap_cue
        msg = OscMessage(feedback.recv(4096))  # the segment, then the remaining time follow
        while msg.address != "/studio/remaining":
            msg = OscMessage(feedback.recv(4096))
        assert ":" in msg.params[0]
        client.send_message("/studio/incident", ["product", 2])
        assert wait_for(lambda: _count(store, Incident) == 1)
        client.send_message("/studio/incident", ["weather", 2])  # refused, nothing logged
        client.send_message("/studio/hold", [])
        assert wait_for(lambda: _count(store, CueEvent) == 3)
        assert _count(store, Incident) == 1
    finally:
        client._sock.close()
        srv.stop()
        feedback.close()


def test_connections_are_capped_on_api_routes(store: Store, show: int) -> None:
    """Over the cap, the extra connection is answered 503 at once."""
    srv = ApiServer(store, show, ServerConfig(port=0, token=TOKEN, max_connections=2)).start()
    held = [socket.create_connection(("127.0.0.1", srv.port), timeout=10) for _ in range(2)]
    try:
        time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as extra:
            assert extra.recv(100).startswith(b"HTTP/1.1 503")
    finally:
        for sock in held:
            sock.close()
        srv.stop()
    assert srv.stats.get("refused_busy") == 1


def test_views_and_static_files(server: ApiServer) -> None:
    """The views and their files are served; unknown ones are 404."""
    for name in ("prompter", "timer", "controller", ""):
        code, html = call(server, "GET", f"/view/{name}?lang=zh")
        assert code == 200 and 'lang="zh"' in html
    assert call(server, "GET", "/view/static/strings.json")[0] == 200
    assert call(server, "GET", "/view/static/../server.py")[0] == 404
    assert call(server, "GET", "/view/nope")[0] == 404


def test_serve_command_runs_and_summarises(store: Store, db_url: str, show: int) -> None:
    """`studio serve` listens, answers /status, and prints a summary after SIGINT."""
    cmd = [sys.executable, "-m", "studio.cli", "--db", db_url, "serve", "--show", str(show)]
    proc = subprocess.Popen(
        [*cmd, "--port", "0"],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "listening on http://127.0.0.1:" in line, line
        port = int(line.split("127.0.0.1:")[1].split()[0].split("/")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        conn.request("GET", "/api/v1/status")
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "ok 1" in err and "Traceback" not in err


def test_serve_refuses_an_unknown_show(
    db_url: str, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown show is exit 1 with the reason; a bad feedback address is exit 2."""
    from studio.cli import main

    assert main(["--db", db_url, "serve", "--show", "999", "--port", "0"]) == 1
    assert "999" in capsys.readouterr().err
    code = main(["--db", db_url, "serve", "--show", "1", "--osc-feedback", "nohost"])
    assert code == 2


def test_viewer_events_ingest(server: ApiServer, store: Store) -> None:
    """POST /v1/events (JSON lines) stores viewer events once; a resend is duplicates; the
    token is required, another show's events and oversize bodies are refused."""
    from studio.store.audience_models import AudienceEvent as ViewerEvent

    assert call(server, "POST", "/api/v1/rundown/start")[0] == 200  # the show's window is now
    ts = int(time.time())
    lines = "\n".join(
        json.dumps({"ts": ts + i, "type": "chat", "id": f"c{i}", "user": "小美", "text": t})
        for i, t in enumerate(["这个多少钱", "有没有小样"])
    ).encode()
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"}
    assert call(server, "POST", "/v1/events", raw=lines)[0] == 401
    assert call(server, "POST", "/v1/events?show=999", raw=lines, headers=auth)[0] == 400
    assert _count(store, ViewerEvent) == 0
    code, data = call(server, "POST", "/v1/events", raw=lines, headers=auth)
    assert code == 200 and data["accepted"] == 2 and data["bad"] == []
    code, data = call(server, "POST", "/v1/events", raw=lines, headers=auth)
    assert code == 200 and data["duplicates"] == 2
    code, data = call(server, "POST", "/v1/events", raw=b"{oops\n", headers=auth)
    assert code == 200 and data["bad"][0]["line"] == 1
    assert _count(store, ViewerEvent) == 2


def test_websocket_pushes_incidents_and_metrics(server: ApiServer) -> None:
    """Store changes reach WebSocket clients: an incident logged through the API arrives as an
    `incident` event with the open count, samples as a `metrics` event with the new totals."""
    import aiohttp

    call(server, "POST", "/api/v1/rundown/start")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    sample = [{"ts": int(time.time()), "online_viewers": 777, "orders": 5}]

    async def run() -> dict[str, dict[str, Any]]:
        got: dict[str, dict[str, Any]] = {}
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"http://127.0.0.1:{server.port}/api/v1/events") as ws,
        ):
            await asyncio.wait_for(ws.receive_json(), 15)
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(
                None, call, server, "POST", "/api/v1/incidents", {"category": "anchor"}
            )
            await loop.run_in_executor(None, call, server, "POST", "/v1/samples", sample, auth)
            deadline = loop.time() + 20
            while loop.time() < deadline and not {"incident", "metrics"} <= set(got):
                ev = await asyncio.wait_for(ws.receive_json(), 20)
                if ev["type"] == "metrics" and ev["metrics"]["online_viewers"] != 777:
                    continue
                got[ev["type"]] = ev
        return got

    got = asyncio.run(run())
    assert got["incident"]["incidents"] == {"open": 1}
    assert got["metrics"]["metrics"]["online_viewers"] == 777


def test_slow_headers_are_cut_off(store: Store, show: int) -> None:
    """A client that trickles its request line and headers is disconnected once the read
    timeout passes without a whole request."""
    srv = ApiServer(store, show, ServerConfig(port=0, token=TOKEN, read_timeout=0.5)).start()
    try:
        with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as sock:
            start = time.monotonic()
            sock.sendall(b"GET /api/v1/status HTTP/1.1\r\n")
            closed = False
            for _ in range(40):
                time.sleep(0.1)
                try:
                    sock.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    closed = True
                    break
            if not closed:
                sock.settimeout(5)
                closed = sock.recv(100) == b""
            assert closed and time.monotonic() - start < 9
    finally:
        srv.stop()


def test_random_bodies_never_get_a_server_error(server: ApiServer) -> None:
    """Seeded random bodies and paths on every POST route: each is answered, never with 5xx
    (a 503 would mean a write failed, which random input must not cause)."""
    import random

    rng = random.Random(22)
    values: list[Any] = [
        None,
        True,
        0,
        -1,
        2**70,
        1.5,
        "",
        "x" * 300,
        "中文",
        [],
        {},
        [1],
        {"a": 1},
    ]
    keys = ["segment", "category", "severity", "text", "to", "kind", "urgent", "x"]
    paths = [
        "/api/v1/rundown/next",
        "/api/v1/rundown/jump",
        "/api/v1/rundown/toggle-hold",
        "/api/v1/incidents",
        "/api/v1/messages",
        "/api/v1/products/%E4%B8%AD/present",
        "/api/v1/rundown/%00",
    ]
    for _ in range(150):
        body = {rng.choice(keys): rng.choice(values) for _ in range(rng.randint(0, 4))}
        raw = json.dumps(body).encode()
        if rng.random() < 0.2:
            cut = rng.randrange(len(raw) + 1)
            raw = raw[:cut] + rng.choice([b"\x00", b"\xff", b"[", b'"', b"}"]) + raw[cut:]
        code, data = call(
            server, "POST", rng.choice(paths), raw=raw, headers={"Content-Type": "application/json"}
        )
        assert code < 500, (raw, code, data)


def test_optional_tls(store: Store, show: int, tmp_path: Any) -> None:
    """With a certificate (`studio serve --tls-cert`) the server answers over HTTPS."""
    import shutil
    import ssl

    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    srv = ApiServer(store, show, ServerConfig(port=0, token=TOKEN, ssl_context=ctx)).start()
    try:
        assert srv.url.startswith("https://")
        client = ssl.create_default_context(cafile=str(cert))
        client.check_hostname = False
        conn = http.client.HTTPSConnection("127.0.0.1", srv.port, timeout=20, context=client)
        conn.request("GET", "/api/v1/status")
        resp = conn.getresponse()
        assert resp.status == 200 and json.loads(resp.read())["show"]["id"] == show
        conn.close()
    finally:
        srv.stop()
